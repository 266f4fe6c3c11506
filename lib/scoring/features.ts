/**
 * The numeric view of a lead for the learned model: one column per measurable trait, in a
 * fixed order, with the feature group each column's points are shown under. Days since
 * intake is left out on purpose: for a decided deal it measures how long the deal was
 * worked, not what the lead looked like when it came in.
 */
import type { LeadFeatures, ScoreFeature } from "./types";

export interface FeatureColumn {
  name: string;
  group: ScoreFeature;
  value(features: LeadFeatures): number;
}

export const FEATURE_COLUMNS: readonly FeatureColumn[] = [
  { name: "spreadRatio", group: "equity", value: (f) => clamp(f.spreadRatio ?? 0, -1, 1) },
  { name: "spreadMissing", group: "equity", value: (f) => (f.spreadRatio === null ? 1 : 0) },
  { name: "motivationWords", group: "motivation", value: (f) => Math.min(f.motivationWords.length, 5) },
  { name: "repairsRatio", group: "condition", value: (f) => clamp(f.repairsRatio ?? 0, 0, 1.5) },
  { name: "repairsMissing", group: "condition", value: (f) => (f.repairsRatio === null ? 1 : 0) },
  { name: "listCount", group: "stacking", value: (f) => Math.min(f.listCount, 10) },
  { name: "hasPhone", group: "contactability", value: (f) => (f.hasPhone ? 1 : 0) },
  { name: "hasEmail", group: "contactability", value: (f) => (f.hasEmail ? 1 : 0) },
  { name: "hasConsent", group: "contactability", value: (f) => (f.hasConsent ? 1 : 0) },
  { name: "marketHot", group: "market", value: (f) => (f.marketRank === "HOT" ? 1 : 0) },
  { name: "marketCold", group: "market", value: (f) => (f.marketRank === "COLD" || f.marketRank === "BLACKLIST" ? 1 : 0) },
  { name: "sourceEmail", group: "source", value: (f) => (f.source === "EMAIL" ? 1 : 0) },
  { name: "sourceApi", group: "source", value: (f) => (f.source === "API" ? 1 : 0) },
  { name: "sourceByHand", group: "source", value: (f) => (f.source === "MANUAL" || f.source === "DRIVING" ? 1 : 0) },
];

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : 0;
}

/** Pure: the lead as the learned model's raw (unstandardized) vector. */
export function vectorize(features: LeadFeatures): number[] {
  return FEATURE_COLUMNS.map((column) => column.value(features));
}

export const FEATURE_COLUMN_NAMES = FEATURE_COLUMNS.map((column) => column.name);
