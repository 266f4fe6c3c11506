"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { BlastInput } from "@/lib/blasts/schema";
import { createBlast } from "@/lib/blasts/service";
import { tenantAction } from "@/lib/http/action";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";

/** The app's public URL for the buyers' links: the configured one, else the host the user is on. */
async function baseUrl(): Promise<string> {
  const configured = publicBaseUrl();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  return `${h.get("x-forwarded-proto") ?? "http"}://${host}`;
}

/** The blast form on the deal's Buyers tab; the form opens the blast's page with the result. */
export const sendBlastAction = tenantAction(
  "blasts.create",
  "messages:send",
  BlastInput,
  async (ctx, input) => {
    const result = await createBlast(ctx.db, input, { userId: ctx.user.id }, { baseUrl: await baseUrl(), actorEmail: auditContext(ctx).actorEmail });
    revalidatePath(`/deals/${input.dealId}/buyers`);
    revalidatePath("/blasts");
    return result;
  },
  { message: "Blast queued" },
);
