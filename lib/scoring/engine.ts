/**
 * The scoring engine's pass: every live deal scored again (freshness moves with the days,
 * market ranks and opt-ins change under a deal), then a new model proposed when the
 * workspace has enough decided outcomes and enough new ones since the last fit.
 */
import type { AuditContext } from "@/lib/audit/service";
import { countDecidedDeals } from "@/lib/deals/assessment";
import type { TenantDb } from "@/lib/db/tenant";
import { fitScoringModel, MIN_OUTCOMES, rescoreAllDeals } from "./models";

/** A refit waits for this share of new outcomes over the last fit's (and at least MIN_NEW_OUTCOMES). */
export const REFIT_GROWTH = 0.1;
export const MIN_NEW_OUTCOMES = 50;

const ENGINE_ACTOR: AuditContext = { actorId: null, actorEmail: "scoring engine", requestId: undefined };

/** Pure: whether a fit is due, given the decided deals now and the outcomes of the last fitted model (null: never fitted). */
export function isRefitDue(decided: number, lastFitOutcomes: number | null): boolean {
  if (decided < MIN_OUTCOMES) return false;
  if (lastFitOutcomes === null) return true;
  return decided - lastFitOutcomes >= Math.max(MIN_NEW_OUTCOMES, Math.ceil(lastFitOutcomes * REFIT_GROWTH));
}

export interface ScoringPassReport {
  rescored: number;
  decided: number;
  proposedVersion: number | null;
}

export async function runScoringPass(db: TenantDb, now = new Date()): Promise<ScoringPassReport> {
  const rescored = await rescoreAllDeals(db, now);
  const decided = await countDecidedDeals(db);
  const last = await db.scoringModel.findFirst({ orderBy: { version: "desc" }, select: { outcomes: true } });
  if (!isRefitDue(decided, last?.outcomes ?? null)) return { rescored, decided, proposedVersion: null };
  const fitted = await fitScoringModel(db, ENGINE_ACTOR, { now });
  return { rescored, decided, proposedVersion: "model" in fitted ? fitted.model.version : null };
}
