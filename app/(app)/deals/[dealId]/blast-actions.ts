"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { BlastInput } from "@/lib/blasts/schema";
import { createBlast } from "@/lib/blasts/service";
import { tenantAction } from "@/lib/http/action";
import { outboundBaseUrl } from "@/lib/http/request-origin";

/** The blast form on the deal's Buyers tab; the form opens the blast's page with the result. */
export const sendBlastAction = tenantAction(
  "blasts.create",
  "messages:send",
  BlastInput,
  async (ctx, input) => {
    const result = await createBlast(ctx.db, input, { userId: ctx.user.id }, { baseUrl: await outboundBaseUrl(), actorEmail: auditContext(ctx).actorEmail });
    revalidatePath(`/deals/${input.dealId}/buyers`);
    revalidatePath("/blasts");
    return result;
  },
  { message: "Blast queued" },
);
