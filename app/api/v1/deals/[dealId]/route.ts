import { getDealForApi } from "@/lib/api/deals";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/deals/[dealId]", scope: "deals:read" }, ({ db, params }) => getDealForApi(db, params.dealId));
