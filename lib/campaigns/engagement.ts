/**
 * What happens to a campaign email after it left: opens and clicks from the app's own pixel
 * and redirect, SendGrid's events, and unsubscribes. Each moves the recipient forward only
 * (./rules advanceRecipientState) and keeps the cumulative timestamps the funnel counts: an
 * open proves delivery, a click proves an open.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { advanceRecipientState, type RecipientState } from "./rules";

type Db = TenantDb | TenantTransaction;

const RECIPIENT_FIELDS = { id: true, state: true, deliveredAt: true, openedAt: true, clickedAt: true } as const;

/** The update `event` makes to a recipient: its state when it moves, the counts and first-time stamps. */
export function engagementUpdate(
  recipient: { state: RecipientState; deliveredAt: Date | null; openedAt: Date | null; clickedAt: Date | null },
  event: RecipientState,
  at: Date,
): Prisma.CampaignRecipientUpdateManyMutationInput | null {
  const next = advanceRecipientState(recipient.state, event);
  const data: Prisma.CampaignRecipientUpdateManyMutationInput = next ? { state: next } : {};
  const engaged = event === "OPENED" || event === "CLICKED";
  // Opens and clicks after a later state (an unsubscribe) still count: the person did open.
  if (engaged && recipient.state !== "PENDING" && recipient.state !== "SENDING" && recipient.state !== "BLOCKED" && recipient.state !== "ERROR") {
    if (event === "OPENED") data.opens = { increment: 1 };
    if (event === "CLICKED") data.clicks = { increment: 1 };
    if (!recipient.deliveredAt && recipient.state !== "BOUNCED") data.deliveredAt = at;
    if (!recipient.openedAt) data.openedAt = at;
    if (event === "CLICKED" && !recipient.clickedAt) data.clickedAt = at;
  }
  if (next === "DELIVERED" && !recipient.deliveredAt) data.deliveredAt = at;
  if (next === "BOUNCED") data.bouncedAt = at;
  if (next === "UNSUBSCRIBED") data.unsubscribedAt = at;
  return Object.keys(data).length > 0 ? data : null;
}

async function applyToRecipient(db: Db, where: Prisma.CampaignRecipientWhereInput, event: RecipientState, at: Date): Promise<boolean> {
  const recipient = await db.campaignRecipient.findFirst({ where, select: RECIPIENT_FIELDS });
  if (!recipient) return false;
  const data = engagementUpdate(recipient, event, at);
  if (!data) return false;
  // Compare-and-set on the state read: a concurrent event re-reads rather than stepping back.
  const { count } = await db.campaignRecipient.updateMany({ where: { id: recipient.id, state: recipient.state }, data });
  return count === 1;
}

/** An open of the app's pixel, or a click through its redirect, by the recipient's id. */
export async function recordTrackedEngagement(db: TenantDb, recipientId: string, event: "OPENED" | "CLICKED", at = new Date()): Promise<boolean> {
  return applyToRecipient(db, { id: recipientId }, event, at);
}

/** SendGrid event names and the recipient state each reports. */
const SENDGRID_EVENTS: Record<string, RecipientState> = {
  delivered: "DELIVERED",
  open: "OPENED",
  click: "CLICKED",
  bounce: "BOUNCED",
  dropped: "BOUNCED",
  spamreport: "SPAM",
  unsubscribe: "UNSUBSCRIBED",
  group_unsubscribe: "UNSUBSCRIBED",
};

export function recipientStateForEvent(type: string): RecipientState | null {
  return SENDGRID_EVENTS[type.toLowerCase()] ?? null;
}

/**
 * A provider event about one of our messages: when the message was a campaign's, its recipient
 * follows. Called inside the transaction that records the event once (MessageEvent), so a
 * replayed event never reaches here twice.
 */
export async function noteCampaignMessageEvent(tx: TenantTransaction, event: { messageId: string; type: string; at?: Date }): Promise<boolean> {
  const state = recipientStateForEvent(event.type);
  if (!state) return false;
  return applyToRecipient(tx, { messageId: event.messageId }, state, event.at ?? new Date());
}

/** An unsubscribe by link (one-click or the page): the address's latest campaign email records it. */
export async function noteCampaignUnsubscribe(db: Db, address: string, at = new Date()): Promise<boolean> {
  const latest = await db.campaignRecipient.findFirst({ where: { address, sentAt: { not: null } }, orderBy: { sentAt: "desc" }, select: { id: true } });
  return latest ? applyToRecipient(db, { id: latest.id }, "UNSUBSCRIBED", at) : false;
}
