"use server";

import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/http/action";
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
