import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeOffer, DEFAULT_OFFER_TERMS, recommendedOffer } from "@/lib/underwriting/rules";
import { planUnderwriting, type OfferPolicyRow } from "@/lib/underwriting/service";

describe("recommendedOffer", () => {
  it("is MAO less the negotiation margin: 262,500 - 5,000 = 257,500 in the worked example", () => {
    const result = computeOffer({ arv: 450_000, repairs: 50_000, askingPrice: 200_000 }, DEFAULT_OFFER_TERMS);
    expect(result.mao).toBe(262_500);
    expect(result.recommendedOffer).toBe(257_500);
  });

  it.each([
    { mao: 10_000, margin: 5_000, expected: 5_000 },
    { mao: 5_000, margin: 5_000, expected: 0 },
    { mao: 3_000, margin: 5_000, expected: 0 },
    { mao: -20_000, margin: 5_000, expected: 0 },
    { mao: 80_000, margin: 0, expected: 80_000 },
    { mao: 80_000, margin: undefined, expected: 80_000 },
    { mao: 80_000, margin: -1_000, expected: 80_000 },
  ])("MAO $mao with margin $margin recommends $expected", ({ mao, margin, expected }) => {
    expect(recommendedOffer(mao, margin)).toBe(expected);
  });

  it("never exceeds MAO, is never negative, and a wider margin never raises it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50_000, max: 2_000_000 }), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 20_000 }), (arv, repairs, margin, extra) => {
        const terms = { ...DEFAULT_OFFER_TERMS, negotiationMargin: margin };
        const offer = computeOffer({ arv, repairs, askingPrice: 0 }, terms);
        expect(offer.recommendedOffer).toBeGreaterThanOrEqual(0);
        expect(offer.recommendedOffer).toBeLessThanOrEqual(Math.max(0, offer.mao));
        expect(computeOffer({ arv, repairs, askingPrice: 0 }, { ...terms, negotiationMargin: margin + extra }).recommendedOffer).toBeLessThanOrEqual(offer.recommendedOffer);
      }),
      { numRuns: 300 },
    );
  });
});

describe("planUnderwriting's evidence", () => {
  const policy = { id: "p1", region: "ALL", market: "ALL", enabled: true, version: 3, maxArvMultiplier: 0.7, feesBuffer: 2_500, assignmentFee: 10_000, negotiationMargin: 7_500 } as OfferPolicyRow;
  const deal = { id: "d1", region: "TX", market: "DALLAS", arv: 300_000, repairs: null, askingPrice: 150_000 };

  it("records the recommended offer and what was assumed, with no comps for an entered ARV", () => {
    const plan = planUnderwriting(deal, [policy]);
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.result.recommendedOffer).toBe(300_000 * 0.7 - 2_500 - 7_500);
    expect(plan.evidence.assumptions).toMatchObject({ arvSource: "entered", repairsAssumedZero: true, negotiationMargin: 7_500, policyScope: "ALL/ALL" });
    expect(plan.evidence.comps).toBeNull();
  });

  it("carries the comps when a comps estimate priced the ARV", () => {
    const comps = { arv: 300_000, low: 280_000, high: 320_000, confidence: "medium" as const, windowMonths: 12, comps: [] };
    const plan = planUnderwriting(deal, [policy], { source: "comps", comps });
    if (!plan.ok) throw new Error("expected a plan");
    expect(plan.evidence.comps).toEqual(comps);
    expect(plan.evidence.assumptions).toMatchObject({ arvSource: "comps", compsConfidence: "medium", compsCount: 0, compsWindowMonths: 12 });
  });
});
