import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { seedMarketPolicies } from "@/lib/policy";
import type { MessagingProviders } from "@/lib/providers/messaging";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const SECRET = "test-secret-0123456789abcdef";
const BASE = "https://app.example.test";
// Tuesday 2026-03-10 15:00 in New York (EDT): inside the default Mon-Fri window there, 12:00 in Los Angeles.
const OPEN = new Date("2026-03-10T19:00:00Z");
// Tuesday 2026-03-10 22:30 in New York: outside the window there.
const CLOSED_IN_NEW_YORK = new Date("2026-03-11T02:30:00Z");

const outbox: MessagingProviders = { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() };
const deps: OutboundDeps = { providers: outbox, baseUrl: BASE, secret: SECRET };
let counter = 0;

async function makeBuyer(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return db.buyer.create({
    data: {
      name: `Buyer ${counter}`,
      phones: [`+1212555${String(2000 + counter).slice(-4)}`],
      emails: [`buyer${counter}@example.com`],
      status: "ACTIVE",
      timeZone: "America/New_York",
      markets: ["NY:NEW YORK"],
      ...overrides,
    } as never,
  });
}

async function makeDeal() {
  counter += 1;
  return db.deal.create({
    data: { source: "MANUAL", addressKey: `B-${counter}`, raw: {}, region: "NY", market: "NEW YORK", postalCode: "10001", country: "US", timeZone: "America/New_York", score: 80 } as never,
  });
}

async function optIn(channel: "SMS" | "EMAIL", address: string) {
  await db.contactConsent.create({ data: { channel, address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" } as never });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "outbound-buyer", name: "Acme Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  await seedMarketPolicies(db, null);
});
afterAll(() => database.close());
beforeEach(() => db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } }));

describe("sendMessage to a buyer", () => {
  it("sends an SMS to the buyer's first phone, storing the buyer and the deal on the message", async () => {
    const buyer = await makeBuyer({ phones: ["+12125550001", "+12125550002"] });
    const deal = await makeDeal();
    await optIn("SMS", "+12125550001");
    const result = await sendMessage(db, { buyerId: buyer.id, dealId: deal.id, channel: "SMS", body: "New deal in your box", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "SENT", provider: "outbox" });
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(message).toMatchObject({ buyerId: buyer.id, dealId: deal.id, toAddress: "+12125550001", status: "SENT", direction: "OUTBOUND" });
  });

  it("sends an email to the buyer's first email with the compliance footer and unsubscribe link", async () => {
    const buyer = await makeBuyer();
    await optIn("EMAIL", buyer.emails[0]);
    const result = await sendMessage(db, { buyerId: buyer.id, channel: "EMAIL", subject: "Deal", body: "Have a look", now: OPEN }, deps);
    expect(result.status).toBe("SENT");
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(message).toMatchObject({ buyerId: buyer.id, dealId: null, toAddress: buyer.emails[0] });
    expect(message.body).toContain("100 Main Street, Albany, NY 12207");
    expect(message.body).toContain(`${BASE}/unsubscribe/`);
  });

  it("refuses a buyer without consent, with the consent gate", async () => {
    const buyer = await makeBuyer();
    const result = await sendMessage(db, { buyerId: buyer.id, channel: "SMS", body: "Hi", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "no_consent" });
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    expect(message).toMatchObject({ status: "BLOCKED", buyerId: buyer.id, blockedReason: "no_consent", toAddress: buyer.phones[0] });
  });

  it("refuses an opted-out address and one on the do-not-contact list", async () => {
    const out = await makeBuyer();
    await db.contactConsent.create({ data: { channel: "SMS", address: out.phones[0], status: "OPTED_OUT", source: "keyword:STOP" } as never });
    expect(await sendMessage(db, { buyerId: out.id, channel: "SMS", body: "Hi", now: OPEN }, deps)).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });

    const listed = await makeBuyer();
    await optIn("SMS", listed.phones[0]);
    await db.doNotContact.create({ data: { value: listed.phones[0], reason: "asked" } as never });
    expect(await sendMessage(db, { buyerId: listed.id, channel: "SMS", body: "Hi", now: OPEN }, deps)).toMatchObject({ status: "BLOCKED", gate: "do_not_contact" });
  });

  it("judges the contact window in the buyer's own time zone", async () => {
    const eastern = await makeBuyer();
    await optIn("SMS", eastern.phones[0]);
    expect(await sendMessage(db, { buyerId: eastern.id, channel: "SMS", body: "Hi", now: CLOSED_IN_NEW_YORK }, deps)).toMatchObject({
      status: "BLOCKED",
      gate: "market_policy",
      reason: "outside_window",
    });
    // 19:30 in Los Angeles: inside its window.
    const western = await makeBuyer({ timeZone: "America/Los_Angeles", markets: ["CA:LOS ANGELES"] });
    await optIn("SMS", western.phones[0]);
    expect(await sendMessage(db, { buyerId: western.id, channel: "SMS", body: "Hi", now: CLOSED_IN_NEW_YORK }, deps)).toMatchObject({ status: "SENT" });
  });

  it("fails closed for a buyer with no market and no postal code, like a lead without a region", async () => {
    const nowhere = await makeBuyer({ timeZone: null, markets: [], postalCodes: [] });
    await optIn("SMS", nowhere.phones[0]);
    const result = await sendMessage(db, { buyerId: nowhere.id, channel: "SMS", body: "Hi", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "market_policy", reason: "no_policy" });
  });

  it("falls back to the region of the buyer's postal code and its zones when the buyer has no zone", async () => {
    const buyer = await makeBuyer({ timeZone: null, markets: [], postalCodes: ["10001"] });
    await optIn("SMS", buyer.phones[0]);
    expect(await sendMessage(db, { buyerId: buyer.id, channel: "SMS", body: "Hi", now: OPEN }, deps)).toMatchObject({ status: "SENT" });
  });

  it("refuses a buyer who is not active, first, with a reason and a fix", async () => {
    for (const status of ["INACTIVE", "DO_NOT_USE"]) {
      const buyer = await makeBuyer({ status });
      await optIn("SMS", buyer.phones[0]);
      const result = await sendMessage(db, { buyerId: buyer.id, channel: "SMS", body: "Hi", now: OPEN }, deps);
      expect(result).toMatchObject({ status: "BLOCKED", gate: "recipient", reason: "buyer_inactive" });
      if (result.status === "BLOCKED") expect(result.fix.fixHref).toBe(`/buyers/${buyer.id}`);
      expect(await db.message.findUniqueOrThrow({ where: { id: result.messageId } })).toMatchObject({ blockedReason: "buyer_inactive", buyerId: buyer.id });
    }
  });

  it("refuses a buyer without a phone for SMS at the address gate", async () => {
    const buyer = await makeBuyer({ phones: [] });
    const result = await sendMessage(db, { buyerId: buyer.id, channel: "SMS", body: "Hi", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "address", reason: "no_address" });
    if (result.status === "BLOCKED") expect(result.fix.message).toBe("The buyer has no valid phone number.");
  });

  it("counts buyer messages against the daily cap", async () => {
    await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207", outboundDailyCapSms: 0 } as never } });
    const buyer = await makeBuyer();
    await optIn("SMS", buyer.phones[0]);
    expect(await sendMessage(db, { buyerId: buyer.id, channel: "SMS", body: "Hi", now: OPEN }, deps)).toMatchObject({ status: "BLOCKED", gate: "daily_cap" });
  });

  it("answers 404-style errors for an unknown buyer or deal, and asks for a recipient when none is named", async () => {
    await expect(sendMessage(db, { buyerId: "missing", channel: "SMS", body: "Hi" }, deps)).rejects.toMatchObject({ code: "not_found", field: "buyerId" });
    const buyer = await makeBuyer();
    await expect(sendMessage(db, { buyerId: buyer.id, dealId: "missing", channel: "SMS", body: "Hi" }, deps)).rejects.toMatchObject({ code: "not_found", field: "dealId" });
    await expect(sendMessage(db, { channel: "SMS", body: "Hi" }, deps)).rejects.toBeInstanceOf(ExpectedError);
  });
});
