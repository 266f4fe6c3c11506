/**
 * Fitting the learned model from decided outcomes (pure): a deterministic fifth of the deals
 * (by a hash of the deal id, so the split does not depend on read order and a deal stays on
 * its side from one fit to the next) is held out; the columns are standardized on the rest,
 * the logistic regression is fitted there by IRLS, and the held-out fifth measures it.
 */
import { FEATURE_COLUMN_NAMES, vectorize } from "./features";
import { fitLogistic, sigmoid } from "./irls";
import { areaUnderRoc, brierScore, calibrationBins } from "./metrics";
import type { LeadFeatures, LearnedModelParameters, ModelMetrics } from "./types";

export interface Outcome {
  id: string;
  features: LeadFeatures;
  outcome: 0 | 1;
}

/** A mild ridge on standardized columns: a few hundred outcomes over 14 columns overfit without it. */
export const FIT_RIDGE = 1;

/** FNV-1a of the id: the held-out fifth is the ids whose hash is 0 mod 5. */
export function isHeldOut(id: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 5 === 0;
}

/** Pure: the probability the parameters give a raw vector. */
export function predict(parameters: LearnedModelParameters, vector: readonly number[]): number {
  let logit = parameters.intercept;
  for (let i = 0; i < vector.length; i++) logit += parameters.coefficients[i] * ((vector[i] - parameters.means[i]) / (parameters.scales[i] || 1));
  return sigmoid(logit);
}

/** Pure: the fitted parameters and their held-out metrics, or null when the training outcomes are all alike. */
export function fitOutcomes(outcomes: readonly Outcome[], ridge = FIT_RIDGE): { parameters: LearnedModelParameters; metrics: ModelMetrics } | null {
  const train = outcomes.filter((o) => !isHeldOut(o.id));
  const test = outcomes.filter((o) => isHeldOut(o.id));
  const trainRows = train.map((o) => vectorize(o.features));
  const trainY = train.map((o) => o.outcome);
  const positives = trainY.filter((y) => y === 1).length;
  if (train.length === 0 || positives === 0 || positives === train.length) return null;

  const width = FEATURE_COLUMN_NAMES.length;
  const means = Array.from({ length: width }, (_, j) => trainRows.reduce((sum, row) => sum + row[j], 0) / trainRows.length);
  const scales = means.map((mean, j) => {
    const variance = trainRows.reduce((sum, row) => sum + (row[j] - mean) ** 2, 0) / trainRows.length;
    // A column that never varies carries nothing; a scale of 1 keeps it harmless.
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const standardized = trainRows.map((row) => row.map((value, j) => (value - means[j]) / scales[j]));
  const fit = fitLogistic(standardized, trainY, { ridge });
  const parameters: LearnedModelParameters = { columns: [...FEATURE_COLUMN_NAMES], means, scales, coefficients: fit.coefficients, intercept: fit.intercept };

  const predicted = test.map((o) => predict(parameters, vectorize(o.features)));
  const testY = test.map((o) => o.outcome);
  const metrics: ModelMetrics = {
    auc: areaUnderRoc(predicted, testY),
    brier: brierScore(predicted, testY),
    calibration: calibrationBins(predicted, testY),
    trainCount: train.length,
    testCount: test.length,
    positiveRate: outcomes.filter((o) => o.outcome === 1).length / outcomes.length,
  };
  return { parameters, metrics };
}
