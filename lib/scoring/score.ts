/**
 * scoreLead: a lead's score 0-100 and each feature's share of it, from the points table
 * (the default) or from a workspace's promoted learned model.
 *
 * A learned model predicts the chance the lead reaches a contract; the score is that chance
 * in whole percent. Its contributions are read along the path from the average lead (the
 * "base": the model's intercept, since every column is standardized to mean 0) to this lead,
 * adding one feature group's terms at a time in SCORE_FEATURES order: each group gets the
 * whole points the score moves by when its terms are added. The steps telescope, so the
 * contributions always sum exactly to the score.
 */
import { FEATURE_COLUMNS } from "./features";
import { sigmoid } from "./irls";
import { POINTS_MODEL, pointsContributions } from "./points";
import { SCORE_FEATURES, type LeadFeatures, type LeadScore, type LearnedModelParameters, type ScoreConfidence, type ScoreContribution, type ScoringModelRef } from "./types";

export const POINTS_MODEL_REF: ScoringModelRef = { kind: "points", name: POINTS_MODEL };

/** Pure: the score of a lead under the model (the points table when none is given). */
export function scoreLead(features: LeadFeatures, model: ScoringModelRef = POINTS_MODEL_REF): LeadScore {
  const contributions = model.kind === "learned" ? learnedContributions(features, model.parameters) : pointsContributions(features);
  const score = contributions.reduce((sum, c) => sum + c.points, 0);
  return { score, contributions, model: model.name, confidence: scoreConfidence(features) };
}

/**
 * High when the deal is priced, reachable and clean; each missing input (no offer, no repairs
 * figure, no phone or email) and each data-quality flag lowers it a step.
 */
export function scoreConfidence(features: LeadFeatures): ScoreConfidence {
  const gaps = (features.spreadRatio === null ? 1 : 0) + (features.repairsRatio === null ? 1 : 0) + (!features.hasPhone && !features.hasEmail ? 1 : 0);
  const doubts = gaps + features.qualityFlagCount;
  return doubts === 0 ? "high" : doubts === 1 ? "medium" : "low";
}

const percent = (logit: number) => Math.round(100 * sigmoid(logit));

function learnedContributions(features: LeadFeatures, parameters: LearnedModelParameters): ScoreContribution[] {
  const details = new Map(pointsContributions(features).map((c) => [c.feature, c.detail]));
  const termsByGroup = new Map<string, number>();
  parameters.columns.forEach((name, i) => {
    const column = FEATURE_COLUMNS.find((c) => c.name === name);
    if (!column) throw new Error(`The learned model has an unknown column ${name}`);
    const scale = parameters.scales[i] || 1;
    const term = parameters.coefficients[i] * ((column.value(features) - parameters.means[i]) / scale);
    termsByGroup.set(column.group, (termsByGroup.get(column.group) ?? 0) + term);
  });
  let logit = parameters.intercept;
  const contributions: ScoreContribution[] = [{ feature: "base", label: "base", detail: "the average lead of your outcomes", points: percent(logit) }];
  for (const feature of SCORE_FEATURES) {
    const term = termsByGroup.get(feature);
    if (term === undefined) continue;
    const before = percent(logit);
    logit += term;
    contributions.push({ feature, label: feature, detail: details.get(feature) ?? "", points: percent(logit) - before });
  }
  return contributions;
}
