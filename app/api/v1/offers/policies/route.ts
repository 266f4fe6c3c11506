import { apiRoute } from "@/lib/http/api-route";
import { OfferPolicyUpsertInput } from "@/lib/underwriting/schema";
import { listOfferPolicies, upsertOfferPolicy } from "@/lib/underwriting/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/offers/policies", scope: "offers:read" }, async ({ db }) => ({ policies: await listOfferPolicies(db) }));

export const POST = apiRoute({ route: "/api/v1/offers/policies", scope: "policies:write", body: OfferPolicyUpsertInput }, ({ db, body, auditContext }) =>
  upsertOfferPolicy(db, body, auditContext),
);
