/**
 * Email replies to our messages. An inbound mail answers one of ours when its In-Reply-To or
 * References names our Message-ID (`<messageId@host>`, or the header stored at delivery), or
 * when it was sent to a message's signed reply address. Such a mail is stored as an INBOUND
 * EMAIL on the same lead (or buyer) with only its new words, announced like an SMS reply
 * (which stops the lead's ladder and records the reply signal), once per inbound Message-ID;
 * lib/outbound/email-replies.ts writes it, as it writes every message.
 * Any other mail is none of this module's business: the caller takes it in as a deal email.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { htmlToText } from "@/lib/intake/email/html";
import { recordEmailReply } from "@/lib/outbound/email-replies";
import { unsubscribeSecret } from "@/lib/outbound/unsubscribe";
import { toStorableText } from "@/lib/validation/text";
import { addressesIn, replyHeadersOf } from "./email-headers";
import { stripQuotedReply } from "./quoted-reply";
import { messageIdFromHeader, messageIdFromReplyAddress } from "./reply-address";

export interface InboundEmail {
  /** The mail's own Message-ID header. */
  messageId: string;
  from?: string | null;
  to?: string | null;
  subject?: string | null;
  text?: string | null;
  html?: string | null;
  inReplyTo?: string | null;
  references?: string | readonly string[] | null;
  /** The raw header block, when the mail service passes one (SendGrid Inbound Parse's `headers`). */
  headers?: string | null;
}

export interface EmailReplyResult {
  duplicate: boolean;
  /** The stored reply (null for a replay). */
  messageId: string | null;
  /** Our message it answers. */
  repliedToMessageId: string;
  dealId: string | null;
  buyerId: string | null;
}

interface AnsweredMessage {
  id: string;
  dealId: string | null;
  buyerId: string | null;
  toAddress: string;
  fromAddress: string | null;
}

/** Our outbound message the mail answers, the most direct reference first; null when it answers none of ours. */
export async function findAnsweredMessage(db: TenantDb, email: InboundEmail, secret: string | null = unsubscribeSecret()): Promise<AnsweredMessage | null> {
  const { answers, recipients } = replyHeadersOf(email);
  const byHeader = answers.map((header) => ({ header, id: messageIdFromHeader(header) }));
  const byAddress = recipients.flatMap((address) => messageIdFromReplyAddress(address, secret) ?? []);
  const ids = [...byHeader.flatMap((a) => a.id ?? []), ...byAddress];
  if (ids.length === 0 && answers.length === 0) return null;
  const candidates = await db.message.findMany({
    where: { direction: "OUTBOUND", OR: [{ id: { in: ids } }, { headerMessageId: { in: answers } }] },
    select: { id: true, dealId: true, buyerId: true, toAddress: true, fromAddress: true, headerMessageId: true },
  });
  const ranked = [...byHeader.map((a) => candidates.find((m) => m.headerMessageId === a.header || m.id === a.id)), ...byAddress.map((id) => candidates.find((m) => m.id === id))];
  const found = ranked.find((m) => m !== undefined);
  return found ? { id: found.id, dealId: found.dealId, buyerId: found.buyerId, toAddress: found.toAddress, fromAddress: found.fromAddress } : null;
}

/** The new words of the reply: its text (or its HTML as text) without the quoted message. */
export function replyBody(email: Pick<InboundEmail, "text" | "html" | "subject">): string {
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : "";
  const body = stripQuotedReply(text) || email.subject?.trim() || "(empty reply)";
  // Cut at 5,000 UTF-16 units like an SMS reply; text the database cannot store is replaced, not refused.
  return toStorableText(body.slice(0, 5000));
}

/**
 * Threads the mail when it answers one of our messages, and answers null when it does not.
 * Idempotent on the inbound Message-ID: a redelivery or a re-polled mailbox stores nothing.
 */
export async function receiveEmailReply(db: TenantDb, email: InboundEmail, source: "webhook" | "gmail", secret: string | null = unsubscribeSecret()): Promise<EmailReplyResult | null> {
  const answered = await findAnsweredMessage(db, email, secret);
  if (!answered) return null;
  const result = { repliedToMessageId: answered.id, dealId: answered.dealId, buyerId: answered.buyerId };
  const provider = source === "gmail" ? "gmail" : "inbound-email";
  const headerMessageId = email.messageId.trim().slice(0, 998);
  const existing = await db.message.findFirst({ where: { headerMessageId }, select: { id: true } });
  if (existing) return { duplicate: true, messageId: null, ...result };
  const stored = await recordEmailReply(db, {
    answered,
    headerMessageId,
    provider,
    from: addressesIn(email.from)[0] ?? answered.toAddress,
    to: addressesIn(email.to)[0] ?? answered.fromAddress ?? "",
    subject: email.subject ? toStorableText(email.subject.trim().slice(0, 200)) || null : null,
    body: replyBody(email),
    payload: { messageId: headerMessageId, from: email.from ?? null, to: email.to ?? null, subject: email.subject ?? null, inReplyTo: answered.id },
  });
  return stored ? { duplicate: false, messageId: stored.messageId, ...result } : { duplicate: true, messageId: null, ...result };
}
