"use server";

import { revalidatePath } from "next/cache";
import { tenantAction } from "@/lib/http/action";
import { simulateDeliveryReceipt, simulateReply } from "@/lib/outbound";
import { findMessageDealId } from "@/lib/outbound/queries";
import { SimulateReceiptInput, SimulateReplyInput } from "@/lib/outbound/schema";

function refresh(dealId: string | null) {
  revalidatePath("/outbox");
  if (dealId) revalidatePath(`/deals/${dealId}`);
}

/** Demo: the local outbox's delivery receipt, applied like a provider's status callback. */
export const simulateReceiptAction = tenantAction("outbox.simulateReceipt", "messages:send", SimulateReceiptInput, async (ctx, input) => {
  const result = await simulateDeliveryReceipt(ctx.db, input);
  refresh(result.messageId ? await findMessageDealId(ctx.db, result.messageId) : null);
  return { status: result.status, changed: result.changed };
});

/** Demo: a reply from the lead, through the same path as an inbound Twilio message (STOP opts out). */
export const simulateReplyAction = tenantAction("outbox.simulateReply", "messages:send", SimulateReplyInput, async (ctx, input) => {
  const result = await simulateReply(ctx.db, input);
  refresh(result.dealId);
  return {
    dealId: result.dealId,
    keyword: result.keyword?.keyword ?? null,
    action: result.keyword?.action ?? null,
    consentChanged: result.consentChanged,
    confirmation: result.confirmation?.status ?? null,
  };
});
