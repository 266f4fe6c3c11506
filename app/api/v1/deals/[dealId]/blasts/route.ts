import { z } from "zod";
import type { BlastInput } from "@/lib/blasts/schema";
import { createBlast } from "@/lib/blasts/service";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/**
 * Queues a blast of the deal in the path (202): the body is a BlastInput whose dealId is the
 * path's; createBlast reads it with the one schema, so a bad field is 422 with its name.
 */
export const POST = apiRoute(
  { route: "/api/v1/deals/[dealId]/blasts", scope: "buyers:write", body: z.record(z.string(), z.unknown()), status: 202 },
  ({ db, params, body, auditContext }) => createBlast(db, { ...body, dealId: params.dealId } as BlastInput, { userId: null }, { actorEmail: auditContext.actorEmail }),
);
