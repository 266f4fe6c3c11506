import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { parseProspectQuery, prospectQueryString, prospectSearchParams } from "./query";

/** A user keeps a handful of views; past this the list stops being a shortcut. */
export const MAX_SAVED_VIEWS = 50;

/** Column ids a view may hide (the `cols` URL parameter); unknown ids are dropped. */
const COLUMN_ID = /^[A-Za-z]{1,30}$/;

export const SaveViewInput = z.object({
  name: z.string().trim().min(1, "Give the view a name").max(60, "Keep the name under 60 characters"),
  query: z.string().max(2000, "This view has too many filters to save").default(""),
});
export type SaveViewInput = z.infer<typeof SaveViewInput>;

export const DeleteViewInput = z.object({ id: z.string().min(1).max(64) });
export type DeleteViewInput = z.infer<typeof DeleteViewInput>;

export interface SavedViewSummary {
  id: string;
  name: string;
  query: string;
}

/**
 * The query string a view stores: the table's filters, sort and page size, plus hidden
 * columns, in canonical form. The page number is left out: a view opens on page 1.
 */
export function canonicalViewQuery(queryString: string): string {
  const source = new URLSearchParams(queryString.replace(/^\?/, ""));
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(source.keys())) {
    const values = source.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  const { page: _page, ...query } = parseProspectQuery(raw);
  const params = prospectSearchParams(query);
  const hidden = (source.get("cols") ?? "").split(",").filter((id) => COLUMN_ID.test(id));
  if (hidden.length) params.set("cols", [...new Set(hidden)].sort().join(","));
  return prospectQueryString(params);
}

export async function listSavedViews(db: TenantDb, userId: string): Promise<SavedViewSummary[]> {
  return db.savedView.findMany({ where: { userId }, orderBy: { name: "asc" }, select: { id: true, name: true, query: true } });
}

/** Saving under an existing name replaces that view (names are unique per user). */
export async function saveView(db: TenantDb, userId: string, input: SaveViewInput): Promise<SavedViewSummary> {
  const query = canonicalViewQuery(input.query);
  const existing = await db.savedView.count({ where: { userId } });
  if (existing >= MAX_SAVED_VIEWS) {
    const replacing = await db.savedView.count({ where: { userId, name: input.name } });
    if (!replacing) throw new ExpectedError("conflict", `You have ${MAX_SAVED_VIEWS} saved views: delete one first.`, "name");
  }
  return db.savedView.upsert({
    where: { tenantId_userId_name: { tenantId: db.tenantId, userId, name: input.name } },
    create: { tenantId: db.tenantId, userId, name: input.name, query },
    update: { query },
    select: { id: true, name: true, query: true },
  });
}

/** Deletes one of the user's own views; another user's id is reported as not found. */
export async function deleteView(db: TenantDb, userId: string, id: string): Promise<{ id: string }> {
  const { count } = await db.savedView.deleteMany({ where: { id, userId } });
  if (count === 0) throw new ExpectedError("not_found", "That view no longer exists.");
  return { id };
}
