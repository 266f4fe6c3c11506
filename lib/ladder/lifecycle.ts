import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { findDealsByIds } from "@/lib/deals/service";
import { insertRows } from "@/lib/db/bulk";
import { enqueueEvents } from "@/lib/events/outbox";
import { recordKpiEvents } from "@/lib/kpi/service";
import { EVENTS } from "@/lib/events/catalog";
import { areaCodeOf } from "@/lib/geo/area";
import { blacklistedAreas } from "@/lib/market/queries";
import { LADDER_DEAL_SELECT, loadPolicies, policyContextOf } from "./context";
import { scheduleLadder } from "./schedule";
import type { LadderStep } from "./schema";
import type { LadderStepState } from "./state";
import { getLadderTemplate } from "./templates";

export type StartTrigger = "lead_created" | "manual" | "api";

export type StartResult =
  | { dealId: string; status: "started"; ladderId: string; steps: LadderStepState[] }
  | { dealId: string; status: "already_active"; ladderId: string | null }
  | { dealId: string; status: "deal_not_found" }
  /** Not started: the deal's postal area is blacklisted (detail names the area and its reason). */
  | { dealId: string; status: "skipped"; reason: StartSkipReason; detail: string };

/** Why a ladder was not started for an existing deal with none running. */
export type StartSkipReason = "area_blacklisted";

/** Words for each skip reason, for the pages, the bulk result and the API. */
export const START_SKIP_LABELS: Record<StartSkipReason, string> = {
  area_blacklisted: "Area blacklisted",
};

export interface StartOptions {
  now: Date;
  trigger: StartTrigger;
  /** Write a ladder-start event per new ladder (its Inngest run then adopts the row). */
  enqueue: boolean;
  actorId?: string | null;
  /** When a person starts it: one audit event per started ladder, in the same transaction. */
  audit?: AuditContext;
}

/** The schedule of a ladder started at `start`, as stored on its row. Pure. */
export function plannedSteps(start: Date, steps: readonly LadderStep[], context: Parameters<typeof scheduleLadder>[2]): LadderStepState[] {
  return scheduleLadder(start, steps, context).map((scheduled, index) => ({
    step: scheduled.step,
    channel: scheduled.channel,
    delayMinutes: steps[index].delayMinutes,
    template: steps[index].template,
    ...(steps[index].variants?.length ? { variants: steps[index].variants } : {}),
    ...(steps[index].mailKind ? { mailKind: steps[index].mailKind } : {}),
    nominalAt: scheduled.nominalAt.toISOString(),
    dueAt: scheduled.dueAt ? scheduled.dueAt.toISOString() : null,
    state: scheduled.skipped ? "skipped" : "scheduled",
    reason: scheduled.skipped ? `${scheduled.reason}: ${scheduled.detail}` : null,
  }));
}

const CHUNK = 1000;

/**
 * Starts the tenant's ladder for each deal that has no active one and is not in a blacklisted
 * postal area (skipped with its reason): computes each schedule,
 * inserts the ladder rows (the one-active-per-deal index turns a second start into a no-op)
 * and, when asked, the ladder-start events, with the KPI events, in one transaction.
 */
export async function startLadders(db: TenantDb, dealIds: readonly string[], options: StartOptions): Promise<StartResult[]> {
  const unique = [...new Set(dealIds)];
  const [template, policies] = await Promise.all([getLadderTemplate(db), loadPolicies(db)]);
  const deals = new Map<string, Awaited<ReturnType<typeof loadDeals>>[number]>();
  for (let i = 0; i < unique.length; i += CHUNK) for (const deal of await loadDeals(db, unique.slice(i, i + CHUNK))) deals.set(deal.id, deal);
  // A failed read of the marks throws, so no ladder starts unchecked.
  const areaOf = (deal: { areaCode: string | null; postalCode: string | null }) => deal.areaCode ?? areaCodeOf(deal.postalCode);
  const blacklisted = await blacklistedAreas(db, [...deals.values()].map(areaOf));
  const skipped = new Map<string, Extract<StartResult, { status: "skipped" }>>();
  for (const deal of deals.values()) {
    const code = areaOf(deal);
    const mark = code ? blacklisted.get(code) : undefined;
    if (mark) skipped.set(deal.id, { dealId: deal.id, status: "skipped", reason: "area_blacklisted", detail: `Area ${mark.areaCode} is blacklisted: ${mark.reason}` });
  }

  return db.$transaction(async (tx) => {
    const active = new Map<string, string>();
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await tx.followUpLadder.findMany({ where: { dealId: { in: unique.slice(i, i + CHUNK) }, status: "ACTIVE" }, select: { id: true, dealId: true } });
      for (const row of rows) active.set(row.dealId, row.id);
    }
    const planned = new Map<string, { ladderId: string; steps: LadderStepState[] }>();
    for (const dealId of unique) {
      const deal = deals.get(dealId);
      if (!deal || active.has(dealId) || skipped.has(dealId)) continue;
      planned.set(dealId, { ladderId: randomUUID(), steps: plannedSteps(options.now, template.steps, policyContextOf(deal, policies)) });
    }
    const inserted = new Set<string>();
    const entries = [...planned.entries()];
    for (let i = 0; i < entries.length; i += CHUNK) {
      const chunk = entries.slice(i, i + CHUNK);
      const ids = new Set(
        await insertRows(
          tx,
          "FollowUpLadder",
          chunk.map(([dealId, plan]) => ({
            id: plan.ladderId,
            dealId,
            steps: plan.steps,
            startedAt: options.now,
            correlationId: `ladder-start:${plan.ladderId}`,
          })),
          // A lead whose ladder another start just created is skipped by the one-active index.
          { skipDuplicates: true },
        ),
      );
      for (const [dealId, plan] of chunk) if (ids.has(plan.ladderId)) inserted.add(dealId);
    }
    const started = entries.filter(([dealId]) => inserted.has(dealId));
    if (options.enqueue) {
      await enqueueEvents(
        tx,
        started.map(([dealId, plan]) => ({
          id: `ladder-start:${plan.ladderId}`,
          name: EVENTS.ladderStartRequested,
          data: { dealId, ladderId: plan.ladderId, actorId: options.actorId ?? null },
        })),
      );
    }
    if (options.audit) {
      for (const [dealId, plan] of started) {
        await recordAudit(tx, { action: "ladder.started", entity: "FollowUpLadder", entityId: plan.ladderId, after: { dealId, trigger: options.trigger } }, options.audit);
      }
    }
    await recordKpiEvents(
      tx,
      started.map(([dealId, plan]) => ({
        name: "ladder_started" as const,
        dealId,
        data: { ladderId: plan.ladderId, trigger: options.trigger, steps: plan.steps.length, skipped: plan.steps.filter((s) => s.state === "skipped").length },
      })),
    );
    return unique.map((dealId): StartResult => {
      const plan = planned.get(dealId);
      if (plan && inserted.has(dealId)) return { dealId, status: "started", ladderId: plan.ladderId, steps: plan.steps };
      if (!deals.has(dealId)) return { dealId, status: "deal_not_found" };
      if (active.has(dealId)) return { dealId, status: "already_active", ladderId: active.get(dealId) ?? null };
      return skipped.get(dealId) ?? { dealId, status: "already_active", ladderId: null };
    });
  }, { timeout: 300_000 });
}

function loadDeals(db: TenantDb, ids: string[]) {
  return findDealsByIds(db, ids, LADDER_DEAL_SELECT);
}

export interface StopInput {
  dealId: string;
  /** reply, opted_out, deal_status:<STATUS>, manual, stop_requested. */
  reason: string;
  now?: Date;
}

export type StopResult = { stopped: false } | { stopped: true; ladderId: string; cancelledTasks: number };

/** Ends the deal's active ladder with its reason and cancels its open tasks, in the caller's transaction. */
export async function stopActiveLadder(tx: TenantTransaction, input: StopInput): Promise<StopResult> {
  const ladder = await tx.followUpLadder.findFirst({ where: { dealId: input.dealId, status: "ACTIVE" }, select: { id: true } });
  if (!ladder) return { stopped: false };
  const now = input.now ?? new Date();
  const { count } = await tx.followUpLadder.updateMany({
    where: { id: ladder.id, status: "ACTIVE" },
    data: { status: "STOPPED", stoppedAt: now, stopReason: input.reason },
  });
  if (count === 0) return { stopped: false };
  const cancelled = await tx.followUpTask.updateMany({ where: { ladderId: ladder.id, status: "OPEN" }, data: { status: "CANCELLED" } });
  await recordKpiEvents(tx, [{ name: "ladder_stopped", dealId: input.dealId, data: { ladderId: ladder.id, reason: input.reason } }]);
  return { stopped: true, ladderId: ladder.id, cancelledTasks: cancelled.count };
}

/** Stops a deal's ladder (events from replies, opt-outs, status changes, stop requests). */
export async function stopLadder(db: TenantDb, input: StopInput): Promise<StopResult> {
  return db.$transaction((tx) => stopActiveLadder(tx, input));
}

/** Stop ladder by hand: the row stops now, audited, and the stop event ends the Inngest run. */
export async function stopLadderByHand(db: TenantDb, input: { dealId: string; reason?: string }, ctx: AuditContext): Promise<StopResult> {
  return db.$transaction(async (tx) => {
    const reason = input.reason ? `manual: ${input.reason}` : "manual";
    const result = await stopActiveLadder(tx, { dealId: input.dealId, reason });
    if (!result.stopped) return result;
    await enqueueEvents(tx, [{ id: `ladder-stop:${result.ladderId}`, name: EVENTS.ladderStopRequested, data: { dealId: input.dealId, reason } }]);
    await recordAudit(tx, { action: "ladder.stopped", entity: "FollowUpLadder", entityId: result.ladderId, after: { dealId: input.dealId, reason } }, ctx);
    return result;
  });
}
