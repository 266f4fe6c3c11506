/**
 * Demo data: conversation threads beside the SMS ones the outbox demo writes. A few leads
 * answered an email (threaded by their In-Reply-To, so replies are unread on the list), one
 * of those answers was read and answered, and one lead texted STOP, so a reply by text in
 * that thread shows the consent gate's refusal. The database triggers build the threads.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { applyConsent } from "@/lib/outbound/consent";
import { insertDemoMessages } from "@/lib/outbound/demo-messages";
import { OUTBOX_PROVIDER } from "@/lib/providers/outbox";
import { markThreadRead } from "./queries";
import { headerMessageIdFor } from "./reply-address";

const MINUTE_MS = 60_000;
const DEMO_SENDER_EMAIL = "offers@demo.dealflow.local";
const DEMO_SENDER_PHONE = "+15550100200";
export const DEMO_STOP_REPLY = "STOP";

const EMAIL_REPLIES = [
  "Thanks for reaching out. The house needs a new roof and the kitchen is dated. What would you offer as-is?",
  "We might sell in the spring. Can you send me a rough number first?",
  "Please call me instead, evenings work best.",
];

type Row = Omit<Prisma.MessageUncheckedCreateInput, "tenantId">;

/** Ids our Message-IDs can carry (messageIdFromHeader reads 20-40 letters and digits). */
const demoMessageId = () => `d${randomUUID().replaceAll("-", "")}`;

export async function seedDemoConversationThreads(db: TenantDb, context: { now: Date; ownerId: string | null }): Promise<{ threads: number }> {
  const deals = await db.deal.findMany({
    where: { deletedAt: null, contactEmail: { not: null }, contactPhone: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 4,
    select: { id: true, street: true, contactName: true, contactEmail: true, contactPhone: true },
  });
  const rows: Row[] = [];
  const answered: string[] = [];
  let stopPhone: string | null = null;
  deals.forEach((deal, i) => {
    const email = normalizeEmail(deal.contactEmail);
    const phone = normalizePhone(deal.contactPhone);
    const name = (deal.contactName ?? "there").split(" ")[0];
    const sentAt = new Date(context.now.getTime() - (30 + i * 9) * 60 * MINUTE_MS);
    if (i === 3 && phone) {
      // The lead texted STOP: the thread shows it, and consent is withdrawn below as the keyword would.
      rows.push(
        { dealId: deal.id, channel: "SMS", direction: "OUTBOUND", status: "DELIVERED", toAddress: phone, fromAddress: DEMO_SENDER_PHONE, body: `Hi ${name}, any interest in an offer on ${deal.street ?? "your property"}?`, provider: OUTBOX_PROVIDER, providerMessageId: `demo-${randomUUID()}`, createdAt: sentAt, sentAt },
        { dealId: deal.id, channel: "SMS", direction: "INBOUND", status: "RECEIVED", toAddress: DEMO_SENDER_PHONE, fromAddress: phone, body: DEMO_STOP_REPLY, provider: OUTBOX_PROVIDER, providerMessageId: `demo-${randomUUID()}`, createdAt: new Date(sentAt.getTime() + 12 * MINUTE_MS) },
      );
      stopPhone = phone;
      return;
    }
    if (!email) return;
    const ourId = demoMessageId();
    const ourHeader = headerMessageIdFor(ourId, null);
    const subject = `Your property at ${deal.street ?? "your address"}`;
    const repliedAt = new Date(sentAt.getTime() + (45 + i * 20) * MINUTE_MS);
    rows.push(
      { id: ourId, dealId: deal.id, channel: "EMAIL", direction: "OUTBOUND", status: "DELIVERED", toAddress: email, fromAddress: DEMO_SENDER_EMAIL, subject, body: `Hi ${name}, we buy houses in any condition and close on your schedule. Would you consider an offer?`, provider: OUTBOX_PROVIDER, providerMessageId: `demo-${randomUUID()}`, headerMessageId: ourHeader, createdAt: sentAt, sentAt, deliveredAt: new Date(sentAt.getTime() + MINUTE_MS) },
      { dealId: deal.id, channel: "EMAIL", direction: "INBOUND", status: "RECEIVED", toAddress: DEMO_SENDER_EMAIL, fromAddress: email, subject: `Re: ${subject}`, body: EMAIL_REPLIES[i % EMAIL_REPLIES.length], provider: "inbound-email", providerMessageId: `<demo-reply-${randomUUID()}@mail.example.com>`, headerMessageId: `<demo-reply-${randomUUID()}@mail.example.com>`, replyToMessageId: ourId, createdAt: repliedAt },
    );
    if (i === 0) {
      rows.push({ dealId: deal.id, channel: "EMAIL", direction: "OUTBOUND", status: "DELIVERED", toAddress: email, fromAddress: DEMO_SENDER_EMAIL, subject: `Re: ${subject}`, body: "Thanks! As-is is fine. I'll send a number this afternoon after I look at the comps.", provider: OUTBOX_PROVIDER, providerMessageId: `demo-${randomUUID()}`, createdAt: new Date(repliedAt.getTime() + 20 * MINUTE_MS), sentAt: new Date(repliedAt.getTime() + 20 * MINUTE_MS) });
      answered.push(deal.id);
    }
  });
  if (rows.length === 0) return { threads: 0 };
  await insertDemoMessages(db, rows);
  const phone = stopPhone;
  if (phone) await db.$transaction((tx) => applyConsent(tx, { channel: "SMS", address: phone, status: "OPTED_OUT", source: "keyword:STOP" }));
  for (const dealId of answered) await markThreadRead(db, `deal:${dealId}`, context.ownerId, context.now);
  return { threads: deals.length };
}
