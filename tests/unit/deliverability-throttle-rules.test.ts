import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE_POLICY as policy, decideThrottle, type SenderStats, type WindowCounts } from "@/lib/deliverability/throttle-rules";

const counts = (c: Partial<WindowCounts>): WindowCounts => ({ sent: 0, settled: 0, delivered: 0, replies: 0, optOuts: 0, ...c });
/** 100 messages in 24 h, all settled, `delivered` of them delivered; a healthy 7-day baseline of 500 at 10 % replies. */
function stats(overrides: { status?: SenderStats["status"]; rate?: number; day?: Partial<WindowCounts>; week?: Partial<WindowCounts> }): SenderStats {
  const day = counts({ sent: 100, settled: 100, delivered: 97, replies: 10, optOuts: 0, ...overrides.day });
  const week = overrides.week ? counts(overrides.week) : counts({ sent: day.sent + 500, settled: day.settled + 500, delivered: day.delivered + 490, replies: day.replies + 50, optOuts: day.optOuts + 2 });
  return { status: overrides.status ?? "ACTIVE", rate: overrides.rate ?? (overrides.status === "PAUSED" ? 0 : overrides.status === "SLOWED" ? 0.5 : 1), last24h: day, last7d: week };
}

describe("decideThrottle", () => {
  const cases: Array<[string, SenderStats, { action: string; status: string; rate: number }]> = [
    ["healthy active number keeps its pace", stats({}), { action: "keep", status: "ACTIVE", rate: 1 }],
    ["delivery 84 % slows an active number to half", stats({ day: { delivered: 84 } }), { action: "slow", status: "SLOWED", rate: 0.5 }],
    ["delivery exactly 85 % is not a breach", stats({ day: { delivered: 85 } }), { action: "keep", status: "ACTIVE", rate: 1 }],
    ["delivery under 70 % pauses at once", stats({ day: { delivered: 60 } }), { action: "pause", status: "PAUSED", rate: 0 }],
    ["opt-outs 3 % slow", stats({ day: { optOuts: 3 } }), { action: "slow", status: "SLOWED", rate: 0.5 }],
    ["opt-outs exactly 2 % are not a breach", stats({ day: { optOuts: 2 } }), { action: "keep", status: "ACTIVE", rate: 1 }],
    ["opt-outs 6 % pause", stats({ day: { optOuts: 6 } }), { action: "pause", status: "PAUSED", rate: 0 }],
    ["replies collapsing under half the baseline slow", stats({ day: { replies: 4 } }), { action: "slow", status: "SLOWED", rate: 0.5 }],
    ["replies at 6 % against a 10 % baseline are no collapse", stats({ day: { replies: 6 } }), { action: "keep", status: "ACTIVE", rate: 1 }],
    ["a slowed number still breaching halves again", stats({ status: "SLOWED", rate: 0.5, day: { delivered: 80 } }), { action: "slow", status: "SLOWED", rate: 0.25 }],
    ["a number at the slowest rate still breaching pauses", stats({ status: "SLOWED", rate: 0.125, day: { delivered: 80 } }), { action: "pause", status: "PAUSED", rate: 0 }],
    ["a paused number still breaching stays paused", stats({ status: "PAUSED", day: { delivered: 50 } }), { action: "keep", status: "PAUSED", rate: 0 }],
    ["a paused number that recovered comes back slowed", stats({ status: "PAUSED" }), { action: "restore", status: "SLOWED", rate: 0.25 }],
    ["a slowed number that recovered doubles its rate", stats({ status: "SLOWED", rate: 0.25 }), { action: "restore", status: "SLOWED", rate: 0.5 }],
    ["a slowed number at half that recovered is active again", stats({ status: "SLOWED", rate: 0.5 }), { action: "restore", status: "ACTIVE", rate: 1 }],
    ["19 messages are too few to judge", stats({ day: { sent: 19, settled: 19, delivered: 5, optOuts: 5, replies: 0 } }), { action: "keep", status: "ACTIVE", rate: 1 }],
    ["a paused number whose breach aged out goes on probation", stats({ status: "PAUSED", day: { sent: 0, settled: 0, delivered: 0, replies: 0 }, week: { sent: 300, settled: 300, delivered: 200, replies: 10, optOuts: 20 } }), { action: "restore", status: "SLOWED", rate: 0.25 }],
    ["a quiet slowed number with a healthy week restores", stats({ status: "SLOWED", rate: 0.25, day: { sent: 5, settled: 5, delivered: 5, replies: 1 }, week: { sent: 200, settled: 200, delivered: 195, replies: 20, optOuts: 1 } }), { action: "restore", status: "SLOWED", rate: 0.5 }],
    ["a quiet slowed number with a bad week keeps its rate", stats({ status: "SLOWED", rate: 0.25, day: { sent: 5, settled: 5, delivered: 5, replies: 1 }, week: { sent: 200, settled: 200, delivered: 150, replies: 20, optOuts: 1 } }), { action: "keep", status: "SLOWED", rate: 0.25 }],
    ["no baseline volume: replies cannot collapse", stats({ day: { replies: 0 }, week: { sent: 110, settled: 110, delivered: 107, replies: 5 } }), { action: "keep", status: "ACTIVE", rate: 1 }],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(decideThrottle(input, policy)).toMatchObject(expected);
  });

  it("says why, in a sentence naming the figure and the limit", () => {
    const decision = decideThrottle(stats({ day: { delivered: 80, optOuts: 3 } }), policy);
    expect(decision.reasons).toEqual(["Delivery over the last 24 h is 80 %, under 85 %.", "Opt-outs over the last 24 h are 3 %, over 2 %."]);
  });
});

const windowArb = fc
  .record({ sent: fc.integer({ min: 0, max: 400 }), settledShare: fc.double({ min: 0, max: 1, noNaN: true }), deliveredShare: fc.double({ min: 0, max: 1, noNaN: true }), replies: fc.integer({ min: 0, max: 100 }), optOuts: fc.integer({ min: 0, max: 40 }) })
  .map(({ sent, settledShare, deliveredShare, replies, optOuts }) => {
    const settled = Math.floor(sent * settledShare);
    return counts({ sent, settled, delivered: Math.floor(settled * deliveredShare), replies: Math.min(replies, sent), optOuts: Math.min(optOuts, sent) });
  });
const currentArb = fc.oneof(
  fc.constant({ status: "ACTIVE" as const, rate: 1 }),
  fc.constant({ status: "PAUSED" as const, rate: 0 }),
  fc.double({ min: 0.01, max: 0.99, noNaN: true }).map((rate) => ({ status: "SLOWED" as const, rate })),
);
const statsArb = fc.tuple(currentArb, windowArb, windowArb).map(([current, day, earlier]): SenderStats => ({
  ...current,
  last24h: day,
  last7d: counts({ sent: day.sent + earlier.sent, settled: day.settled + earlier.settled, delivered: day.delivered + earlier.delivered, replies: day.replies + earlier.replies, optOuts: day.optOuts + earlier.optOuts }),
}));
const breached = (s: SenderStats) =>
  (s.last24h.settled >= policy.minSample && s.last24h.delivered / s.last24h.settled < policy.minDeliveryRate) ||
  (s.last24h.sent >= policy.minSample && s.last24h.optOuts / s.last24h.sent > policy.maxOptOutRate);

describe("decideThrottle properties", () => {
  it("never raises the rate while delivery or opt-outs breach their limit", () => {
    fc.assert(fc.property(statsArb, (s) => {
      fc.pre(breached(s));
      const decision = decideThrottle(s, policy);
      expect(decision.rate).toBeLessThanOrEqual(s.rate);
      expect(decision.action).not.toBe("restore");
    }), { numRuns: 500 });
  });

  it("never slows or pauses on fewer than the minimum sample", () => {
    fc.assert(fc.property(statsArb, (s) => {
      fc.pre(s.last24h.sent < policy.minSample);
      expect(["slow", "pause"]).not.toContain(decideThrottle(s, policy).action);
    }), { numRuns: 500 });
  });

  it("worse delivery never yields a higher rate", () => {
    fc.assert(fc.property(statsArb, fc.integer({ min: 1, max: 100 }), (s, drop) => {
      const lost = Math.min(drop, s.last24h.delivered);
      const worse: SenderStats = { ...s, last24h: { ...s.last24h, delivered: s.last24h.delivered - lost }, last7d: { ...s.last7d, delivered: s.last7d.delivered - lost } };
      expect(decideThrottle(worse, policy).rate).toBeLessThanOrEqual(decideThrottle(s, policy).rate);
    }), { numRuns: 500 });
  });

  it("restores step by step: higher, never past 1, at most doubling (or to the floor)", () => {
    fc.assert(fc.property(statsArb, (s) => {
      const decision = decideThrottle(s, policy);
      expect(decision.rate).toBeGreaterThanOrEqual(0);
      expect(decision.rate).toBeLessThanOrEqual(1);
      if (decision.action === "restore") {
        expect(decision.rate).toBeGreaterThan(s.rate);
        expect(decision.rate).toBeLessThanOrEqual(Math.min(1, Math.max(s.rate * 2, policy.restoreFloorRate)));
        if (s.status === "PAUSED") expect(decision.status).toBe("SLOWED");
      }
    }), { numRuns: 500 });
  });

  it("a paused decision always has rate 0 and an active one rate 1", () => {
    fc.assert(fc.property(statsArb, (s) => {
      const decision = decideThrottle(s, policy);
      if (decision.status === "PAUSED") expect(decision.rate).toBe(0);
      if (decision.status === "ACTIVE") expect(decision.rate).toBe(1);
      if (decision.status === "SLOWED") expect(decision.rate).toBeGreaterThan(0);
      expect(decision.reasons.length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });
});
