import { apiRoute } from "@/lib/http/api-route";
import { startCampaign } from "@/lib/campaigns/service";

export const dynamic = "force-dynamic";

/** Starts a draft (or resumes a paused campaign); 422 naming the field when it cannot carry its unsubscribe link and postal address. */
export const POST = apiRoute({ route: "/api/v1/campaigns/[campaignId]/start", scope: "campaigns:write" }, ({ db, params, auditContext }) =>
  startCampaign(db, params.campaignId, auditContext),
);
