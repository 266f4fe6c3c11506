import { apiRoute } from "@/lib/http/api-route";
import { knownAreaCode } from "@/lib/market/api";
import { AreaBlacklistInput } from "@/lib/market/schema";
import { setAreaBlacklist } from "@/lib/market/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { route: "/api/v1/market/areas/[postalCode]/blacklist", scope: "market:write", body: AreaBlacklistInput },
  ({ db, params, body, auditContext }) => setAreaBlacklist(db, knownAreaCode(params.postalCode), body, auditContext),
);
