import { withStatus, apiRoute } from "@/lib/http/api-route";
import { StartLadderBody, startLadderFromApi } from "@/lib/ladder/api";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/followups/ladder", scope: "followups:write", body: StartLadderBody }, async ({ db, body }) => {
  const result = await startLadderFromApi(db, body);
  return withStatus(result.created ? 201 : 200, result);
});
