/**
 * What providers tell us after the fact: delivery updates and inbound messages. Each
 * callback is recorded once as a MessageEvent keyed by the provider's own id for it, in the
 * same transaction as its effect, so a repeated delivery changes nothing.
 */
import { countMessage } from "@/lib/observability/metrics";
import type { Prisma } from "@/generated/prisma/client";
import type { MessageStatus } from "@/generated/prisma/enums";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { findLatestDealByPhone } from "@/lib/deals/service";
import { getTenantIdentity } from "@/lib/tenants/profile";
import { ExpectedError } from "@/lib/errors";
import { enqueueEvents } from "@/lib/events/outbox";
import { recordKpiEvents } from "@/lib/kpi/service";
import { EVENTS } from "@/lib/events/catalog";
import { isCanadianNumber, normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { applyConsent } from "./consent";
import { keywordConfirmation, parseKeyword, type KeywordMatch } from "./keywords";
import { advanceStatus } from "./lifecycle";
import { isUniqueViolation } from "@/lib/db/errors";
import { toStorableText } from "@/lib/validation/text";
import { sendKeywordConfirmation, type OutboundDeps, type SendMessageResult } from "./service";
import { noteBlastMessageStatus, noteBlastReply } from "@/lib/blasts/receipts";
import { noteCampaignMessageEvent } from "@/lib/campaigns/engagement";
import { noteEmailEngagement, noteReply } from "@/lib/signals/observed";

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value ?? {})) as Prisma.InputJsonValue;

export interface StatusUpdate {
  provider: string;
  /** The provider's id for this event (Twilio: MessageSid:status; SendGrid: sg_event_id). */
  eventKey: string;
  type: string;
  /** Our message id when the provider echoes it (status callback URL, custom args). */
  messageId?: string | null;
  providerMessageId?: string | null;
  /** The lifecycle step reported, or null for events that carry none (open, click). */
  status: MessageStatus | null;
  error?: string | null;
  payload: unknown;
}

export interface StatusUpdateResult {
  duplicate: boolean;
  messageId: string | null;
  /** The message's status after the event; null when no message matched. */
  status: MessageStatus | null;
  changed: boolean;
}

/** Applies one delivery update; never moves a message backwards. */
export async function applyStatusUpdate(db: TenantDb, update: StatusUpdate): Promise<StatusUpdateResult> {
  try {
    return await db.$transaction(async (tx) => {
      const event = await tx.messageEvent.create({
        data: { provider: update.provider, eventKey: update.eventKey, type: update.type, payload: asJson(update.payload) },
      });
      const message =
        (update.messageId ? await tx.message.findFirst({ where: { id: update.messageId, provider: update.provider } }) : null) ??
        (update.providerMessageId
          ? await tx.message.findFirst({ where: { provider: update.provider, providerMessageId: update.providerMessageId } })
          : null);
      if (!message) return { duplicate: false, messageId: null, status: null, changed: false };
      await tx.messageEvent.update({ where: { id: event.id }, data: { messageId: message.id } });
      await noteEmailEngagement(tx, { eventKey: update.eventKey, type: update.type, messageId: message.id, dealId: message.dealId, buyerId: message.buyerId, payload: update.payload });
      // A campaign email's recipient follows its events (opens and clicks carry no message status).
      if (message.channel === "EMAIL") await noteCampaignMessageEvent(tx, { messageId: message.id, type: update.type });
      const next = update.status ? advanceStatus(message.status, update.status) : null;
      if (!next) return { duplicate: false, messageId: message.id, status: message.status, changed: false };
      const now = new Date();
      await tx.message.update({
        where: { id: message.id },
        data: {
          status: next,
          ...(next === "SENT" && !message.sentAt ? { sentAt: now } : {}),
          ...(next === "DELIVERED" ? { deliveredAt: now } : {}),
          ...(next === "FAILED" || next === "UNDELIVERED" ? { failedAt: now, error: update.error ?? message.error } : {}),
          ...(update.providerMessageId && !message.providerMessageId ? { providerMessageId: update.providerMessageId } : {}),
        },
      });
      // A buyer's message may be a blast's: its recipient follows the message.
      if (message.buyerId) await noteBlastMessageStatus(tx, message.id, next);
      if (next === "DELIVERED" || next === "FAILED" || next === "UNDELIVERED") countMessage(message.channel, next === "DELIVERED" ? "delivered" : "failed");
      return { duplicate: false, messageId: message.id, status: next, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { duplicate: true, messageId: null, status: null, changed: false };
    throw error;
  }
}

export interface InboundSms {
  provider: string;
  /** The provider's id of the inbound message (Twilio MessageSid). */
  providerMessageId: string;
  from: string;
  to: string;
  body: string;
  payload?: unknown;
}

export interface InboundResult {
  duplicate: boolean;
  messageId: string | null;
  dealId: string | null;
  keyword: KeywordMatch | null;
  /** The keyword changed the contact's consent (a repeated STOP does not). */
  consentChanged: boolean;
  confirmation: SendMessageResult | null;
}

/**
 * An SMS from a contact: recorded as RECEIVED on the lead whose phone matches, announced
 * (messageReceived stops the ladder), and a STOP/START keyword applied at once. When the
 * keyword changes the contact's consent, one confirmation is sent back.
 */
export async function receiveInboundSms(db: TenantDb, sms: InboundSms, deps: OutboundDeps = {}): Promise<InboundResult> {
  const from = normalizePhone(sms.from);
  if (!from) throw new ExpectedError("invalid", "The sender is not a phone number", "From");
  if (!sms.providerMessageId) throw new ExpectedError("invalid", "The message id is missing", "MessageSid");
  // Cut at 5,000 UTF-16 units: a cut through an emoji's pair is replaced, not stored broken.
  const body = toStorableText((sms.body ?? "").slice(0, 5000));
  const deal = await findLatestDealByPhone(db, from);
  const keyword = parseKeyword(body, { canadian: deal?.country === "CA" || isCanadianNumber(from) });
  const answeredBuyerMessage = await findAnsweredBuyerMessage(db, from);

  let stored: { messageId: string; consentChanged: boolean };
  try {
    stored = await db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          dealId: deal?.id ?? null,
          channel: "SMS",
          direction: "INBOUND",
          status: "RECEIVED",
          toAddress: normalizePhone(sms.to) ?? sms.to,
          fromAddress: from,
          body,
          provider: sms.provider,
          providerMessageId: sms.providerMessageId,
          buyerId: answeredBuyerMessage?.buyerId ?? null,
        },
      });
      await tx.messageEvent.create({
        data: { provider: sms.provider, eventKey: `inbound:${sms.providerMessageId}`, type: "inbound", messageId: message.id, payload: asJson(sms.payload ?? { from, body }) },
      });
      await announceInboundReply(tx, {
        messageId: message.id,
        dealId: deal?.id ?? null,
        buyerId: answeredBuyerMessage?.buyerId ?? null,
        channel: "SMS",
        at: message.createdAt,
        keyword: keyword?.keyword ?? null,
      });
      // A buyer's answer to a blast (not a STOP, START or HELP keyword) is their response to its deal.
      if (answeredBuyerMessage && !keyword) await noteBlastReply(tx, { answeredMessageId: answeredBuyerMessage.id, replyMessageId: message.id, at: message.createdAt });
      let consentChanged = false;
      if (keyword) {
        const result = await applyConsent(tx, {
          channel: "SMS",
          address: from,
          status: keyword.action === "opt_out" ? "OPTED_OUT" : "OPTED_IN",
          source: `keyword:${keyword.keyword}`,
        });
        consentChanged = result.changed;
      }
      return { messageId: message.id, consentChanged };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { duplicate: true, messageId: null, dealId: deal?.id ?? null, keyword, consentChanged: false, confirmation: null };
    throw error;
  }

  let confirmation: SendMessageResult | null = null;
  if (keyword && stored.consentChanged) {
    const tenant = await getTenantIdentity(db);
    confirmation = await sendKeywordConfirmation(db, { dealId: deal?.id ?? null, to: from, body: keywordConfirmation(keyword, tenant.name) }, deps);
  }
  return { duplicate: false, messageId: stored.messageId, dealId: deal?.id ?? null, keyword, consentChanged: stored.consentChanged, confirmation };
}

export interface InboundReplyFacts {
  messageId: string;
  dealId: string | null;
  buyerId: string | null;
  channel: "SMS" | "EMAIL";
  at: Date;
  /** The STOP/START/HELP keyword the reply was, if any: a consent instruction, not interest. */
  keyword: string | null;
}

/**
 * What every reply from a contact causes, whatever its channel, in the transaction that
 * stores it: the reply KPI, `message/received` for the lead (which stops its ladder) and the
 * reply signal. The SMS webhook and the email reply threading both call it.
 */
export async function announceInboundReply(tx: TenantTransaction, reply: InboundReplyFacts): Promise<void> {
  await recordKpiEvents(tx, [{ name: "message_received", dealId: reply.dealId, data: { messageId: reply.messageId, channel: reply.channel, keyword: reply.keyword } }]);
  if (reply.dealId) {
    await enqueueEvents(tx, [
      { id: `message-received:${reply.messageId}`, name: EVENTS.messageReceived, data: { dealId: reply.dealId, messageId: reply.messageId, channel: reply.channel } },
    ]);
  }
  await noteReply(tx, { messageId: reply.messageId, dealId: reply.dealId, buyerId: reply.buyerId, at: reply.at, keyword: Boolean(reply.keyword), channel: reply.channel });
}

/** How long after a buyer's message an SMS from their phone still answers it. */
const BUYER_REPLY_WINDOW_MS = 30 * 86_400_000;

/** The newest message that left for a buyer at this phone within the reply window; null when none did. */
async function findAnsweredBuyerMessage(db: TenantDb, phone: string): Promise<{ id: string; buyerId: string } | null> {
  const message = await db.message.findFirst({
    where: {
      direction: "OUTBOUND",
      channel: "SMS",
      toAddress: phone,
      buyerId: { not: null },
      status: { in: ["QUEUED", "SENT", "DELIVERED"] },
      createdAt: { gte: new Date(Date.now() - BUYER_REPLY_WINDOW_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, buyerId: true },
  });
  return message?.buyerId ? { id: message.id, buyerId: message.buyerId } : null;
}

/** SendGrid events that mean the recipient does not want email any more. */
const EMAIL_OPT_OUT_EVENTS = new Set(["unsubscribe", "group_unsubscribe", "spamreport"]);

/** An email recipient unsubscribed or reported spam at the provider: opt the address out. */
export async function applyEmailOptOutEvent(db: TenantDb, event: { provider: string; type: string; email: string }) {
  if (!EMAIL_OPT_OUT_EVENTS.has(event.type)) return { changed: false };
  const address = normalizeEmail(event.email);
  if (!address) return { changed: false };
  return db.$transaction((tx) => applyConsent(tx, { channel: "EMAIL", address, status: "OPTED_OUT", source: `${event.provider}:${event.type}` }));
}

/**
 * Applies a provider's callback about something other than a message (a call's progress, a
 * mail piece's) once: the event is recorded in the same transaction as `apply`, keyed by the
 * provider's id for it, and a repeat violates the unique (provider, eventKey) index, so the
 * transaction changes nothing and `onReplay` is the answer.
 */
export async function applyProviderEventOnce<T>(
  db: TenantDb,
  event: { provider: string; eventKey: string; type: string; payload: unknown },
  apply: (tx: TenantTransaction) => Promise<T>,
  onReplay: T,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.messageEvent.create({ data: { provider: event.provider, eventKey: event.eventKey, type: event.type, payload: asJson(event.payload) } });
      return apply(tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return onReplay;
    throw error;
  }
}
