import { apiRoute } from "@/lib/http/api-route";
import { getDealScore } from "@/lib/scoring/read";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/deals/[dealId]/score", scope: "deals:read" }, ({ db, params }) => getDealScore(db, params.dealId));
