import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { OpportunityQuery } from "./filters";
import { OpportunityStatusInput } from "./opportunity-schema";

const NoticeIdParams = z.object({ noticeId: z.string().describe("SAM.gov's noticeId") });

/** The v1 operations on SAM.gov opportunities, in the OpenAPI document. */
export const OPPORTUNITY_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/govcon/opportunities",
    summary:
      "Opportunities as the Opportunities page lists them: filters q (title, solicitation number or notice id), naics (codes or prefixes, comma-separated), setAside, noticeType, status (comma-separated), agency (words in the department, sub-tier or office), state, deadlineFrom/deadlineTo (YYYY-MM-DD, UTC), deadlineWithinDays, fitMin, excludeNoBid; sort fit, deadline or posted (empty values last), dir, page, pageSize. Answers { rows, total, page, pageSize }",
    scope: "govcon:read",
    query: OpportunityQuery,
  },
  {
    method: "get",
    path: "/api/v1/govcon/opportunities/{noticeId}",
    summary: "One opportunity by its noticeId: every field, points of contact, attachments, the fit score with its reasons, the amendment history (newest first, each change before and after), notes, and its pursuit if any. 404 for a notice this workspace has not seen",
    scope: "govcon:read",
    params: NoticeIdParams,
  },
  {
    method: "post",
    path: "/api/v1/govcon/opportunities/{noticeId}/status",
    summary:
      "Set the status: NEW, TRACKING (the key's member becomes the owner when there is none), PURSUING (also puts it on the Pursuits board, once), NO_BID (reason required: 422 naming reason). Answers { opportunityId, status, ownerId, pursuitId }",
    scope: "govcon:write",
    params: NoticeIdParams,
    body: OpportunityStatusInput,
    idempotent: true,
  },
];
