import { apiRoute, withStatus } from "@/lib/http/api-route";
import { listCallsOf } from "@/lib/calls/queries";
import { CallListQuery, StartCallInput } from "@/lib/calls/schema";
import { startCall } from "@/lib/calls/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/calls", scope: "calls:read", query: CallListQuery }, async ({ db, query }) => ({
  calls: await listCallsOf(db, query.buyerId ? { buyerId: query.buyerId } : { dealId: query.dealId! }, query.limit),
}));

// A refused call is still recorded (BLOCKED, with its gate and reason): 201 either way.
export const POST = apiRoute({ route: "/api/v1/calls", scope: "calls:write", body: StartCallInput }, async ({ db, body, auditContext }) =>
  withStatus(201, await startCall(db, body, auditContext)),
);
