import { findOpportunityId, setOpportunityStatus } from "@/lib/govcon/opportunities";
import { OpportunityStatusInput } from "@/lib/govcon/opportunity-schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** Track, pursue (a card on the Pursuits board), decline with a reason, or back to new. */
export const POST = apiRoute(
  { route: "/api/v1/govcon/opportunities/[noticeId]/status", scope: "govcon:write", body: OpportunityStatusInput },
  async ({ db, params, body, auditContext }) =>
    setOpportunityStatus(db, { opportunityId: await findOpportunityId(db, params.noticeId), ...body }, auditContext),
);
