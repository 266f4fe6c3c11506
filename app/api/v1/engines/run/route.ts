import { runEngineNow } from "@/lib/engines/overview";
import { RunEngineInput } from "@/lib/engines/schema";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/engines/run", scope: "engines:run", body: RunEngineInput }, async ({ db, body, auditContext }) => {
  const result = await runEngineNow(db, body.engine, auditContext);
  // A run writes events (deal status changes); send them now rather than at the next loop tick.
  return result;
});
