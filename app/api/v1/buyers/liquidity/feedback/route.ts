import { recordFeedbackFromApi } from "@/lib/buyers/liquidity-api";
import { FeedbackBody } from "@/lib/buyers/liquidity-schema";
import { apiRoute, withStatus } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/buyers/liquidity/feedback", scope: "buyers:write", body: FeedbackBody }, async ({ db, body, requestId }) => {
  const result = await recordFeedbackFromApi(db, body, requestId);
  return withStatus(result.recorded > 0 ? 201 : 200, result);
});
