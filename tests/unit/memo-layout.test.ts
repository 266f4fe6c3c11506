import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMemoData, memoAddress, modelLabel, readCompEvidence, readContributions, readQualityIssues, type MemoDeal, type MemoSource } from "@/lib/memo/data";
import { memoLayout, pdfText, type MemoSection } from "@/lib/memo/layout";

const EMPTY_DEAL: MemoDeal = {
  status: "NEW", street: null, unit: null, city: null, region: null, postalCode: null, latitude: null, longitude: null, locationSource: null, areaCode: null,
  askingPrice: null, arv: null, arvSource: null, repairs: null, mao: null, recommendedOffer: null, spread: null, spreadRatio: null, strategy: null,
  beds: null, baths: null, sqft: null, yearBuilt: null, propertyType: null, score: null, sourceScore: null, scoreModel: null, scoreConfidence: null,
  scoreContributions: null, qualityIssues: null, assignmentFee: null, buyerTerms: null, targetClosingDate: null,
};

const comp = (i: number) => ({
  id: `c${i}`, street: `${i}0 Elm St`, city: "Dallas", postalCode: "75201", latitude: 32.78 + i / 1000, longitude: -96.8, soldPrice: 240_000 + i * 1_000,
  soldAt: `2026-0${i}-15T00:00:00.000Z`, beds: 3, baths: 2, sqft: 1_450, yearBuilt: 1980, propertyType: "SFR", source: "IMPORT",
  distanceKm: i * 0.5, monthsAgo: i, pricePerSqft: 166, adjustment: 5_000, adjustedPrice: 245_000 + i,
});

const FULL: MemoSource = {
  workspace: { name: "Maple & Main", timeZone: "America/Chicago" },
  version: 2,
  now: new Date("2026-12-07T02:00:00Z"),
  photos: [],
  learnedModel: { outcomes: 312, auc: 0.7412 },
  area: { areaCode: "75201", rank: "HOT", reasons: ["Deals up 40% in 4 weeks"] },
  deal: {
    ...EMPTY_DEAL,
    status: "UNDERWRITTEN", street: "4127 Maple Ave", unit: "2B", city: "Dallas", region: "TX", postalCode: "75201", latitude: 32.79, longitude: -96.81,
    locationSource: "postal_code", areaCode: "75201", askingPrice: 118_000, arv: 248_000, arvSource: "comps", repairs: 32_000, mao: 139_100,
    recommendedOffer: 134_100, spread: 21_100, spreadRatio: 0.0851, strategy: "WHOLESALE", beds: 3, baths: 2, sqft: 1_480, yearBuilt: 1978,
    propertyType: "SFR", score: 78, sourceScore: 60, scoreModel: "learned-2", scoreConfidence: "medium",
    scoreContributions: [
      { feature: "base", label: "base", detail: "", points: 30 },
      { feature: "equity", label: "equity", detail: "spread ratio 0.09", points: 22 },
      { feature: "market", label: "market", detail: "COLD area", points: -4 },
    ],
    qualityIssues: [{ code: "arv_below_asking", field: "arv", reason: "ARV $100,000 is below the asking price $118,000" }],
    assignmentFee: 10_000, buyerTerms: "Cash, 14-day close", targetClosingDate: new Date("2026-12-30T00:00:00Z"),
  },
  evidence: {
    inputs: { terms: { maxArvMultiplier: 0.7, feesBuffer: 2_500, assignmentFee: 10_000 } },
    outputs: { mao: 1, spread: 2, strategy: "FLIP", reason: "positive spread: assign to a buyer" },
    assumptions: { negotiationMargin: 5_000 },
    recommendedOffer: 134_100,
    comps: { arv: 248_000, low: 236_000, high: 259_000, confidence: "high", windowMonths: 12, comps: [comp(1), comp(2), comp(3)] },
  },
};

const section = (sections: MemoSection[], title: string) => sections.find((s) => s.title === title)!;
const rowsOf = (s: MemoSection) => Object.fromEntries((s.rows ?? []).map((r) => [r.label, r.value]));

describe("the memo's data from a deal", () => {
  it("takes the numbers from the deal's columns, the comps and terms from its latest evidence", () => {
    const memo = buildMemoData(FULL);
    expect(memo.property.address).toBe("4127 Maple Ave, Unit 2B, Dallas, TX 75201");
    // The deal's columns win over the evidence's outputs: they are what underwriting last set.
    expect(memo.numbers).toEqual({ askingPrice: 118_000, arv: 248_000, arvSource: "comps", repairs: 32_000, mao: 139_100, recommendedOffer: 134_100, spread: 21_100, spreadRatio: 0.0851 });
    expect(memo.strategy).toEqual({ name: "WHOLESALE", why: "positive spread: assign to a buyer" });
    expect(memo.score.modelLabel).toBe("learned from your 312 outcomes, AUC 0.74");
    expect(memo.score.contributions.map((c) => c.points)).toEqual([30, 22, -4]);
    expect(memo.comps?.comps).toHaveLength(3);
    expect(memo.position?.comps.map((p) => p.label)).toEqual(["Comp 1", "Comp 2", "Comp 3"]);
    expect(memo.terms).toEqual({ assignmentFee: 10_000, targetClosingDate: "2026-12-30T00:00:00.000Z", buyerTerms: "Cash, 14-day close", policy: "MAO = 70% of ARV, less repairs and a $2,500 fees buffer", negotiationMargin: 5_000 });
  });

  it("lays out every section with the numbers, the score's reasons and the comps", () => {
    const layout = memoLayout(buildMemoData(FULL));
    expect(layout.title).toBe("Investor memo: 4127 Maple Ave, Unit 2B, Dallas, TX 75201");
    expect(layout.subtitle).toBe("Maple & Main - version 2 - Dec 6, 2026");
    expect(layout.sections.map((s) => s.title)).toEqual(["Property", "The numbers", "Strategy", "Lead score", "Location", "Market heat", "Data quality", "Comparable sales", "Terms"]);
    expect(rowsOf(section(layout.sections, "The numbers"))).toEqual({
      "Asking price": "$118,000",
      ARV: "$248,000 (from 3 comps, $236,000 - $259,000)",
      Repairs: "$32,000",
      MAO: "$139,100",
      "Recommended offer": "$134,100",
      Spread: "$21,100 (8.5% of ARV)",
    });
    const score = section(layout.sections, "Lead score");
    expect(score.lines).toEqual(["Score 78 of 100 - model: learned from your 312 outcomes, AUC 0.74 - confidence medium - source's own score 60"]);
    expect(score.bars).toEqual([
      { label: "base", detail: "", points: 30 },
      { label: "equity", detail: "spread ratio 0.09", points: 22 },
      { label: "market", detail: "COLD area", points: -4 },
    ]);
    const comps = section(layout.sections, "Comparable sales");
    expect(comps.table?.rows[0]).toEqual(["10 Elm St, Dallas", "2026-01-15", "$241,000", "1,450", "$166", "0.5", "$245,001"]);
    expect(section(layout.sections, "Data quality").lines).toEqual(["ARV $100,000 is below the asking price $118,000"]);
    // A closing date is a calendar day: not shifted into the workspace's zone.
    expect(rowsOf(section(layout.sections, "Terms"))["Target closing"]).toBe("Dec 30, 2026");
  });

  it("renders a deal with nothing from scoring, comps, quality or underwriting with a plain word in each section", () => {
    const memo = buildMemoData({ ...FULL, deal: EMPTY_DEAL, evidence: null, area: null, learnedModel: null });
    const layout = memoLayout(memo);
    expect(memo.property.address).toBe("Address not given");
    expect(memo.position).toBeNull();
    expect(memo.comps).toBeNull();
    const empties = Object.fromEntries(layout.sections.filter((s) => s.empty).map((s) => [s.title, s.empty]));
    expect(Object.keys(empties)).toEqual(["Strategy", "Lead score", "Location", "Market heat", "Data quality", "Comparable sales", "Terms"]);
    expect(rowsOf(section(layout.sections, "The numbers")).ARV).toBe("-");
  });

  it("says the ARV was entered when the evidence carries no comps", () => {
    const memo = buildMemoData({ ...FULL, deal: { ...FULL.deal, arvSource: null }, evidence: { ...FULL.evidence!, comps: null } });
    expect(memo.numbers.arvSource).toBe("entered");
    expect(rowsOf(section(memoLayout(memo).sections, "The numbers")).ARV).toBe("$248,000 (entered)");
    expect(section(memoLayout(memo).sections, "Comparable sales").empty).toMatch(/entered by hand/);
  });

  it("drops malformed JSON instead of inventing values", () => {
    expect(readContributions([{ feature: "equity", points: 5 }, { feature: "nonsense", points: 3 }, { feature: "source", points: "7" }, null, 4])).toEqual([
      { feature: "equity", label: "equity", detail: "", points: 5 },
    ]);
    expect(readContributions({ not: "an array" })).toEqual([]);
    expect(readQualityIssues([{ code: "arv_below_asking", field: "arv", reason: "why" }, { code: "made_up", reason: "x" }, { code: "sqft_impossible" }])).toEqual([
      { code: "arv_below_asking", field: "arv", reason: "why" },
    ]);
    expect(readCompEvidence({ arv: "1", comps: [] })).toBeNull();
    expect(readCompEvidence({ arv: 200_000, comps: [{ soldPrice: 1 }, comp(1)] })?.comps).toHaveLength(1);
    expect(modelLabel(null, null)).toBeNull();
    expect(modelLabel("points-v1", null)).toBe("points table");
    expect(modelLabel("learned-7", null)).toBe("learned model 7");
    expect(memoAddress({ street: null, unit: null, city: "Austin", region: "TX", postalCode: null })).toBe("Austin, TX");
  });

  it("keeps every string drawable by the PDF's standard fonts, whatever the stored text", () => {
    expect(pdfText("equity: 0.31 → +22 “quoted” — ok ≥ 5…")).toBe('equity: 0.31 -> +22 "quoted" - ok >= 5...');
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.array(fc.string({ unit: "grapheme", maxLength: 20 }), { maxLength: 4 }), (street, reasons) => {
        const layout = memoLayout(
          buildMemoData({
            ...FULL,
            deal: { ...FULL.deal, street, qualityIssues: reasons.map((reason) => ({ code: "sqft_impossible", field: "sqft", reason: reason || "x" })) },
          }),
        );
        const texts = [layout.title, ...layout.sections.flatMap((s) => [s.title, ...(s.lines ?? []), ...(s.rows ?? []).flatMap((r) => [r.label, r.value]), s.empty ?? ""])];
        return texts.every((t) => /^[\x20-\x7e\u00a1-\u00ff\n]*$/.test(t));
      }),
      { numRuns: 200 },
    );
  });
});
