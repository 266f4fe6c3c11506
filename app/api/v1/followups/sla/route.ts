import { apiRoute } from "@/lib/http/api-route";
import { getSlaSnapshot } from "@/lib/ladder/inbox";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/followups/sla", scope: "followups:read" }, ({ db }) => getSlaSnapshot(db));
