/**
 * The Pursuits board's writes (X6): a pursuit started from an opportunity or by hand, moved
 * between stages, and its details edited. Every change is audited in its own transaction;
 * the board mirrors a No bid onto its opportunity. Reading the board: pursuit-board.ts.
 */
import type { Pursuit } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { isTenantTransaction, type TenantDb, type TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { PursuitStageName } from "./codes";
import { setOpportunityStatus } from "./opportunities";
import { STAGE_LABELS } from "./pipeline";
import type { CreatePursuitInput, MovePursuitInput, PatchPursuitInput, UpdatePursuitInput } from "./pursuit-schema";

type Db = TenantDb | TenantTransaction;

/** The reason an opportunity gets when its pursuit is dropped on the No bid column. */
export const BOARD_NO_BID_REASON = "Moved to No bid on the Pursuits board";

function inTransaction<R>(db: Db, work: (tx: TenantTransaction) => Promise<R>): Promise<R> {
  return isTenantTransaction(db) ? work(db) : db.$transaction(work);
}

async function endOfColumn(tx: TenantTransaction, stage: PursuitStageName): Promise<number> {
  const last = await tx.pursuit.aggregate({ where: { stage }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

async function findPursuit(tx: TenantTransaction, pursuitId: string): Promise<Pursuit> {
  const pursuit = await tx.pursuit.findFirst({ where: { id: pursuitId } });
  if (!pursuit) throw new ExpectedError("not_found", "This pursuit does not exist", "id");
  return pursuit;
}

async function assertMember(tx: TenantTransaction, userId: string | null | undefined) {
  if (!userId) return;
  const member = await tx.membership.findFirst({ where: { userId }, select: { id: true } });
  if (!member) throw new ExpectedError("invalid", "Choose a member of this workspace", "ownerId");
}

/** The actor owns what they start, when they are a member (an unbound API key is not). */
async function actorAsOwner(tx: TenantTransaction, ctx: AuditContext): Promise<string | null> {
  if (!ctx.actorId) return null;
  const member = await tx.membership.findFirst({ where: { userId: ctx.actorId }, select: { id: true } });
  return member ? ctx.actorId : null;
}

/**
 * Puts an opportunity on the board: title, value and deadline from the opportunity, stage
 * Identified at the end of its column, owned by the actor. Idempotent: a pursuit of that
 * opportunity already on the board is returned as it is, except one at No bid, which comes
 * back to Identified because the team pursues it again.
 */
export async function startPursuit(db: Db, input: { opportunityId: string }, ctx: AuditContext): Promise<{ id: string; created: boolean }> {
  return inTransaction(db, async (tx) => {
    const opportunity = await tx.opportunity.findFirst({
      where: { id: input.opportunityId },
      select: { id: true, title: true, valueDollars: true, responseDeadline: true, ownerId: true },
    });
    if (!opportunity) throw new ExpectedError("not_found", "This opportunity does not exist", "opportunityId");
    const ownerId = opportunity.ownerId ?? (await actorAsOwner(tx, ctx));
    // ON CONFLICT DO NOTHING on (tenantId, opportunityId): two people pressing Pursue at once make one card.
    const inserted = await tx.pursuit.createMany({
      data: [{
        opportunityId: opportunity.id,
        title: opportunity.title,
        valueDollars: opportunity.valueDollars,
        deadline: opportunity.responseDeadline,
        ownerId,
        position: await endOfColumn(tx, "IDENTIFIED"),
      }],
      skipDuplicates: true,
    });
    const pursuit = await tx.pursuit.findFirstOrThrow({ where: { opportunityId: opportunity.id } });
    if (inserted.count === 1) {
      await recordAudit(tx, { action: "govcon.pursuit_started", entity: "Pursuit", entityId: pursuit.id, after: { opportunityId: opportunity.id, title: pursuit.title, stage: pursuit.stage, ownerId } }, ctx);
      return { id: pursuit.id, created: true };
    }
    if (pursuit.stage === "NO_BID") await changeStage(tx, pursuit, { stage: "IDENTIFIED" }, ctx, { mirror: false });
    return { id: pursuit.id, created: false };
  });
}

/** The opportunity's status follows: pursuing it from the board is pursuing it on its page. */
async function pursueOpportunity(tx: TenantTransaction, opportunityId: string, ctx: AuditContext) {
  const opportunity = await tx.opportunity.findFirst({ where: { id: opportunityId }, select: { status: true } });
  if (!opportunity) throw new ExpectedError("not_found", "This opportunity does not exist", "opportunityId");
  const existing = await tx.pursuit.findFirst({ where: { opportunityId }, select: { id: true } });
  if (opportunity.status !== "PURSUING") await setOpportunityStatus(tx, { opportunityId, status: "PURSUING" }, ctx);
  const started = await startPursuit(tx, { opportunityId }, ctx);
  return { id: started.id, created: !existing };
}

/** A manual pursuit (a title), or one of an opportunity ({ opportunityId }) with the details given. */
export async function createPursuit(db: Db, input: CreatePursuitInput, ctx: AuditContext): Promise<{ id: string; created: boolean }> {
  return inTransaction(db, async (tx) => {
    await assertMember(tx, input.ownerId);
    const details = { valueDollars: input.valueDollars, deadline: input.deadline, ownerId: input.ownerId, notes: input.notes, title: input.title };
    if (input.opportunityId) {
      const started = await pursueOpportunity(tx, input.opportunityId, ctx);
      if (started.created) await applyDetails(tx, await findPursuit(tx, started.id), details, ctx);
      return started;
    }
    const ownerId = input.ownerId === undefined ? await actorAsOwner(tx, ctx) : input.ownerId;
    const pursuit = await tx.pursuit.create({
      data: {
        title: input.title ?? "",
        valueDollars: input.valueDollars ?? null,
        deadline: input.deadline ?? null,
        ownerId,
        notes: input.notes ?? null,
        position: await endOfColumn(tx, "IDENTIFIED"),
      },
    });
    await recordAudit(tx, { action: "govcon.pursuit_created", entity: "Pursuit", entityId: pursuit.id, after: { title: pursuit.title, valueDollars: pursuit.valueDollars, deadline: pursuit.deadline, ownerId, stage: pursuit.stage } }, ctx);
    return { id: pursuit.id, created: true };
  });
}

/** Where a card lands in its column: just after `afterId` (halfway to the next card), else at the end. */
async function positionIn(tx: TenantTransaction, stage: PursuitStageName, movingId: string, afterId: string | null | undefined): Promise<number> {
  if (!afterId) return endOfColumn(tx, stage);
  const after = await tx.pursuit.findFirst({ where: { id: afterId, stage }, select: { position: true } });
  if (!after) throw new ExpectedError("invalid", `That card is not in the ${STAGE_LABELS[stage]} column`, "afterId");
  const next = await tx.pursuit.findFirst({
    where: { stage, position: { gt: after.position }, id: { not: movingId } },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  return next ? (after.position + next.position) / 2 : after.position + 1;
}

/**
 * Sets a pursuit's stage (and place in the column), audited with before and after. With
 * `mirror`, the opportunity follows the board: No bid declines it with the board's reason,
 * and a card taken back out of No bid pursues it again.
 */
async function changeStage(
  tx: TenantTransaction,
  pursuit: Pursuit,
  move: { stage: PursuitStageName; afterId?: string | null },
  ctx: AuditContext,
  options: { mirror: boolean },
  now = new Date(),
): Promise<Pursuit> {
  const position = await positionIn(tx, move.stage, pursuit.id, move.afterId);
  const stageChanged = pursuit.stage !== move.stage;
  const updated = await tx.pursuit.update({
    where: { id: pursuit.id },
    data: { stage: move.stage, position, ...(stageChanged && { stageChangedAt: now }) },
  });
  if (!stageChanged) return updated;
  await recordAudit(
    tx,
    {
      action: "govcon.pursuit_stage_changed",
      entity: "Pursuit",
      entityId: pursuit.id,
      before: { stage: pursuit.stage, stageChangedAt: pursuit.stageChangedAt },
      after: { stage: updated.stage, stageChangedAt: updated.stageChangedAt },
    },
    ctx,
  );
  if (options.mirror && pursuit.opportunityId) await mirrorOnOpportunity(tx, pursuit.opportunityId, pursuit.stage, move.stage, ctx);
  return updated;
}

async function mirrorOnOpportunity(tx: TenantTransaction, opportunityId: string, from: PursuitStageName, to: PursuitStageName, ctx: AuditContext) {
  const opportunity = await tx.opportunity.findFirst({ where: { id: opportunityId }, select: { status: true } });
  if (!opportunity) return;
  if (to === "NO_BID" && opportunity.status !== "NO_BID") {
    await setOpportunityStatus(tx, { opportunityId, status: "NO_BID", reason: BOARD_NO_BID_REASON }, ctx);
  } else if (from === "NO_BID" && opportunity.status === "NO_BID") {
    await setOpportunityStatus(tx, { opportunityId, status: "PURSUING" }, ctx);
  }
}

/** A card dropped on a column. Won, Lost and No bid keep the card on the board. */
export async function movePursuit(db: Db, input: MovePursuitInput, ctx: AuditContext, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const pursuit = await findPursuit(tx, input.pursuitId);
    const moved = await changeStage(tx, pursuit, { stage: input.stage, afterId: input.afterId }, ctx, { mirror: true }, now);
    return { id: moved.id, stage: moved.stage as PursuitStageName, position: moved.position, changed: moved.stage !== pursuit.stage };
  });
}

type Details = Omit<UpdatePursuitInput, "pursuitId">;
const DETAIL_FIELDS = ["title", "valueDollars", "deadline", "ownerId", "pWin", "pGo", "notes"] as const;

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** Writes the given details (a key left out keeps its value), auditing only what changed. */
async function applyDetails(tx: TenantTransaction, pursuit: Pursuit, details: Details, ctx: AuditContext): Promise<Pursuit> {
  await assertMember(tx, details.ownerId);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) {
    const value = details[field];
    if (value === undefined || same(value, pursuit[field])) continue;
    before[field] = pursuit[field];
    after[field] = value;
  }
  if (!Object.keys(after).length) return pursuit;
  const updated = await tx.pursuit.update({ where: { id: pursuit.id }, data: after });
  await recordAudit(tx, { action: "govcon.pursuit_updated", entity: "Pursuit", entityId: pursuit.id, before, after }, ctx);
  return updated;
}

/** The card's dialog: value, owner, p(win)/p(go) overrides (null goes back to the stage's), notes. */
export async function updatePursuit(db: Db, input: UpdatePursuitInput, ctx: AuditContext) {
  const { pursuitId, ...details } = input;
  return inTransaction(db, async (tx) => {
    const updated = await applyDetails(tx, await findPursuit(tx, pursuitId), details, ctx);
    return { id: updated.id };
  });
}

/** PATCH /api/v1/govcon/pursuits: the details and the move of one pursuit, in one transaction. */
export async function patchPursuit(db: Db, input: PatchPursuitInput, ctx: AuditContext, now = new Date()) {
  const { id, stage, afterId, ...details } = input;
  return inTransaction(db, async (tx) => {
    let pursuit = await applyDetails(tx, await findPursuit(tx, id), details, ctx);
    // The details dialog sends the stage it shows: the same stage without afterId leaves the card where it is.
    if (stage && (stage !== pursuit.stage || afterId)) pursuit = await changeStage(tx, pursuit, { stage, afterId }, ctx, { mirror: true }, now);
    return { id: pursuit.id };
  });
}
