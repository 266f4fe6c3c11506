"use server";

import { revalidatePath } from "next/cache";
import { can } from "@/lib/auth/permissions";
import { auditContext } from "@/lib/auth/session";
import { SavedSearchId, SavedSearchInput, SavedSearchUpdate } from "@/lib/govcon/search-schema";
import { createSavedSearch, deleteSavedSearch, updateSavedSearch } from "@/lib/govcon/searches";
import { tenantAction } from "@/lib/http/action";

/** "Save this search" on the opportunities page: the member's own search of the filters shown. */
export const saveSearchAction = tenantAction(
  "govcon.searches.create",
  "govcon:work",
  SavedSearchInput,
  async (ctx, input) => {
    const saved = await createSavedSearch(ctx.db, input, { userId: ctx.user.id }, auditContext(ctx));
    revalidatePath("/govcon/searches");
    return { id: saved.id, name: saved.name, matchesNow: saved.matchesNow };
  },
  { message: "Search saved" },
);

export const updateSearchAction = tenantAction(
  "govcon.searches.update",
  "govcon:work",
  SavedSearchUpdate,
  async (ctx, input) => {
    const saved = await updateSavedSearch(ctx.db, input, { userId: ctx.user.id, seesAll: can(ctx.role, "govcon:manage") }, auditContext(ctx));
    revalidatePath("/govcon/searches");
    return { id: saved.id, name: saved.name, matchesNow: saved.matchesNow };
  },
  { message: "Search updated" },
);

export const deleteSearchAction = tenantAction(
  "govcon.searches.delete",
  "govcon:work",
  SavedSearchId,
  async (ctx, input) => {
    const result = await deleteSavedSearch(ctx.db, input.searchId, { userId: ctx.user.id }, auditContext(ctx));
    revalidatePath("/govcon/searches");
    return result;
  },
  { message: "Search deleted" },
);
