import { editDealFromApi, getDealForApi } from "@/lib/api/deals";
import { DealEditInput } from "@/lib/deals/schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/deals/[dealId]", scope: "deals:read" }, ({ db, params }) => getDealForApi(db, params.dealId));

export const PATCH = apiRoute({ route: "/api/v1/deals/[dealId]", scope: "deals:write", body: DealEditInput }, ({ db, params, body, auditContext }) =>
  editDealFromApi(db, params.dealId, body, auditContext),
);
