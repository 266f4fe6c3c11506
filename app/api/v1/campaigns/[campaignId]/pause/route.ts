import { apiRoute } from "@/lib/http/api-route";
import { pauseCampaign } from "@/lib/campaigns/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/campaigns/[campaignId]/pause", scope: "campaigns:write" }, ({ db, params, auditContext }) =>
  pauseCampaign(db, params.campaignId, auditContext),
);
