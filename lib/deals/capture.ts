/**
 * A property seen from the road (driving for dollars) becomes a deal with source DRIVING
 * through intake like any other lead; one seen again adds its tags and note to the deal
 * already at that address. The capture's client key is the deal's sourceRef.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { intakeDeals } from "@/lib/intake/service";
import type { DealInput } from "@/lib/intake/schema";
import { propertyQuotaExceeded } from "@/lib/plans/quota";

export interface CapturedDeal {
  deal: DealInput;
  tags: readonly string[];
  note: string | null;
  clientKey: string;
}

export type CaptureOutcome = { dealId: string; merged: false } | { dealId: string; merged: true; addedTags: string[] };

async function addNote(tx: TenantTransaction, ctx: AuditContext, dealId: string, body: string) {
  const note = await tx.dealNote.create({ data: { dealId, authorId: ctx.actorId, body } });
  return note.id;
}

/** The deal a capture with this client key created, if any (a resend after a lost answer). */
export async function findCapturedDeal(db: TenantDb, clientKey: string): Promise<{ id: string } | null> {
  return db.deal.findFirst({ where: { source: "DRIVING", sourceRef: clientKey, deletedAt: null }, select: { id: true } });
}

/** Creates the DRIVING deal, or adds the capture's tags and note to the live deal at the same address. */
export async function recordCapturedDeal(db: TenantDb, ctx: AuditContext, input: CapturedDeal): Promise<CaptureOutcome> {
  const tags = [...new Set(input.tags)];
  const report = await intakeDeals(db, [{ deal: input.deal, raw: { capture: input.deal, tags, note: input.note, enteredBy: ctx.actorEmail } }], {
    source: "DRIVING",
    sourceRef: input.clientKey,
    onInserted: async (tx, created) => {
      for (const { id } of created) {
        if (tags.length) await tx.deal.updateMany({ where: { id }, data: { tags } });
        const noteId = input.note ? await addNote(tx, ctx, id, input.note) : null;
        await recordAudit(tx, { action: "deal.captured", entity: "Deal", entityId: id, after: { ...input.deal, tags, noteId, clientKey: input.clientKey } }, ctx);
      }
    },
  });
  if (report.quota && report.overQuota.length) throw propertyQuotaExceeded(report.quota);
  const created = report.created[0];
  if (created) return { dealId: created.id, merged: false };
  const existingId = report.duplicates[0]?.existingId;
  if (!existingId) throw new ExpectedError("conflict", "Another capture of this address is being saved; try again in a moment.", "street");
  return mergeCapture(db, ctx, existingId, tags, input.note, input.clientKey);
}

async function mergeCapture(db: TenantDb, ctx: AuditContext, dealId: string, tags: string[], note: string | null, clientKey: string): Promise<CaptureOutcome> {
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({ where: { id: dealId }, select: { id: true, tags: true, deletedAt: true } });
    if (!deal) throw new ExpectedError("conflict", "Another capture of this address is being saved; try again in a moment.", "street");
    if (deal.deletedAt) throw new ExpectedError("conflict", "A deleted deal has this address; an admin can restore it from Recently deleted.", "street");
    const addedTags = tags.filter((t) => !deal.tags.includes(t));
    if (addedTags.length) await tx.deal.updateMany({ where: { id: deal.id }, data: { tags: [...deal.tags, ...addedTags] } });
    const noteId = note ? await addNote(tx, ctx, deal.id, note) : null;
    await recordAudit(tx, { action: "deal.capture_merged", entity: "Deal", entityId: deal.id, before: { tags: deal.tags }, after: { tags: [...deal.tags, ...addedTags], noteId, clientKey } }, ctx);
    return { dealId: deal.id, merged: true, addedTags };
  });
}
