import { apiRoute } from "@/lib/http/api-route";
import { AreaListQuery } from "@/lib/market/schema";
import { listAreas } from "@/lib/market/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/market/areas", scope: "market:read", query: AreaListQuery }, async ({ db, query }) => ({
  areas: await listAreas(db, query),
}));
