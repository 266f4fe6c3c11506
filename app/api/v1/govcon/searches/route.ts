import { apiRoute, withStatus } from "@/lib/http/api-route";
import { SavedSearchInput } from "@/lib/govcon/search-schema";
import { createSavedSearch, listSavedSearches } from "@/lib/govcon/searches";

export const dynamic = "force-dynamic";

/** A member's key lists that member's searches; a workspace key lists every member's. */
export const GET = apiRoute({ route: "/api/v1/govcon/searches", scope: "govcon:read" }, async ({ db, principal }) => ({
  searches: await listSavedSearches(db, { userId: principal.userId }),
}));

/** Saves a search for the key's member, or for `ownerEmail` when the key acts for no member. */
export const POST = apiRoute({ route: "/api/v1/govcon/searches", scope: "govcon:write", body: SavedSearchInput }, async ({ db, body, principal, auditContext }) =>
  withStatus(201, await createSavedSearch(db, body, { userId: principal.userId }, auditContext)),
);
