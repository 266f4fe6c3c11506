"use server";

import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/http/action";
import { outboundBaseUrl } from "@/lib/http/request-origin";
import { SendMessageInput, sendMessage } from "@/lib/outbound";

/** A message by hand from the deal page; the result carries the blocking gate and reason when refused. */
export const sendMessageAction = tenantAction("messages.send", "messages:send", SendMessageInput, async (ctx, input) => {
  const result = await sendMessage(ctx.db, { ...input, actorId: ctx.user.id }, { baseUrl: await outboundBaseUrl() });
  revalidatePath(`/deals/${input.dealId}`);
  revalidatePath("/outbox");
  return result;
});
