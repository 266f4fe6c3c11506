import { listEngineOverviews } from "@/lib/engines/overview";
import { outboxBacklog } from "@/lib/events/backlog";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/engines", scope: "engines:read" }, async ({ db }) => {
  const [engines, outbox] = await Promise.all([listEngineOverviews(db), outboxBacklog(db)]);
  return { engines, outbox };
});
