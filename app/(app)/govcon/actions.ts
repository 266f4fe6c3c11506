"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { addOpportunityNote, findOpportunityId, setOpportunityStatus } from "@/lib/govcon/opportunities";
import { OpportunityNoteForm, OpportunityStatusForm } from "@/lib/govcon/opportunity-schema";
import { tenantAction } from "@/lib/http/action";

function refresh(noticeId: string) {
  revalidatePath(`/govcon/${encodeURIComponent(noticeId)}`);
  revalidatePath("/govcon");
}

export const setOpportunityStatusAction = tenantAction("govcon.opportunity-status", "govcon:work", OpportunityStatusForm, async (ctx, { noticeId, ...change }) => {
  const result = await setOpportunityStatus(ctx.db, { opportunityId: await findOpportunityId(ctx.db, noticeId), ...change }, auditContext(ctx));
  refresh(noticeId);
  if (result.pursuitId) revalidatePath("/govcon/pursuits");
  return result;
}, { message: "Status saved" });

export const addOpportunityNoteAction = tenantAction("govcon.opportunity-note", "govcon:work", OpportunityNoteForm, async (ctx, { noticeId, body }) => {
  const note = await addOpportunityNote(ctx.db, { opportunityId: await findOpportunityId(ctx.db, noticeId), body }, auditContext(ctx));
  refresh(noticeId);
  return { id: note.id };
}, { message: "Note added" });
