import { describe, expect, it } from "vitest";
import { random } from "@/lib/demo/deals";
import { fitOutcomes, isHeldOut, predict, type Outcome } from "@/lib/scoring/fit";
import { vectorize } from "@/lib/scoring/features";
import { fitLogistic, sigmoid } from "@/lib/scoring/irls";
import { areaUnderRoc, brierScore, calibrationBins } from "@/lib/scoring/metrics";
import type { LeadFeatures } from "@/lib/scoring/types";

const logit = (p: number) => Math.log(p / (1 - p));

describe("IRLS logistic regression", () => {
  it("matches the closed-form maximum-likelihood estimate of one binary feature", () => {
    // With one 0/1 feature the MLE is known exactly: the intercept is the log-odds of the
    // x = 0 group (30 of 100 positive) and the coefficient the log-odds ratio to the x = 1 group (70 of 100).
    const rows: number[][] = [];
    const outcomes: (0 | 1)[] = [];
    for (let i = 0; i < 100; i++) { rows.push([0]); outcomes.push(i < 30 ? 1 : 0); }
    for (let i = 0; i < 100; i++) { rows.push([1]); outcomes.push(i < 70 ? 1 : 0); }
    const fit = fitLogistic(rows, outcomes, { ridge: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(logit(0.3), 8);
    expect(fit.coefficients[0]).toBeCloseTo(logit(0.7) - logit(0.3), 8);
  });

  it("matches the known fit of a continuous feature: the data's own generating model recovered within sampling error", () => {
    // 20,000 draws from P(y) = sigmoid(-1 + 2x), x uniform on [-1, 1]: the MLE lies close to (-1, 2).
    const next = random(42);
    const rows: number[][] = [];
    const outcomes: (0 | 1)[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = next() * 2 - 1;
      rows.push([x]);
      outcomes.push(next() < sigmoid(-1 + 2 * x) ? 1 : 0);
    }
    const fit = fitLogistic(rows, outcomes, { ridge: 0 });
    expect(fit.intercept).toBeCloseTo(-1, 1);
    expect(fit.coefficients[0]).toBeCloseTo(2, 1);
  });

  it("stays finite on perfectly separable outcomes (the ridge) and ignores a constant column", () => {
    const rows = [[-2, 1], [-1, 1], [1, 1], [2, 1]];
    const fit = fitLogistic(rows, [0, 0, 1, 1], { ridge: 1e-2 });
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(1);
    expect(Number.isFinite(fit.coefficients[1])).toBe(true);
  });
});

describe("AUC, Brier score and calibration on hand-computed cases", () => {
  it("AUC counts the ordered pairs, ties as half", () => {
    // Pairs (positive, negative): (0.35, 0.1) yes, (0.35, 0.4) no, (0.8, 0.1) yes, (0.8, 0.4) yes: 3 of 4.
    expect(areaUnderRoc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(areaUnderRoc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(areaUnderRoc([0.2, 0.9], [0, 1])).toBe(1);
    expect(areaUnderRoc([0.9, 0.2], [0, 1])).toBe(0);
    // One tie among four pairs: (0.5 vs 0.5) half, the other three ordered.
    expect(areaUnderRoc([0.1, 0.5, 0.5, 0.7], [0, 0, 1, 1])).toBe(0.875);
    expect(areaUnderRoc([0.3, 0.6], [1, 1])).toBe(0.5);
  });

  it("Brier score is the mean squared error of the probability", () => {
    expect(brierScore([0.9, 0.2], [1, 0])).toBeCloseTo((0.01 + 0.04) / 2, 12);
    expect(brierScore([1, 0], [1, 0])).toBe(0);
  });

  it("calibration bins by tenths, leaving empty ones out", () => {
    expect(calibrationBins([0.05, 0.08, 0.55, 0.95, 1], [0, 1, 1, 1, 0])).toEqual([
      { predicted: 0.065, observed: 0.5, count: 2 },
      { predicted: 0.55, observed: 1, count: 1 },
      { predicted: 0.975, observed: 0.5, count: 2 },
    ]);
  });
});

const baseLead: LeadFeatures = {
  spreadRatio: 0, motivationWords: [], repairsRatio: 0.1, daysSinceIntake: 3, listCount: 1,
  hasPhone: true, hasEmail: false, hasConsent: false, marketRank: null, source: "CSV", qualityFlagCount: 0,
};

/** Leads whose outcome follows a known rule: a contract exactly when the spread ratio is above 0.1. */
function separable(count: number, seed: number): Outcome[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const spreadRatio = next() * 0.6 - 0.2;
    return {
      id: `deal-${seed}-${i}`,
      features: { ...baseLead, spreadRatio, listCount: 1 + Math.floor(next() * 3), hasEmail: next() < 0.5, motivationWords: next() < 0.3 ? ["probate"] : [] },
      outcome: spreadRatio > 0.1 ? 1 : 0,
    };
  });
}

describe("fitting outcomes", () => {
  it("holds out a deterministic fifth by the deal id", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `deal-${i}`);
    const held = ids.filter(isHeldOut);
    expect(held.length / ids.length).toBeGreaterThan(0.17);
    expect(held.length / ids.length).toBeLessThan(0.23);
    expect(ids.filter(isHeldOut)).toEqual(held);
  });

  it("learns a known separating rule and ranks the held-out fifth almost perfectly", () => {
    const outcomes = separable(600, 5);
    const fitted = fitOutcomes(outcomes)!;
    expect(fitted.metrics.auc).toBeGreaterThan(0.99);
    expect(fitted.metrics.trainCount + fitted.metrics.testCount).toBe(600);
    expect(fitted.metrics.testCount).toBe(outcomes.filter((o) => isHeldOut(o.id)).length);
    // The rule's feature carries the largest weight, in the right direction.
    const weights = fitted.parameters.coefficients.map(Math.abs);
    expect(fitted.parameters.columns[weights.indexOf(Math.max(...weights))]).toBe("spreadRatio");
    expect(fitted.parameters.coefficients[0]).toBeGreaterThan(0);
    // Well above and well below the threshold the model is confident.
    expect(predict(fitted.parameters, vectorize({ ...baseLead, spreadRatio: 0.35 }))).toBeGreaterThan(0.9);
    expect(predict(fitted.parameters, vectorize({ ...baseLead, spreadRatio: -0.15 }))).toBeLessThan(0.1);
  });

  it("reaches the expected AUC when a tenth of the outcomes are flipped at random", () => {
    const next = random(77);
    const noisy = separable(2000, 9).map((o) => (next() < 0.1 ? { ...o, outcome: (1 - o.outcome) as 0 | 1 } : o));
    const fitted = fitOutcomes(noisy)!;
    // Ten percent flipped caps the attainable AUC near 0.9; the fit should get close to it.
    expect(fitted.metrics.auc).toBeGreaterThan(0.8);
    expect(fitted.metrics.auc).toBeLessThan(0.95);
    expect(fitted.metrics.positiveRate).toBeGreaterThan(0.3);
  });

  it("gives up when every training outcome is alike", () => {
    expect(fitOutcomes(separable(300, 3).map((o) => ({ ...o, outcome: 0 as const })))).toBeNull();
  });
});
