import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { REGIONS } from "@/lib/geo/regions";
import {
  CHANNELS,
  isContactAllowed,
  minutesOfDay,
  nextAllowedInstant,
  type MarketPolicyRules,
  type PolicyRecord,
} from "@/lib/policy";
import { formatLocal, zoneClock } from "@/lib/policy/zone-clock";
import { rulesArb as rulesArbFor } from "../helpers/policy-arbitraries";

/** Every zone of every state, province and territory. */
const ALL_ZONES = [...new Set(REGIONS.flatMap((r) => r.timeZones))];
const YEAR_2026 = { min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) - 1 };
const MINUTE = 60_000;

const rulesArb = rulesArbFor(CHANNELS);

const policyArb: fc.Arbitrary<PolicyRecord | null> = fc.option(
  fc.record({ region: fc.constant("XX"), market: fc.constant("ALL"), enabled: fc.boolean(), rules: rulesArb }),
  { freq: 8 },
);

const zonesArb = fc.oneof(
  { weight: 12, arbitrary: fc.uniqueArray(fc.constantFrom(...ALL_ZONES), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constant([] as string[]) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.uniqueArray(fc.constantFrom(...ALL_ZONES), { maxLength: 2 }), fc.constantFrom("", "Mars/Base", "EST-5", "America/Nowhere"))
      .map(([zones, bad]) => [...zones, bad]),
  },
);

const instantArb = fc.integer(YEAR_2026).map((ms) => new Date(ms));
const channelArb = fc.constantFrom("SMS", "CALL", "EMAIL", "FAX", "sms");
const scoreArb = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN) },
  { weight: 6, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) },
);

/** Luxon as an independent oracle of the local weekday (0 = Monday) and minute of the day. */
function oracleInside(rules: MarketPolicyRules, zone: string, ms: number): boolean {
  const local = DateTime.fromMillis(ms, { zone });
  const day = local.weekday - 1;
  const minute = local.hour * 60 + local.minute;
  return rules.contactWindows.some((w) => w.days.includes(day) && minute >= minutesOfDay(w.start) && minute < minutesOfDay(w.end));
}

function failClosedCondition(policy: PolicyRecord | null, zones: string[], channel: string, score: number | null | undefined): boolean {
  return (
    policy === null ||
    !policy.enabled ||
    zones.length === 0 ||
    zones.some((z) => zoneClock(z) === null || !DateTime.local().setZone(z).isValid) ||
    !(policy.rules.channelsAllowed as string[]).includes(channel.toUpperCase()) ||
    typeof score !== "number" ||
    Number.isNaN(score) ||
    score < policy.rules.minLeadScore
  );
}

describe("isContactAllowed properties", () => {
  it("(a) never allows contact when a fail-closed condition holds", () => {
    fc.assert(
      fc.property(policyArb, zonesArb, instantArb, channelArb, scoreArb, (policy, zones, at, channel, score) => {
        const decision = isContactAllowed({ policy, timeZones: zones, at, channel, score });
        if (failClosedCondition(policy, zones, channel, score)) expect(decision.ok).toBe(false);
        if (!decision.ok) expect(decision.reason).not.toBe("within_window");
      }),
      { numRuns: 3000 },
    );
  });

  it("(b) when allowed, the local time in EVERY zone lies inside a window of its weekday", () => {
    // Mostly enabled policies and valid inputs, so that many cases are allowed.
    const likelyAllowed = fc.oneof(
      { weight: 1, arbitrary: fc.tuple(policyArb, zonesArb, channelArb, scoreArb) },
      {
        weight: 4,
        arbitrary: fc.tuple(
          rulesArb.map((rules): PolicyRecord | null => ({ region: "XX", market: "ALL", enabled: true, rules })),
          fc.uniqueArray(fc.constantFrom(...ALL_ZONES), { minLength: 1, maxLength: 3 }),
          fc.constantFrom<string>(...CHANNELS),
          fc.constant<number | null | undefined>(100),
        ),
      },
    );
    fc.assert(
      fc.property(likelyAllowed, instantArb, ([policy, zones, channel, score], at) => {
        const decision = isContactAllowed({ policy, timeZones: zones, at, channel, score });
        if (!decision.ok) return;
        for (const zone of zones) expect(oracleInside(policy!.rules, zone, at.getTime())).toBe(true);
        const expected = DateTime.fromMillis(at.getTime(), { zone: zones[0] }).startOf("second").toISO({ suppressMilliseconds: true });
        expect(decision).toMatchObject({ reason: "within_window", timeZone: zones[0], localTime: expected });
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the luxon oracle on every input (allowed iff no fail-closed condition and inside everywhere)", () => {
    const enabledPolicy = rulesArb.map((rules): PolicyRecord => ({ region: "XX", market: "ALL", enabled: true, rules }));
    const validZones = fc.uniqueArray(fc.constantFrom(...ALL_ZONES), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(enabledPolicy, validZones, instantArb, fc.constantFrom(...CHANNELS), (policy, zones, at, channel) => {
        const decision = isContactAllowed({ policy, timeZones: zones, at, channel, score: 100 });
        const channelOk = (policy.rules.channelsAllowed as string[]).includes(channel);
        const expected = channelOk && zones.every((z) => oracleInside(policy.rules, z, at.getTime()));
        expect(decision.ok).toBe(expected);
        if (channelOk && !expected) {
          const firstFailing = zones.find((z) => !oracleInside(policy.rules, z, at.getTime()));
          expect(decision.timeZone).toBe(firstFailing);
          expect(["outside_window", "closed_today"]).toContain(decision.reason);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("nextAllowedInstant properties", () => {
  it("(c) returns the earliest allowed instant >= from: allowed itself, no allowed minute before it", () => {
    const enabledPolicy = rulesArb.map((rules): PolicyRecord => ({
      region: "XX",
      market: "ALL",
      enabled: true,
      rules: { ...rules, channelsAllowed: ["SMS", ...rules.channelsAllowed.filter((c) => c !== "SMS")] },
    }));
    const validZones = fc.uniqueArray(fc.constantFrom(...ALL_ZONES), { minLength: 1, maxLength: 3 });
    const allowed = (policy: PolicyRecord, zones: string[], ms: number) =>
      isContactAllowed({ policy, timeZones: zones, at: new Date(ms), channel: "SMS", score: 100 }).ok;

    fc.assert(
      fc.property(enabledPolicy, validZones, instantArb, (policy, zones, from) => {
        const next = nextAllowedInstant(policy, zones, from, "SMS");
        const fromMs = from.getTime();
        const end = next ? next.getTime() : fromMs + 8 * 24 * 60 * MINUTE;
        if (next) {
          expect(next.getTime()).toBeGreaterThanOrEqual(fromMs);
          expect(allowed(policy, zones, next.getTime())).toBe(true);
          for (const zone of zones) expect(oracleInside(policy.rules, zone, next.getTime())).toBe(true);
        }
        if (end > fromMs) {
          expect(allowed(policy, zones, fromMs)).toBe(false);
          // Every minute boundary strictly between `from` and the answer (or the 8-day horizon) is refused.
          for (let ms = Math.floor(fromMs / MINUTE) * MINUTE + MINUTE; ms < end; ms += MINUTE) {
            if (allowed(policy, zones, ms)) expect.fail(`allowed at ${new Date(ms).toISOString()} before ${next?.toISOString()}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("zone clock", () => {
  it("matches luxon's offset and local time for every region zone over 1990-2060", () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
    fc.assert(
      fc.property(fc.constantFrom(...ALL_ZONES), instant, (zone, ms) => {
        const local = DateTime.fromMillis(ms, { zone });
        const clock = zoneClock(zone)!;
        expect(clock.offsetAt(ms)).toBe(local.offset * MINUTE);
        expect(formatLocal(ms, clock.offsetAt(ms))).toBe(local.startOf("second").toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: 5000 },
    );
  });

  it("finds every 2026 transition to the second", () => {
    for (const zone of ALL_ZONES) {
      const clock = zoneClock(zone)!;
      for (const transition of clock.transitionsBetween(YEAR_2026.min, YEAR_2026.max)) {
        expect(DateTime.fromMillis(transition - 1000, { zone }).offset).not.toBe(DateTime.fromMillis(transition, { zone }).offset);
        expect(clock.offsetAt(transition - 1)).toBe(DateTime.fromMillis(transition - 1, { zone }).offset * MINUTE);
        expect(clock.offsetAt(transition)).toBe(DateTime.fromMillis(transition, { zone }).offset * MINUTE);
      }
    }
    expect(zoneClock("America/New_York")!.transitionsBetween(YEAR_2026.min, YEAR_2026.max).map((t) => new Date(t).toISOString())).toEqual([
      "2026-03-08T07:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
    ]);
    expect(zoneClock("America/Regina")!.transitionsBetween(YEAR_2026.min, YEAR_2026.max)).toEqual([]);
  });
});
