import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDealFromApi, createDealsFromApi } from "@/lib/api/deals";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { changeDealStatus } from "@/lib/deals/workflow";
import { actOnBuyerPage, recordBuyerPageView } from "@/lib/dispositions/buyer-page";
import { recordOfferByTeam } from "@/lib/dispositions/service";
import { applyStatusUpdate, receiveInboundSms } from "@/lib/outbound/events";
import { filePrivacyRequest, processPrivacyRequest } from "@/lib/privacy/service";
import { runSignalDecay } from "@/lib/signals/decay";
import { recordSignals } from "@/lib/signals/service";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let dealId: string;
let buyerId: string;
const ctx = { actorId: null, actorEmail: "test", requestId: undefined };
const PHONE = "+16175550188";

async function makeDeal(key: string, data: Record<string, unknown> = {}) {
  return (await db.deal.create({ data: { source: "MANUAL", addressKey: key, raw: {}, ...data } as never })).id;
}
const signalsOf = (where: { dealId?: string; buyerId?: string }) => db.signal.findMany({ where, orderBy: { occurredAt: "asc" } });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "observed", name: "Observed Homes" } });
  db = scopeToTenant(database.prisma, tenant.id);
  dealId = await makeDeal("K-observed", { contactPhone: PHONE, contactEmail: "sam@seller.test", contactName: "Sam Seller", askingPrice: 100000 });
  buyerId = (await db.buyer.create({ data: { name: "Rae Buyer", emails: ["rae@buyer.test"], phones: ["+16175550199"] } as never })).id;
}, 60_000);
afterAll(() => database.close());

describe("signals from Dealflow's own flows", () => {
  it("an SMS reply from the lead is a signal in the reply's transaction; its redelivery stores nothing", async () => {
    const sms = { provider: "twilio", providerMessageId: "SMobs1", from: PHONE, to: "+15005550006", body: "Yes, still selling" };
    const result = await receiveInboundSms(db, sms);
    expect(await signalsOf({ dealId })).toEqual([expect.objectContaining({ type: "sms_reply", source: "sms", dedupeKey: `msg:${result.messageId}` })]);
    expect((await db.deal.findFirst({ where: { id: dealId } }))?.intentScore).toBe(30);
    expect((await receiveInboundSms(db, sms)).duplicate).toBe(true);
    expect(await db.signal.count({ where: { dealId } })).toBe(1);
  });

  it("a STOP is consent, not interest: the reply is kept and no signal is stored", async () => {
    const result = await receiveInboundSms(db, { provider: "twilio", providerMessageId: "SMobs2", from: PHONE, to: "+15005550006", body: "STOP" });
    expect(result.messageId).not.toBeNull();
    expect(await db.signal.count({ where: { dealId } })).toBe(1);
  });

  it("a reply from a person who is gone keeps the reply and stores no signal", async () => {
    const gone = await db.buyer.create({ data: { name: "Gone Buyer", phones: ["+16175550155"], emails: [], deletedAt: new Date() } as never });
    await db.message.create({ data: { buyerId: gone.id, channel: "SMS", direction: "OUTBOUND", status: "DELIVERED", toAddress: "+16175550155", fromAddress: "+15005550006", body: "New deal", provider: "twilio" } as never });
    const result = await receiveInboundSms(db, { provider: "twilio", providerMessageId: "SMgone", from: "+16175550155", to: "+15005550006", body: "Tell me more" });
    expect(await db.message.findFirst({ where: { id: result.messageId! } })).toMatchObject({ buyerId: gone.id, body: "Tell me more" });
    expect(await db.signal.count({ where: { buyerId: gone.id } })).toBe(0);
  });

  it("SendGrid opens and clicks are signals of the message's lead or buyer, once per sg_event_id", async () => {
    const toLead = await db.message.create({ data: { dealId, channel: "EMAIL", direction: "OUTBOUND", status: "DELIVERED", toAddress: "sam@seller.test", fromAddress: "us@test", body: "Hi", provider: "sendgrid", providerMessageId: "sgm-1" } as never });
    const toBuyer = await db.message.create({ data: { dealId, buyerId, channel: "EMAIL", direction: "OUTBOUND", status: "DELIVERED", toAddress: "rae@buyer.test", fromAddress: "us@test", body: "Deal", provider: "sendgrid", providerMessageId: "sgm-2" } as never });
    const event = (eventKey: string, type: string, messageId: string) => ({ provider: "sendgrid", eventKey, type, messageId, status: null, payload: { event: type, timestamp: Math.floor(Date.now() / 1000) - 60 } });
    await applyStatusUpdate(db, event("sg-open-1", "open", toLead.id));
    await applyStatusUpdate(db, event("sg-click-1", "click", toBuyer.id));
    expect((await applyStatusUpdate(db, event("sg-open-1", "open", toLead.id))).duplicate).toBe(true);
    await applyStatusUpdate(db, event("sg-deliv-1", "delivered", toLead.id));
    expect((await signalsOf({ dealId })).map((s) => [s.type, s.dedupeKey]).sort()).toEqual([["email_open", "sg:sg-open-1"], ["sms_reply", expect.any(String)]]);
    expect((await signalsOf({ buyerId })).map((s) => [s.type, s.dedupeKey])).toEqual([["email_click", "sg:sg-click-1"]]);
  });

  it("a buyer's deal-page views are one signal per link and day, and an offer is a buyer_offer", async () => {
    const link = await db.buyerDealLink.create({ data: { dealId, buyerId, tokenHash: "hash-observed", expiresAt: new Date(Date.now() + 86_400_000) } });
    const resolved = { id: link.id, dealId, buyerId, blastId: null, expiresAt: link.expiresAt };
    const morning = new Date("2026-12-06T09:00:00Z");
    await recordBuyerPageView(db, resolved, morning);
    await recordBuyerPageView(db, resolved, new Date("2026-12-06T15:00:00Z"));
    await recordBuyerPageView(db, resolved, new Date("2026-12-07T09:00:00Z"));
    expect((await db.signal.findMany({ where: { buyerId, type: "deal_page_view" } })).map((s) => s.dedupeKey).sort()).toEqual([`view:${link.id}:2026-12-06`, `view:${link.id}:2026-12-07`]);

    const { offerId } = await actOnBuyerPage(db, resolved, { intent: "offer", amount: 90000 } as never);
    const team = await recordOfferByTeam(db, { dealId, buyerId, amount: 91000 } as never, ctx);
    const offers = await db.signal.findMany({ where: { buyerId, type: "buyer_offer" }, orderBy: { dedupeKey: "asc" } });
    expect(offers.map((s) => [s.dedupeKey, s.source]).sort()).toEqual([[`offer:${offerId}`, "buyer_page"], [`offer:${team.offerId}`, "pipeline"]].sort());
    expect((await db.buyer.findFirst({ where: { id: buyerId } }))?.intentScore).toBeGreaterThanOrEqual(80);
  });

  it("a forward status move is a signal; a move back is not", async () => {
    const moved = await makeDeal("K-status");
    await changeDealStatus(db, ctx, { dealIds: [moved], to: "CONTACTED" });
    await changeDealStatus(db, ctx, { dealIds: [moved], to: "NEGOTIATING" });
    await changeDealStatus(db, ctx, { dealIds: [moved], to: "CONTACTED" });
    const signals = await signalsOf({ dealId: moved });
    expect(signals.map((s) => [s.type, s.payload])).toEqual([["status_change", { from: "NEW", to: "CONTACTED" }], ["status_change", { from: "CONTACTED", to: "NEGOTIATING" }]]);
    expect(signals[0].dedupeKey).toMatch(new RegExp(`^status:${moved}:CONTACTED:\\d+$`));
  });

  it("a lead posted on its own to the intake API is a form capture; a batch is not", async () => {
    const created = await createDealFromApi(db, { street: "12 Form Ln", city: "Boston", region: "MA", postalCode: "02118", contactName: "Flo Form" } as never, "req-form-1");
    expect(created.duplicate).toBe(false);
    expect(await signalsOf({ dealId: created.deal!.id })).toEqual([expect.objectContaining({ type: "form_capture", source: "intake", dedupeKey: `form:${created.deal!.id}` })]);
    const batch = await createDealsFromApi(db, [{ street: "14 Form Ln", city: "Boston", region: "MA", postalCode: "02118" } as never], "req-batch-1");
    expect(batch.created).toHaveLength(1);
    expect(await db.signal.count({ where: { dealId: batch.created[0].id } })).toBe(0);
  });
});

describe("the decay pass", () => {
  it("recomputes people with a score or a recent signal, and crosses the threshold for a signal that came due", async () => {
    const lead = await makeDeal("K-decay");
    const start = new Date("2026-12-01T00:00:00Z");
    // Stored while dated ahead, so its score was 0 when recorded.
    await recordSignals(db, [
      { subject: { kind: "lead", dealId: lead }, type: "buyer_offer", source: "demo", occurredAt: new Date("2026-12-01T06:00:00Z"), dedupeKey: "decay-a" },
      { subject: { kind: "lead", dealId: lead }, type: "crm_stage_change", source: "demo", occurredAt: new Date("2026-12-01T06:00:00Z"), dedupeKey: "decay-b" },
      { subject: { kind: "lead", dealId: lead }, type: "sms_reply", source: "demo", occurredAt: new Date("2026-12-01T06:00:00Z"), dedupeKey: "decay-c" },
    ], { now: start });
    expect((await db.deal.findFirst({ where: { id: lead } }))?.intentScore).toBe(0);

    const report = await runSignalDecay(db, { now: new Date("2026-12-01T06:00:00Z") });
    expect(report.people).toBeGreaterThanOrEqual(3);
    expect(report.crossed).toBe(1);
    expect((await db.deal.findFirst({ where: { id: lead } }))?.intentScore).toBe(95);
    expect(await db.eventOutbox.count({ where: { name: "intent/high", id: { contains: lead } } })).toBe(1);

    const week = await runSignalDecay(db, { now: new Date("2026-12-08T06:00:00Z") });
    expect(week.changed).toBeGreaterThanOrEqual(1);
    // Scores only fall over the week: no second event for the lead.
    expect(await db.eventOutbox.count({ where: { name: "intent/high", id: { contains: lead } } })).toBe(1);
    expect((await db.deal.findFirst({ where: { id: lead } }))?.intentScore).toBe(Math.round(40 / 2 + 25 / 2 + 30 * 0.5 ** (168 / 72)));
  });
});

describe("erasure", () => {
  it("deletes the person's signals, drafts and enrichment calls, and clears their score", async () => {
    const person = await makeDeal("K-erase", { contactPhone: "+16175550177", contactName: "Eve Erased" });
    const other = await makeDeal("K-keep", { contactPhone: "+16175550166" });
    for (const id of [person, other]) {
      await recordSignals(db, [{ subject: { kind: "lead", dealId: id }, type: "sms_reply", source: "demo", occurredAt: new Date(), dedupeKey: `erase-${id}` }]);
      await db.emailDraft.create({ data: { dealId: id, toAddress: "x@test", subject: "s", body: "b", proposedSubject: "s", proposedBody: "b", reasoning: {}, confidence: 0.5, intentScore: 30, drafter: "template", settingsVersion: 0 } });
      await db.enrichmentCall.create({ data: { dealId: id, provider: "local", month: "2026-12", status: "NOT_FOUND" } });
    }
    const request = await filePrivacyRequest(db, { kind: "ERASURE", phone: "617-555-0177" }, ctx);
    const done = await processPrivacyRequest(db, request.id, ctx);
    expect(done.proof).toMatchObject({ Signal: 1, EmailDraft: 1, EnrichmentCall: 1 });
    for (const table of ["signal", "emailDraft", "enrichmentCall"] as const) {
      expect(await (db[table] as { count(args: unknown): Promise<number> }).count({ where: { dealId: person } }), table).toBe(0);
      expect(await (db[table] as { count(args: unknown): Promise<number> }).count({ where: { dealId: other } }), table).toBe(1);
    }
    expect((await db.deal.findFirst({ where: { id: person } }))?.intentScore).toBe(0);
    expect((await db.deal.findFirst({ where: { id: other } }))?.intentScore).toBe(30);
  });
});
