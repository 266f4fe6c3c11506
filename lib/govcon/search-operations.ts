import type { ApiOperation } from "@/lib/api/openapi";
import { SavedSearchInput } from "./search-schema";

/** The v1 operations on saved opportunity searches, in the OpenAPI document. */
export const SEARCH_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/govcon/searches",
    summary:
      "Saved opportunity searches: a member's key lists that member's, a workspace key every member's. Each with its filters (as on the Opportunities page), minFit, delivery (IMMEDIATE or DIGEST), channels (inApp, email, discord) and matchesNow, the opportunities it matches now. Answers { searches }",
    scope: "govcon:read",
  },
  {
    method: "post",
    path: "/api/v1/govcon/searches",
    summary:
      "Save a search: name, filters (the Opportunities page's: naics, setAside, noticeType, agency, state, deadline window, fitMin, status, excludeNoBid), minFit 0-100, delivery IMMEDIATE (told after the sync that found a new or amended match) or DIGEST (one message a day from 08:00 in the workspace's zone), channels (at least one). It belongs to the key's member; a workspace key names the member with ownerEmail (422 naming ownerEmail otherwise). 422 names any invalid field. Answers 201 with the search",
    scope: "govcon:write",
    body: SavedSearchInput,
    idempotent: true,
  },
];
