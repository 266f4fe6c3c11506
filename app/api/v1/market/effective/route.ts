import { apiRoute } from "@/lib/http/api-route";
import { EffectivePolicyQuery } from "@/lib/api/market";
import { getEffectivePolicy } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/market/effective", scope: "policies:read", query: EffectivePolicyQuery }, async ({ db, query }) => {
  const policy = await getEffectivePolicy(db, query.region, query.market);
  return { found: Boolean(policy), policy };
});
