import { dealCompsForApi } from "@/lib/comps/api";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/deals/[dealId]/comps", scope: "comps:read" }, ({ db, params }) => dealCompsForApi(db, params.dealId));
