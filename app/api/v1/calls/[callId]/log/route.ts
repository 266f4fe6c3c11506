import { apiRoute } from "@/lib/http/api-route";
import { LogCallInput } from "@/lib/calls/schema";
import { logCall } from "@/lib/calls/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/calls/[callId]/log", scope: "calls:write", body: LogCallInput }, ({ db, body, params, auditContext }) =>
  logCall(db, params.callId, body, auditContext),
);
