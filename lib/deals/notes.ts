import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { DealNoteInput } from "./schema";

const EXCERPT_LENGTH = 120;

/** Adds a note to a live deal; notes are kept as written, never edited. */
export async function addDealNote(db: TenantDb, ctx: AuditContext, input: DealNoteInput) {
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: input.dealId, deletedAt: null }, select: { id: true } });
    if (!deal) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
    const note = await tx.dealNote.create({ data: { dealId: deal.id, authorId: ctx.actorId, body: input.body } });
    const excerpt = input.body.length > EXCERPT_LENGTH ? `${input.body.slice(0, EXCERPT_LENGTH - 1)}…` : input.body;
    await recordAudit(tx, { action: "deal.note_added", entity: "Deal", entityId: deal.id, after: { noteId: note.id, excerpt } }, ctx);
    return { id: note.id, createdAt: note.createdAt };
  });
}

/** A deal's notes, newest first, with their authors' names (users are global, read by the caller's lookup). */
export async function listDealNotes(db: TenantDb, dealId: string) {
  const notes = await db.dealNote.findMany({ where: { dealId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  return notes.map((n) => ({ id: n.id, body: n.body, authorId: n.authorId, createdAt: n.createdAt }));
}
