/**
 * What the team does with an opportunity: track it, pursue it (a card on the Pursuits
 * board), decline it with a reason, and write notes on it. Reading lives in
 * opportunity-queries.ts; the filter clauses in opportunity-where.ts.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { isTenantTransaction, type TenantDb, type TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { OpportunityStatusName } from "./codes";
import { NO_BID_REASON_REQUIRED, type OpportunityNoteInput } from "./opportunity-schema";
import { startPursuit } from "./pursuits";

export { opportunityWhere, opportunityOrderBy } from "./opportunity-where";
export { listOpportunities, getOpportunityDetail, findOpportunityId, type OpportunityRow, type OpportunityPage, type OpportunityDetail } from "./opportunity-queries";

type Db = TenantDb | TenantTransaction;

/** The Pursuits board calls in with its own transaction (a card going to or leaving No bid); the page and the API with the client. */
function inTransaction<R>(db: Db, work: (tx: TenantTransaction) => Promise<R>): Promise<R> {
  return isTenantTransaction(db) ? work(db) : db.$transaction(work);
}

export interface StatusChange {
  opportunityId: string;
  status: OpportunityStatusName;
  reason?: string | null;
}

export interface StatusResult {
  opportunityId: string;
  status: OpportunityStatusName;
  ownerId: string | null;
  /** The pursuit on the board once the opportunity is pursued. */
  pursuitId: string | null;
}

/** The owner, no-bid and status fields a change writes: a pure step, tested on its own. */
export function statusUpdateOf(
  current: { ownerId: string | null },
  change: { status: OpportunityStatusName; reason?: string | null },
  actorId: string | null,
  now: Date,
) {
  const reason = change.reason?.trim() || null;
  if (change.status === "NO_BID") {
    if (!reason) throw new ExpectedError("invalid", NO_BID_REASON_REQUIRED, "reason");
    return { status: change.status, ownerId: current.ownerId, noBidReason: reason, noBidById: actorId, noBidAt: now };
  }
  // Whoever tracks or pursues an unowned opportunity becomes its owner: amendment and deadline alerts go to them.
  const ownerId = change.status === "NEW" ? current.ownerId : (current.ownerId ?? actorId);
  return { status: change.status, ownerId, noBidReason: null, noBidById: null, noBidAt: null };
}

/**
 * Moves an opportunity to a status. PURSUING puts it on the Pursuits board in the same
 * transaction (once: a second call finds the same pursuit); NO_BID needs a reason.
 */
export async function setOpportunityStatus(db: Db, change: StatusChange, ctx: AuditContext, now = new Date()): Promise<StatusResult> {
  return inTransaction(db, async (tx) => {
    const current = await tx.opportunity.findFirst({
      where: { id: change.opportunityId },
      select: { id: true, status: true, ownerId: true, noBidReason: true },
    });
    if (!current) throw new ExpectedError("not_found", "This opportunity does not exist");
    const update = statusUpdateOf(current, change, ctx.actorId, now);
    const pursuit = update.status === "PURSUING" ? await startPursuit(tx, { opportunityId: current.id }, ctx) : null;
    const unchanged = current.status === update.status && current.ownerId === update.ownerId && current.noBidReason === update.noBidReason;
    if (unchanged) return { opportunityId: current.id, status: update.status, ownerId: update.ownerId, pursuitId: pursuit?.id ?? null };
    await tx.opportunity.update({ where: { id: current.id }, data: update });
    await recordAudit(
      tx,
      {
        action: "govcon.opportunity_status_changed",
        entity: "Opportunity",
        entityId: current.id,
        before: { status: current.status, ownerId: current.ownerId, noBidReason: current.noBidReason },
        after: { status: update.status, ownerId: update.ownerId, noBidReason: update.noBidReason, pursuitId: pursuit?.id ?? null },
      },
      ctx,
    );
    return { opportunityId: current.id, status: update.status, ownerId: update.ownerId, pursuitId: pursuit?.id ?? null };
  });
}

export async function addOpportunityNote(db: TenantDb, input: { opportunityId: string } & OpportunityNoteInput, ctx: AuditContext) {
  return db.$transaction(async (tx) => {
    const opportunity = await tx.opportunity.findFirst({ where: { id: input.opportunityId }, select: { id: true } });
    if (!opportunity) throw new ExpectedError("not_found", "This opportunity does not exist");
    const note = await tx.opportunityNote.create({ data: { opportunityId: opportunity.id, authorId: ctx.actorId, body: input.body } });
    await recordAudit(tx, { action: "govcon.opportunity_note_added", entity: "Opportunity", entityId: opportunity.id, after: { noteId: note.id, excerpt: input.body.slice(0, 80) } }, ctx);
    return { id: note.id, body: note.body, authorId: note.authorId, createdAt: note.createdAt };
  });
}
