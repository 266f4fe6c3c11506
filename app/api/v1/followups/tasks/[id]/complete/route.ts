import { apiRoute } from "@/lib/http/api-route";
import { CompleteTaskBody, completeTaskFromApi } from "@/lib/ladder/api";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  { route: "/api/v1/followups/tasks/[id]/complete", scope: "followups:write", body: CompleteTaskBody },
  ({ db, body, params, auditContext }) => completeTaskFromApi(db, params.id, body, auditContext),
);
