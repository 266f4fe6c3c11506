"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { getCallContext } from "@/lib/calls/context";
import { LogCallForm, StartCallInput } from "@/lib/calls/schema";
import { logCall, startCall } from "@/lib/calls/service";
import { tenantAction } from "@/lib/http/action";

export const startCallAction = tenantAction("calls.start", "calls:make", StartCallInput, async (ctx, input) => {
  const result = await startCall(ctx.db, input, auditContext(ctx));
  const context = result.call.dealId ? await getCallContext(ctx.db, result.call.dealId, result.call.taskId) : null;
  return { ...result, context };
});

export const logCallAction = tenantAction(
  "calls.log",
  "calls:make",
  LogCallForm,
  async (ctx, { callId, ...input }) => {
    const result = await logCall(ctx.db, callId, input, auditContext(ctx));
    if (result.call.dealId) revalidatePath(`/deals/${result.call.dealId}`);
    if (result.completedTaskId) revalidatePath("/inbox");
    return result;
  },
  { message: "Call logged" },
);
