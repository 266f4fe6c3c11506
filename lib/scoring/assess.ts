/**
 * Re-assesses deals: their data-quality flags (lib/quality) and their lead score under the
 * workspace's active model, written back in one statement per batch. Intake calls it for the
 * deals it inserts, editing for the deal edited, stacking for the deals a list repeats, the
 * nightly engine and a model promotion for every live deal.
 */
import type { Prisma } from "@/generated/prisma/client";
import { listDealsForAssessment, recordDealAssessments, type DealAssessment, type DealForAssessment } from "@/lib/deals/assessment";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { areaRanks } from "@/lib/market/queries";
import type { MarketRank } from "@/lib/market/types";
import { optedInAddresses } from "@/lib/outbound/queries";
import { checkDealQuality, loadQualityBaselines } from "@/lib/quality";
import type { MarketBaseline, QualityIssue } from "@/lib/quality/types";
import { findMotivationWords, sourceTextOf } from "./motivation";
import { activeScoringModel } from "./active-model";
import { scoreLead } from "./score";
import type { LeadFeatures, ScoringModelRef } from "./types";

type Db = TenantDb | TenantTransaction;

/** Deals read and written per statement. */
export const ASSESS_BATCH = 1_000;
const DAY_MS = 86_400_000;

/** What a deal's features need beyond its own columns, read once per batch. */
export interface FeatureContext {
  optedIn: Set<string>;
  ranks: Map<string, MarketRank>;
}

export async function loadFeatureContext(db: Db, deals: readonly DealForAssessment[]): Promise<FeatureContext> {
  // One after the other: inside a transaction the statements share one connection anyway.
  const optedIn = await optedInAddresses(db, deals.flatMap((d) => [d.contactPhone, d.contactEmail]));
  const ranks = await areaRanks(db, deals.map((d) => d.areaCode));
  return { optedIn, ranks };
}

/** Pure: the lead's features from its columns and context, `at` the moment it is judged. */
export function leadFeaturesOf(deal: DealForAssessment, context: FeatureContext, qualityFlagCount: number, at: Date): LeadFeatures {
  const repairsRatio = deal.repairs !== null && deal.arv ? deal.repairs / deal.arv : null;
  const email = deal.contactEmail?.toLowerCase() ?? null;
  return {
    spreadRatio: deal.spreadRatio,
    motivationWords: findMotivationWords(sourceTextOf(deal.raw, deal.tags)),
    repairsRatio,
    daysSinceIntake: Math.max(0, Math.floor((at.getTime() - deal.createdAt.getTime()) / DAY_MS)),
    listCount: deal.listCount,
    hasPhone: Boolean(deal.contactPhone),
    hasEmail: Boolean(deal.contactEmail),
    hasConsent: Boolean((deal.contactPhone && context.optedIn.has(deal.contactPhone)) || (email && context.optedIn.has(email))),
    marketRank: (deal.areaCode && context.ranks.get(deal.areaCode)) || null,
    source: deal.source,
    qualityFlagCount,
  };
}

/** Recomputes and stores the quality flags and the score of these deals (missing or deleted ids are skipped). */
export async function reassessDeals(tx: Db, dealIds: readonly string[], now: Date, model?: ScoringModelRef): Promise<void> {
  if (dealIds.length === 0) return;
  const active = model ?? (await activeScoringModel(tx));
  for (let start = 0; start < dealIds.length; start += ASSESS_BATCH) {
    const deals = await listDealsForAssessment(tx, dealIds.slice(start, start + ASSESS_BATCH));
    if (deals.length === 0) continue;
    const context = await loadFeatureContext(tx, deals);
    const baselines = await loadQualityBaselines(tx, deals.map((d) => d.market).filter((m): m is string => Boolean(m)));
    await recordDealAssessments(tx, deals.map((deal) => assessDeal(deal, context, (deal.market && baselines.get(deal.market)) || null, active, now)));
  }
}

function assessDeal(deal: DealForAssessment, context: FeatureContext, baseline: MarketBaseline | null, model: ScoringModelRef, now: Date): DealAssessment {
  const issues: QualityIssue[] = checkDealQuality(deal, baseline, now);
  const lead = scoreLead(leadFeaturesOf(deal, context, issues.length, now), model);
  return {
    id: deal.id,
    score: lead.score,
    scoreModel: lead.model,
    scoreContributions: lead.contributions as unknown as Prisma.InputJsonValue,
    scoreConfidence: lead.confidence,
    scoredAt: now,
    qualityFlags: issues.map((issue) => issue.code),
    qualityIssues: issues as unknown as Prisma.InputJsonValue,
  };
}
