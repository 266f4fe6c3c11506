import { createDealFromApi } from "@/lib/api/deals";
import { apiRoute, withStatus } from "@/lib/http/api-route";
import { DealInput } from "@/lib/intake/schema";
import { listProspects, ProspectQuery } from "@/lib/prospects/query";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/deals", scope: "deals:write", body: DealInput }, async ({ db, body, requestId }) => {
  const result = await createDealFromApi(db, body, requestId);
  // A duplicate address answers 200 with the deal that already has it.
  return withStatus(result.duplicate ? 200 : 201, result);
});

export const GET = apiRoute({ route: "/api/v1/deals", scope: "deals:read", query: ProspectQuery }, ({ db, query }) => listProspects(db, query));
