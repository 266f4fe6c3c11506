"use server";

import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/http/action";
import { outboundBaseUrl } from "@/lib/http/request-origin";
import { replyInThread } from "@/lib/conversations/reply";
import { ThreadReplyForm } from "@/lib/conversations/schema";

/** The reply box: the answer goes through the outbound core; a refusal comes back with its gate. */
export const replyInThreadAction = tenantAction("conversations.reply", "messages:send", ThreadReplyForm, async (ctx, { threadKey, ...reply }) => {
  const result = await replyInThread(ctx.db, threadKey, reply, { actorId: ctx.user.id }, { baseUrl: await outboundBaseUrl() });
  revalidatePath("/conversations");
  revalidatePath("/outbox");
  return result;
});
