import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeIntentScore, signalPoints, UnknownSignalTypeError, type IntentModel, type ScoredSignal } from "@/lib/signals/score";
import { DEFAULT_HALF_LIFE_HOURS, DEFAULT_WEIGHTS, SIGNAL_TYPES } from "@/lib/signals/types";

const NOW = new Date("2026-12-06T12:00:00Z");
const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR);
const model: IntentModel = { weights: { reply: 30, open: 5, offer: 40 }, halfLifeHours: { reply: 72, open: 24, offer: 168 } };
const seeded: IntentModel = { weights: DEFAULT_WEIGHTS, halfLifeHours: DEFAULT_HALF_LIFE_HOURS };

describe("computeIntentScore: table", () => {
  const cases: { name: string; signals: ScoredSignal[]; score: number }[] = [
    { name: "no signals", signals: [], score: 0 },
    { name: "a fresh reply is its weight", signals: [{ type: "reply", occurredAt: NOW }], score: 30 },
    { name: "a reply one half-life old is half", signals: [{ type: "reply", occurredAt: hoursAgo(72) }], score: 15 },
    { name: "two half-lives is a quarter (rounded)", signals: [{ type: "reply", occurredAt: hoursAgo(144) }], score: 8 },
    { name: "weights add", signals: [{ type: "reply", occurredAt: NOW }, { type: "offer", occurredAt: NOW }, { type: "open", occurredAt: NOW }], score: 75 },
    { name: "a signal after now is ignored", signals: [{ type: "reply", occurredAt: new Date(NOW.getTime() + 1000) }], score: 0 },
    { name: "the same dedupe key counts once", signals: [{ type: "reply", occurredAt: NOW, dedupeKey: "msg:1" }, { type: "reply", occurredAt: NOW, dedupeKey: "msg:1" }], score: 30 },
    { name: "distinct keys both count", signals: [{ type: "reply", occurredAt: NOW, dedupeKey: "msg:1" }, { type: "reply", occurredAt: NOW, dedupeKey: "msg:2" }], score: 60 },
    { name: "capped at 100", signals: [1, 2, 3].map((i) => ({ type: "offer", occurredAt: NOW, dedupeKey: `o${i}` })), score: 100 },
    { name: "an open a day old is 2.5, rounded to 3", signals: [{ type: "open", occurredAt: hoursAgo(24) }], score: 3 },
  ];
  for (const c of cases) it(c.name, () => expect(computeIntentScore(c.signals, model, NOW).score).toBe(c.score));

  it("with the seeded table, two replies and a click cross the seeded threshold of 70", () => {
    const signals = [
      { type: "sms_reply", occurredAt: hoursAgo(1), dedupeKey: "a" },
      { type: "email_reply", occurredAt: hoursAgo(2), dedupeKey: "b" },
      { type: "email_click", occurredAt: hoursAgo(1), dedupeKey: "c" },
    ];
    expect(computeIntentScore(signals, seeded, NOW).score).toBeGreaterThanOrEqual(70);
  });

  it("lists contributions strongest first, with their age", () => {
    const result = computeIntentScore([{ type: "open", occurredAt: NOW }, { type: "offer", occurredAt: hoursAgo(168) }], model, NOW);
    expect(result.contributions.map((c) => [c.type, c.ageHours, c.points])).toEqual([["offer", 168, 20], ["open", 0, 5]]);
  });

  it("refuses a type the model does not know", () => {
    expect(() => computeIntentScore([{ type: "fax", occurredAt: NOW }], model, NOW)).toThrow(UnknownSignalTypeError);
    expect(() => signalPoints({ type: "reply", occurredAt: NOW }, { weights: { reply: 1 }, halfLifeHours: {} }, NOW)).toThrow(/halfLifeHours/);
  });
});

const signalArb = fc.record({
  type: fc.constantFrom(...SIGNAL_TYPES),
  // From 60 days ago to 2 days ahead of now.
  occurredAt: fc.integer({ min: -60 * 24, max: 48 }).map((h) => new Date(NOW.getTime() + h * HOUR)),
  dedupeKey: fc.option(fc.constantFrom("k1", "k2", "k3", "k4", "k5", "k6"), { nil: null }),
});
const signalsArb = fc.array(signalArb, { maxLength: 12 });
const modelArb = fc.record({
  weights: fc.record(Object.fromEntries(SIGNAL_TYPES.map((t) => [t, fc.integer({ min: 0, max: 60 })])) as Record<(typeof SIGNAL_TYPES)[number], fc.Arbitrary<number>>),
  halfLifeHours: fc.record(Object.fromEntries(SIGNAL_TYPES.map((t) => [t, fc.integer({ min: 1, max: 400 })])) as Record<(typeof SIGNAL_TYPES)[number], fc.Arbitrary<number>>),
});
const score = (signals: ScoredSignal[], m: IntentModel = seeded, now = NOW) => computeIntentScore(signals, m, now).score;

describe("computeIntentScore: properties", () => {
  it("stays within 0..100 and is an integer", () => {
    fc.assert(fc.property(signalsArb, modelArb, (signals, m) => {
      const s = score(signals, m);
      return Number.isInteger(s) && s >= 0 && s <= 100;
    }));
  });

  it("a newer signal never lowers the score", () => {
    fc.assert(fc.property(signalsArb, signalArb, modelArb, (signals, extra, m) => score([...signals, extra], m) >= score(signals, m)));
  });

  it("removing a signal never raises the score", () => {
    fc.assert(fc.property(signalsArb.filter((s) => s.length > 0), fc.nat(), modelArb, (signals, i, m) => {
      const without = signals.filter((_, j) => j !== i % signals.length);
      return score(without, m) <= score(signals, m);
    }));
  });

  it("a signal moved later (still not after now) never lowers the score", () => {
    fc.assert(fc.property(signalsArb, signalArb, fc.integer({ min: 0, max: 24 * 30 }), modelArb, (signals, extra, hours, m) => {
      const later = new Date(Math.min(NOW.getTime(), extra.occurredAt.getTime() + hours * HOUR));
      return score([...signals, { ...extra, occurredAt: later }], m) >= score([...signals, extra], m);
    }));
  });

  it("duplicates count once: repeating signals changes nothing", () => {
    fc.assert(fc.property(signalsArb, modelArb, (signals, m) => {
      const keyed = signals.map((s, i) => ({ ...s, dedupeKey: s.dedupeKey ?? `own-${i}` }));
      return score([...keyed, ...keyed], m) === score(keyed, m);
    }));
  });

  it("future signals are ignored", () => {
    fc.assert(fc.property(signalsArb, fc.array(signalArb, { maxLength: 5 }), modelArb, (signals, more, m) => {
      const future = more.map((s, i) => ({ ...s, occurredAt: new Date(NOW.getTime() + (i + 1) * HOUR), dedupeKey: `future-${i}` }));
      return score([...signals, ...future], m) === score(signals, m);
    }));
  });

  it("one half-life later, a lone signal's points halve", () => {
    fc.assert(fc.property(fc.constantFrom(...SIGNAL_TYPES), fc.integer({ min: 0, max: 500 }), modelArb, (type, ageHours, m) => {
      const signal = { type, occurredAt: hoursAgo(ageHours) };
      const later = new Date(NOW.getTime() + m.halfLifeHours[type] * HOUR);
      const before = signalPoints(signal, m, NOW);
      return Math.abs(signalPoints(signal, m, later) - before / 2) < 1e-9 * Math.max(1, before);
    }));
  });

  it("the order of the signals does not matter", () => {
    fc.assert(fc.property(signalsArb, modelArb, (signals, m) => score([...signals].reverse(), m) === score(signals, m)));
  });
});
