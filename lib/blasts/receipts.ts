/**
 * What happens to a blast message after it left: the outbound core calls these in the
 * transaction that applies a delivery receipt or records an inbound SMS, so a recipient's
 * state follows its message (SENT -> DELIVERED, FAILED) and a buyer's answer marks it REPLIED
 * with a RESPONDED feedback event. Messages of no blast change nothing here.
 */
import type { TenantTransaction } from "@/lib/db/tenant";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";

/** The recipient states a receipt may move forward from; REPLIED and BLOCKED are never undone. */
const DELIVERABLE = ["QUEUED", "SENT"];
const FAILABLE = ["QUEUED", "SENT", "DELIVERED"];

/** A delivery receipt for a message: DELIVERED, or FAILED / UNDELIVERED. */
export async function noteBlastMessageStatus(tx: TenantTransaction, messageId: string, status: string): Promise<void> {
  if (status === "DELIVERED") {
    await tx.blastRecipient.updateMany({ where: { messageId, state: { in: DELIVERABLE } }, data: { state: "DELIVERED" } });
  } else if (status === "FAILED" || status === "UNDELIVERED") {
    await tx.blastRecipient.updateMany({ where: { messageId, state: { in: FAILABLE } }, data: { state: "FAILED", blockedReason: `The provider reported the message ${status.toLowerCase()}` } });
  }
}

/**
 * A buyer answered the blast message `answeredMessageId`: its recipient becomes REPLIED and
 * the buyer RESPONDED to the blast's deal (recorded once per buyer per blast, however many
 * replies). Returns the buyer and deal, or null when the message was no blast's.
 */
export async function noteBlastReply(
  tx: TenantTransaction,
  reply: { answeredMessageId: string; replyMessageId: string; at: Date },
): Promise<{ buyerId: string; dealId: string; blastId: string } | null> {
  const recipient = await tx.blastRecipient.findFirst({
    where: { messageId: reply.answeredMessageId },
    select: { id: true, buyerId: true, state: true, blast: { select: { id: true, dealId: true } } },
  });
  if (!recipient) return null;
  if (recipient.state !== "REPLIED") await tx.blastRecipient.update({ where: { id: recipient.id }, data: { state: "REPLIED" } });
  await recordBuyerFeedback(tx, [
    {
      buyerId: recipient.buyerId,
      dealId: recipient.blast.dealId,
      kind: "RESPONDED",
      correlationId: recipient.blast.id,
      dedupeKey: `blast-responded:${recipient.blast.id}:${recipient.buyerId}`,
      occurredAt: reply.at,
      data: { blastId: recipient.blast.id, messageId: reply.replyMessageId, channel: "SMS" },
    },
  ]);
  return { buyerId: recipient.buyerId, dealId: recipient.blast.dealId, blastId: recipient.blast.id };
}
