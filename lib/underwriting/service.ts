import { randomUUID } from "node:crypto";
import type { OfferPolicy, Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { insertRows } from "@/lib/db/bulk";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { dealExists, promoteUnderwritten, recordUnderwriting } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { enqueueEvents } from "@/lib/events/outbox";
import { REGIONS } from "@/lib/geo/regions";
import { dealStatusChangedEvents } from "@/lib/ladder/events";
import { countedEvent, recordKpiEvents, type KpiEventInput } from "@/lib/kpi/service";
import { computeOffer, DEFAULT_OFFER_TERMS, resolveOfferPolicy, type OfferResult } from "./rules";
import type { OfferComputeInput, OfferPolicyUpsertInput } from "./schema";
import type { CompEvidence } from "@/lib/comps/types";

export type OfferPolicyRow = OfferPolicy;

/** Every region plus the (ALL, ALL) fallback, disabled until an admin enables them. */
export async function seedOfferPolicies(db: TenantDb | TenantTransaction, options: { enableFallback?: boolean } = {}) {
  const rows = [{ region: "ALL", market: "ALL" }, ...REGIONS.map((r) => ({ region: r.code, market: "ALL" }))].map((r) => ({
    ...r,
    ...DEFAULT_OFFER_TERMS,
    enabled: Boolean(options.enableFallback && r.region === "ALL"),
  }));
  const { count } = await db.offerPolicy.createMany({ data: rows, skipDuplicates: true });
  return { created: count };
}

export async function listOfferPolicies(db: TenantDb | TenantTransaction): Promise<OfferPolicyRow[]> {
  return db.offerPolicy.findMany({ orderBy: [{ region: "asc" }, { market: "asc" }] });
}

export async function upsertOfferPolicy(db: TenantDb, input: OfferPolicyUpsertInput, ctx: AuditContext) {
  return db.$transaction(async (tx) => {
    const key = { region: input.region, market: input.market };
    const before = await tx.offerPolicy.findFirst({ where: key });
    const terms = {
      enabled: input.enabled,
      maxArvMultiplier: input.maxArvMultiplier,
      assignmentFee: input.assignmentFee,
      feesBuffer: input.feesBuffer,
      negotiationMargin: input.negotiationMargin ?? before?.negotiationMargin ?? DEFAULT_OFFER_TERMS.negotiationMargin,
      reason: input.reason,
      updatedById: ctx.actorId,
    };
    const after = before
      ? await tx.offerPolicy.update({ where: { id: before.id }, data: { ...terms, version: before.version + 1 } })
      : await tx.offerPolicy.create({ data: { ...key, ...terms } });
    const snapshot = (p: typeof after | null) =>
      p && { region: p.region, market: p.market, enabled: p.enabled, maxArvMultiplier: p.maxArvMultiplier, assignmentFee: p.assignmentFee, feesBuffer: p.feesBuffer, negotiationMargin: p.negotiationMargin, version: p.version };
    await recordAudit(
      tx,
      { action: before ? "offer_policy.updated" : "offer_policy.created", entity: "OfferPolicy", entityId: after.id, before: snapshot(before), after: { ...snapshot(after), reason: input.reason } },
      ctx,
    );
    return after;
  });
}

export interface UnderwritableDeal {
  id: string;
  region: string | null;
  market: string | null;
  arv: number | null;
  repairs: number | null;
  askingPrice: number | null;
}

/** Where the ARV of a computation came from: typed or imported, or a comps estimate (with its comps). */
export type ArvBasis = { source: "entered" } | { source: "comps"; comps: CompEvidence };

export type UnderwritingPlan =
  | {
      ok: true;
      dealId: string;
      result: OfferResult;
      policy: OfferPolicyRow;
      evidence: { inputs: Prisma.InputJsonValue; outputs: Prisma.InputJsonValue; assumptions: Prisma.InputJsonValue; comps: CompEvidence | null };
    }
  | { ok: false; dealId: string; reason: "missing_arv" | "missing_asking_price" | "no_enabled_policy" };

/**
 * Pure: what underwriting one deal under these policies yields, evidence included: the
 * inputs, the outputs (recommended offer among them), what was assumed, and the comps
 * behind the ARV when a comps estimate priced it.
 */
export function planUnderwriting(deal: UnderwritableDeal, policies: readonly OfferPolicyRow[], arvBasis: ArvBasis = { source: "entered" }): UnderwritingPlan {
  if (!deal.arv || deal.arv <= 0) return { ok: false, dealId: deal.id, reason: "missing_arv" };
  if (deal.askingPrice === null || deal.askingPrice === undefined) return { ok: false, dealId: deal.id, reason: "missing_asking_price" };
  const policy = resolveOfferPolicy(policies, deal.region, deal.market);
  if (!policy) return { ok: false, dealId: deal.id, reason: "no_enabled_policy" };
  const input = { arv: deal.arv, repairs: deal.repairs ?? 0, askingPrice: deal.askingPrice };
  const terms = { maxArvMultiplier: policy.maxArvMultiplier, feesBuffer: policy.feesBuffer, assignmentFee: policy.assignmentFee, negotiationMargin: policy.negotiationMargin };
  const result = computeOffer(input, terms);
  const assumptions = {
    arvSource: arvBasis.source,
    repairsAssumedZero: deal.repairs === null,
    negotiationMargin: policy.negotiationMargin,
    maxArvMultiplier: policy.maxArvMultiplier,
    feesBuffer: policy.feesBuffer,
    policyScope: `${policy.region}/${policy.market}`,
    ...(arvBasis.source === "comps" ? { compsConfidence: arvBasis.comps.confidence, compsCount: arvBasis.comps.comps.length, compsWindowMonths: arvBasis.comps.windowMonths } : {}),
  };
  return {
    ok: true,
    dealId: deal.id,
    result,
    policy,
    evidence: {
      inputs: { ...input, repairsAssumedZero: deal.repairs === null, region: deal.region, market: deal.market, terms, policyScope: `${policy.region}/${policy.market}` },
      outputs: { ...result },
      assumptions,
      comps: arvBasis.source === "comps" ? arvBasis.comps : null,
    },
  };
}

export interface UnderwritingReport {
  underwritten: number;
  skipped: { dealId: string; reason: string }[];
  correlationId: string;
  alerts: { dealId: string; spread: number }[];
}

/** Applies plans to existing deals: their columns, then evidence and KPIs. One transaction. */
export async function applyUnderwriting(
  tx: TenantTransaction,
  plans: UnderwritingPlan[],
  correlationId: string,
  spreadAlertThreshold: number,
): Promise<UnderwritingReport> {
  const now = new Date();
  const done = succeeded(plans);
  await recordUnderwriting(tx, done.map((plan) => ({ dealId: plan.dealId, columns: underwritingColumns(plan) })), now);
  const promoted = await promoteUnderwritten(tx, done.map((p) => p.dealId));
  await enqueueEvents(tx, dealStatusChangedEvents(promoted.map((dealId) => ({ dealId, from: "NEW", to: "UNDERWRITTEN" }))));
  return recordUnderwritingOutcome(tx, plans, correlationId, spreadAlertThreshold);
}

type SucceededPlan = Extract<UnderwritingPlan, { ok: true }>;

function succeeded(plans: UnderwritingPlan[]): SucceededPlan[] {
  return plans.filter((p): p is SucceededPlan => p.ok);
}

/** The deal columns a successful plan sets. */
export function underwritingColumns(plan: SucceededPlan) {
  const { mao, recommendedOffer, spread, spreadRatio, strategy } = plan.result;
  return { mao, recommendedOffer, spread, spreadRatio, strategy };
}

/**
 * Writes what underwriting decided: one immutable evidence row per priced deal and the KPI
 * events, for deals whose columns are already set (updated above, or inserted with them).
 */
export async function recordUnderwritingOutcome(
  tx: TenantTransaction,
  plans: UnderwritingPlan[],
  correlationId: string,
  spreadAlertThreshold: number,
): Promise<UnderwritingReport> {
  const done = succeeded(plans);
  await insertRows(
    tx,
    "OfferEvidence",
    done.map((p) => ({
      dealId: p.dealId,
      policyId: p.policy.id,
      policyVersion: p.policy.version,
      inputs: p.evidence.inputs,
      outputs: p.evidence.outputs,
      assumptions: p.evidence.assumptions,
      comps: p.evidence.comps as unknown as Prisma.InputJsonValue | null,
      recommendedOffer: p.result.recommendedOffer,
      correlationId,
    })),
  );
  const dealIds = done.map((p) => p.dealId);
  const alerts = done.filter((p) => p.result.spread >= spreadAlertThreshold).map((p) => ({ dealId: p.dealId, spread: p.result.spread }));
  const skipped = plans.filter((p): p is Extract<UnderwritingPlan, { ok: false }> => !p.ok).map((p) => ({ dealId: p.dealId, reason: p.reason }));
  const kpis: KpiEventInput[] = [
    ...countedEvent("deal_underwritten", dealIds, { correlationId, strategies: strategyCounts(done) }),
    ...countedEvent("offer_generated", dealIds, { correlationId }),
    ...alerts.map((a) => ({ name: "spread_alert" as const, dealId: a.dealId, data: { spread: a.spread } })),
  ];
  await recordKpiEvents(tx, kpis);
  return { underwritten: done.length, skipped, correlationId, alerts };
}

/** How many of the priced deals went to each strategy: { FLIP: 3, WHOLESALE: 5 }. */
function strategyCounts(plans: SucceededPlan[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const plan of plans) counts[plan.result.strategy] = (counts[plan.result.strategy] ?? 0) + 1;
  return counts;
}

/** Computes an offer for given numbers; with a dealId the result is recorded on that deal. */
export async function computeOfferFor(db: TenantDb, input: OfferComputeInput, threshold: number) {
  const policies = await listOfferPolicies(db);
  const deal: UnderwritableDeal = { id: input.dealId ?? "preview", region: input.region ?? null, market: input.market ?? null, arv: input.arv, repairs: input.repairs, askingPrice: input.askingPrice };
  const plan = planUnderwriting(deal, policies);
  if (!plan.ok) throw new ExpectedError("conflict", `No offer: ${plan.reason.replaceAll("_", " ")}. Enable an offer policy for this region or ALL.`);
  let correlationId: string | null = null;
  if (input.dealId) {
    if (!(await dealExists(db, input.dealId))) throw new ExpectedError("not_found", "That deal does not exist.", "dealId");
    correlationId = randomUUID();
    await db.$transaction((tx) => applyUnderwriting(tx, [plan], correlationId!, threshold));
  }
  return { ...plan.result, policy: { id: plan.policy.id, region: plan.policy.region, market: plan.policy.market, version: plan.policy.version, ...DEFAULT_OFFER_TERMS, maxArvMultiplier: plan.policy.maxArvMultiplier, feesBuffer: plan.policy.feesBuffer, assignmentFee: plan.policy.assignmentFee, negotiationMargin: plan.policy.negotiationMargin }, correlationId };
}
