/**
 * The Outbox page's data and its simulations. Simulations exist only for messages of the
 * local provider and go through the same code paths as the real providers' webhooks.
 */
import { randomUUID } from "node:crypto";
import type { Channel, MessageStatus } from "@/generated/prisma/enums";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { OUTBOX_PROVIDER } from "@/lib/providers/outbox";
import { applyStatusUpdate, receiveInboundSms } from "./events";
import { SimulateReceiptInput, SimulateReplyInput } from "./schema";
import type { OutboundDeps } from "./service";

export const MESSAGE_STATUSES = ["QUEUED", "SENT", "DELIVERED", "FAILED", "UNDELIVERED", "RECEIVED", "BLOCKED"] as const satisfies readonly MessageStatus[];

export interface MessageFilter {
  status?: MessageStatus;
  channel?: Extract<Channel, "SMS" | "EMAIL">;
  dealId?: string;
  /** The gate that refused a blocked message (consent, market_policy...). */
  blockedReason?: string;
  /** Created at or after this instant. */
  since?: Date;
  /** Only these messages (a list computed elsewhere, such as the replies waiting). */
  ids?: string[];
}

function messageWhere(filter: MessageFilter) {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.dealId ? { dealId: filter.dealId } : {}),
    ...(filter.blockedReason ? { blockedReason: filter.blockedReason } : {}),
    ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    ...(filter.ids ? { id: { in: filter.ids } } : {}),
  };
}

/** Newest first, with the lead's name and address for the list; `skip` pages further back. */
export async function listMessages(db: TenantDb, filter: MessageFilter = {}, take = 100, skip = 0) {
  return db.message.findMany({
    where: messageWhere(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(take, 1), 500),
    skip: Math.max(0, skip),
    // An email's HTML part is read only when it is opened (email-view.ts), not for every row.
    omit: { html: true },
    include: { deal: { select: { id: true, contactName: true, street: true, city: true, region: true, market: true, areaCode: true } } },
  });
}

/** How many messages the filter matches: the Outbox's count and its page links. */
export async function countMessages(db: TenantDb, filter: MessageFilter = {}) {
  return db.message.count({ where: messageWhere(filter) });
}
export type MessageListRow = Awaited<ReturnType<typeof listMessages>>[number];

async function outboxMessage(db: TenantDb, id: string) {
  const message = await db.message.findFirst({ where: { id } });
  if (!message) throw new ExpectedError("not_found", "This message does not exist");
  if (message.provider !== OUTBOX_PROVIDER || message.direction !== "OUTBOUND" || !message.providerMessageId) {
    throw new ExpectedError("conflict", "Only messages sent through the local outbox can be simulated");
  }
  return message;
}

/** A delivery receipt for an outbox message, applied like a provider's status callback. */
export async function simulateDeliveryReceipt(db: TenantDb, input: { messageId: string; outcome: "delivered" | "failed" }) {
  const { messageId, outcome } = SimulateReceiptInput.parse(input);
  const message = await outboxMessage(db, messageId);
  return applyStatusUpdate(db, {
    provider: OUTBOX_PROVIDER,
    eventKey: `${message.providerMessageId}:${outcome}`,
    type: outcome,
    providerMessageId: message.providerMessageId,
    status: outcome === "delivered" ? "DELIVERED" : "FAILED",
    error: outcome === "failed" ? "Simulated delivery failure" : null,
    payload: { simulated: true, outcome },
  });
}

/** A reply from the contact of an outbox SMS, taken in by the same path as Twilio's inbound webhook. */
export async function simulateReply(db: TenantDb, input: { messageId: string; body: string }, deps: OutboundDeps = {}) {
  const { messageId, body } = SimulateReplyInput.parse(input);
  const message = await outboxMessage(db, messageId);
  if (message.channel !== "SMS") throw new ExpectedError("conflict", "Replies can be simulated for SMS only");
  return receiveInboundSms(
    db,
    {
      provider: OUTBOX_PROVIDER,
      providerMessageId: `outbox_in_${randomUUID()}`,
      from: message.toAddress,
      to: message.fromAddress ?? OUTBOX_PROVIDER,
      body,
      payload: { simulated: true, inReplyTo: message.id },
    },
    deps,
  );
}
