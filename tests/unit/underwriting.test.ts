import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeOffer, DEFAULT_OFFER_TERMS, pickStrategy, resolveOfferPolicy, type PolicyCandidate } from "@/lib/underwriting/rules";

describe("computeOffer", () => {
  it("reproduces the worked example: ARV 450,000, repairs 50,000 at 0.70 and 2,500 give 262,500", () => {
    const result = computeOffer({ arv: 450_000, repairs: 50_000, askingPrice: 200_000 }, DEFAULT_OFFER_TERMS);
    expect(result.mao).toBe(262_500);
    expect(result.spread).toBe(62_500);
    expect(result.spreadRatio).toBeCloseTo(0.1389, 4);
  });

  it("refuses a non-positive ARV", () => {
    expect(() => computeOffer({ arv: 0, repairs: 0, askingPrice: 1 }, DEFAULT_OFFER_TERMS)).toThrow(RangeError);
  });

  it("MAO falls by exactly the added repairs and spread by exactly the added asking price", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50_000, max: 2_000_000 }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 50_000 }), (arv, repairs, asking, extra) => {
        const base = computeOffer({ arv, repairs, askingPrice: asking }, DEFAULT_OFFER_TERMS);
        expect(computeOffer({ arv, repairs: repairs + extra, askingPrice: asking }, DEFAULT_OFFER_TERMS).mao).toBe(base.mao - extra);
        expect(computeOffer({ arv, repairs, askingPrice: asking + extra }, DEFAULT_OFFER_TERMS).spread).toBe(base.spread - extra);
      }),
    );
  });
});

describe("pickStrategy", () => {
  const terms = DEFAULT_OFFER_TERMS;
  it.each([
    { arv: 300_000, repairs: 60_000, spread: 5_000, expected: "TRASH" },
    { arv: 300_000, repairs: 60_000, spread: -20_000, expected: "TRASH" },
    { arv: 300_000, repairs: 60_000, spread: 50_000, expected: "FLIP" },
    { arv: 300_000, repairs: 10_000, spread: 40_000, expected: "RENTAL" },
    { arv: 300_000, repairs: 60_000, spread: 20_000, expected: "WHOLESALE" },
    { arv: 300_000, repairs: 10_000, spread: 15_000, expected: "WHOLESALE" },
  ])("$expected for ARV $arv, repairs $repairs, spread $spread", ({ arv, repairs, spread, expected }) => {
    expect(pickStrategy({ arv, repairs, askingPrice: 0 }, spread, terms).strategy).toBe(expected);
  });

  it("a spread below the assignment fee is always TRASH, at or above it never is", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 3_000_000 }), fc.integer({ min: 0, max: 500_000 }), fc.integer({ min: -500_000, max: 1_000_000 }), (arv, repairs, spread) => {
        const { strategy } = pickStrategy({ arv, repairs, askingPrice: 0 }, spread, terms);
        expect(strategy === "TRASH").toBe(spread < terms.assignmentFee);
      }),
    );
  });
});

describe("resolveOfferPolicy", () => {
  const policy = (region: string, market: string, enabled: boolean): PolicyCandidate => ({ id: `${region}/${market}`, region, market, enabled, version: 1, ...DEFAULT_OFFER_TERMS });
  const policies = [policy("ALL", "ALL", true), policy("ON", "ALL", true), policy("ON", "TORONTO", false), policy("TX", "ALL", false)];

  it("prefers the most specific enabled policy", () => {
    expect(resolveOfferPolicy(policies, "ON", "Ottawa")?.id).toBe("ON/ALL");
    expect(resolveOfferPolicy(policies, "ON", "Toronto")?.id).toBe("ON/ALL");
    expect(resolveOfferPolicy(policies, "TX", "Dallas")?.id).toBe("ALL/ALL");
    expect(resolveOfferPolicy(policies, null, null)?.id).toBe("ALL/ALL");
  });

  it("returns nothing when no policy is enabled", () => {
    expect(resolveOfferPolicy(policies.map((p) => ({ ...p, enabled: false })), "ON", "Toronto")).toBeNull();
  });
});
