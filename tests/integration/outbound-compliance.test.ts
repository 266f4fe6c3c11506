import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import {
  addDoNotContact,
  changeConsent,
  listMessages,
  removeDoNotContact,
  sendMessage,
  simulateDeliveryReceipt,
  simulateReply,
  unsubscribeEmail,
  type OutboundDeps,
} from "@/lib/outbound";
import { seedDemoConsent } from "@/lib/outbound/demo-consent";
import { getComplianceSettings, updateComplianceSettings } from "@/lib/outbound/settings";
import { upsertMarketPolicy } from "@/lib/policy";
import { getDealDetail } from "@/lib/prospects/detail";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { openAuditEvents } from "@/lib/audit/sealing";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const ctx = { actorId: "user-admin", actorEmail: "admin@compliance.test", requestId: "req-c" };
const deps: OutboundDeps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: "https://app.example.test", secret: "s3cret-s3cret-s3cret" };
const PHONE = "+13125550142";

/** As the audit log shows them: a contact's sealed fields opened with their key. */
async function audit(action: string) {
  return openAuditEvents(db, await db.auditEvent.findMany({ where: { action } }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "compliance", name: "Lake Homes", timeZone: "America/Chicago", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  await upsertMarketPolicy(
    db,
    { region: "IL", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS", "EMAIL"], minLeadScore: 0 }, reason: "Test region open" },
    ctx,
  );
  await db.deal.create({
    data: { source: "MANUAL", addressKey: "K-1", raw: {}, region: "IL", market: "CHICAGO", timeZone: "America/Chicago", score: 70, contactName: "Ana", contactPhone: PHONE, contactEmail: "ana@example.com" } as never,
  });
});
afterAll(() => database.close());

describe("consent and do-not-contact, audited", () => {
  it("records a manual opt-in with its reason, and refuses a malformed address with the field", async () => {
    const result = await changeConsent(db, { channel: "SMS", address: "(312) 555-0142", status: "OPTED_IN", reason: "Signed the seller form" }, ctx);
    expect(result).toMatchObject({ address: PHONE, status: "OPTED_IN", changed: true });
    expect(await db.contactConsent.findFirst({ where: { address: PHONE } })).toMatchObject({ source: "manual", note: "Signed the seller form" });
    expect(await audit("consent.changed")).toHaveLength(1);
    await expect(changeConsent(db, { channel: "SMS", address: "not a phone", status: "OPTED_IN", reason: "x".repeat(5) }, ctx)).rejects.toMatchObject({ field: "address" });
    await expect(changeConsent(db, { channel: "SMS", address: PHONE, status: "OPTED_IN", reason: "" }, ctx)).rejects.toThrow();
  });

  it("adds and removes do-not-contact entries with reasons; a send in between is blocked", async () => {
    const deal = await db.deal.findFirstOrThrow();
    const row = await addDoNotContact(db, { value: "312.555.0142", reason: "Lawyer's letter" }, ctx);
    expect(row.value).toBe(PHONE);
    await expect(addDoNotContact(db, { value: PHONE, reason: "Again" }, ctx)).rejects.toMatchObject({ code: "conflict" });
    expect(await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi" }, deps)).toMatchObject({ status: "BLOCKED", reason: "do_not_contact" });
    await removeDoNotContact(db, { id: row.id, reason: "Letter withdrawn" }, ctx);
    expect(await audit("do_not_contact.added")).toHaveLength(1);
    expect((await audit("do_not_contact.removed"))[0].after).toMatchObject({ reason: "Letter withdrawn" });
    expect(await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi again" }, deps)).toMatchObject({ status: "SENT" });
  });

  it("an unsubscribe link opts the email out once, and the next email is blocked", async () => {
    const deal = await db.deal.findFirstOrThrow();
    await changeConsent(db, { channel: "EMAIL", address: "ana@example.com", status: "OPTED_IN", reason: "Web form" }, ctx);
    await updateComplianceSettings(db, { postalAddress: "1 Lake Shore Dr, Chicago, IL 60601", outboundDailyCapSms: 50, outboundDailyCapEmail: 50 }, ctx);
    expect(await getComplianceSettings(db)).toEqual({ postalAddress: "1 Lake Shore Dr, Chicago, IL 60601", outboundDailyCapSms: 50, outboundDailyCapEmail: 50 });
    expect(await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Offer", body: "Hello" }, deps)).toMatchObject({ status: "SENT" });
    expect(await unsubscribeEmail(db, "Ana@Example.com")).toEqual({ address: "ana@example.com", changed: true });
    expect(await unsubscribeEmail(db, "ana@example.com")).toEqual({ address: "ana@example.com", changed: false });
    expect(await audit("consent.unsubscribed")).toHaveLength(1);
    expect(await db.eventOutbox.count({ where: { name: "contact/opted-out" } })).toBe(1);
    expect(await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Offer", body: "Hello" }, deps)).toMatchObject({ status: "BLOCKED", reason: "opted_out" });
  });
});

describe("outbox simulations and the timeline", () => {
  it("simulates a receipt and a reply through the webhook code paths; both show on the deal", async () => {
    const deal = await db.deal.findFirstOrThrow();
    const sent = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still selling?" }, deps);
    expect(await simulateDeliveryReceipt(db, { messageId: sent.messageId, outcome: "delivered" })).toMatchObject({ changed: true, status: "DELIVERED" });
    expect(await simulateDeliveryReceipt(db, { messageId: sent.messageId, outcome: "delivered" })).toMatchObject({ duplicate: true });
    expect(await simulateDeliveryReceipt(db, { messageId: sent.messageId, outcome: "failed" })).toMatchObject({ changed: false, status: "DELIVERED" });

    const reply = await simulateReply(db, { messageId: sent.messageId, body: "Yes, what's your offer?" }, deps);
    expect(reply).toMatchObject({ dealId: deal.id, keyword: null });
    const detail = await getDealDetail(db, deal.id);
    const messages = detail!.timeline.filter((e) => e.kind === "message");
    expect(messages.map((m) => [m.message?.direction, m.message?.body])).toEqual(
      expect.arrayContaining([
        ["OUTBOUND", "Still selling?"],
        ["INBOUND", "Yes, what's your offer?"],
      ]),
    );
    expect(detail!.timeline.some((e) => e.kind === "kpi" && e.title === "message sent")).toBe(false);

    const stop = await simulateReply(db, { messageId: sent.messageId, body: "Stop" }, deps);
    expect(stop).toMatchObject({ consentChanged: true, confirmation: { status: "SENT" } });
    expect(await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Last chance" }, deps)).toMatchObject({ status: "BLOCKED", reason: "opted_out" });

    const list = await listMessages(db, { status: "BLOCKED" });
    expect(list[0]).toMatchObject({ body: "Last chance", blockedReason: "opted_out", deal: { id: deal.id } });
    expect((await listMessages(db, { channel: "EMAIL" })).every((m) => m.channel === "EMAIL")).toBe(true);
  });

  it("refuses to simulate anything but an outbox message", async () => {
    const received = await db.message.findFirstOrThrow({ where: { direction: "INBOUND" } });
    await expect(simulateDeliveryReceipt(db, { messageId: received.id, outcome: "delivered" })).rejects.toMatchObject({ code: "conflict" });
    await expect(simulateReply(db, { messageId: "nope", body: "x" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("demo consent", () => {
  it("opts in nine leads in ten and sets the postal address", async () => {
    const other = await database.prisma.tenant.create({ data: { slug: "demo-consent", name: "Demo" } });
    const demo = scopeToTenant(database.prisma, other.id);
    for (let i = 0; i < 20; i++) {
      await demo.deal.create({ data: { source: "CSV", addressKey: `K-${String(i).padStart(2, "0")}`, raw: {}, contactPhone: `+1416555${String(1000 + i)}` } as never });
    }
    expect(await seedDemoConsent(demo, "10 Demo Road, Toronto, ON M5V 1A1")).toEqual({ consents: 18 });
    expect((await getComplianceSettings(demo)).postalAddress).toBe("10 Demo Road, Toronto, ON M5V 1A1");
  });
});
