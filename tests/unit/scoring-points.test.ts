import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BASE_POINTS,
  conditionPoints,
  contactPoints,
  equityPoints,
  freshnessPoints,
  marketPoints,
  motivationPoints,
  POINTS_TABLE,
  sourcePoints,
  stackingPoints,
} from "@/lib/scoring/points";
import { scoreConfidence, scoreLead } from "@/lib/scoring/score";
import { FEATURE_COLUMN_NAMES } from "@/lib/scoring/features";
import type { LeadFeatures, ScoringModelRef } from "@/lib/scoring/types";
import { SCORE_FEATURES } from "@/lib/scoring/types";

const lead = (over: Partial<LeadFeatures> = {}): LeadFeatures => ({
  spreadRatio: null,
  motivationWords: [],
  repairsRatio: null,
  daysSinceIntake: 0,
  listCount: 1,
  hasPhone: false,
  hasEmail: false,
  hasConsent: false,
  marketRank: null,
  source: "CSV",
  qualityFlagCount: 0,
  ...over,
});

const RANKS = [null, "HOT", "NORMAL", "COLD", "BLACKLIST"] as const;
const SOURCES = ["EMAIL", "CSV", "API", "MANUAL", "DRIVING"] as const;

const featuresArb: fc.Arbitrary<LeadFeatures> = fc.record({
  spreadRatio: fc.option(fc.double({ min: -3, max: 3, noNaN: true }), { nil: null }),
  motivationWords: fc.uniqueArray(fc.constantFrom("probate", "vacant", "divorce", "tired landlord", "tax lien"), { maxLength: 5 }),
  repairsRatio: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null }),
  daysSinceIntake: fc.integer({ min: 0, max: 5000 }),
  listCount: fc.integer({ min: 0, max: 20 }),
  hasPhone: fc.boolean(),
  hasEmail: fc.boolean(),
  hasConsent: fc.boolean(),
  marketRank: fc.constantFrom(...RANKS),
  source: fc.constantFrom(...SOURCES),
  qualityFlagCount: fc.integer({ min: 0, max: 5 }),
});

describe("the points table, feature by feature", () => {
  it.each([
    [null, 0], [-1, -15], [-0.3, -15], [-0.29, -15], [-0.2, -10], [-0.1, -5], [-0.01, -1], [-0.0001, -1], [0, 0], [0.005, 0], [0.01, 1], [0.1, 10], [0.199, 19], [0.2, 20], [0.31, 20], [2, 20],
  ] as const)("equity: spread ratio %s gives %s", (ratio, points) => {
    expect(equityPoints(ratio)).toBe(points);
  });

  it.each([[0, 0], [1, 6], [2, 10], [3, 12], [7, 12]])("motivation: %s word(s) give %s", (words, points) => {
    expect(motivationPoints(words)).toBe(points);
  });

  it.each([
    [null, 0], [0, 0], [0.049, 0], [0.05, 3], [0.149, 3], [0.15, 5], [0.349, 5], [0.35, 0], [0.499, 0], [0.5, -5], [2, -5],
  ] as const)("condition: repairs / ARV %s gives %s", (ratio, points) => {
    expect(conditionPoints(ratio)).toBe(points);
  });

  it.each([[0, 5], [7, 5], [8, 3], [30, 3], [31, 0], [90, 0], [91, -3], [180, -3], [181, -5], [4000, -5]])("freshness: %s days give %s", (days, points) => {
    expect(freshnessPoints(days)).toBe(points);
  });

  it.each([[0, 0], [1, 0], [2, 4], [3, 6], [12, 6]])("stacking: %s list(s) give %s", (lists, points) => {
    expect(stackingPoints(lists)).toBe(points);
  });

  it("contactability: every combination of phone, email and opt-in", () => {
    for (const hasPhone of [false, true]) for (const hasEmail of [false, true]) for (const hasConsent of [false, true]) {
      expect(contactPoints({ hasPhone, hasEmail, hasConsent })).toBe((hasPhone ? 6 : 0) + (hasEmail ? 2 : 0) + (hasConsent ? 4 : 0));
    }
  });

  it("market and source: every value", () => {
    expect(RANKS.map(marketPoints)).toEqual([0, 3, 0, -3, -10]);
    expect(SOURCES.map(sourcePoints)).toEqual([1, 0, 1, 2, 2]);
  });

  it("documents every feature with the range its function can give", () => {
    expect(POINTS_TABLE.map((row) => row.feature)).toEqual(["base", ...SCORE_FEATURES]);
    const sum = (side: 0 | 1) => POINTS_TABLE.reduce((total, row) => total + row.range[side], 0);
    // The table's bounds: the best lead scores exactly 100 and the worst exactly 0, with no clamping.
    expect(sum(1)).toBe(100);
    expect(sum(0)).toBe(0);
  });
});

describe("scoreLead with the points table", () => {
  it("gives the best and the worst possible lead exactly 100 and 0", () => {
    const best = scoreLead(lead({ spreadRatio: 0.4, motivationWords: ["probate", "vacant", "divorce"], repairsRatio: 0.2, listCount: 3, hasPhone: true, hasEmail: true, hasConsent: true, marketRank: "HOT", source: "DRIVING" }));
    const worst = scoreLead(lead({ spreadRatio: -0.6, repairsRatio: 0.9, daysSinceIntake: 400, marketRank: "BLACKLIST" }));
    expect(best.score).toBe(100);
    expect(worst.score).toBe(0);
  });

  it("scores a well-priced, contactable, motivated lead above the contact rules' default minimum of 65", () => {
    const result = scoreLead(lead({ spreadRatio: 0.2, motivationWords: ["probate"], repairsRatio: 0.1, hasPhone: true }));
    expect(result.score).toBeGreaterThan(65);
    expect(result.model).toBe("points-v1");
    // A bare lead with no price, no words and no way to reach it stays well below.
    expect(scoreLead(lead()).score).toBeLessThanOrEqual(40);
  });

  it("explains each feature in words", () => {
    const { contributions } = scoreLead(lead({ spreadRatio: 0.31, motivationWords: ["probate", "vacant"], listCount: 2 }));
    expect(contributions.find((c) => c.feature === "equity")).toEqual({ feature: "equity", label: "equity", detail: "spread ratio 0.31", points: 20 });
    expect(contributions.find((c) => c.feature === "motivation")?.detail).toBe("probate, vacant");
    expect(contributions.find((c) => c.feature === "stacking")).toMatchObject({ detail: "on 2 lists", points: 4 });
    expect(contributions[0]).toMatchObject({ feature: "base", points: BASE_POINTS });
  });

  it("property: the contributions are whole points that sum exactly to a score within 0-100", () => {
    fc.assert(
      fc.property(featuresArb, (features) => {
        const result = scoreLead(features);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.contributions.every((c) => Number.isInteger(c.points) && !Object.is(c.points, -0))).toBe(true);
        expect(result.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(result.score);
      }),
      { numRuns: 500 },
    );
  });

  it("property: a higher spread ratio never lowers the score, all else equal", () => {
    fc.assert(
      fc.property(featuresArb, fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (features, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(scoreLead({ ...features, spreadRatio: high }).score).toBeGreaterThanOrEqual(scoreLead({ ...features, spreadRatio: low }).score);
      }),
      { numRuns: 500 },
    );
  });

  it("property: more motivation words, more lists or one more contact channel never lower the score", () => {
    fc.assert(
      fc.property(featuresArb, (features) => {
        const base = scoreLead(features).score;
        expect(scoreLead({ ...features, listCount: features.listCount + 1 }).score).toBeGreaterThanOrEqual(base);
        expect(scoreLead({ ...features, motivationWords: [...features.motivationWords, "must sell"] }).score).toBeGreaterThanOrEqual(base);
        expect(scoreLead({ ...features, hasConsent: true }).score).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 300 },
    );
  });
});

describe("confidence", () => {
  it("drops a step for each missing input and each data-quality flag", () => {
    const complete = lead({ spreadRatio: 0.1, repairsRatio: 0.1, hasPhone: true });
    expect(scoreConfidence(complete)).toBe("high");
    expect(scoreConfidence({ ...complete, qualityFlagCount: 1 })).toBe("medium");
    expect(scoreConfidence({ ...complete, spreadRatio: null })).toBe("medium");
    expect(scoreConfidence({ ...complete, qualityFlagCount: 1, repairsRatio: null })).toBe("low");
    expect(scoreConfidence(lead())).toBe("low");
  });
});

describe("scoreLead with a learned model", () => {
  const parametersArb = fc.record({
    intercept: fc.double({ min: -4, max: 4, noNaN: true }),
    coefficients: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: FEATURE_COLUMN_NAMES.length, maxLength: FEATURE_COLUMN_NAMES.length }),
    means: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: FEATURE_COLUMN_NAMES.length, maxLength: FEATURE_COLUMN_NAMES.length }),
    scales: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: FEATURE_COLUMN_NAMES.length, maxLength: FEATURE_COLUMN_NAMES.length }),
  });
  const modelOf = (p: { intercept: number; coefficients: number[]; means: number[]; scales: number[] }): ScoringModelRef => ({
    kind: "learned",
    name: "learned-3",
    version: 3,
    outcomes: 312,
    auc: 0.74,
    parameters: { columns: [...FEATURE_COLUMN_NAMES], ...p },
  });

  it("property: contributions sum exactly to a score within 0-100", () => {
    fc.assert(
      fc.property(featuresArb, parametersArb, (features, parameters) => {
        const result = scoreLead(features, modelOf(parameters));
        expect(result.model).toBe("learned-3");
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(result.score);
      }),
      { numRuns: 300 },
    );
  });

  it("property: with a positive spread coefficient a higher spread ratio never lowers the score", () => {
    fc.assert(
      fc.property(featuresArb, parametersArb, fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (features, parameters, a, b) => {
        const model = modelOf({ ...parameters, coefficients: parameters.coefficients.map((c, i) => (i === 0 ? Math.abs(c) : c)) });
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(scoreLead({ ...features, spreadRatio: high }, model).score).toBeGreaterThanOrEqual(scoreLead({ ...features, spreadRatio: low }, model).score);
      }),
      { numRuns: 300 },
    );
  });

  it("starts from the average lead: all-zero coefficients give the intercept's chance and no feature points", () => {
    const model = modelOf({ intercept: 0, coefficients: FEATURE_COLUMN_NAMES.map(() => 0), means: FEATURE_COLUMN_NAMES.map(() => 0), scales: FEATURE_COLUMN_NAMES.map(() => 1) });
    const result = scoreLead(lead({ spreadRatio: 0.3 }), model);
    expect(result.score).toBe(50);
    expect(result.contributions[0]).toMatchObject({ feature: "base", points: 50 });
    expect(result.contributions.slice(1).every((c) => c.points === 0)).toBe(true);
    // Days since intake is not a column of the learned model.
    expect(result.contributions.map((c) => c.feature)).not.toContain("freshness");
  });

  it("refuses parameters naming a column it does not know", () => {
    const model: ScoringModelRef = { kind: "learned", name: "learned-1", version: 1, outcomes: 200, auc: 0.7, parameters: { columns: ["shoeSize"], intercept: 0, coefficients: [1], means: [0], scales: [1] } };
    expect(() => scoreLead(lead(), model)).toThrow(/unknown column shoeSize/);
  });
});
