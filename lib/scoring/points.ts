/**
 * The default lead score, "points-v1": a points table a person can check by hand. A lead
 * starts at BASE_POINTS and each feature adds or takes away whole points. The bounds are
 * chosen so that the sum always lies within 0-100 (the best case of every feature sums to
 * exactly 100, the worst to exactly 0): no clamping, so the contributions shown on the deal
 * page always add up to the score. /settings/scoring renders POINTS_TABLE.
 */
import type { LeadFeatures, ScoreContribution, ScoreFeature } from "./types";

export const POINTS_MODEL = "points-v1";
export const BASE_POINTS = 35;

/** Equity: one point per 0.01 of spread ratio up to +20 (0.20 and above); half a point per 0.01 below zero, down to -15. */
export function equityPoints(spreadRatio: number | null): number {
  if (spreadRatio === null || !Number.isFinite(spreadRatio)) return 0;
  if (spreadRatio >= 0) return Math.min(20, Math.floor(spreadRatio * 100 + 1e-9));
  return Math.max(-15, -Math.ceil(-spreadRatio * 50 - 1e-9)) + 0;
}

/** Motivation: +6 for one word, +10 for two, +12 for three or more. */
export function motivationPoints(words: number): number {
  return words >= 3 ? 12 : words === 2 ? 10 : words === 1 ? 6 : 0;
}

/** Condition (repairs / ARV): a property needing work is a motivated sale; one needing half its value is a teardown. */
export function conditionPoints(repairsRatio: number | null): number {
  if (repairsRatio === null || !Number.isFinite(repairsRatio)) return 0;
  if (repairsRatio < 0.05) return 0;
  if (repairsRatio < 0.15) return 3;
  if (repairsRatio < 0.35) return 5;
  if (repairsRatio < 0.5) return 0;
  return -5;
}

/** Freshness: a lead cools as it waits. */
export function freshnessPoints(days: number): number {
  if (days <= 7) return 5;
  if (days <= 30) return 3;
  if (days <= 90) return 0;
  if (days <= 180) return -3;
  return -5;
}

/** Stacking: a lead on several lists is a seller many sources point at. */
export function stackingPoints(listCount: number): number {
  return listCount >= 3 ? 6 : listCount === 2 ? 4 : 0;
}

/** Contactability: a phone +6, an email +2, an opt-in on record +4: the contact rules work through these. */
export function contactPoints(features: Pick<LeadFeatures, "hasPhone" | "hasEmail" | "hasConsent">): number {
  return (features.hasPhone ? 6 : 0) + (features.hasEmail ? 2 : 0) + (features.hasConsent ? 4 : 0);
}

const MARKET_POINTS = { HOT: 3, NORMAL: 0, COLD: -3, BLACKLIST: -10 } as const;
export function marketPoints(rank: LeadFeatures["marketRank"]): number {
  return rank ? MARKET_POINTS[rank] : 0;
}

/** Source: leads a person found or wrote about are worth more than a bought list's rows. */
const SOURCE_POINTS: Record<LeadFeatures["source"], number> = { DRIVING: 2, MANUAL: 2, EMAIL: 1, API: 1, CSV: 0 };
export function sourcePoints(source: LeadFeatures["source"]): number {
  return SOURCE_POINTS[source] ?? 0;
}

/** The table in words, feature by feature, for the settings page and the README. */
export const POINTS_TABLE: { feature: ScoreFeature | "base"; label: string; range: [number, number]; rule: string }[] = [
  { feature: "base", label: "base", range: [BASE_POINTS, BASE_POINTS], rule: "Every lead starts here." },
  { feature: "equity", label: "equity", range: [-15, 20], rule: "+1 per 0.01 of spread ratio, up to +20 at 0.20; below zero -1 per 0.02, down to -15; no offer yet: 0." },
  { feature: "motivation", label: "motivation", range: [0, 12], rule: "Motivation words in the source text and tags (probate, vacant, divorce...): one +6, two +10, three or more +12." },
  { feature: "condition", label: "condition", range: [-5, 5], rule: "Repairs / ARV: under 0.05: 0; 0.05-0.15: +3; 0.15-0.35: +5; 0.35-0.50: 0; 0.50 and over: -5." },
  { feature: "freshness", label: "freshness", range: [-5, 5], rule: "Days since intake: up to 7: +5; up to 30: +3; up to 90: 0; up to 180: -3; older: -5." },
  { feature: "stacking", label: "stacking", range: [0, 6], rule: "Lead lists the deal is on: two +4, three or more +6." },
  { feature: "contactability", label: "contactability", range: [0, 12], rule: "Phone +6, email +2, an opt-in on record +4." },
  { feature: "market", label: "market", range: [-10, 3], rule: "The area's market-intel rank: HOT +3, NORMAL 0, COLD -3, blacklisted -10; unranked 0." },
  { feature: "source", label: "source", range: [0, 2], rule: "Driving for dollars or entered by hand +2, email or API +1, a CSV list 0." },
];

const ratio = (value: number | null) => (value === null ? "no offer yet" : value.toFixed(2));

/** Pure: the points-v1 score with each feature's contribution. */
export function pointsContributions(features: LeadFeatures): ScoreContribution[] {
  const words = features.motivationWords;
  const contact = [features.hasPhone && "phone", features.hasEmail && "email", features.hasConsent && "opt-in"].filter(Boolean);
  return [
    { feature: "base", label: "base", detail: "points table", points: BASE_POINTS },
    { feature: "equity", label: "equity", detail: `spread ratio ${ratio(features.spreadRatio)}`, points: equityPoints(features.spreadRatio) },
    { feature: "motivation", label: "motivation", detail: words.length ? words.join(", ") : "no motivation words", points: motivationPoints(words.length) },
    {
      feature: "condition",
      label: "condition",
      detail: features.repairsRatio === null ? "repairs or ARV missing" : `repairs / ARV ${features.repairsRatio.toFixed(2)}`,
      points: conditionPoints(features.repairsRatio),
    },
    { feature: "freshness", label: "freshness", detail: `${features.daysSinceIntake} day${features.daysSinceIntake === 1 ? "" : "s"} since intake`, points: freshnessPoints(features.daysSinceIntake) },
    { feature: "stacking", label: "stacking", detail: `on ${features.listCount} list${features.listCount === 1 ? "" : "s"}`, points: stackingPoints(features.listCount) },
    { feature: "contactability", label: "contactability", detail: contact.length ? contact.join(", ") : "no phone or email", points: contactPoints(features) },
    { feature: "market", label: "market", detail: features.marketRank ? `area rank ${features.marketRank}` : "area not ranked", points: marketPoints(features.marketRank) },
    { feature: "source", label: "source", detail: features.source.toLowerCase(), points: sourcePoints(features.source) },
  ];
}
