import { apiRoute, withStatus } from "@/lib/http/api-route";
import { grantConsent } from "@/lib/outbound/consent-api";
import { ConsentGrantInput } from "@/lib/outbound/schema";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/consent", scope: "consent:write", body: ConsentGrantInput }, async ({ db, body, auditContext }) => {
  const result = await grantConsent(db, body, auditContext);
  // A contact with no record before answers 201; an update of its records 200.
  return withStatus(result.created ? 201 : 200, result);
});
