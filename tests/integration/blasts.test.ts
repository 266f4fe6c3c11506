import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBlast } from "@/lib/blasts/service";
import { sendBlastChunk } from "@/lib/blasts/sending";
import { getBlastProgress, listBlastRecipients } from "@/lib/blasts/queries";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import type { OutboundDeps } from "@/lib/outbound";
import { applyStatusUpdate, receiveInboundSms } from "@/lib/outbound/events";
import { seedMarketPolicies } from "@/lib/policy";
import type { MessagingProviders } from "@/lib/providers/messaging";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const BASE = "https://app.example.test";
// Tuesday 2026-03-10 15:00 in New York: inside the default weekday window.
const OPEN = new Date("2026-03-10T19:00:00Z");
const outbox: MessagingProviders = { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() };
const deps: OutboundDeps = { providers: outbox, baseUrl: BASE, secret: "test-secret-0123456789abcdef" };
const actor = { userId: null };
let counter = 0;

async function makeBuyer(tenant: TenantDb, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return tenant.buyer.create({
    data: {
      name: `Pat${counter} Buyer`,
      phones: [`+1212555${String(3000 + counter).slice(-4)}`],
      emails: [`blast${counter}@example.com`],
      timeZone: "America/New_York",
      markets: ["NY:NEW YORK"],
      tier: "A",
      ...overrides,
    } as never,
  });
}

async function makeDeal(tenant: TenantDb) {
  counter += 1;
  return tenant.deal.create({
    data: {
      source: "MANUAL",
      addressKey: `BL-${counter}`,
      raw: {},
      street: "12 Elm Street",
      city: "New York",
      region: "NY",
      market: "NEW YORK",
      postalCode: "10001",
      country: "US",
      timeZone: "America/New_York",
      propertyType: "SFR",
      askingPrice: 150_000,
      arv: 260_000,
      repairs: 40_000,
    } as never,
  });
}

async function optIn(channel: "SMS" | "EMAIL", address: string) {
  await db.contactConsent.create({ data: { channel, address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" } as never });
}

async function runToTheEnd(blastId: string) {
  for (let i = 0; i < 20; i++) {
    const chunk = await sendBlastChunk(db, blastId, { deps, now: () => OPEN, chunkBuyers: 2 });
    if (chunk.status !== "SENDING") return chunk;
  }
  throw new Error("The blast never finished");
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "blasts-a", name: "Acme Homes", timeZone: "America/New_York", country: "US" } });
  const second = await database.prisma.tenant.create({ data: { slug: "blasts-b", name: "Other Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  other = scopeToTenant(database.prisma, second.id);
  await seedMarketPolicies(db, null);
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } });
});
afterAll(() => database.close());

describe("createBlast", () => {
  it("refuses a cold market without a reason, and audits the override when one is given", async () => {
    const deal = await makeDeal(db);
    const buyer = await makeBuyer(db);
    // A market with one buyer and no history scores under the default threshold of 50.
    await expect(createBlast(db, { dealId: deal.id, buyerIds: [buyer.id], channels: ["SMS"] }, actor, { baseUrl: BASE, now: OPEN })).rejects.toMatchObject({
      code: "invalid",
      field: "coldReason",
      message: expect.stringMatching(/^This market is cold \(liquidity \d+\): say why the blast should go on$/),
    });
    expect(await db.blast.count({ where: { dealId: deal.id } })).toBe(0);

    const { blastId } = await createBlast(db, { dealId: deal.id, buyerIds: [buyer.id], channels: ["SMS"], coldReason: "New buyers joined this week" }, actor, { baseUrl: BASE, now: OPEN });
    const blast = await db.blast.findUniqueOrThrow({ where: { id: blastId } });
    expect(blast).toMatchObject({ coldReason: "New buyers joined this week", status: "QUEUED", total: 1 });
    expect(blast.liquidityScore).toBeLessThan(50);
    const audit = await db.auditEvent.findMany({ where: { entityId: blastId }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["blast.cold_override", "blast.created"]);
  });

  it("writes one recipient per buyer per channel, the MARKETED stage and the sender's event (links come with the messages)", async () => {
    await db.buyerSettings.create({ data: { coldLiquidityScore: 0 } as never });
    const deal = await makeDeal(db);
    const buyers = [await makeBuyer(db), await makeBuyer(db), await makeBuyer(db)];
    const result = await createBlast(db, { dealId: deal.id, buyerIds: buyers.map((b) => b.id), channels: ["SMS", "EMAIL"] }, actor, { baseUrl: BASE, now: OPEN });
    expect(result.recipients).toBe(6);
    const recipients = await db.blastRecipient.findMany({ where: { blastId: result.blastId } });
    expect(recipients).toHaveLength(6);
    expect(new Set(recipients.map((r) => `${r.buyerId}:${r.channel}`)).size).toBe(6);
    expect(recipients.every((r) => r.state === "QUEUED")).toBe(true);
    expect(await db.buyerDealLink.count({ where: { dealId: deal.id } })).toBe(0);
    expect((await db.deal.findUniqueOrThrow({ where: { id: deal.id } })).dispositionStage).toBe("MARKETED");
    const events = await db.eventOutbox.findMany({ where: { name: "blast/queued" } });
    expect(events.some((e) => (e.data as { blastId?: string }).blastId === result.blastId)).toBe(true);
    const blast = await db.blast.findUniqueOrThrow({ where: { id: result.blastId } });
    expect(blast).toMatchObject({ coldReason: null, smsTemplate: expect.stringContaining("{{link}}"), emailSubject: expect.any(String) });
  });

  it("refuses bad input at its field", async () => {
    const deal = await makeDeal(db);
    const buyer = await makeBuyer(db);
    const base = { dealId: deal.id, buyerIds: [buyer.id], channels: ["SMS"] };
    await expect(createBlast(db, { ...base, smsTemplate: "Hi {{nmae}}" }, actor, { baseUrl: BASE })).rejects.toMatchObject({ field: "smsTemplate", message: expect.stringContaining("{{nmae}}") });
    await expect(createBlast(db, { ...base, channels: [] }, actor, { baseUrl: BASE })).rejects.toMatchObject({ field: "channels" });
    await expect(createBlast(db, { ...base, buyerIds: [] }, actor, { baseUrl: BASE })).rejects.toMatchObject({ field: "buyerIds" });
    await expect(createBlast(db, { ...base, segmentId: "seg" }, actor, { baseUrl: BASE })).rejects.toMatchObject({ field: "segmentId" });
    await expect(createBlast(db, { ...base, buyerIds: Array.from({ length: 5001 }, (_, i) => `b${i}`) }, actor, { baseUrl: BASE })).rejects.toMatchObject({ field: "buyerIds" });
    await expect(createBlast(db, { ...base, dealId: "missing" }, actor, { baseUrl: BASE })).rejects.toMatchObject({ code: "not_found", field: "dealId" });
  });

  it("does not reach another workspace's buyers or deals", async () => {
    const deal = await makeDeal(db);
    const foreignBuyer = await makeBuyer(other);
    await expect(createBlast(db, { dealId: deal.id, buyerIds: [foreignBuyer.id], channels: ["SMS"] }, actor, { baseUrl: BASE })).rejects.toMatchObject({ code: "not_found", field: "buyerIds" });
    const foreignDeal = await makeDeal(other);
    const buyer = await makeBuyer(db);
    await expect(createBlast(db, { dealId: foreignDeal.id, buyerIds: [buyer.id], channels: ["SMS"] }, actor, { baseUrl: BASE })).rejects.toMatchObject({ code: "not_found", field: "dealId" });
  });
});

describe("sending a blast", () => {
  it("sends through every gate, records SENT feedback, and follows receipts and replies", async () => {
    const deal = await makeDeal(db);
    const good = await makeBuyer(db, { name: "Dana Cash" });
    const noConsent = await makeBuyer(db);
    const optedOut = await makeBuyer(db);
    const inactive = await makeBuyer(db, { status: "INACTIVE" });
    await optIn("SMS", good.phones[0]);
    await optIn("SMS", inactive.phones[0]);
    await db.contactConsent.create({ data: { channel: "SMS", address: optedOut.phones[0], status: "OPTED_OUT", source: "keyword:STOP" } as never });

    const { blastId } = await createBlast(db, { dealId: deal.id, buyerIds: [good.id, noConsent.id, optedOut.id, inactive.id], channels: ["SMS"] }, actor, { baseUrl: BASE, now: OPEN });
    const finished = await runToTheEnd(blastId);
    expect(finished.status).toBe("DONE");

    const byBuyer = new Map((await db.blastRecipient.findMany({ where: { blastId } })).map((r) => [r.buyerId, r]));
    expect(byBuyer.get(good.id)).toMatchObject({ state: "SENT", messageId: expect.any(String) });
    expect(byBuyer.get(noConsent.id)).toMatchObject({ state: "BLOCKED", blockedGate: "consent", blockedReason: "no_consent" });
    expect(byBuyer.get(optedOut.id)).toMatchObject({ state: "BLOCKED", blockedGate: "consent", blockedReason: "opted_out" });
    expect(byBuyer.get(inactive.id)).toMatchObject({ state: "BLOCKED", blockedGate: "recipient", blockedReason: "buyer_inactive" });

    const message = await db.message.findUniqueOrThrow({ where: { id: byBuyer.get(good.id)!.messageId! } });
    expect(message).toMatchObject({ buyerId: good.id, dealId: deal.id, status: "SENT", toAddress: good.phones[0] });
    expect(message.body).toMatch(new RegExp(`^Hi Dana, new deal in New York, NY 10001: asking \\$150,000, ARV \\$260,000, repairs \\$40,000\\. Details: ${BASE}/b/[A-Za-z0-9_-]{43}$`));

    const sent = await db.buyerFeedbackEvent.findMany({ where: { dealId: deal.id, kind: "SENT" } });
    expect(sent.map((e) => e.buyerId)).toEqual([good.id]);
    const blast = await db.blast.findUniqueOrThrow({ where: { id: blastId } });
    expect(blast).toMatchObject({ status: "DONE", startedAt: expect.any(Date), finishedAt: expect.any(Date) });
    const progress = await getBlastProgress(db, blastId);
    expect(progress.counts).toMatchObject({ SENT: 1, BLOCKED: 3, QUEUED: 0 });
    const page = await listBlastRecipients(db, blastId, { state: "BLOCKED", page: 1 });
    expect(page.total).toBe(3);

    // The provider's receipt moves the recipient to DELIVERED.
    await applyStatusUpdate(db, { provider: "outbox", eventKey: `${message.id}:delivered`, type: "delivered", messageId: message.id, status: "DELIVERED", payload: {} });
    expect(await db.blastRecipient.findFirstOrThrow({ where: { blastId, buyerId: good.id } })).toMatchObject({ state: "DELIVERED" });

    // The buyer answers: REPLIED, and RESPONDED once however many replies.
    const reply = await receiveInboundSms(db, { provider: "outbox", providerMessageId: "in-1", from: good.phones[0], to: "+12125550000", body: "Interested, can I see it Friday?" }, deps);
    await receiveInboundSms(db, { provider: "outbox", providerMessageId: "in-2", from: good.phones[0], to: "+12125550000", body: "Also, is it vacant?" }, deps);
    expect(await db.blastRecipient.findFirstOrThrow({ where: { blastId, buyerId: good.id } })).toMatchObject({ state: "REPLIED" });
    const responded = await db.buyerFeedbackEvent.findMany({ where: { dealId: deal.id, kind: "RESPONDED" } });
    expect(responded.map((e) => e.buyerId)).toEqual([good.id]);
    expect(await db.message.findUniqueOrThrow({ where: { id: reply.messageId! } })).toMatchObject({ buyerId: good.id, direction: "INBOUND" });
  });

  it("a STOP from a buyer opts them out without counting as a response", async () => {
    const deal = await makeDeal(db);
    const buyer = await makeBuyer(db);
    await optIn("SMS", buyer.phones[0]);
    const { blastId } = await createBlast(db, { dealId: deal.id, buyerIds: [buyer.id], channels: ["SMS"] }, actor, { baseUrl: BASE, now: OPEN });
    await runToTheEnd(blastId);
    await receiveInboundSms(db, { provider: "outbox", providerMessageId: "stop-1", from: buyer.phones[0], to: "+12125550000", body: "STOP" }, deps);
    expect(await db.blastRecipient.findFirstOrThrow({ where: { blastId } })).toMatchObject({ state: "SENT" });
    expect(await db.buyerFeedbackEvent.count({ where: { dealId: deal.id, kind: "RESPONDED" } })).toBe(0);
    expect(await db.contactConsent.findFirst({ where: { address: buyer.phones[0], channel: "SMS" }, orderBy: { createdAt: "desc" } })).toMatchObject({ status: "OPTED_OUT" });
  });

  it("fails only the recipient of a buyer deleted after the blast was queued", async () => {
    const deal = await makeDeal(db);
    const kept = await makeBuyer(db);
    const gone = await makeBuyer(db);
    await optIn("SMS", kept.phones[0]);
    const { blastId } = await createBlast(db, { dealId: deal.id, buyerIds: [kept.id, gone.id], channels: ["SMS"] }, actor, { baseUrl: BASE, now: OPEN });
    await db.buyer.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    expect((await runToTheEnd(blastId)).status).toBe("DONE");
    expect(await db.blastRecipient.findFirstOrThrow({ where: { blastId, buyerId: gone.id } })).toMatchObject({ state: "FAILED", blockedReason: "This buyer does not exist", messageId: null });
    expect(await db.blastRecipient.findFirstOrThrow({ where: { blastId, buyerId: kept.id } })).toMatchObject({ state: "SENT" });
  });

  it("sends email with the merged subject, and blocks an email without consent", async () => {
    const deal = await makeDeal(db);
    const yes = await makeBuyer(db);
    const no = await makeBuyer(db);
    await optIn("EMAIL", yes.emails[0]);
    const { blastId } = await createBlast(db, { dealId: deal.id, buyerIds: [yes.id, no.id], channels: ["EMAIL"], emailSubject: "{{area}} at {{price}}" }, actor, { baseUrl: BASE, now: OPEN });
    await runToTheEnd(blastId);
    const [sent] = await db.message.findMany({ where: { buyerId: yes.id, dealId: deal.id } });
    expect(sent).toMatchObject({ subject: "New York, NY 10001 at $150,000", status: "SENT" });
    expect(sent.body).toContain("/unsubscribe/");
    expect(await db.blastRecipient.findFirstOrThrow({ where: { blastId, buyerId: no.id } })).toMatchObject({ state: "BLOCKED", blockedGate: "consent" });
  });
});
