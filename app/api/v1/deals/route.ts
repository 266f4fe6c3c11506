import { createDealFromApi } from "@/lib/api/deals";
import { apiRoute } from "@/lib/http/api-route";
import { DealInput } from "@/lib/intake/schema";
import { listProspects, ProspectQuery } from "@/lib/prospects/query";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/deals", scope: "deals:write", body: DealInput }, ({ db, body, requestId }) =>
  createDealFromApi(db, body, requestId),
);

export const GET = apiRoute({ route: "/api/v1/deals", scope: "deals:read", query: ProspectQuery }, ({ db, query }) => listProspects(db, query));
