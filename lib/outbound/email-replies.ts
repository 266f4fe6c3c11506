/**
 * Storing an email reply to one of our messages (lib/conversations matches it and strips the
 * quoted text): an INBOUND EMAIL on the same lead or buyer, announced like an SMS reply, once
 * per inbound Message-ID (the Message's unique header id and the MessageEvent's key both hold it).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { isUniqueViolation } from "@/lib/db/errors";
import { noteBlastReply } from "@/lib/blasts/receipts";
import { toStorableJson } from "@/lib/validation/text";
import { announceInboundReply } from "./events";

export interface EmailReplyRecord {
  /** Our outbound message it answers. */
  answered: { id: string; dealId: string | null; buyerId: string | null };
  /** The reply's own Message-ID header. */
  headerMessageId: string;
  /** "inbound-email" (the webhook) or "gmail" (the label poller). */
  provider: string;
  from: string;
  to: string;
  subject: string | null;
  body: string;
  payload: unknown;
}

/** The stored reply's id, or null when this Message-ID was stored before (a replay changes nothing). */
export async function recordEmailReply(db: TenantDb, reply: EmailReplyRecord): Promise<{ messageId: string } | null> {
  const { answered } = reply;
  try {
    return await db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          dealId: answered.dealId,
          buyerId: answered.buyerId,
          channel: "EMAIL",
          direction: "INBOUND",
          status: "RECEIVED",
          toAddress: reply.to,
          fromAddress: reply.from,
          subject: reply.subject,
          body: reply.body,
          provider: reply.provider,
          providerMessageId: reply.headerMessageId,
          headerMessageId: reply.headerMessageId,
          replyToMessageId: answered.id,
        },
      });
      await tx.messageEvent.create({
        data: { provider: reply.provider, eventKey: `inbound:${reply.headerMessageId}`, type: "inbound", messageId: message.id, payload: toStorableJson(reply.payload ?? {}) as Prisma.InputJsonValue },
      });
      await announceInboundReply(tx, { messageId: message.id, dealId: answered.dealId, buyerId: answered.buyerId, channel: "EMAIL", at: message.createdAt, keyword: null });
      // A buyer's answer to a blast's email is their response to its deal, as by text.
      if (answered.buyerId) await noteBlastReply(tx, { answeredMessageId: answered.id, replyMessageId: message.id, at: message.createdAt });
      return { messageId: message.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
