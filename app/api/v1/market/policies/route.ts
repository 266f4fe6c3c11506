import { apiRoute } from "@/lib/http/api-route";
import { listMarketPolicies, MarketPolicyUpsertInput, upsertMarketPolicy } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/market/policies", scope: "policies:read" }, async ({ db }) => ({ policies: await listMarketPolicies(db) }));

export const POST = apiRoute({ route: "/api/v1/market/policies", scope: "policies:write", body: MarketPolicyUpsertInput }, ({ db, body, auditContext }) =>
  upsertMarketPolicy(db, body, auditContext),
);
