import { apiRoute } from "@/lib/http/api-route";
import { dueTasksForApi } from "@/lib/ladder/api";
import { DueTasksQuery } from "@/lib/ladder/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/followups/due", scope: "followups:read", query: DueTasksQuery }, ({ db, query }) =>
  dueTasksForApi(db, query.limit),
);
