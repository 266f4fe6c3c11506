/**
 * Soft delete: a deleted deal keeps its row (and its address, so it is not taken in again
 * by a later import) but disappears from every list, count and ladder. Managers see the
 * deals deleted in the last 30 days and may restore them.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { EVENTS } from "@/lib/events/catalog";
import { enqueueEvents } from "@/lib/events/outbox";
import { stopActiveLadder } from "@/lib/ladder/lifecycle";

export const RESTORE_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The oldest deletion that may still be restored at `now`. */
export function restoreCutoff(now: Date): Date {
  return new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS);
}

/** Deletes a deal (soft), stopping its ladder so a deleted lead is never contacted. */
export async function deleteDeal(db: TenantDb, ctx: AuditContext, dealId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: { id: true, street: true, city: true, status: true } });
    if (!deal) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
    await tx.deal.updateMany({ where: { id: deal.id }, data: { deletedAt: now, deletedById: ctx.actorId } });
    const ladder = await stopActiveLadder(tx, { dealId: deal.id, reason: "deal_deleted", now });
    if (ladder.stopped) {
      await enqueueEvents(tx, [{ id: `ladder-stop:${ladder.ladderId}`, name: EVENTS.ladderStopRequested, data: { dealId: deal.id, reason: "deal_deleted" } }]);
    }
    await recordAudit(tx, { action: "deal.deleted", entity: "Deal", entityId: deal.id, before: { street: deal.street, city: deal.city, status: deal.status }, after: { deletedAt: now, ladderStopped: ladder.stopped } }, ctx);
    return { id: deal.id, deletedAt: now };
  });
}

/** Brings back a deal deleted within the restore window. */
export async function restoreDeal(db: TenantDb, ctx: AuditContext, dealId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: dealId, deletedAt: { not: null } }, select: { id: true, deletedAt: true, deletedById: true } });
    if (!deal) throw new ExpectedError("not_found", "No deleted deal with this id", "dealId");
    if (deal.deletedAt! < restoreCutoff(now)) {
      throw new ExpectedError("conflict", `This deal was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`, "dealId");
    }
    await tx.deal.updateMany({ where: { id: deal.id }, data: { deletedAt: null, deletedById: null } });
    await recordAudit(tx, { action: "deal.restored", entity: "Deal", entityId: deal.id, before: { deletedAt: deal.deletedAt, deletedById: deal.deletedById }, after: { deletedAt: null } }, ctx);
    return { id: deal.id };
  });
}

/** The deals deleted within the restore window, newest deletion first. */
export async function listRecentlyDeletedDeals(db: TenantDb, now = new Date()) {
  return db.deal.findMany({
    where: { deletedAt: { gte: restoreCutoff(now) } },
    orderBy: { deletedAt: "desc" },
    take: 500,
    select: { id: true, street: true, unit: true, city: true, region: true, postalCode: true, status: true, deletedAt: true, deletedById: true },
  });
}
