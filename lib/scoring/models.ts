/**
 * The workspace's learned scoring models: fitted from its decided deals, proposed, promoted by
 * an owner (audited), and the model every score is computed with while ACTIVE. Without an
 * active model the points table scores.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { countDecidedDeals, listDecidedDeals, listLiveDealIds } from "@/lib/deals/assessment";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { ASSESS_BATCH, leadFeaturesOf, loadFeatureContext, reassessDeals } from "./assess";
import { fitOutcomes, type Outcome } from "./fit";
import type { ModelMetrics } from "./types";

export { activeScoringModel, learnedModelName } from "./active-model";
import { activeScoringModel } from "./active-model";

type Db = TenantDb | TenantTransaction;

/** Below this many decided deals a fit says more about chance than about the workspace. */
export const MIN_OUTCOMES = 200;
const READ_PAGE = 2_000;

export interface ScoringModelView {
  id: string;
  version: number;
  status: "PROPOSED" | "ACTIVE" | "RETIRED";
  outcomes: number;
  metrics: ModelMetrics;
  proposedAt: Date;
  promotedAt: Date | null;
  retiredAt: Date | null;
}

const VIEW_SELECT = { id: true, version: true, status: true, outcomes: true, metrics: true, proposedAt: true, promotedAt: true, retiredAt: true } as const;
const toView = (row: Prisma.ScoringModelGetPayload<{ select: typeof VIEW_SELECT }>): ScoringModelView => ({ ...row, metrics: row.metrics as unknown as ModelMetrics });

/** Every model the workspace fitted, newest first. */
export async function listScoringModels(db: Db): Promise<ScoringModelView[]> {
  return (await db.scoringModel.findMany({ orderBy: { version: "desc" }, select: VIEW_SELECT })).map(toView);
}

/** The decided deals as labelled features: a contract or a closing is a success, a dead deal a failure. */
async function readOutcomes(db: TenantDb, now: Date): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let after: string | null = null; ; ) {
    const deals = await listDecidedDeals(db, after, READ_PAGE);
    if (deals.length === 0) break;
    const context = await loadFeatureContext(db, deals);
    for (const deal of deals) {
      outcomes.push({ id: deal.id, features: leadFeaturesOf(deal, context, 0, deal.statusChangedAt ?? now), outcome: deal.status === "DEAD" ? 0 : 1 });
    }
    after = deals[deals.length - 1].id;
  }
  return outcomes;
}

export type FitResult = { model: { id: string; version: number; metrics: ModelMetrics } } | { skipped: "too_few_outcomes"; outcomes: number };

/** Fits a model on the decided deals and stores it PROPOSED (audited), or says there are too few. */
export async function fitScoringModel(db: TenantDb, actor: AuditContext, options: { now?: Date } = {}): Promise<FitResult> {
  const now = options.now ?? new Date();
  const decided = await countDecidedDeals(db);
  if (decided < MIN_OUTCOMES) return { skipped: "too_few_outcomes", outcomes: decided };
  const outcomes = await readOutcomes(db, now);
  const fitted = fitOutcomes(outcomes);
  if (!fitted) throw new ExpectedError("invalid", "Every decided deal has the same outcome: a model needs both contracts and dead deals to learn from");
  return db.$transaction(async (tx) => {
    const last = await tx.scoringModel.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const created = await tx.scoringModel.create({
      data: {
        version,
        status: "PROPOSED",
        parameters: fitted.parameters as unknown as Prisma.InputJsonValue,
        metrics: fitted.metrics as unknown as Prisma.InputJsonValue,
        outcomes: outcomes.length,
        proposedAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      tx,
      { action: "scoring_model.proposed", entity: "ScoringModel", entityId: created.id, after: { version, outcomes: outcomes.length, auc: fitted.metrics.auc, brier: fitted.metrics.brier } },
      actor,
    );
    return { model: { id: created.id, version, metrics: fitted.metrics } };
  });
}

/**
 * Makes a model the one scores come from: owners only. The previous active model is retired
 * in the same transaction, and every live deal is then scored again with the new one.
 */
export async function promoteScoringModel(
  db: TenantDb,
  modelId: string,
  actor: AuditContext & { role: Role },
  options: { now?: Date } = {},
): Promise<{ model: ScoringModelView; retired: number | null; rescored: number }> {
  if (actor.role !== "owner") throw new ExpectedError("forbidden", "Only an owner can promote a scoring model");
  const now = options.now ?? new Date();
  const outcome = await db.$transaction(async (tx) => {
    const model = await tx.scoringModel.findFirst({ where: { id: modelId }, select: VIEW_SELECT });
    if (!model) throw new ExpectedError("not_found", "This scoring model does not exist", "modelId");
    if (model.status === "ACTIVE") throw new ExpectedError("conflict", `Model ${model.version} is already the active one`, "modelId");
    const previous = await tx.scoringModel.findFirst({ where: { status: "ACTIVE" }, select: { id: true, version: true } });
    if (previous) await tx.scoringModel.updateMany({ where: { id: previous.id }, data: { status: "RETIRED", retiredAt: now } });
    await tx.scoringModel.updateMany({ where: { id: model.id }, data: { status: "ACTIVE", promotedAt: now, promotedById: actor.actorId, retiredAt: null } });
    await recordAudit(
      tx,
      {
        action: "scoring_model.promoted",
        entity: "ScoringModel",
        entityId: model.id,
        before: { status: model.status, activeVersion: previous?.version ?? null },
        after: { status: "ACTIVE", version: model.version, auc: toView(model).metrics.auc, retiredVersion: previous?.version ?? null },
      },
      actor,
    );
    return { model: toView({ ...model, status: "ACTIVE", promotedAt: now, retiredAt: null }), retired: previous?.version ?? null };
  });
  const rescored = await rescoreAllDeals(db, now);
  return { ...outcome, rescored };
}

/** Scores every live deal again with the active model, a batch per transaction; returns how many. */
export async function rescoreAllDeals(db: TenantDb, now: Date): Promise<number> {
  const model = await activeScoringModel(db);
  let count = 0;
  for (let after: string | null = null; ; ) {
    const ids = await listLiveDealIds(db, after, ASSESS_BATCH);
    if (ids.length === 0) break;
    await db.$transaction((tx) => reassessDeals(tx, ids, now, model), { timeout: 120_000 });
    count += ids.length;
    after = ids[ids.length - 1];
  }
  return count;
}
