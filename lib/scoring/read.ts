/** A deal's score as the deal page, the memo and the API show it: the reasons and the model in words. */
import { findDeal } from "@/lib/deals/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { ModelMetrics, ScoreConfidence, ScoreContribution } from "./types";

export interface DealScoreView {
  dealId: string;
  /** The computed score, null until the deal is scored. */
  score: number | null;
  /** What the source (a CSV column, the API) said, kept as it came. */
  sourceScore: number | null;
  model: string | null;
  /** "points table" or "learned from your 312 outcomes, AUC 0.74". */
  modelLabel: string | null;
  confidence: ScoreConfidence | null;
  contributions: ScoreContribution[];
  scoredAt: Date | null;
}

/** Pure: the model's name in words. */
export function describeModel(model: string | null, learned: { outcomes: number; auc: number } | null): string | null {
  if (!model) return null;
  if (!model.startsWith("learned-")) return "points table";
  return learned ? `learned from your ${learned.outcomes} outcomes, AUC ${learned.auc.toFixed(2)}` : `learned model ${model.slice("learned-".length)}`;
}

export async function getDealScore(db: TenantDb | TenantTransaction, dealId: string): Promise<DealScoreView> {
  const deal = await findDeal(db, dealId, { id: true, score: true, sourceScore: true, scoreModel: true, scoreContributions: true, scoreConfidence: true, scoredAt: true });
  if (!deal) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const version = deal.scoreModel?.startsWith("learned-") ? Number(deal.scoreModel.slice("learned-".length)) : null;
  const model = version ? await db.scoringModel.findFirst({ where: { version }, select: { outcomes: true, metrics: true } }) : null;
  return {
    dealId: deal.id,
    score: deal.score,
    sourceScore: deal.sourceScore,
    model: deal.scoreModel,
    modelLabel: describeModel(deal.scoreModel, model ? { outcomes: model.outcomes, auc: (model.metrics as unknown as ModelMetrics).auc } : null),
    confidence: (deal.scoreConfidence as ScoreConfidence | null) ?? null,
    contributions: Array.isArray(deal.scoreContributions) ? (deal.scoreContributions as unknown as ScoreContribution[]) : [],
    scoredAt: deal.scoredAt,
  };
}
