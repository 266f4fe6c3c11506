import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BASELINE_DAYS,
  HOUR_MS,
  MIN_BASELINE_DAYS,
  bandOf,
  baselineOf,
  emptyTally,
  judgeHour,
  judgeKpi,
  kpiDefinition,
  tallyByHour,
  type HourTally,
} from "@/lib/kpi/rules";

const reply = kpiDefinition("reply_rate")!;
const intake = kpiDefinition("intake_volume")!;
const consentBlocks = kpiDefinition("block_rate.consent")!;

const hour = (patch: Partial<HourTally>): HourTally => ({ ...emptyTally(), ...patch });
const days = (n: number, patch: Partial<HourTally>) => Array.from({ length: n }, () => hour(patch));

describe("tallyByHour", () => {
  it("puts each fact in the hour it happened and ignores facts outside the span", () => {
    const origin = Date.UTC(2026, 0, 1);
    const tallies = tallyByHour(
      [
        { at: origin, kind: "sent", n: 3 },
        { at: origin + HOUR_MS - 1, kind: "reply", n: 1 },
        { at: origin + HOUR_MS, kind: "delivered", n: 2 },
        { at: origin + HOUR_MS, kind: "failed", n: 1 },
        { at: origin + HOUR_MS, kind: "blocked", gate: "consent", n: 4 },
        { at: origin + 2 * HOUR_MS, kind: "engineFailed", n: 1 },
        { at: origin - 1, kind: "lead", n: 9 },
        { at: origin + 3 * HOUR_MS, kind: "lead", n: 9 },
      ],
      origin,
      3,
    );
    expect(tallies[0]).toMatchObject({ sent: 3, replies: 1, leads: 0 });
    expect(tallies[1]).toMatchObject({ delivered: 2, settled: 3, blocked: { consent: 4 } });
    expect(tallies[2]).toMatchObject({ engineRuns: 1, engineFailures: 1 });
  });

  it("keeps every counted occurrence inside the span (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ offset: fc.integer({ min: -HOUR_MS, max: 5 * HOUR_MS }), n: fc.integer({ min: 1, max: 50 }) }), { maxLength: 60 }), (facts) => {
        const tallies = tallyByHour(facts.map((f) => ({ at: f.offset, kind: "lead" as const, n: f.n })), 0, 4);
        const inside = facts.filter((f) => f.offset >= 0 && f.offset < 4 * HOUR_MS).reduce((s, f) => s + f.n, 0);
        expect(tallies.reduce((s, t) => s + t.leads, 0)).toBe(inside);
      }),
      { numRuns: 200 },
    );
  });
});

describe("baseline and band", () => {
  it("needs MIN_BASELINE_DAYS days with enough volume", () => {
    expect(baselineOf(reply, days(MIN_BASELINE_DAYS - 1, { sent: 100, replies: 30 }))).toBeNull();
    expect(baselineOf(reply, [...days(2, { sent: 100, replies: 30 }), ...days(5, { sent: 5, replies: 1 })])).toBeNull();
    expect(baselineOf(reply, days(MIN_BASELINE_DAYS, { sent: 100, replies: 30 }))).toEqual({ mean: 0.3, spread: 0, days: MIN_BASELINE_DAYS });
  });

  it("computes the population spread", () => {
    const baseline = baselineOf(reply, [hour({ sent: 100, replies: 20 }), hour({ sent: 100, replies: 40 }), hour({ sent: 100, replies: 30 }), hour({ sent: 100, replies: 30 })]);
    expect(baseline!.mean).toBeCloseTo(0.3);
    expect(baseline!.spread).toBeCloseTo(Math.sqrt(0.005));
  });

  it("keeps the band at least the floor wide and inside [0, 1] for rates (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (mean, spread) => {
        const band = bandOf(reply, { mean, spread, days: 7 });
        expect(band.low).toBeGreaterThanOrEqual(0);
        expect(band.high).toBeLessThanOrEqual(1);
        expect(band.low).toBeLessThanOrEqual(mean);
        expect(band.high).toBeGreaterThanOrEqual(mean);
        expect(Math.max(mean - band.low, band.high - mean)).toBeGreaterThanOrEqual(Math.min(reply.floor, 1 - mean, mean) - 1e-12);
      }),
      { numRuns: 300 },
    );
  });
});

describe("judgeKpi", () => {
  const steady = days(BASELINE_DAYS, { sent: 100, replies: 30 });

  it("breaches when the reply rate falls below the band, not when it rises", () => {
    expect(judgeKpi(reply, hour({ sent: 100, replies: 5 }), steady)).toMatchObject({ status: "breach", direction: "below" });
    expect(judgeKpi(reply, hour({ sent: 100, replies: 90 }), steady).status).toBe("normal");
    expect(judgeKpi(reply, hour({ sent: 100, replies: 27 }), steady).status).toBe("normal");
  });

  it("stays quiet on a quiet hour, an unmeasurable hour or without a baseline", () => {
    expect(judgeKpi(reply, hour({ sent: 19, replies: 0 }), steady)).toMatchObject({ status: "skipped", reason: "low_volume" });
    expect(judgeKpi(reply, hour({}), steady)).toMatchObject({ status: "skipped", reason: "no_data" });
    expect(judgeKpi(reply, hour({ sent: 100, replies: 0 }), days(2, { sent: 100, replies: 30 }))).toMatchObject({ status: "skipped", reason: "no_baseline" });
    // Match conversion without any buyer data is skipped, never alarming.
    expect(judgeKpi(kpiDefinition("match_conversion")!, hour({ sent: 100 }), steady)).toMatchObject({ status: "skipped", reason: "no_data" });
  });

  it("alarms on block rates only upward", () => {
    const baseline = days(BASELINE_DAYS, { sent: 95, blocked: { consent: 5 } });
    expect(judgeKpi(consentBlocks, hour({ sent: 50, blocked: { consent: 50 } }), baseline)).toMatchObject({ status: "breach", direction: "above" });
    expect(judgeKpi(consentBlocks, hour({ sent: 100 }), baseline).status).toBe("normal");
  });

  it("alarms on intake volume both ways, but not in quiet hours", () => {
    const baseline = days(BASELINE_DAYS, { leads: 40 });
    expect(judgeKpi(intake, hour({ leads: 0 }), baseline)).toMatchObject({ status: "breach", direction: "below" });
    expect(judgeKpi(intake, hour({ leads: 200 }), baseline)).toMatchObject({ status: "breach", direction: "above" });
    expect(judgeKpi(intake, hour({ leads: 9 }), days(BASELINE_DAYS, { leads: 2 })).status).toBe("skipped");
  });

  it("never breaches an hour equal to a flat baseline, for any KPI and any volume (property)", () => {
    fc.assert(
      fc.property(
        fc.record({ sent: fc.nat(500), replies: fc.nat(500), delivered: fc.nat(500), leads: fc.nat(500), optOuts: fc.nat(50), engineRuns: fc.nat(50) }),
        (counts) => {
          const same = hour({ ...counts, settled: counts.delivered, engineFailures: Math.floor(counts.engineRuns / 3) });
          const tallies = Array.from({ length: 24 * BASELINE_DAYS + 1 }, () => same);
          expect(judgeHour(tallies, tallies.length - 1).filter((v) => v.status === "breach")).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("judges against the same hour of the previous days only", () => {
    const tallies = Array.from({ length: 24 * BASELINE_DAYS + 1 }, (_, i) => (i % 24 === 0 ? hour({ sent: 100, replies: 30 }) : hour({ sent: 100, replies: 0 })));
    const verdicts = judgeHour(tallies, 24 * BASELINE_DAYS);
    expect(verdicts.find((v) => v.kpi === "reply_rate")!.status).toBe("normal");
    const shifted = judgeHour(tallies, 24 * BASELINE_DAYS - 1);
    expect(shifted.find((v) => v.kpi === "reply_rate")!.status).toBe("normal");
  });
});
