/**
 * Working deals by hand: status moves, owners and tags, one deal or a selection of up to 500.
 * Each change is audited per deal (the deal's timeline reads those lines) in the transaction
 * that makes it.
 */
import { randomUUID } from "node:crypto";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { EVENTS } from "@/lib/events/catalog";
import { enqueueEvents } from "@/lib/events/outbox";
import { statusChangeEndsLadder } from "@/lib/ladder/events";
import { stopActiveLadder } from "@/lib/ladder/lifecycle";
import { listMembers } from "@/lib/tenants/members";
import { noteStatusChanges } from "@/lib/signals/observed";
import { recordClosedDealComps } from "@/lib/comps/service";
import { statusChangeProblem, type DealStatus } from "./rules";
import type { DealOwnerInput, DealStatusChangeInput, DealTagsInput } from "./schema";

export interface BulkResult {
  changed: string[];
  refused: { dealId: string; reason: string }[];
}

/** Deals that are still live (not in the recycle bin) among these ids. */
async function liveDeals<S extends { id: true }>(tx: TenantTransaction, dealIds: string[], select: S) {
  return tx.deal.findMany({ where: { id: { in: [...new Set(dealIds)] }, deletedAt: null }, select });
}

function refuseMissing(dealIds: string[], found: { id: string }[]): BulkResult["refused"] {
  const seen = new Set(found.map((d) => d.id));
  return [...new Set(dealIds)].filter((id) => !seen.has(id)).map((dealId) => ({ dealId, reason: "No such deal" }));
}

/**
 * Moves each deal to `to` when the pipeline allows it from where that deal stands, stamps
 * when (and contractedAt/closedAt), ends the lead's active ladder at once and writes the
 * status event that cancels its scheduled run. Deals that may not move are refused with why.
 */
export async function changeDealStatus(db: TenantDb, ctx: AuditContext, input: DealStatusChangeInput, now = new Date()): Promise<BulkResult> {
  return db.$transaction((tx) => changeDealStatusIn(tx, ctx, input, now));
}

/** changeDealStatus inside the caller's transaction, for a change that must commit with other writes (a disposition closing). */
export async function changeDealStatusIn(tx: TenantTransaction, ctx: AuditContext, input: DealStatusChangeInput, now = new Date()): Promise<BulkResult> {
  const deals = await liveDeals(tx, input.dealIds, { id: true, status: true, assignmentFee: true, statusReason: true });
  const result: BulkResult = { changed: [], refused: refuseMissing(input.dealIds, deals) };
  const moved: { dealId: string; from: string; to: string; at: Date }[] = [];
  for (const deal of deals) {
    const from = deal.status as DealStatus;
    const problem = statusChangeProblem(from, input.to, input);
    if (problem) {
      result.refused.push({ dealId: deal.id, reason: problem.message });
      continue;
    }
    const data = {
      status: input.to,
      statusChangedAt: now,
      statusReason: input.reason ?? null,
      ...(input.to === "UNDER_CONTRACT" ? { contractedAt: now } : {}),
      ...(input.to === "CLOSED" ? { closedAt: now } : {}),
      ...(input.assignmentFee !== undefined ? { assignmentFee: input.assignmentFee } : {}),
    };
    // The status in the filter makes a concurrent move of the same deal lose instead of both applying.
    const { count } = await tx.deal.updateMany({ where: { id: deal.id, status: from, deletedAt: null }, data });
    if (count === 0) {
      result.refused.push({ dealId: deal.id, reason: "The deal changed meanwhile; reload and try again" });
      continue;
    }
    const endsLadder = statusChangeEndsLadder(from, input.to);
    const ladder = endsLadder ? await stopActiveLadder(tx, { dealId: deal.id, reason: `deal_status:${input.to}`, now }) : { stopped: false as const };
    await enqueueEvents(tx, [
      { id: `deal-status:${deal.id}:${randomUUID()}`, name: EVENTS.dealStatusChanged, data: { dealId: deal.id, from, to: input.to, endsLadder } },
    ]);
    await recordAudit(
      tx,
      {
        action: "deal.status_changed",
        entity: "Deal",
        entityId: deal.id,
        before: { status: from, statusReason: deal.statusReason, assignmentFee: deal.assignmentFee },
        after: { status: input.to, statusReason: data.statusReason, assignmentFee: input.assignmentFee ?? deal.assignmentFee, ladderStopped: ladder.stopped },
      },
      ctx,
    );
    result.changed.push(deal.id);
    moved.push({ dealId: deal.id, from, to: input.to, at: now });
  }
  await noteStatusChanges(tx, moved);
  // A closed deal is a sale the workspace saw itself: it becomes a comp for its neighbours.
  if (input.to === "CLOSED") await recordClosedDealComps(tx, moved.map((m) => m.dealId));
  return result;
}

/** Gives deals to a member of this workspace, or takes their owner away (ownerId null). */
export async function assignDealOwner(db: TenantDb, ctx: AuditContext, input: DealOwnerInput): Promise<BulkResult> {
  let owner: { userId: string; name: string | null; email: string } | null = null;
  if (input.ownerId) {
    owner = (await listMembers(db)).find((m) => m.userId === input.ownerId) ?? null;
    if (!owner) throw new ExpectedError("invalid", "Choose a member of this workspace.", "ownerId");
  }
  return db.$transaction(async (tx) => {
    const deals = await liveDeals(tx, input.dealIds, { id: true, ownerId: true });
    const result: BulkResult = { changed: [], refused: refuseMissing(input.dealIds, deals) };
    for (const deal of deals) {
      if (deal.ownerId === input.ownerId) {
        result.refused.push({ dealId: deal.id, reason: owner ? "Already owned by this member" : "Already has no owner" });
        continue;
      }
      await tx.deal.updateMany({ where: { id: deal.id }, data: { ownerId: input.ownerId } });
      await recordAudit(
        tx,
        {
          action: "deal.owner_changed",
          entity: "Deal",
          entityId: deal.id,
          before: { ownerId: deal.ownerId },
          after: { ownerId: input.ownerId, ownerName: owner ? (owner.name ?? owner.email) : null },
        },
        ctx,
      );
      result.changed.push(deal.id);
    }
    return result;
  });
}

/** Adds and removes tags on deals; a deal whose tags end up the same is left alone. */
export async function tagDeals(db: TenantDb, ctx: AuditContext, input: DealTagsInput): Promise<BulkResult> {
  const add = [...new Set(input.add ?? [])];
  const remove = new Set(input.remove ?? []);
  return db.$transaction(async (tx) => {
    const deals = await liveDeals(tx, input.dealIds, { id: true, tags: true });
    const result: BulkResult = { changed: [], refused: refuseMissing(input.dealIds, deals) };
    for (const deal of deals) {
      const tags = [...deal.tags.filter((t) => !remove.has(t)), ...add.filter((t) => !deal.tags.includes(t) && !remove.has(t))];
      if (tags.length === deal.tags.length && tags.every((t, i) => t === deal.tags[i])) {
        result.refused.push({ dealId: deal.id, reason: "Tags already as asked" });
        continue;
      }
      await tx.deal.updateMany({ where: { id: deal.id }, data: { tags } });
      await recordAudit(tx, { action: "deal.tags_changed", entity: "Deal", entityId: deal.id, before: { tags: deal.tags }, after: { tags } }, ctx);
      result.changed.push(deal.id);
    }
    return result;
  });
}
