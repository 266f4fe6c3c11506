"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApproveDraftInput, EditDraftInput, RejectDraftInput } from "@/lib/approvals/schema";
import { approveDraft, editDraft, rejectDraft } from "@/lib/approvals/service";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";

const DraftRef = z.object({ draftId: z.string().min(1).max(64) });

function refresh(draftId: string) {
  revalidatePath("/approvals");
  revalidatePath(`/approvals/${draftId}`);
}

/** Approves as proposed, or with the edited subject and body, and sends through every gate. */
export const approveDraftAction = tenantAction("approvals.approve", "approvals:decide", DraftRef.and(ApproveDraftInput), async (ctx, { draftId, subject, body }) => {
  const edits = subject !== undefined || body !== undefined ? { subject, body } : undefined;
  const result = await approveDraft(ctx.db, draftId, auditContext(ctx), edits);
  refresh(draftId);
  return result;
});

/** The edit form's "Approve edited": both fields required, as when saving, then sent as edited. */
export const approveEditedDraftAction = tenantAction("approvals.approve_edited", "approvals:decide", DraftRef.and(EditDraftInput), async (ctx, { draftId, subject, body }) => {
  const result = await approveDraft(ctx.db, draftId, auditContext(ctx), { subject, body });
  refresh(draftId);
  return result;
});

export const editDraftAction = tenantAction(
  "approvals.edit",
  "approvals:decide",
  DraftRef.and(EditDraftInput),
  async (ctx, { draftId, subject, body }) => {
    await editDraft(ctx.db, draftId, { subject, body }, auditContext(ctx));
    refresh(draftId);
    return { draftId };
  },
  { message: "Draft saved" },
);

export const rejectDraftAction = tenantAction("approvals.reject", "approvals:decide", DraftRef.and(RejectDraftInput), async (ctx, { draftId, reason }) => {
  const result = await rejectDraft(ctx.db, draftId, reason, auditContext(ctx));
  refresh(draftId);
  return result;
});
