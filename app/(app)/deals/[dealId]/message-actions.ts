"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/http/action";
import { SendMessageInput, sendMessage } from "@/lib/outbound";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";

/** The app's public URL for unsubscribe links: the configured one, else the host the user is on. */
async function baseUrl(): Promise<string> {
  const configured = publicBaseUrl();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/** A message by hand from the deal page; the result carries the blocking gate and reason when refused. */
export const sendMessageAction = tenantAction("messages.send", "messages:send", SendMessageInput, async (ctx, input) => {
  const result = await sendMessage(ctx.db, { ...input, actorId: ctx.user.id }, { baseUrl: await baseUrl() });
  revalidatePath(`/deals/${input.dealId}`);
  revalidatePath("/outbox");
  return result;
});
