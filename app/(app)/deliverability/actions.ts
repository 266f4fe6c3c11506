"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { addSendingIdentity, setSendingIdentityStatus } from "@/lib/deliverability/identities";
import { AddSenderInput, SetSenderStatusInput } from "@/lib/deliverability/schema";
import { tenantAction } from "@/lib/http/action";

export const addSenderAction = tenantAction(
  "deliverability.sender.add",
  "deliverability:manage",
  AddSenderInput,
  async (ctx, input) => {
    const identity = await addSendingIdentity(ctx.db, input, auditContext(ctx));
    revalidatePath("/deliverability");
    return { id: identity.id, address: identity.address };
  },
  { message: "Sender added; texts now rotate across the active numbers" },
);

export const setSenderStatusAction = tenantAction(
  "deliverability.sender.status",
  "deliverability:manage",
  SetSenderStatusInput,
  async (ctx, input) => {
    const identity = await setSendingIdentityStatus(ctx.db, input, auditContext(ctx));
    revalidatePath("/deliverability");
    return { id: identity.id, status: identity.status };
  },
  { message: "Sender updated" },
);
