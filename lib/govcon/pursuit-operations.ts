import type { ApiOperation } from "@/lib/api/openapi";
import { CreatePursuitInput, PatchPursuitInput } from "./pursuit-schema";

/** The v1 operations of the Pursuits board, in the OpenAPI document. */
export const PURSUIT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/govcon/pursuits",
    summary:
      "The Pursuits board: { stages, total, pursuits }. Each stage (IDENTIFIED, QUALIFYING, CAPTURE, PROPOSAL, SUBMITTED, WON, LOST, NO_BID) with its p(win) and p(go), count, value and weighted value (value x p(win) x p(go)); each pursuit with its own overrides, the probabilities that apply, its weighted value, deadline and days to it, owner and notes",
    scope: "govcon:read",
  },
  {
    method: "post",
    path: "/api/v1/govcon/pursuits",
    summary:
      "Start a pursuit: { opportunityId } puts a synced opportunity on the board (and marks it PURSUING; a second call answers 200 with the same pursuit), or { title, valueDollars?, deadline?, ownerId?, notes? } creates a manual one (422 naming title without one). New pursuits start at IDENTIFIED. Answers the pursuit, 201 when created",
    scope: "govcon:write",
    body: CreatePursuitInput,
    idempotent: true,
    creates: true,
  },
  {
    method: "patch",
    path: "/api/v1/govcon/pursuits",
    summary:
      "Move and/or edit the pursuit id: stage (and afterId, the card it lands after; else the column's end), title, valueDollars, deadline, ownerId (a member), pWin and pGo (0 to 1; null goes back to the stage's), notes. A key left out is unchanged. Stage changes are audited with before and after; NO_BID also marks its opportunity no-bid. 422 naming the field on a bad stage or probability",
    scope: "govcon:write",
    body: PatchPursuitInput,
    idempotent: true,
  },
];
