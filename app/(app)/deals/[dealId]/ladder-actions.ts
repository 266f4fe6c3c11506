"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { ExpectedError } from "@/lib/errors";
import { tenantAction } from "@/lib/http/action";
import { startLadders, stopLadderByHand } from "@/lib/ladder/lifecycle";
import { StartLadderInput, StopLadderInput } from "@/lib/ladder/schema";

/** Start ladder: the row and its schedule now, and the event that makes Inngest run it. */
export const startLadderAction = tenantAction("deal.ladder.start", "deals:write", StartLadderInput, async (ctx, { dealId }) => {
  const [result] = await startLadders(ctx.db, [dealId], { now: new Date(), trigger: "manual", enqueue: true, actorId: ctx.user.id, audit: auditContext(ctx) });
  if (result.status === "deal_not_found") throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  if (result.status === "already_active") throw new ExpectedError("conflict", "This lead's ladder is already running");
  if (result.status === "skipped") throw new ExpectedError("conflict", `Not started: ${result.detail}. Lift the blacklist on the Market map to start it.`);
  revalidatePath(`/deals/${dealId}`);
  return { ladderId: result.ladderId };
});

export const stopLadderAction = tenantAction("deal.ladder.stop", "deals:write", StopLadderInput, async (ctx, input) => {
  const result = await stopLadderByHand(ctx.db, input, auditContext(ctx));
  if (!result.stopped) throw new ExpectedError("conflict", "This lead has no running ladder");
  revalidatePath(`/deals/${input.dealId}`);
  return result;
});
