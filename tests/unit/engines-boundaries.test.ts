import { describe, expect, it } from "vitest";
import { evaluateLoginThrottle, LOGIN_THROTTLE } from "@/lib/auth/throttle";
import { decideInterval, MAX_FAILURE_DOUBLINGS } from "@/lib/engines/orchestrator";
import { ENGINES } from "@/lib/engines/registry";
import { failureVerdict, isOverdue, isRunInFlight, isScheduledRunCurrent, OVERDUE_GRACE_MS, STALE_RUN_MS } from "@/lib/engines/rules";
import type { EngineLoad, EngineProfile } from "@/lib/engines/types";
import { DISPATCH_BACKOFF_BASE_MS, DISPATCH_BACKOFF_CAP_MS, dispatchBackoffMs } from "@/lib/events/backoff";
import { invitationStatus } from "@/lib/tenants/invitations";

// Boundary examples beside the property tests of engines-orchestrator, engines-rules,
// login-throttle and invitation-status: each tier, threshold and bound exactly, and one
// step either side.

const idle: EngineLoad = { backlog: 0, inboundLastHour: 0, replyRate: null, deliveryRate: null, consecutiveFailures: 0 };
const underwriting = ENGINES.underwriting; // 60 s .. 3600 s, default 900 s; backlog + inbound velocity
const intake = ENGINES["email-intake"]; // 60 s .. 1800 s, default 300 s; inbound velocity + reply rate
const allSignals: EngineProfile = { ...underwriting, signals: ["backlog", "inboundVelocity", "replyRate", "deliveryRate"] };
const seconds = (engine: EngineProfile, load: Partial<EngineLoad>) => decideInterval(engine, { ...idle, ...load }).intervalSeconds;

describe("decideInterval tiers (each `atLeast` is inclusive)", () => {
  it("reads the bounds it is tested against", () => {
    expect(underwriting.bounds).toEqual({ minSeconds: 60, maxSeconds: 3600, defaultSeconds: 900 });
    expect(intake.bounds).toEqual({ minSeconds: 60, maxSeconds: 1800, defaultSeconds: 300 });
  });

  it.each([
    { backlog: 1, expected: 450 },
    { backlog: 9, expected: 450 },
    { backlog: 10, expected: 225 },
    { backlog: 49, expected: 225 },
    { backlog: 50, expected: 113 },
    { backlog: 199, expected: 113 },
    { backlog: 200, expected: 60 },
  ])("backlog $backlog -> $expected s", ({ backlog, expected }) => {
    expect(seconds(underwriting, { backlog })).toBe(expected);
  });

  it.each([
    { inboundLastHour: 1, expected: 450 },
    { inboundLastHour: 4, expected: 450 },
    { inboundLastHour: 5, expected: 225 },
    { inboundLastHour: 19, expected: 225 },
    { inboundLastHour: 20, expected: 113 },
  ])("inbound velocity $inboundLastHour -> $expected s", ({ inboundLastHour, expected }) => {
    expect(seconds(underwriting, { inboundLastHour })).toBe(expected);
  });

  it.each([
    { replyRate: 0.0999, expected: 1200 },
    { replyRate: 0.1, expected: 150 },
    { replyRate: 0.2499, expected: 150 },
    { replyRate: 0.25, expected: 75 },
  ])("reply rate $replyRate -> $expected s", ({ replyRate, expected }) => {
    expect(seconds(intake, { replyRate })).toBe(expected);
  });

  it.each([
    { deliveryRate: 0.7999, expected: 900 },
    { deliveryRate: 0.8, expected: 450 },
    { deliveryRate: 0.9499, expected: 450 },
    { deliveryRate: 0.95, expected: 225 },
  ])("delivery rate $deliveryRate (throttles only strictly below) -> $expected s", ({ deliveryRate, expected }) => {
    expect(seconds(allSignals, { backlog: 10, deliveryRate })).toBe(expected);
  });
});

describe("decideInterval back-off and bounds", () => {
  const wide: EngineProfile = { ...underwriting, bounds: { minSeconds: 1, maxSeconds: 1_000_000, defaultSeconds: 100 }, signals: ["backlog"] };

  it.each([
    { failures: 0, expected: 50 },
    { failures: 1, expected: 100 },
    { failures: MAX_FAILURE_DOUBLINGS - 1, expected: 50 * 2 ** (MAX_FAILURE_DOUBLINGS - 1) },
    { failures: MAX_FAILURE_DOUBLINGS, expected: 50 * 2 ** MAX_FAILURE_DOUBLINGS },
    { failures: MAX_FAILURE_DOUBLINGS + 1, expected: 50 * 2 ** MAX_FAILURE_DOUBLINGS },
  ])("$failures consecutive failure(s) -> $expected s", ({ failures, expected }) => {
    expect(seconds(wide, { backlog: 1, consecutiveFailures: failures })).toBe(expected);
  });

  it("an interval exactly at the floor or the ceiling is kept without a 'held' note; one past it is held", () => {
    const floor: EngineProfile = { ...wide, bounds: { minSeconds: 50, maxSeconds: 1000, defaultSeconds: 100 } };
    const atFloor = decideInterval(floor, { ...idle, backlog: 1 }); // 100 / 2 = 50
    expect(atFloor.intervalSeconds).toBe(50);
    expect(atFloor.reason).not.toMatch(/held at/);
    const belowFloor = decideInterval(floor, { ...idle, backlog: 10 }); // 100 / 4 = 25
    expect(belowFloor.intervalSeconds).toBe(50);
    expect(belowFloor.reason).toMatch(/held at the fastest allowed/);

    const atCeiling = decideInterval(underwriting, idle); // 900 x 4 = 3600
    expect(atCeiling.intervalSeconds).toBe(3600);
    expect(atCeiling.reason).not.toMatch(/held at/);
    const lowCeiling: EngineProfile = { ...underwriting, bounds: { ...underwriting.bounds, maxSeconds: 3599 } };
    const overCeiling = decideInterval(lowCeiling, idle);
    expect(overCeiling.intervalSeconds).toBe(3599);
    expect(overCeiling.reason).toMatch(/held at the slowest allowed/);
  });
});

describe("engine rules at their thresholds", () => {
  const now = new Date("2026-03-02T12:00:00Z");

  it.each([
    { previous: 1, threshold: 3, escalate: false },
    { previous: 2, threshold: 3, escalate: true },
    { previous: 3, threshold: 3, escalate: true },
    { previous: 0, threshold: 1, escalate: true },
    { previous: 0, threshold: 0, escalate: true },
  ])("failure after $previous with threshold $threshold -> escalate: $escalate", ({ previous, threshold, escalate }) => {
    expect(failureVerdict(previous, threshold, false)).toEqual({ consecutiveFailures: previous + 1, escalate });
    expect(failureVerdict(previous, threshold, true).escalate).toBe(false);
  });

  it("a RUNNING run is in flight until exactly STALE_RUN_MS old", () => {
    const startedAgo = (ms: number) => ({ outcome: "RUNNING", startedAt: new Date(now.getTime() - ms) });
    expect(isRunInFlight(startedAgo(STALE_RUN_MS - 1), now)).toBe(true);
    expect(isRunInFlight(startedAgo(STALE_RUN_MS), now)).toBe(false);
    expect(isRunInFlight({ outcome: "SUCCEEDED", startedAt: now }, now)).toBe(false);
  });

  it("a scheduled run is current within 999 ms of the stored next run, not at 1000 ms", () => {
    expect(isScheduledRunCurrent(new Date(now.getTime() + 999).toISOString(), now)).toBe(true);
    expect(isScheduledRunCurrent(new Date(now.getTime() - 999).toISOString(), now)).toBe(true);
    expect(isScheduledRunCurrent(new Date(now.getTime() + 1000).toISOString(), now)).toBe(false);
  });

  it("an engine is overdue only strictly past the grace period", () => {
    expect(isOverdue(new Date(now.getTime() - OVERDUE_GRACE_MS), now)).toBe(false);
    expect(isOverdue(new Date(now.getTime() - OVERDUE_GRACE_MS - 1), now)).toBe(true);
  });

  it("dispatch back-off reaches the cap exactly and stays there", () => {
    const attemptsToCap = Math.log2(DISPATCH_BACKOFF_CAP_MS / DISPATCH_BACKOFF_BASE_MS) + 1;
    const lastBelow = Math.floor(attemptsToCap);
    expect(dispatchBackoffMs(1)).toBe(DISPATCH_BACKOFF_BASE_MS);
    expect(dispatchBackoffMs(lastBelow)).toBe(DISPATCH_BACKOFF_BASE_MS * 2 ** (lastBelow - 1));
    expect(dispatchBackoffMs(lastBelow)).toBeLessThan(DISPATCH_BACKOFF_CAP_MS);
    expect(dispatchBackoffMs(lastBelow + 1)).toBe(DISPATCH_BACKOFF_CAP_MS);
    expect(dispatchBackoffMs(0)).toBe(DISPATCH_BACKOFF_BASE_MS);
  });
});

describe("login throttle at its limits (slowed at exactly the limit)", () => {
  const now = new Date("2026-03-09T12:00:00Z");
  const justFailed = new Date(now.getTime() - 1000);
  it.each([
    { pairFailures: LOGIN_THROTTLE.freeFailures - 1, ipFailures: 0, allowed: true },
    { pairFailures: LOGIN_THROTTLE.freeFailures, ipFailures: 0, allowed: false },
    { pairFailures: 0, ipFailures: LOGIN_THROTTLE.maxIpFailures - 1, allowed: true },
    { pairFailures: 0, ipFailures: LOGIN_THROTTLE.maxIpFailures, allowed: false },
  ])("pair $pairFailures, ip $ipFailures -> allowed: $allowed", ({ pairFailures, ipFailures, allowed }) => {
    expect(evaluateLoginThrottle({ pairFailures, ipFailures, lastPairFailureAt: justFailed, knownDevice: false }, now).allowed).toBe(allowed);
  });

  it("names the pair first when both limits are reached", () => {
    const state = { pairFailures: 5, ipFailures: 20, lastPairFailureAt: justFailed, knownDevice: false };
    expect(evaluateLoginThrottle(state, now)).toEqual({ allowed: false, reason: "pair", retryAfterSeconds: 29 });
    expect(evaluateLoginThrottle({ ...state, pairFailures: 4 }, now)).toEqual({ allowed: false, reason: "ip", retryAfterSeconds: 900 });
  });
});

describe("invitation expiry (expired at exactly expiresAt)", () => {
  const expiresAt = new Date("2026-03-09T12:00:00Z");
  const open = { acceptedAt: null, revokedAt: null, expiresAt };
  it.each([
    { offset: -1, status: "pending" },
    { offset: 0, status: "expired" },
    { offset: 1, status: "expired" },
  ])("$offset ms from expiresAt -> $status", ({ offset, status }) => {
    expect(invitationStatus(open, new Date(expiresAt.getTime() + offset))).toBe(status);
  });
});
