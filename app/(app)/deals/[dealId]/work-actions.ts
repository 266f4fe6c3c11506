"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { editDeal } from "@/lib/deals/edit";
import { addDealNote } from "@/lib/deals/notes";
import { DealEditInput, DealNoteInput, DealOwnerInput, DealRef, DealStatusChangeInput, DealTagsInput } from "@/lib/deals/schema";
import { deleteDeal } from "@/lib/deals/trash";
import { assignDealOwner, changeDealStatus, tagDeals, type BulkResult } from "@/lib/deals/workflow";
import { ExpectedError } from "@/lib/errors";
import { tenantAction } from "@/lib/http/action";

/** One deal's answer from a bulk function: refused means the field's error, shown beside it. */
function single(result: BulkResult, field: string): { changed: boolean } {
  const refused = result.refused[0];
  if (refused && result.changed.length === 0) throw new ExpectedError("invalid", refused.reason, field);
  return { changed: result.changed.length > 0 };
}

function refresh(dealIds: string[]) {
  for (const id of dealIds) revalidatePath(`/deals/${id}`);
}

export const changeDealStatusAction = tenantAction("deal.status", "deals:write", DealStatusChangeInput, async (ctx, input) => {
  const result = single(await changeDealStatus(ctx.db, auditContext(ctx), input), "to");
  refresh(input.dealIds);
  return result;
}, { message: "Status changed" });

export const assignDealOwnerAction = tenantAction("deal.owner", "deals:write", DealOwnerInput, async (ctx, input) => {
  const result = single(await assignDealOwner(ctx.db, auditContext(ctx), input), "ownerId");
  refresh(input.dealIds);
  return result;
}, { message: "Owner saved" });

export const tagDealAction = tenantAction("deal.tags", "deals:write", DealTagsInput, async (ctx, input) => {
  const result = single(await tagDeals(ctx.db, auditContext(ctx), input), "add");
  refresh(input.dealIds);
  return result;
}, { message: "Tags saved" });

export const addDealNoteAction = tenantAction("deal.note", "deals:write", DealNoteInput, async (ctx, input) => {
  const note = await addDealNote(ctx.db, auditContext(ctx), input);
  refresh([input.dealId]);
  return note;
}, { message: "Note added" });

/** The edit form posts every field with the deal's id; the fields are read by the same schema as `PATCH /api/v1/deals/{id}`. */
export const editDealAction = tenantAction("deal.edit", "deals:write", DealEditInput.safeExtend(DealRef.shape), async (ctx, { dealId, ...fields }) => {
  const result = await editDeal(ctx.db, auditContext(ctx), dealId, fields);
  refresh([dealId]);
  return result;
}, { message: "Deal saved" });

export const deleteDealAction = tenantAction("deal.delete", "deals:write", DealRef, async (ctx, { dealId }) => {
  const deleted = await deleteDeal(ctx.db, auditContext(ctx), dealId);
  revalidatePath("/deals");
  return deleted;
}, { message: "Deal deleted" });
