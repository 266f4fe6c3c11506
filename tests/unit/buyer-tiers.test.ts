import { describe, expect, it } from "vitest";
import { rankBestBuyers, type BestBuyerCandidate } from "@/lib/buyers/best-buyers";
import { DEFAULT_BUYER_SETTINGS } from "@/lib/buyers/settings-schema";
import { computeBuyerTier, medianDays, type BuyerPerformanceStats } from "@/lib/buyers/tiers";

const stats = (sent: number, responded: number, bought: number, closingVelocityDays: number | null = null): BuyerPerformanceStats => ({ sent, responded, offered: bought, bought, closingVelocityDays });

describe("computeBuyerTier with the default thresholds", () => {
  it.each([
    ["no history", stats(0, 0, 0), "C", true],
    ["4 sent, all bought: still too little history", stats(4, 4, 4, 5), "C", true],
    ["exactly the minimum, perfect", stats(5, 5, 5, 10), "A", false],
    ["A bars reached exactly", stats(20, 10, 3, 21), "A", false],
    ["A rates, velocity 22 days: B", stats(20, 10, 3, 22), "B", false],
    ["A rates, velocity unknown: A", stats(20, 10, 3, null), "A", false],
    ["response just under A: B", stats(100, 49, 15, 10), "B", false],
    ["close just under A: B", stats(100, 50, 14, 10), "B", false],
    ["B bars reached exactly", stats(20, 5, 1, 45), "B", false],
    ["B rates, velocity 46 days: C", stats(20, 5, 1, 46), "C", false],
    ["response under B: C", stats(100, 24, 10, 10), "C", false],
    ["close under B: C", stats(100, 90, 4, 10), "C", false],
    ["answers but never buys: C", stats(50, 50, 0), "C", false],
  ] as const)("%s -> %s", (_, s, tier, isNew) => {
    const result = computeBuyerTier(s, DEFAULT_BUYER_SETTINGS);
    expect(result.tier).toBe(tier);
    expect(result.isNew).toBe(isNew);
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it("follows the tenant's thresholds", () => {
    const strict = { ...DEFAULT_BUYER_SETTINGS, tierAResponseRate: 0.9, tierMinSent: 1 };
    expect(computeBuyerTier(stats(10, 6, 2, 10), DEFAULT_BUYER_SETTINGS).tier).toBe("A");
    expect(computeBuyerTier(stats(10, 6, 2, 10), strict).tier).toBe("B");
    expect(computeBuyerTier(stats(2, 2, 2, 1), strict).tier).toBe("A");
  });

  it("says why in words", () => {
    const result = computeBuyerTier(stats(20, 5, 1, 46), DEFAULT_BUYER_SETTINGS);
    expect(result.reasons.join("; ")).toContain("closes in 46 days, slower than tier B's 45");
    expect(computeBuyerTier(stats(2, 0, 0), DEFAULT_BUYER_SETTINGS).reasons[0]).toContain("fewer than the 5");
  });

  it("rates are fractions of deals sent", () => {
    expect(computeBuyerTier(stats(8, 4, 2), DEFAULT_BUYER_SETTINGS)).toMatchObject({ responseRate: 0.5, closeRate: 0.25 });
  });
});

describe("medianDays", () => {
  it.each([
    [[], null],
    [[10], 10],
    [[30, 10, 20], 20],
    [[10, 20, 25, 40], 22.5],
  ])("%o -> %o", (values, expected) => expect(medianDays(values)).toBe(expected));
});

const candidate = (buyerId: string, over: Partial<BestBuyerCandidate> = {}): BestBuyerCandidate => ({
  buyerId, status: "ACTIVE", tier: "C", tierIsNew: false, postalCodes: [], purchases: 0, responses: 0, ...over,
});

describe("rankBestBuyers", () => {
  it("ranks by tier, then purchases, then responses in the postal code", () => {
    const ranked = rankBestBuyers("77002", [
      candidate("c-many", { tier: "C", purchases: 9, responses: 9 }),
      candidate("b-1", { tier: "B", purchases: 1, responses: 1 }),
      candidate("a-0", { tier: "A", purchases: 0, responses: 3 }),
      candidate("b-2", { tier: "B", purchases: 2, responses: 0 }),
      candidate("b-2-more", { tier: "B", purchases: 2, responses: 5 }),
    ]);
    expect(ranked.map((b) => b.buyerId)).toEqual(["a-0", "b-2-more", "b-2", "b-1", "c-many"]);
    expect(ranked.map((b) => b.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    ["an inactive buyer", candidate("x", { status: "INACTIVE", purchases: 3 }), false],
    ["a buyer without a record or box there", candidate("x", { tier: "A", postalCodes: ["77003"] }), false],
    ["a buyer whose box names the code", candidate("x", { postalCodes: ["77002"] }), true],
    ["a buyer who answered there", candidate("x", { responses: 1 }), true],
  ] as const)("%s appears: %s", (_, b, appears) => {
    expect(rankBestBuyers("77002", [b]).length).toBe(appears ? 1 : 0);
  });

  it("reads a full Canadian postal code as its FSA and ranks nobody for an unreadable code", () => {
    expect(rankBestBuyers("M6H 2T3", [candidate("x", { postalCodes: ["M6H"] })])[0].reasons).toContain("buy box names M6H");
    expect(rankBestBuyers("nope", [candidate("x", { responses: 3 })])).toEqual([]);
  });

  it("shows a new buyer as such and keeps the limit", () => {
    const many = Array.from({ length: 30 }, (_, i) => candidate(`b${String(i).padStart(2, "0")}`, { responses: 1, tierIsNew: true }));
    const ranked = rankBestBuyers("77002", many, 10);
    expect(ranked).toHaveLength(10);
    expect(ranked[0].reasons[0]).toBe("tier C (new)");
  });
});
