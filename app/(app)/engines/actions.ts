"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { runEngineNow } from "@/lib/engines/overview";
import { RunEngineInput, SetEnginePausedInput } from "@/lib/engines/schema";
import { setEnginePaused } from "@/lib/engines/service";
import { tenantAction } from "@/lib/http/action";

/** Run now: the scheduled run's lib function, in this request, so it works without Inngest. */
export const runEngineNowAction = tenantAction("engines.runNow", "engines:manage", RunEngineInput, async (ctx, input) => {
  const result = await runEngineNow(ctx.db, input.engine, auditContext(ctx));
  // A run writes events (deal status changes); send them now rather than at the next loop tick.
  revalidatePath("/engines");
  return result;
});

export const setEnginePausedAction = tenantAction("engines.setPaused", "engines:manage", SetEnginePausedInput, async (ctx, input) => {
  const state = await setEnginePaused(ctx.db, input.engine, input.paused, auditContext(ctx));
  revalidatePath("/engines");
  return { engine: input.engine, paused: state.paused };
});
