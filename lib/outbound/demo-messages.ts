import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { normalizePhone } from "@/lib/contact/address";
import { OUTBOX_PROVIDER } from "@/lib/providers/outbox";

const MINUTE_MS = 60_000;
const DEMO_SENDER = "+15550100200";
const OPENERS = [
  "Hi {name}, this is the Maple & Main team. I saw your property at {street}. Would you consider a cash offer?",
  "Hi {name}, following up about {street}. Is there a good time to talk today?",
];
const REPLIES = [
  "Yes, I'd consider it. What are you offering?",
  "Maybe. The roof needs work, is that a problem?",
  "Call me after 5, I'm at work until then.",
  "How fast can you close?",
  "We inherited it and live out of state, so yes, interested.",
];
const ANSWERS = ["Thanks! I'll call you after 5 today.", "No problem at all, we buy as-is. Can we walk through it this week?"];
/** Gates a demo send is refused by, with the share of the blocked messages each takes. */
const BLOCKED_GATES = ["no_consent", "no_consent", "outside_window", "closed_today", "daily_cap_reached", "do_not_contact"];

export interface DemoConversationDeal {
  id: string;
  contactName: string | null;
  contactPhone: string | null;
  street: string | null;
}

/**
 * Demo data: conversations as the outbox would have recorded them. Each deal gets an opener
 * (delivered); some leads replied, and some replies were answered, so replies are waiting
 * too; and a few sends this week were refused by a gate. `weekStart` keeps the refusals
 * inside this week. Returns the deals whose last word is the lead's (waiting for an answer).
 */
export async function seedDemoConversations(db: TenantDb, deals: DemoConversationDeal[], now: Date, weekStart: Date): Promise<{ messages: number; waiting: string[] }> {
  const rows: Omit<Prisma.MessageCreateManyInput, "tenantId">[] = [];
  const waiting: string[] = [];
  const weekSpan = Math.max(MINUTE_MS, now.getTime() - weekStart.getTime());
  deals.forEach((deal, i) => {
    const phone = normalizePhone(deal.contactPhone);
    if (!phone) return;
    const name = (deal.contactName ?? "there").split(" ")[0];
    const fill = (text: string) => text.replace("{name}", name).replace("{street}", deal.street ?? "your property");
    const message = (at: Date, fields: Partial<Prisma.MessageCreateManyInput>): Omit<Prisma.MessageCreateManyInput, "tenantId"> => ({
      dealId: deal.id, channel: "SMS", direction: "OUTBOUND", status: "DELIVERED", toAddress: phone, fromAddress: DEMO_SENDER,
      body: "", provider: OUTBOX_PROVIDER, providerMessageId: `demo-${randomUUID()}`, createdAt: at, sentAt: at, deliveredAt: new Date(at.getTime() + MINUTE_MS), ...fields,
    });
    if (i % 7 === 6) {
      // Refused this week: no row left the building, so no provider id.
      const at = new Date(weekStart.getTime() + ((i * 37) % 100) / 100 * weekSpan);
      rows.push(message(at, { status: "BLOCKED", blockedReason: BLOCKED_GATES[i % BLOCKED_GATES.length], body: fill(OPENERS[0]), providerMessageId: null, sentAt: null, deliveredAt: null }));
      return;
    }
    const opened = new Date(now.getTime() - (2 + ((i * 13) % 9) * 24) * 60 * MINUTE_MS);
    rows.push(message(opened, { body: fill(OPENERS[i % OPENERS.length]) }));
    if (i % 3 === 2) return;
    const replied = new Date(opened.getTime() + (20 + (i % 5) * 15) * MINUTE_MS);
    rows.push(message(replied, { direction: "INBOUND", status: "RECEIVED", toAddress: DEMO_SENDER, fromAddress: phone, body: REPLIES[i % REPLIES.length], sentAt: null, deliveredAt: null }));
    if (i % 2 === 0) {
      rows.push(message(new Date(replied.getTime() + 15 * MINUTE_MS), { body: ANSWERS[i % ANSWERS.length] }));
    } else {
      waiting.push(deal.id);
    }
  });
  if (rows.length === 0) return { messages: 0, waiting };
  const { count } = await db.message.createMany({ data: rows });
  return { messages: count, waiting };
}

/**
 * Demo rows written one at a time in one transaction, so the trigger keeping each thread
 * sees them in order (lib/conversations/demo.ts's email threads and STOP reply).
 */
export async function insertDemoMessages(db: TenantDb, rows: readonly Omit<Prisma.MessageUncheckedCreateInput, "tenantId">[]): Promise<number> {
  await db.$transaction(async (tx) => {
    for (const row of rows) await tx.message.create({ data: row as Prisma.MessageUncheckedCreateInput });
  });
  return rows.length;
}
