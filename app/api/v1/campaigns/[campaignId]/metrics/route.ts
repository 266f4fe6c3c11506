import { apiRoute } from "@/lib/http/api-route";
import { getCampaignMetrics } from "@/lib/campaigns/queries";

export const dynamic = "force-dynamic";

/** The funnel, states, gates and per-variant rates; the campaign page polls the same numbers. */
export const GET = apiRoute({ route: "/api/v1/campaigns/[campaignId]/metrics", scope: "campaigns:read" }, ({ db, params }) => getCampaignMetrics(db, params.campaignId));
