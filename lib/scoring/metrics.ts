/** How well predicted probabilities match decided outcomes: AUC, Brier score and calibration. */
import type { CalibrationBin } from "./types";

/**
 * Area under the ROC curve: the chance that a random positive is ranked above a random
 * negative, ties counting half (the Mann-Whitney U statistic over both counts). 0.5 with no
 * positives or no negatives, where ranking means nothing.
 */
export function areaUnderRoc(predicted: readonly number[], outcomes: readonly (0 | 1)[]): number {
  const order = predicted.map((p, i) => ({ p, y: outcomes[i] })).sort((a, b) => a.p - b.p);
  const positives = outcomes.filter((y) => y === 1).length;
  const negatives = outcomes.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].p === order[start].p) end++;
    // Tied predictions share the mean of their ranks (1-based).
    const meanRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) if (order[i].y === 1) rankSum += meanRank;
    start = end + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean squared distance between the predicted probability and the outcome (0 is perfect). */
export function brierScore(predicted: readonly number[], outcomes: readonly (0 | 1)[]): number {
  if (predicted.length === 0) return 0;
  return predicted.reduce((sum, p, i) => sum + (p - outcomes[i]) ** 2, 0) / predicted.length;
}

/** Predictions in `bins` equal-width bins of probability; empty bins are left out. */
export function calibrationBins(predicted: readonly number[], outcomes: readonly (0 | 1)[], bins = 10): CalibrationBin[] {
  const sums = Array.from({ length: bins }, () => ({ predicted: 0, observed: 0, count: 0 }));
  predicted.forEach((p, i) => {
    const bin = sums[Math.min(bins - 1, Math.floor(p * bins))];
    bin.predicted += p;
    bin.observed += outcomes[i];
    bin.count++;
  });
  return sums.filter((b) => b.count > 0).map((b) => ({ predicted: b.predicted / b.count, observed: b.observed / b.count, count: b.count }));
}
