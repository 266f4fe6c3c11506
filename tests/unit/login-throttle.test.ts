import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffSeconds, describeWait, evaluateLoginThrottle, LOGIN_THROTTLE, type ThrottleState } from "@/lib/auth/throttle";

const now = new Date("2026-03-09T12:00:00Z");
const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const state = (overrides: Partial<ThrottleState> = {}): ThrottleState => ({
  pairFailures: 0,
  lastPairFailureAt: null,
  ipFailures: 0,
  knownDevice: false,
  ...overrides,
});

describe("backoffSeconds", () => {
  it("is free for the first five failures, then 30 s doubling up to 15 minutes", () => {
    const table = Array.from({ length: 12 }, (_, failures) => backoffSeconds(failures));
    expect(table).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
  });

  it("stays finite and capped for any count", () => {
    fc.assert(
      fc.property(fc.nat(10_000), (failures) => {
        const delay = backoffSeconds(failures);
        expect(Number.isFinite(delay)).toBe(true);
        expect(delay).toBeLessThanOrEqual(LOGIN_THROTTLE.maxDelaySeconds);
        expect(backoffSeconds(failures + 1)).toBeGreaterThanOrEqual(delay);
      }),
      { numRuns: 500 },
    );
  });
});

describe("evaluateLoginThrottle", () => {
  it("exhaustively: a pair is refused exactly while its back-off has not passed", () => {
    for (let failures = 0; failures <= 14; failures += 1) {
      const delay = backoffSeconds(failures);
      for (const waited of [0, 1, delay - 1, delay, delay + 1, 3600]) {
        if (waited < 0) continue;
        const verdict = evaluateLoginThrottle(state({ pairFailures: failures, lastPairFailureAt: secondsAgo(waited) }), now);
        if (waited < delay) expect(verdict).toEqual({ allowed: false, reason: "pair", retryAfterSeconds: Math.max(1, delay - waited) });
        else expect(verdict).toEqual({ allowed: true });
      }
    }
  });

  it("exhaustively: an IP past its cap stops unknown devices only", () => {
    for (let ipFailures = 0; ipFailures <= 40; ipFailures += 1) {
      for (const knownDevice of [false, true]) {
        const verdict = evaluateLoginThrottle(state({ ipFailures, knownDevice }), now);
        const refused = !knownDevice && ipFailures >= LOGIN_THROTTLE.maxIpFailures;
        expect(verdict).toEqual(refused ? { allowed: false, reason: "ip", retryAfterSeconds: 900 } : { allowed: true });
      }
    }
  });

  it("property: waiting out the announced delay is always enough for the pair", () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(4000), fc.boolean(), (pairFailures, waited, knownDevice) => {
        const before = state({ pairFailures, lastPairFailureAt: secondsAgo(waited), knownDevice });
        const verdict = evaluateLoginThrottle(before, now);
        if (verdict.allowed || verdict.reason !== "pair") return;
        const later = new Date(now.getTime() + verdict.retryAfterSeconds * 1000);
        expect(evaluateLoginThrottle(before, later)).toEqual({ allowed: true });
        expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_THROTTLE.maxDelaySeconds);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: another pair's failures never refuse a clean pair on a clean address", () => {
    // The rule sees only its own pair: an attacker's count is not an input of the owner's verdict.
    fc.assert(
      fc.property(fc.nat(LOGIN_THROTTLE.maxIpFailures - 1), fc.boolean(), (ipFailures, knownDevice) => {
        expect(evaluateLoginThrottle(state({ ipFailures, knownDevice }), now)).toEqual({ allowed: true });
      }),
      { numRuns: 200 },
    );
  });

  it("property: a known device is never refused for its address", () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(10_000), fc.nat(4000), (pairFailures, ipFailures, waited) => {
        const verdict = evaluateLoginThrottle(state({ pairFailures, ipFailures, lastPairFailureAt: secondsAgo(waited), knownDevice: true }), now);
        if (!verdict.allowed) expect(verdict.reason).toBe("pair");
      }),
      { numRuns: 1000 },
    );
  });
});

describe("describeWait", () => {
  it("says seconds under a minute and rounds minutes up", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(29)).toBe("29 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
  });
});
