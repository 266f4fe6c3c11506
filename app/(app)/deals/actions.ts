"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { DealOwnerInput, DealStatusChangeInput, DealTagsInput } from "@/lib/deals/schema";
import { assignDealOwner, changeDealStatus, tagDeals } from "@/lib/deals/workflow";
import { tenantAction } from "@/lib/http/action";
import { BulkDealsInput, BulkDoNotContactInput, addDealsToDoNotContact, startLaddersForDeals } from "@/lib/prospects/bulk-actions";
import { DeleteViewInput, SaveViewInput, deleteView, saveView } from "@/lib/prospects/views";

// Saved views are personal shortcuts to a table state, so anyone who can read deals may keep them.

export const saveViewAction = tenantAction("prospects.view-save", "deals:read", SaveViewInput, async (ctx, input) => {
  const view = await saveView(ctx.db, ctx.user.id, input);
  revalidatePath("/deals");
  return view;
}, { message: "View saved" });

export const deleteViewAction = tenantAction("prospects.view-delete", "deals:read", DeleteViewInput, async (ctx, input) => {
  const result = await deleteView(ctx.db, ctx.user.id, input.id);
  revalidatePath("/deals");
  return result;
}, { message: "View deleted" });

// Bulk actions on the selected rows: each returns which deals changed and which were refused, and why.

export const bulkChangeStatusAction = tenantAction("prospects.bulk-status", "deals:write", DealStatusChangeInput, async (ctx, input) => {
  const result = await changeDealStatus(ctx.db, auditContext(ctx), input);
  revalidateDealLists();
  return result;
});

export const bulkAssignOwnerAction = tenantAction("prospects.bulk-owner", "deals:write", DealOwnerInput, async (ctx, input) => {
  const result = await assignDealOwner(ctx.db, auditContext(ctx), input);
  revalidateDealLists();
  return result;
});

export const bulkTagAction = tenantAction("prospects.bulk-tags", "deals:write", DealTagsInput, async (ctx, input) => {
  const result = await tagDeals(ctx.db, auditContext(ctx), input);
  revalidateDealLists();
  return result;
});

export const bulkStartLadderAction = tenantAction("prospects.bulk-ladder", "deals:write", BulkDealsInput, (ctx, input) =>
  startLaddersForDeals(ctx.db, auditContext(ctx), input),
);

export const bulkDoNotContactAction = tenantAction("prospects.bulk-dnc", "compliance:manage", BulkDoNotContactInput, (ctx, input) =>
  addDealsToDoNotContact(ctx.db, auditContext(ctx), input),
);

function revalidateDealLists() {
  revalidatePath("/deals");
  revalidatePath("/pipeline");
}
