import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideInterval, formatSeconds, initialDecision } from "@/lib/engines/orchestrator";
import { ENGINE_LIST, ENGINES } from "@/lib/engines/registry";
import type { EngineLoad, EngineProfile, LoadSignal } from "@/lib/engines/types";

const idle: EngineLoad = { backlog: 0, inboundLastHour: 0, replyRate: null, deliveryRate: null, consecutiveFailures: 0 };
const underwriting = ENGINES.underwriting; // 1 min .. 60 min, default 15 min; backlog + inbound velocity
const intake = ENGINES["email-intake"]; // 1 min .. 30 min, default 5 min; inbound velocity + reply rate
const allSignals: EngineProfile = { ...underwriting, signals: ["backlog", "inboundVelocity", "replyRate", "deliveryRate"] };

describe("decideInterval, table", () => {
  const cases: { name: string; engine: EngineProfile; load: Partial<EngineLoad>; seconds: number; reason: RegExp }[] = [
    { name: "idle underwriting slows to 4x default, capped at 60 min", engine: underwriting, load: {}, seconds: 3600, reason: /nothing waiting, slowing down$/ },
    { name: "one deal waiting halves the default", engine: underwriting, load: { backlog: 1 }, seconds: 450, reason: /1 deal\(s\) awaiting underwriting/ },
    { name: "10 deals: a quarter", engine: underwriting, load: { backlog: 10 }, seconds: 225, reason: /10 deal/ },
    { name: "50 deals: an eighth", engine: underwriting, load: { backlog: 50 }, seconds: 113, reason: /50 deal/ },
    { name: "200 deals: held at the 1 min floor", engine: underwriting, load: { backlog: 200 }, seconds: 60, reason: /fastest allowed \(1 min\)/ },
    { name: "fast inbound speeds underwriting up too", engine: underwriting, load: { inboundLastHour: 20 }, seconds: 113, reason: /20 deal email/ },
    { name: "the stronger signal wins", engine: underwriting, load: { backlog: 1, inboundLastHour: 5 }, seconds: 225, reason: /1 deal.*5 deal email/ },
    { name: "underwriting ignores reply rate", engine: underwriting, load: { replyRate: 0.5 }, seconds: 3600, reason: /nothing waiting/ },
    { name: "idle intake: 20 min", engine: intake, load: {}, seconds: 1200, reason: /nothing waiting/ },
    { name: "intake ignores the backlog signal", engine: intake, load: { backlog: 500 }, seconds: 1200, reason: /nothing waiting/ },
    { name: "intake speeds up with replies", engine: intake, load: { replyRate: 0.3 }, seconds: 75, reason: /30% of messages get replies/ },
    { name: "a 5% reply rate is no signal", engine: intake, load: { replyRate: 0.05 }, seconds: 1200, reason: /nothing waiting/ },
    { name: "poor delivery throttles x4", engine: allSignals, load: { backlog: 10, deliveryRate: 0.7 }, seconds: 900, reason: /delivery rate 70%, throttling/ },
    { name: "middling delivery throttles x2", engine: allSignals, load: { backlog: 10, deliveryRate: 0.9 }, seconds: 450, reason: /delivery rate 90%/ },
    { name: "good delivery does not throttle", engine: allSignals, load: { backlog: 10, deliveryRate: 0.99 }, seconds: 225, reason: /^Every 3 min 45 s: 10 deal/ },
    { name: "failures back off exponentially", engine: underwriting, load: { backlog: 10, consecutiveFailures: 2 }, seconds: 900, reason: /2 consecutive failure/ },
    { name: "back-off stays within bounds", engine: underwriting, load: { backlog: 10, consecutiveFailures: 30 }, seconds: 3600, reason: /slowest allowed/ },
  ];
  it.each(cases)("$name", ({ engine, load, seconds, reason }) => {
    const decision = decideInterval(engine, { ...idle, ...load });
    expect(decision.intervalSeconds).toBe(seconds);
    expect(decision.reason).toMatch(new RegExp(reason.source, "i"));
    expect(decision.reason.startsWith(`Every ${formatSeconds(seconds)}: `)).toBe(true);
  });

  it("starts every engine at its default", () => {
    for (const engine of ENGINE_LIST) expect(initialDecision(engine).intervalSeconds).toBe(engine.bounds.defaultSeconds);
  });
});

const signals = fc.subarray<LoadSignal>(["backlog", "inboundVelocity", "replyRate", "deliveryRate"]);
const profile: fc.Arbitrary<EngineProfile> = fc
  .tuple(fc.integer({ min: 1, max: 3600 }), fc.integer({ min: 0, max: 86_400 }), fc.double({ min: 0, max: 1, noNaN: true }), signals)
  .map(([minSeconds, span, defaultShare, chosen]) => {
    const maxSeconds = minSeconds + span;
    return {
      name: "underwriting",
      label: "Test",
      backlogNoun: "items",
      signals: chosen,
      bounds: { minSeconds, maxSeconds, defaultSeconds: Math.round(minSeconds + defaultShare * span) },
    };
  });
const rate = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
const load: fc.Arbitrary<EngineLoad> = fc.record({
  backlog: fc.nat({ max: 100_000 }),
  inboundLastHour: fc.nat({ max: 10_000 }),
  replyRate: rate,
  deliveryRate: rate,
  consecutiveFailures: fc.nat({ max: 100 }),
});

describe("decideInterval, properties", () => {
  it("always returns a whole number of seconds within the engine's bounds, with a reason", () => {
    fc.assert(
      fc.property(profile, load, (engine, l) => {
        const { intervalSeconds, reason } = decideInterval(engine, l);
        expect(Number.isInteger(intervalSeconds)).toBe(true);
        expect(intervalSeconds).toBeGreaterThanOrEqual(engine.bounds.minSeconds);
        expect(intervalSeconds).toBeLessThanOrEqual(engine.bounds.maxSeconds);
        expect(reason.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it("more backlog never means a longer interval", () => {
    fc.assert(
      fc.property(profile, load, fc.nat({ max: 100_000 }), (engine, l, extra) => {
        expect(decideInterval(engine, { ...l, backlog: l.backlog + extra }).intervalSeconds).toBeLessThanOrEqual(decideInterval(engine, l).intervalSeconds);
      }),
      { numRuns: 2000 },
    );
  });

  it("faster inbound or more replies never mean a longer interval", () => {
    fc.assert(
      fc.property(profile, load, fc.nat({ max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), (engine, l, extra, more) => {
        const base = decideInterval(engine, l).intervalSeconds;
        expect(decideInterval(engine, { ...l, inboundLastHour: l.inboundLastHour + extra }).intervalSeconds).toBeLessThanOrEqual(base);
        const higherReply = l.replyRate === null ? more : Math.min(1, l.replyRate + more);
        expect(decideInterval(engine, { ...l, replyRate: higherReply }).intervalSeconds).toBeLessThanOrEqual(base);
      }),
      { numRuns: 2000 },
    );
  });

  it("worse delivery and more failures never mean a shorter interval", () => {
    fc.assert(
      fc.property(profile, load, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 10 }), (engine, l, worse, moreFailures) => {
        const base = decideInterval(engine, l).intervalSeconds;
        const lowerDelivery = l.deliveryRate === null ? null : Math.max(0, l.deliveryRate - worse);
        expect(decideInterval(engine, { ...l, deliveryRate: lowerDelivery }).intervalSeconds).toBeGreaterThanOrEqual(base);
        expect(decideInterval(engine, { ...l, consecutiveFailures: l.consecutiveFailures + moreFailures }).intervalSeconds).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 2000 },
    );
  });

  it("any load at all is never slower than the idle pace", () => {
    fc.assert(
      fc.property(profile, load, (engine, l) => {
        const calm = { ...l, deliveryRate: null, consecutiveFailures: 0 };
        expect(decideInterval(engine, calm).intervalSeconds).toBeLessThanOrEqual(decideInterval(engine, { ...idle }).intervalSeconds);
      }),
    );
  });
});
