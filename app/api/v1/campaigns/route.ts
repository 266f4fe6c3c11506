import { z } from "zod";
import { apiRoute, withStatus } from "@/lib/http/api-route";
import { getCampaign, listCampaigns } from "@/lib/campaigns/queries";
import { CampaignInput } from "@/lib/campaigns/schema";
import { createCampaign } from "@/lib/campaigns/service";

export const dynamic = "force-dynamic";

const ListQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const GET = apiRoute({ route: "/api/v1/campaigns", scope: "campaigns:read", query: ListQuery }, ({ db, query }) => listCampaigns(db, query));

export const POST = apiRoute({ route: "/api/v1/campaigns", scope: "campaigns:write", body: CampaignInput }, async ({ db, body, auditContext }) =>
  withStatus(201, await getCampaign(db, (await createCampaign(db, body, auditContext)).id)),
);
