import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RANK_ORDER, rankArea, shortMoney } from "@/lib/market/rank";
import { DEFAULT_RANK_THRESHOLDS, RankThresholds, thresholdsFrom } from "@/lib/market/thresholds";
import type { AreaMetrics } from "@/lib/market/types";

/** Metrics as the recompute builds them from counts: velocities and trend follow the deal counts. */
function metrics(input: Partial<AreaMetrics> & { deals4w?: number; deals12w?: number }): AreaMetrics {
  const deals4w = input.deals4w ?? 0;
  const deals12w = input.deals12w ?? deals4w;
  const outbound = input.outbound ?? 0;
  const replies = input.replies ?? 0;
  return {
    asOf: "2026-12-06T12:00:00.000Z",
    dealsTotal: deals12w,
    medianSpread: null,
    medianSpreadRatio: null,
    underwrittenShare: null,
    buyerOffers: 0,
    contracts: 0,
    closes: 0,
    medianDaysToContract: null,
    lastDealAt: null,
    ...input,
    deals4w,
    deals12w,
    velocity4w: deals4w / 4,
    velocity12w: deals12w / 12,
    trend: deals12w > 0 ? (3 * deals4w) / deals12w : null,
    outbound,
    replies,
    replyRate: input.replyRate !== undefined ? input.replyRate : outbound > 0 ? replies / outbound : null,
  };
}

const T = DEFAULT_RANK_THRESHOLDS;

describe("rankArea: one row per rule, with the default thresholds", () => {
  const table: { rule: string; m: AreaMetrics; rank: string; headline: string }[] = [
    {
      rule: "hot: enough new deals, speeding up, good spreads",
      m: metrics({ deals4w: 9, deals12w: 13, medianSpread: 38_000 }),
      rank: "HOT",
      headline: "HOT: 9 deals in 4 weeks, 2.1x the 12-week rate, median spread 38k",
    },
    {
      rule: "hot without any spread yet",
      m: metrics({ deals4w: 4, deals12w: 4 }),
      rank: "HOT",
      headline: "HOT: 4 deals in 4 weeks, 3.0x the 12-week rate, no spreads yet",
    },
    {
      rule: "hot exactly at every threshold",
      m: metrics({ deals4w: 5, deals12w: 12, medianSpread: 15_000 }),
      rank: "HOT",
      headline: "HOT: 5 deals in 4 weeks, 1.3x the 12-week rate, median spread 15k",
    },
    {
      rule: "normal: too few deals in 4 weeks to be hot",
      m: metrics({ deals4w: 3, deals12w: 6, medianSpread: 40_000 }),
      rank: "NORMAL",
      headline: "NORMAL: 6 deals in 12 weeks; 3 deals in 4 weeks (hot from 4)",
    },
    {
      rule: "normal: enough deals but not speeding up",
      m: metrics({ deals4w: 4, deals12w: 12, medianSpread: 40_000 }),
      rank: "NORMAL",
      headline: "NORMAL: 12 deals in 12 weeks; 1.0x the 12-week rate (hot from 1.3x)",
    },
    {
      rule: "normal: busy but thin spreads",
      m: metrics({ deals4w: 8, deals12w: 10, medianSpread: 9_000 }),
      rank: "NORMAL",
      headline: "NORMAL: 10 deals in 12 weeks; median spread 9k (hot from 15k)",
    },
    {
      rule: "cold: fewer deals in 12 weeks than an active area",
      m: metrics({ deals4w: 1, deals12w: 1, medianSpread: 50_000 }),
      rank: "COLD",
      headline: "COLD: 1 deal in 12 weeks, under the 2 an active area has",
    },
    {
      rule: "cold: no deal at all",
      m: metrics({}),
      rank: "COLD",
      headline: "COLD: 0 deals in 12 weeks, under the 2 an active area has",
    },
    {
      rule: "cold: deals that leave nothing",
      m: metrics({ deals4w: 1, deals12w: 6, medianSpread: -5_000 }),
      rank: "COLD",
      headline: "COLD: median spread -5k, under 0",
    },
    {
      rule: "cold: sellers do not answer",
      m: metrics({ deals4w: 1, deals12w: 6, outbound: 100, replies: 1 }),
      rank: "COLD",
      headline: "COLD: 1.0% of 100 messages answered, under 2.0%",
    },
    {
      rule: "normal: a low reply rate over too few messages says nothing",
      m: metrics({ deals4w: 1, deals12w: 6, outbound: 49, replies: 0 }),
      rank: "NORMAL",
      headline: "NORMAL: 6 deals in 12 weeks; 1 deal in 4 weeks (hot from 4)",
    },
  ];
  it.each(table)("$rule", ({ m, rank, headline }) => {
    const result = rankArea(m, T);
    expect(result.rank).toBe(rank);
    expect(result.computedRank).toBe(rank);
    expect(result.reasons[0]).toBe(headline);
  });

  it("blacklist: the mark and its reason lead, the computed rank follows", () => {
    const result = rankArea(metrics({ deals4w: 9, deals12w: 13, medianSpread: 38_000 }), T, { reason: "Flood zone, no buyers" });
    expect(result).toEqual({
      rank: "BLACKLIST",
      computedRank: "HOT",
      reasons: ["BLACKLIST: Flood zone, no buyers", "Otherwise HOT: 9 deals in 4 weeks, 2.1x the 12-week rate, median spread 38k"],
    });
  });

  it("says money the way the team does", () => {
    expect([shortMoney(950), shortMoney(38_000), shortMoney(-5_000), shortMoney(1_200_000), shortMoney(2_000_000)]).toEqual(["950", "38k", "-5k", "1.2M", "2M"]);
  });
});

const count = fc.integer({ min: 0, max: 60 });
/** Consistent metrics: 4-week deals are among the 12-week ones. */
const metricsArb = fc
  .record({
    deals4w: count,
    older: count,
    medianSpread: fc.option(fc.integer({ min: -50_000, max: 120_000 }), { nil: null }),
    outbound: fc.integer({ min: 0, max: 300 }),
    replies: fc.integer({ min: 0, max: 300 }),
  })
  .map(({ deals4w, older, medianSpread, outbound, replies }) =>
    metrics({ deals4w, deals12w: deals4w + older, medianSpread, outbound, replies: Math.min(replies, outbound) }),
  );
const thresholdsArb: fc.Arbitrary<RankThresholds> = fc.record({
  hotMinDeals4w: fc.integer({ min: 0, max: 20 }),
  hotMinTrend: fc.double({ min: 0, max: 5, noNaN: true }),
  hotMinMedianSpread: fc.integer({ min: -20_000, max: 60_000 }),
  coldMinDeals12w: fc.integer({ min: 0, max: 20 }),
  coldMaxMedianSpread: fc.integer({ min: -20_000, max: 60_000 }),
  coldMaxReplyRate: fc.double({ min: 0, max: 1, noNaN: true }),
  replyRateMinOutbound: fc.integer({ min: 0, max: 200 }),
});

describe("rankArea properties", () => {
  it("one more new deal (it counts in both windows), all else equal, never lowers the rank", () => {
    fc.assert(
      fc.property(metricsArb, thresholdsArb, (m, t) => {
        const more = metrics({ ...m, deals4w: m.deals4w + 1, deals12w: m.deals12w + 1 });
        // RANK_ORDER: lower is hotter.
        expect(RANK_ORDER[rankArea(more, t).rank]).toBeLessThanOrEqual(RANK_ORDER[rankArea(m, t).rank]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("a blacklisted area is BLACKLIST whatever its metrics and thresholds, and keeps its computed rank", () => {
    fc.assert(
      fc.property(metricsArb, thresholdsArb, fc.string({ minLength: 3, maxLength: 300 }), (m, t, reason) => {
        const marked = rankArea(m, t, { reason });
        const computed = rankArea(m, t);
        expect(marked.rank).toBe("BLACKLIST");
        expect(marked.computedRank).toBe(computed.rank);
        expect(marked.reasons[0]).toBe(`BLACKLIST: ${reason}`);
        expect(computed.rank).not.toBe("BLACKLIST");
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("thresholdsFrom", () => {
  const fields = Object.keys(DEFAULT_RANK_THRESHOLDS) as (keyof RankThresholds)[];
  // Invalid for every field: not a number, empty, or out of every field's range.
  const invalid = fc.constantFrom<unknown>("abc", "", " ", null, undefined, true, { nested: 1 }, 1e9, -5_000_000, Number.NaN);

  it("keeps each valid stored field and falls back to the default for each invalid or missing one", () => {
    fc.assert(
      fc.property(thresholdsArb, fc.array(fc.boolean(), { minLength: fields.length, maxLength: fields.length }), invalid, (valid, keep, bad) => {
        const stored = Object.fromEntries(fields.map((f, i) => [f, keep[i] ? valid[f] : bad]));
        const result = thresholdsFrom(stored);
        fields.forEach((f, i) => {
          expect(result[f]).toBe(keep[i] ? valid[f] : DEFAULT_RANK_THRESHOLDS[f]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("gives the defaults for nothing stored or something that is not an object", () => {
    for (const stored of [null, undefined, "x", 3, []]) expect(thresholdsFrom(stored)).toEqual(DEFAULT_RANK_THRESHOLDS);
    expect(thresholdsFrom({ hotMinDeals4w: "7" })).toEqual({ ...DEFAULT_RANK_THRESHOLDS, hotMinDeals4w: 7 });
  });
});
