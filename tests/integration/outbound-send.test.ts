import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { sendMessage, startOfLocalDay, type OutboundDeps } from "@/lib/outbound";
import { verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";
import { seedMarketPolicies, upsertMarketPolicy } from "@/lib/policy";
import type { EmailProvider, MessagingProviders, SmsProvider } from "@/lib/providers/messaging";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const ctx = { actorId: "user-1", actorEmail: "owner@outbound.test", requestId: "req-1" };
const SECRET = "test-secret-0123456789abcdef";
const BASE = "https://app.example.test";
// Tuesday 2026-03-10 15:00 in New York (EDT, UTC-4): inside the default Mon-Fri 09:00-20:00 window.
const OPEN = new Date("2026-03-10T19:00:00Z");
// Tuesday 2026-03-10 22:30 in New York: outside it.
const CLOSED = new Date("2026-03-11T02:30:00Z");

const outbox: MessagingProviders = { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() };
const deps: OutboundDeps = { providers: outbox, baseUrl: BASE, secret: SECRET };
let counter = 0;

async function makeLead(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const phone = `+1212555${String(1000 + counter).slice(-4)}`;
  const email = `lead${counter}@example.com`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL",
      addressKey: `K-${counter}`,
      raw: {},
      region: "NY",
      market: "NEW YORK",
      postalCode: "10001",
      country: "US",
      timeZone: "America/New_York",
      score: 80,
      contactName: `Lead ${counter}`,
      contactPhone: phone,
      contactEmail: email,
      ...overrides,
    } as never,
  });
  return deal;
}

async function optIn(channel: "SMS" | "EMAIL", address: string) {
  await db.contactConsent.create({ data: { channel, address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" } as never });
}

async function setSettings(settings: Record<string, unknown>) {
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: settings as never } });
}

async function kpi(name: string, dealId: string) {
  return db.kpiEvent.findMany({ where: { name, dealId } });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "outbound-a", name: "Acme Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());
beforeEach(() => setSettings({ postalAddress: "100 Main Street, Albany, NY 12207" }));

describe("sendMessage: allowed", () => {
  it("sends an SMS through the provider and records it SENT with a KPI event", async () => {
    const deal = await makeLead();
    await optIn("SMS", deal.contactPhone!);
    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi, still selling?", actorId: "user-1", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "SENT", provider: "outbox" });
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(message).toMatchObject({ status: "SENT", direction: "OUTBOUND", toAddress: deal.contactPhone, sentById: "user-1", dealId: deal.id });
    expect(message.providerMessageId).toMatch(/^outbox_/);
    expect(message.sentAt).toBeInstanceOf(Date);
    expect(await kpi("message_sent", deal.id)).toHaveLength(1);
  });

  it("sends an email with the postal address, a signed unsubscribe link and List-Unsubscribe", async () => {
    const deal = await makeLead();
    await optIn("EMAIL", deal.contactEmail!);
    const sent: Parameters<EmailProvider["send"]>[0][] = [];
    const email: EmailProvider = { name: "outbox", async send(m) { sent.push(m); return { providerMessageId: `outbox_e${counter}`, from: "x@y.z" }; } };
    const result = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Your house", body: "Hello", now: OPEN }, { ...deps, providers: { ...outbox, email } });
    expect(result.status).toBe("SENT");
    expect(sent[0].text).toContain("100 Main Street, Albany, NY 12207");
    const link = /Unsubscribe: (\S+)/.exec(sent[0].text)![1];
    expect(link.startsWith(`${BASE}/unsubscribe/`)).toBe(true);
    expect(verifyUnsubscribeToken(link.split("/unsubscribe/")[1], SECRET)).toEqual({ tenantId: db.tenantId, address: deal.contactEmail });
    // RFC 8058: the header names the one-click endpoint, which takes a POST of List-Unsubscribe=One-Click.
    expect(sent[0].headers?.["List-Unsubscribe"]).toBe(`<${link.replace("/unsubscribe/", "/api/unsubscribe/")}>`);
    expect(sent[0].headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(sent[0].customArgs?.dealflow_message_id).toBe(result.messageId);
    // Replies thread by the Message-ID the email left with.
    expect(sent[0].headers?.["Message-ID"]).toMatch(new RegExp(`^<${result.messageId}@`));
    expect((await db.message.findFirstOrThrow({ where: { id: result.messageId } })).headerMessageId).toBe(sent[0].headers?.["Message-ID"]);
  });
});

describe("sendMessage: every gate blocks with its reason and records a BLOCKED message", () => {
  async function expectBlocked(dealId: string, channel: "SMS" | "EMAIL", gate: string, reason: string, now = OPEN, extra: OutboundDeps = {}) {
    const result = await sendMessage(db, { dealId, channel, body: "Hello", subject: "S", now }, { ...deps, ...extra });
    expect(result).toMatchObject({ status: "BLOCKED", gate, reason });
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(message).toMatchObject({ status: "BLOCKED", blockedReason: reason, providerMessageId: null, sentAt: null });
    const blocked = await kpi("message_blocked", dealId);
    expect(blocked.at(-1)?.data).toMatchObject({ gate, reason, messageId: result.messageId });
    return result;
  }

  it("no phone number", async () => {
    const deal = await makeLead({ contactPhone: null });
    await expectBlocked(deal.id, "SMS", "address", "no_address");
  });

  it("no consent on record", async () => {
    const deal = await makeLead();
    await expectBlocked(deal.id, "SMS", "consent", "no_consent");
  });

  it("opted out, even when the lead is also on the do-not-contact list", async () => {
    const deal = await makeLead();
    await db.contactConsent.create({ data: { channel: "SMS", address: deal.contactPhone!, status: "OPTED_OUT", source: "keyword:STOP" } as never });
    await db.doNotContact.create({ data: { value: deal.contactPhone!, reason: "asked" } as never });
    await expectBlocked(deal.id, "SMS", "consent", "opted_out");
  });

  it("do-not-contact list", async () => {
    const deal = await makeLead();
    await optIn("SMS", deal.contactPhone!);
    await db.doNotContact.create({ data: { value: deal.contactPhone!, reason: "Lawyer letter" } as never });
    await expectBlocked(deal.id, "SMS", "do_not_contact", "do_not_contact");
  });

  it("market policy: outside the window in the lead's time zone, with a policy_blocked KPI", async () => {
    const deal = await makeLead();
    await optIn("SMS", deal.contactPhone!);
    await expectBlocked(deal.id, "SMS", "market_policy", "outside_window", CLOSED);
    expect(await kpi("policy_blocked", deal.id)).toHaveLength(1);
  });

  it("market policy: the same instant is allowed for a lead three hours behind", async () => {
    // 22:30 in New York is 19:30 in Los Angeles: inside the window.
    const deal = await makeLead({ region: "CA", market: "LOS ANGELES", postalCode: "90001", timeZone: "America/Los_Angeles" });
    await optIn("SMS", deal.contactPhone!);
    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hello", now: CLOSED }, deps);
    expect(result.status).toBe("SENT");
  });

  it("market policy: score below the minimum, and no policy for an unknown region", async () => {
    const low = await makeLead({ score: 10 });
    await optIn("SMS", low.contactPhone!);
    await expectBlocked(low.id, "SMS", "market_policy", "score_below_minimum");
    const nowhere = await makeLead({ region: null, market: null, timeZone: null });
    await optIn("SMS", nowhere.contactPhone!);
    await expectBlocked(nowhere.id, "SMS", "market_policy", "no_policy");
  });

  it("channel not allowed by the market's policy", async () => {
    await upsertMarketPolicy(
      db,
      { region: "VT", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["CALL", "EMAIL"], minLeadScore: 0 }, reason: "Calls only in Vermont" },
      ctx,
    );
    const deal = await makeLead({ region: "VT", market: null, postalCode: "05401" });
    await optIn("SMS", deal.contactPhone!);
    await expectBlocked(deal.id, "SMS", "channel", "channel_not_allowed");
  });

  it("email without the tenant's postal address, or without a way to sign the unsubscribe link", async () => {
    const deal = await makeLead();
    await optIn("EMAIL", deal.contactEmail!);
    await setSettings({});
    await expectBlocked(deal.id, "EMAIL", "email_compliance", "no_postal_address");
    await setSettings({ postalAddress: "100 Main Street, Albany, NY 12207" });
    await expectBlocked(deal.id, "EMAIL", "email_compliance", "no_unsubscribe_link", OPEN, { secret: null });
  });

  it("daily cap, counted in the tenant's local day", async () => {
    const deal = await makeLead();
    await optIn("SMS", deal.contactPhone!);
    // Rows are stamped with the wall clock, so this test judges "today" at the wall clock too.
    const sentTodayAtOpen = await db.message.count({
      where: { channel: "SMS", direction: "OUTBOUND", status: { in: ["QUEUED", "SENT", "DELIVERED", "UNDELIVERED"] }, createdAt: { gte: startOfLocalDay(new Date(), "America/New_York") } },
    });
    await setSettings({ postalAddress: "100 Main Street, Albany, NY 12207", outboundDailyCapSms: sentTodayAtOpen + 1 });
    const now = new Date();
    const open = await upsertMarketPolicy(
      db,
      { region: "NY", market: "ALWAYS", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS"], minLeadScore: 0 }, reason: "Test market open around the clock" },
      ctx,
    );
    expect(open.market).toBe("ALWAYS");
    await db.deal.update({ where: { id: deal.id }, data: { market: "ALWAYS" } });
    expect((await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "One", now }, deps)).status).toBe("SENT");
    await expectBlocked(deal.id, "SMS", "daily_cap", "daily_cap_reached", now);
    // The blocked message did not use up the cap: one more allowed is one more sent.
    await setSettings({ postalAddress: "100 Main Street, Albany, NY 12207", outboundDailyCapSms: sentTodayAtOpen + 2 });
    expect((await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Two", now }, deps)).status).toBe("SENT");
  });
});

describe("sendMessage under concurrency", () => {
  it("concurrent sends never pass the daily cap together (on PostgreSQL, sends really run at once)", async () => {
    const now = new Date();
    await upsertMarketPolicy(
      db,
      { region: "NY", market: "ALWAYS", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS"], minLeadScore: 0 }, reason: "Test market open around the clock" },
      ctx,
    );
    const deals = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeLead({ market: "ALWAYS" })));
    for (const deal of deals) await optIn("SMS", deal.contactPhone!);
    const sentToday = await db.message.count({
      where: { channel: "SMS", direction: "OUTBOUND", status: { in: ["QUEUED", "SENT", "DELIVERED", "UNDELIVERED"] }, createdAt: { gte: startOfLocalDay(new Date(), "America/New_York") } },
    });
    await setSettings({ postalAddress: "100 Main Street, Albany, NY 12207", outboundDailyCapSms: sentToday + 2 });
    const results = await Promise.all(deals.map((deal) => sendMessage(db, { dealId: deal.id, channel: "SMS", body: "At once", now }, deps)));
    expect(results.filter((r) => r.status === "SENT")).toHaveLength(2);
    expect(results.filter((r) => r.status === "BLOCKED").map((r) => r.reason)).toEqual(Array(4).fill("daily_cap_reached"));
  });
});

describe("sendMessage: provider failure and bad input", () => {
  it("marks the message FAILED with the provider's error, never SENT", async () => {
    const deal = await makeLead();
    await optIn("SMS", deal.contactPhone!);
    const broken: SmsProvider = { name: "twilio", async send() { throw new Error("21211: Invalid 'To' Phone Number"); } };
    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi", now: OPEN }, { ...deps, providers: { ...outbox, sms: broken } });
    expect(result).toMatchObject({ status: "FAILED", error: "21211: Invalid 'To' Phone Number", provider: "twilio" });
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(message).toMatchObject({ status: "FAILED", error: "21211: Invalid 'To' Phone Number", providerMessageId: null, sentAt: null });
    expect(message.failedAt).toBeInstanceOf(Date);
    expect(await kpi("message_failed", deal.id)).toHaveLength(1);
    expect(await kpi("message_sent", deal.id)).toHaveLength(0);
  });

  it("refuses bad input and unknown leads with a field", async () => {
    const deal = await makeLead();
    await expect(sendMessage(db, { dealId: deal.id, channel: "EMAIL", body: "No subject" }, deps)).rejects.toMatchObject({ code: "invalid", field: "subject" });
    await expect(sendMessage(db, { dealId: deal.id, channel: "FAX" as "SMS", body: "x" }, deps)).rejects.toBeInstanceOf(ExpectedError);
    await expect(sendMessage(db, { dealId: "nope", channel: "SMS", body: "x" }, deps)).rejects.toMatchObject({ code: "not_found" });
  });

  it("cannot reach another tenant's lead", async () => {
    const other = await database.prisma.tenant.create({ data: { slug: "outbound-b", name: "Other", timeZone: "America/New_York", country: "US" } });
    const deal = await makeLead();
    await expect(sendMessage(scopeToTenant(database.prisma, other.id), { dealId: deal.id, channel: "SMS", body: "x" }, deps)).rejects.toMatchObject({ code: "not_found" });
  });
});
