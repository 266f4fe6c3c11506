import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as inboundEmail } from "@/app/api/webhooks/inbound-email/[tenantSlug]/route";
import { createLadderStopHandler } from "@/inngest/functions/ladder";
import { getThread, listConversations, markThreadRead } from "@/lib/conversations/queries";
import { replyInThread } from "@/lib/conversations/reply";
import { ConversationQuery } from "@/lib/conversations/schema";
import { replyAddressFor } from "@/lib/conversations/reply-address";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { EVENTS } from "@/lib/events/catalog";
import { pollDealMailbox } from "@/lib/intake/mailbox";
import { signInboundEmail } from "@/lib/intake/webhook";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { seedMarketPolicies } from "@/lib/policy";
import type { MessagingProviders, OutboundEmail, OutboundSms } from "@/lib/providers/messaging";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const SLUG = "conversations-a";
const INBOUND_SECRET = "inbound-secret-0123456789";
const AUTH = "auth-secret-for-reply-addresses-0123";
const BASE = "https://app.dealflow.test";
// Tuesday 2026-03-10 15:00 in New York: inside the default contact window.
const OPEN = new Date("2026-03-10T19:00:00Z");

let database: Database;
let db: TenantDb;
let tenantId: string;
let ownerId: string;
let vaId: string;
let counter = 0;
const sent: (OutboundSms | OutboundEmail)[] = [];
const outbox = { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() };
// The local providers, counting what is handed to them: a refused reply must hand over nothing.
const providers: MessagingProviders = {
  sms: { name: outbox.sms.name, send: (m) => (sent.push(m), outbox.sms.send(m)) },
  email: { name: outbox.email.name, send: (m) => (sent.push(m), outbox.email.send(m)) },
};
const deps: OutboundDeps = { providers, baseUrl: BASE, secret: AUTH };
const previous = { AUTH_SECRET: process.env.AUTH_SECRET, INBOUND_REPLY_DOMAIN: process.env.INBOUND_REPLY_DOMAIN };

beforeAll(async () => {
  process.env.AUTH_SECRET = AUTH;
  process.env.INBOUND_REPLY_DOMAIN = "reply.dealflow.test";
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({
    data: { slug: SLUG, name: "Maple Homes", timeZone: "America/New_York", country: "US", settings: { inboundEmailSecret: INBOUND_SECRET, postalAddress: "100 Main Street, Albany, NY 12207" } },
  });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  await seedMarketPolicies(db, null);
  ownerId = (await database.prisma.user.create({ data: { email: "owner@conv.test", name: "Olive Owner", passwordHash: "x" } })).id;
  vaId = (await database.prisma.user.create({ data: { email: "va@conv.test", name: "Vera VA", passwordHash: "x" } })).id;
  await db.membership.createMany({ data: [{ userId: ownerId, role: "owner" }, { userId: vaId, role: "va" }] as never });
});
afterAll(async () => {
  Object.assign(process.env, previous);
  if (!previous.AUTH_SECRET) delete process.env.AUTH_SECRET;
  if (!previous.INBOUND_REPLY_DOMAIN) delete process.env.INBOUND_REPLY_DOMAIN;
  await database.close();
});

async function makeLead(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const phone = `+1212555${String(2000 + counter).slice(-4)}`;
  const email = `seller${counter}@example.com`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `CONV-${counter}`, raw: {}, street: `${counter} Elm St`, city: "Albany", region: "NY", market: "NEW YORK",
      postalCode: "12207", country: "US", timeZone: "America/New_York", score: 80, contactName: `Seller ${counter}`,
      contactPhone: phone, contactEmail: email, ownerId, ...overrides,
    } as never,
  });
  for (const [channel, address] of [["SMS", phone], ["EMAIL", email]] as const) {
    await db.contactConsent.create({ data: { channel, address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
  }
  return deal;
}

async function inboundSms(dealId: string, from: string, body: string, at: Date) {
  return db.message.create({ data: { dealId, channel: "SMS", direction: "INBOUND", status: "RECEIVED", toAddress: "+15005550006", fromAddress: from, body, provider: "twilio", providerMessageId: `SM${counter}${at.getTime()}`, createdAt: at } });
}

const postInbound = (payload: unknown) => {
  const body = JSON.stringify(payload);
  return callRoute(inboundEmail, `/api/webhooks/inbound-email/${SLUG}`, { method: "POST", body, params: { tenantSlug: SLUG }, headers: { "x-dealflow-signature": signInboundEmail(INBOUND_SECRET, body) } });
};

describe("the conversation list", () => {
  it("lists threads newest first with unread counts, filters by owner, market and channel, and reading clears the count", async () => {
    const older = await makeLead({ market: "ALBANY" });
    const newer = await makeLead({ ownerId: vaId });
    await inboundSms(older.id, older.contactPhone!, "Still interested", new Date("2026-03-09T10:00:00Z"));
    await inboundSms(older.id, older.contactPhone!, "Hello?", new Date("2026-03-09T11:00:00Z"));
    await sendMessage(db, { dealId: newer.id, channel: "EMAIL", subject: "Your house", body: "Would you sell?", now: OPEN }, deps);

    const all = await listConversations(db, ConversationQuery.parse({}));
    const keys = all.rows.map((r) => r.threadKey);
    expect(keys.indexOf(`deal:${newer.id}`)).toBeLessThan(keys.indexOf(`deal:${older.id}`));
    const olderRow = all.rows.find((r) => r.threadKey === `deal:${older.id}`)!;
    expect(olderRow).toMatchObject({ unreadCount: 2, itemCount: 2, lastPreview: "Hello?", lastDirection: "INBOUND", market: "ALBANY", ownerName: "Olive Owner", contactName: older.contactName });

    const byOwner = await listConversations(db, ConversationQuery.parse({ owner: "me" }), vaId);
    expect(byOwner.rows.map((r) => r.threadKey)).toEqual([`deal:${newer.id}`]);
    const byMarket = await listConversations(db, ConversationQuery.parse({ market: "albany" }));
    expect(byMarket.rows.map((r) => r.threadKey)).toEqual([`deal:${older.id}`]);
    const byChannel = await listConversations(db, ConversationQuery.parse({ channel: "email" }));
    expect(byChannel.rows.map((r) => r.threadKey)).toContain(`deal:${newer.id}`);
    expect(byChannel.rows.map((r) => r.threadKey)).not.toContain(`deal:${older.id}`);
    expect((await listConversations(db, ConversationQuery.parse({ unread: "1" }))).rows.map((r) => r.threadKey)).toContain(`deal:${older.id}`);

    expect(await markThreadRead(db, `deal:${older.id}`, ownerId)).toEqual({ changed: true });
    const read = await db.conversation.findFirstOrThrow({ where: { threadKey: `deal:${older.id}` } });
    expect(read).toMatchObject({ unreadCount: 0, readById: ownerId });
    expect(read.readAt).toBeInstanceOf(Date);
    expect((await listConversations(db, ConversationQuery.parse({ unread: "1" }))).rows.map((r) => r.threadKey)).not.toContain(`deal:${older.id}`);
    // A new reply counts again.
    await inboundSms(older.id, older.contactPhone!, "Call me", new Date("2026-03-09T12:00:00Z"));
    expect((await db.conversation.findFirstOrThrow({ where: { threadKey: `deal:${older.id}` } })).unreadCount).toBe(1);
  });

  it("leaves out the threads of deleted leads", async () => {
    const gone = await makeLead();
    await inboundSms(gone.id, gone.contactPhone!, "hi", new Date("2026-03-09T09:00:00Z"));
    await db.deal.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect((await listConversations(db, ConversationQuery.parse({}))).rows.map((r) => r.threadKey)).not.toContain(`deal:${gone.id}`);
    await expect(getThread(db, `deal:${gone.id}`)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("a thread", () => {
  it("merges messages, calls and mail pieces in time order with each one's direction, channel, status and gate", async () => {
    const deal = await makeLead();
    await inboundSms(deal.id, deal.contactPhone!, "first", new Date("2026-03-01T10:00:00Z"));
    await db.call.create({ data: { dealId: deal.id, toNumber: deal.contactPhone!, provider: "local", status: "COMPLETED", startedAt: new Date("2026-03-01T11:00:00Z"), durationSeconds: 95, outcome: "Talked", userId: ownerId } });
    await db.mailPiece.create({ data: { dealId: deal.id, kind: "POSTCARD", status: "MAILED", toName: "Seller", addressLine1: "1 Elm St", city: "Albany", region: "NY", postalCode: "12207", country: "US", body: "We buy", provider: "local", createdAt: new Date("2026-03-01T12:00:00Z") } });
    await db.contactConsent.updateMany({ where: { address: deal.contactPhone! }, data: { status: "OPTED_OUT" } });
    await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "refused", now: OPEN }, deps);

    const thread = await getThread(db, `deal:${deal.id}`);
    expect(thread.items.map((i) => [i.channel, i.direction, i.status])).toEqual([
      ["SMS", "INBOUND", "RECEIVED"],
      ["CALL", "OUTBOUND", "COMPLETED"],
      ["MAIL", "OUTBOUND", "MAILED"],
      ["SMS", "OUTBOUND", "BLOCKED"],
    ]);
    expect(thread.items[1].title).toContain("Olive Owner");
    expect(thread.items[3].gate).toEqual({ reason: "opted_out", label: "Opted out" });
    expect(thread.total).toBe(4);
    expect(thread.hasEarlier).toBe(false);
    const listed = (await listConversations(db, ConversationQuery.parse({}))).rows.find((r) => r.threadKey === `deal:${deal.id}`);
    expect(listed?.lastPreview).toBe("Not sent: Opted out");
    const newest = await getThread(db, `deal:${deal.id}`, 2);
    expect(newest.items.map((i) => i.channel)).toEqual(["MAIL", "SMS"]);
    expect(newest.hasEarlier).toBe(true);
  });

  it("sends a reply through the gates, and refuses one to an opted-out lead with its gate, queueing nothing", async () => {
    const deal = await makeLead();
    sent.length = 0;
    const ok = await replyInThread(db, `deal:${deal.id}`, { channel: "SMS", body: "Tuesday at 10?" }, { actorId: ownerId, now: OPEN }, deps);
    expect(ok).toMatchObject({ status: "SENT" });
    expect(sent).toHaveLength(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: ok.messageId } })).toMatchObject({ dealId: deal.id, direction: "OUTBOUND", status: "SENT", sentById: ownerId });

    await db.contactConsent.updateMany({ where: { address: deal.contactPhone! }, data: { status: "OPTED_OUT" } });
    const refused = await replyInThread(db, `deal:${deal.id}`, { channel: "SMS", body: "Are you there?" }, { actorId: ownerId, now: OPEN }, deps);
    expect(refused).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });
    expect(sent, "nothing handed to the provider").toHaveLength(1);
    const outbound = await db.message.findMany({ where: { dealId: deal.id, direction: "OUTBOUND" }, orderBy: { createdAt: "asc" } });
    expect(outbound.map((m) => m.status)).toEqual(["SENT", "BLOCKED"]);
    expect(outbound.filter((m) => m.status === "QUEUED")).toHaveLength(0);

    await expect(replyInThread(db, "deal:nope", { channel: "SMS", body: "x" }, { actorId: null }, deps)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("email replies", () => {
  async function emailedLead() {
    const deal = await makeLead();
    const result = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Your house on Elm", body: "Would you consider an offer?", now: OPEN }, deps);
    const ours = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(ours.headerMessageId).toBe(`<${ours.id}@app.dealflow.test>`);
    return { deal, ours };
  }

  it("threads a SendGrid-shaped reply by In-Reply-To on the lead, without the quoted text, once, and stops the ladder", async () => {
    const { deal, ours } = await emailedLead();
    await db.followUpLadder.create({ data: { dealId: deal.id, steps: [], status: "ACTIVE" } as never });
    const payload = {
      messageId: "<CAKfr4ko-reply-1@mail.gmail.com>",
      from: `Seller <${deal.contactEmail}>`,
      to: "offers@maple.test",
      subject: "Re: Your house on Elm",
      text: `Yes, make me an offer.\n\nOn Tue, Mar 10, 2026 at 3:00 PM Maple Homes <offers@maple.test> wrote:\n> Would you consider an offer?\n`,
      headers: `Message-ID: <CAKfr4ko-reply-1@mail.gmail.com>\r\nIn-Reply-To: ${ours.headerMessageId}\r\nReferences: ${ours.headerMessageId}\r\nSubject: Re: Your house on Elm\r\n`,
    };
    const response = await postInbound(payload);
    expect(response.status).toBe(201);
    const { reply } = (await response.json()) as { reply: { messageId: string; dealId: string; repliedToMessageId: string } };
    expect(reply).toMatchObject({ dealId: deal.id, repliedToMessageId: ours.id });
    const stored = await db.message.findUniqueOrThrow({ where: { id: reply.messageId } });
    expect(stored).toMatchObject({
      dealId: deal.id, channel: "EMAIL", direction: "INBOUND", status: "RECEIVED", body: "Yes, make me an offer.", fromAddress: deal.contactEmail,
      headerMessageId: "<CAKfr4ko-reply-1@mail.gmail.com>", replyToMessageId: ours.id, subject: "Re: Your house on Elm",
    });
    expect((await db.conversation.findFirstOrThrow({ where: { threadKey: `deal:${deal.id}` } })).unreadCount).toBe(1);
    expect(await db.signal.count({ where: { dealId: deal.id, type: "email_reply" } } as never)).toBe(1);
    expect(await db.inboundEmail.count({ where: { messageId: payload.messageId } }), "not taken in as a deal email").toBe(0);

    // A replay changes nothing.
    const replay = await postInbound(payload);
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as { reply: { duplicate: boolean } }).reply.duplicate).toBe(true);
    expect(await db.message.count({ where: { dealId: deal.id, direction: "INBOUND" } })).toBe(1);
    expect((await db.conversation.findFirstOrThrow({ where: { threadKey: `deal:${deal.id}` } })).unreadCount).toBe(1);

    // The reply's message/received event, delivered to the ladder's stop handling, ends the ladder.
    const events = (await db.eventOutbox.findMany({ where: { name: EVENTS.messageReceived } })).filter((e) => (e.data as { dealId?: string }).dealId === deal.id);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ dealId: deal.id, channel: "EMAIL", messageId: reply.messageId });
    const stopHandler = createLadderStopHandler({ tenantDb: async () => db });
    await new InngestTestEngine({ function: stopHandler, events: [{ name: events[0].name, data: events[0].data as Record<string, unknown> }] }).execute();
    expect(await db.followUpLadder.findFirstOrThrow({ where: { dealId: deal.id } })).toMatchObject({ status: "STOPPED", stopReason: "reply" });
  });

  it("threads a reply sent to the signed reply address when the client dropped the threading headers", async () => {
    const { deal, ours } = await emailedLead();
    const address = replyAddressFor(ours.id, AUTH, "reply.dealflow.test")!;
    const response = await postInbound({ messageId: "<outlook-reply-2@outlook.com>", from: deal.contactEmail, to: address, subject: "RE: Your house on Elm", text: "Call me.\r\n\r\n-----Original Message-----\r\nFrom: Maple Homes\r\nSent: Tuesday" });
    expect(response.status).toBe(201);
    const stored = await db.message.findFirstOrThrow({ where: { headerMessageId: "<outlook-reply-2@outlook.com>" } });
    expect(stored).toMatchObject({ dealId: deal.id, body: "Call me.", replyToMessageId: ours.id });

    // A forged signature names nothing: the mail goes to intake like any other.
    const forged = address.replace(/\.[a-z0-9]{16}@/, ".aaaaaaaaaaaaaaaa@");
    const other = await postInbound({ messageId: "<forged-3@x.test>", from: "someone@x.test", to: forged, subject: "Deal", text: "nothing here" });
    expect(other.status).toBe(201);
    expect(await db.message.count({ where: { headerMessageId: "<forged-3@x.test>" } })).toBe(0);
    expect(await db.inboundEmail.count({ where: { messageId: "<forged-3@x.test>" } })).toBe(1);
  });

  it("takes in an unrelated mail as a deal email, as before", async () => {
    const response = await postInbound({
      messageId: "<wholesaler-list-4@jv.test>",
      from: "jv@partners.test",
      subject: "Off-market deal: 12 Oak St, Albany, NY 12207",
      text: "Address: 12 Oak St, Albany, NY 12207\nAsking: $120,000\nARV: $200,000\nRepairs: $30,000",
      inReplyTo: "<someone-elses-thread@partners.test>",
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { dealIds: string[]; duplicate: boolean };
    expect(body.duplicate).toBe(false);
    expect(body.dealIds).toHaveLength(1);
    expect(await db.message.count({ where: { headerMessageId: "<wholesaler-list-4@jv.test>" } })).toBe(0);
  });

  it("threads a reply found under the Gmail label (raw RFC 822) and marks it processed", async () => {
    const { deal, ours } = await emailedLead();
    const raw = [
      "Delivered-To: offers@maple.test",
      "Message-ID: <gmail-reply-5@mail.gmail.com>",
      `In-Reply-To: ${ours.headerMessageId}`,
      `References: <older@x.test> ${ours.headerMessageId}`,
      `From: Seller <${deal.contactEmail}>`,
      "To: Maple Homes <offers@maple.test>",
      "Subject: Re: Your house on Elm",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "What would you pay?",
      "",
      "On Tue, Mar 10, 2026 at 3:00 PM Maple Homes <offers@maple.test> wrote:",
      "> Would you consider an offer?",
      "",
    ].join("\r\n");
    const processed: string[] = [];
    const mailbox = { listUnprocessed: async () => [{ id: "g5", raw }], markProcessed: async (id: string) => void processed.push(id) };
    const report = await pollDealMailbox(db, mailbox);
    expect(report).toMatchObject({ messages: 1, replies: 1, created: 0, failed: [] });
    expect(processed).toEqual(["g5"]);
    expect(await db.message.findFirstOrThrow({ where: { headerMessageId: "<gmail-reply-5@mail.gmail.com>" } })).toMatchObject({ dealId: deal.id, body: "What would you pay?", provider: "gmail", replyToMessageId: ours.id });
    expect(await pollDealMailbox(db, mailbox)).toMatchObject({ replies: 0, duplicates: 1 });
  });
});
