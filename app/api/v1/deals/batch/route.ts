import { createDealsFromApi } from "@/lib/api/deals";
import { apiRoute } from "@/lib/http/api-route";
import { DealBatchInput } from "@/lib/intake/schema";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/deals/batch", scope: "deals:write", body: DealBatchInput }, ({ db, body, requestId }) =>
  createDealsFromApi(db, body.deals, requestId),
);
