import { apiRoute } from "@/lib/http/api-route";
import { getCampaign } from "@/lib/campaigns/queries";
import { CampaignInput } from "@/lib/campaigns/schema";
import { deleteCampaign, updateCampaign } from "@/lib/campaigns/service";

export const dynamic = "force-dynamic";

const route = "/api/v1/campaigns/[campaignId]";

export const GET = apiRoute({ route, scope: "campaigns:read" }, ({ db, params }) => getCampaign(db, params.campaignId));

/** A draft's fields and variants, replaced as a whole (the same body as creating it). */
export const PATCH = apiRoute({ route, scope: "campaigns:write", body: CampaignInput }, async ({ db, params, body, auditContext }) =>
  getCampaign(db, (await updateCampaign(db, params.campaignId, body, auditContext)).id),
);

export const DELETE = apiRoute({ route, scope: "campaigns:write" }, ({ db, params, auditContext }) => deleteCampaign(db, params.campaignId, auditContext));
