/**
 * The lead score's shapes (D4), shared by the scorer, the deal page, the memo and the API.
 * Deal.scoreContributions stores ScoreContribution[]; ScoringModel.parameters stores
 * LearnedModelParameters and ScoringModel.metrics stores ModelMetrics.
 */
import type { DealSource } from "@/generated/prisma/enums";
import type { MarketRank } from "@/lib/market/types";

export const SCORE_FEATURES = [
  "equity",
  "motivation",
  "condition",
  "freshness",
  "stacking",
  "contactability",
  "market",
  "source",
] as const;
export type ScoreFeature = (typeof SCORE_FEATURES)[number];

/** What the score is computed from; every field is read off the deal and its surroundings. */
export interface LeadFeatures {
  /** (MAO - asking) / ARV from underwriting; null when the deal is not priced. */
  spreadRatio: number | null;
  /** Motivation words found in the deal's source text and tags ("probate", "vacant"). */
  motivationWords: string[];
  /** repairs / ARV; null without both. */
  repairsRatio: number | null;
  /** Whole days since the deal was taken in. */
  daysSinceIntake: number;
  /** Lead lists the deal arrived on (list stacking). */
  listCount: number;
  hasPhone: boolean;
  hasEmail: boolean;
  /** An opt-in on record for the phone or the email. */
  hasConsent: boolean;
  /** The postal area's market-intel rank, when ranked. */
  marketRank: MarketRank | null;
  source: DealSource;
  /** Data-quality flags on the deal: they lower the confidence, not the points. */
  qualityFlagCount: number;
}

/** One feature's share of the score, in points; a deal's contributions sum to its score. */
export interface ScoreContribution {
  feature: ScoreFeature | "base";
  /** "equity". */
  label: string;
  /** "spread ratio 0.31". */
  detail: string;
  points: number;
}

export type ScoreConfidence = "high" | "medium" | "low";

export interface LeadScore {
  /** 0-100, whole. */
  score: number;
  contributions: ScoreContribution[];
  /** "points-v1" or "learned-<version>". */
  model: string;
  confidence: ScoreConfidence;
}

/** A fitted logistic regression over standardized numeric features (lib/scoring/features.ts vectorize). */
export interface LearnedModelParameters {
  /** Names of the vector's columns, in order. */
  columns: string[];
  means: number[];
  scales: number[];
  coefficients: number[];
  intercept: number;
}

export interface CalibrationBin {
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Share of positive outcomes in the bin. */
  observed: number;
  count: number;
}

export interface ModelMetrics {
  /** Area under the ROC curve on the held-out fifth. */
  auc: number;
  /** Brier score on the held-out fifth (lower is better). */
  brier: number;
  calibration: CalibrationBin[];
  trainCount: number;
  testCount: number;
  /** Positive (UNDER_CONTRACT or CLOSED) share of all decided outcomes. */
  positiveRate: number;
}

/** The model a workspace's scores come from: the default points table, or a promoted learned one. */
export type ScoringModelRef = { kind: "points"; name: "points-v1" } | { kind: "learned"; name: string; version: number; outcomes: number; auc: number; parameters: LearnedModelParameters };
