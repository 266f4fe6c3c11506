import { apiRoute } from "@/lib/http/api-route";
import { getContactConsent, withdrawConsent } from "@/lib/outbound/consent-api";
import { ConsentWithdrawQuery } from "@/lib/outbound/schema";

export const dynamic = "force-dynamic";

/** The path segment as sent: "%2B1416…" and "jane%40x.com" arrive encoded or not, depending on the client. */
function contactParam(params: Record<string, string>): string {
  const raw = params.contact ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const GET = apiRoute({ route: "/api/v1/consent/[contact]", scope: "consent:read" }, ({ db, params }) => getContactConsent(db, contactParam(params)));

export const DELETE = apiRoute({ route: "/api/v1/consent/[contact]", scope: "consent:write", query: ConsentWithdrawQuery }, ({ db, params, query, auditContext }) =>
  withdrawConsent(db, contactParam(params), query, auditContext),
);
