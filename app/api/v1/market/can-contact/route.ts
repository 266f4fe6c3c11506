import { timeZoneOfPostalCode } from "@/lib/api/market";
import { apiRoute } from "@/lib/http/api-route";
import { CanContactQuery, checkContact } from "@/lib/policy";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/market/can-contact", scope: "policies:read", query: CanContactQuery }, ({ db, query }) =>
  checkContact(db, query, timeZoneOfPostalCode),
);
