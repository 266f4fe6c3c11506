import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { handleTwilioInbound, handleTwilioStatus, publicRequestUrl } from "@/lib/outbound/webhooks";
import { upsertMarketPolicy } from "@/lib/policy";
import type { SmsProvider } from "@/lib/providers/messaging";
import { createOutboxEmailProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

const AUTH_TOKEN = "12345678901234567890123456789012";
const BASE = "https://dealflow.example.test";
const SLUG = "hooks-twilio";
let database: Database;
let db: TenantDb;
let sidCounter = 0;

// A stand-in for Twilio's API that hands out SIDs like Twilio does, so webhooks can refer to them.
const sent: { to: string; body: string; statusCallbackUrl?: string }[] = [];
const sms: SmsProvider = {
  name: "twilio",
  async send(message) {
    sent.push(message);
    sidCounter += 1;
    return { providerMessageId: `SM${String(sidCounter).padStart(32, "0")}`, from: "+15005550006" };
  },
};
const deps: OutboundDeps = { providers: { sms, email: createOutboxEmailProvider() }, baseUrl: BASE, secret: "s3cret-s3cret-s3cret" };

/** A request signed exactly as Twilio signs it: HMAC-SHA1 of the URL and the sorted params, base64. */
function signed(path: string, params: Record<string, string>, token = AUTH_TOKEN) {
  const url = `${BASE}${path}`;
  const signature = twilio.getExpectedTwilioSignature(token, url, params);
  return { url, headers: new Headers({ "x-twilio-signature": signature, "content-type": "application/x-www-form-urlencoded" }), rawBody: new URLSearchParams(params).toString() };
}

async function lead(phone: string, country: "US" | "CA" = "US") {
  return db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, region: "NY", market: "OPEN", timeZone: "America/New_York", country,
      score: 90, contactName: "Pat", contactPhone: phone,
    } as never,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: SLUG, name: "Hook Homes", timeZone: "America/New_York", country: "US" } });
  db = scopeToTenant(database.prisma, tenant.id);
  // Around the clock, so the test does not depend on the time it runs at.
  await upsertMarketPolicy(
    db,
    { region: "NY", market: "OPEN", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS", "EMAIL", "CALL"], minLeadScore: 0 }, reason: "Test market" },
    { actorId: null, actorEmail: null, requestId: undefined },
  );
});
afterAll(() => database.close());

describe("status callbacks", () => {
  it("validates, moves the lifecycle forward once, and ignores a replay and a step backwards", async () => {
    const deal = await lead("+12125550101");
    await db.contactConsent.create({ data: { channel: "SMS", address: "+12125550101", status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hello" }, deps);
    expect(result.status).toBe("SENT");
    const message = await db.message.findUniqueOrThrow({ where: { id: result.messageId } });
    const callback = sent.at(-1)!.statusCallbackUrl!;
    expect(callback).toBe(`${BASE}/api/webhooks/twilio/${SLUG}/status?messageId=${message.id}`);
    const path = callback.slice(BASE.length);

    const delivered = { MessageSid: message.providerMessageId!, MessageStatus: "delivered", AccountSid: "AC123", To: "+12125550101" };
    const first = await handleTwilioStatus(db, signed(path, delivered), AUTH_TOKEN);
    expect(first).toMatchObject({ duplicate: false, changed: true, status: "DELIVERED", messageId: message.id });
    const afterFirst = await db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(afterFirst.deliveredAt).toBeInstanceOf(Date);

    // Replayed: the same signed request again changes nothing.
    const replay = await handleTwilioStatus(db, signed(path, delivered), AUTH_TOKEN);
    expect(replay).toMatchObject({ duplicate: true, changed: false });
    expect(await db.messageEvent.count({ where: { messageId: message.id } })).toBe(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toEqual(afterFirst);

    // A late "sent" arrives after "delivered": recorded, but the message never moves backwards.
    const late = await handleTwilioStatus(db, signed(path, { ...delivered, MessageStatus: "sent" }), AUTH_TOKEN);
    expect(late).toMatchObject({ duplicate: false, changed: false, status: "DELIVERED" });
  });

  it("records failures with Twilio's error code", async () => {
    const deal = await lead("+12125550102");
    await db.contactConsent.create({ data: { channel: "SMS", address: "+12125550102", status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
    const { messageId } = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hello" }, deps);
    const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
    const params = { MessageSid: message.providerMessageId!, MessageStatus: "undelivered", ErrorCode: "30003" };
    await handleTwilioStatus(db, signed(`/api/webhooks/twilio/${SLUG}/status?messageId=${messageId}`, params), AUTH_TOKEN);
    expect(await db.message.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "UNDELIVERED", error: "Twilio error 30003" });
  });

  it("rejects a tampered body, a tampered URL, another token, a missing signature and an unknown workspace with 403", async () => {
    const path = `/api/webhooks/twilio/${SLUG}/status`;
    const params = { MessageSid: "SM0", MessageStatus: "delivered" };
    const good = signed(path, params);
    const tamperedBody = { ...good, rawBody: new URLSearchParams({ ...params, MessageStatus: "failed" }).toString() };
    const tamperedUrl = { ...good, url: `${good.url}?messageId=other` };
    const otherToken = signed(path, params, "another-token-another-token-0000");
    const unsigned = { ...good, headers: new Headers() };
    for (const request of [tamperedBody, tamperedUrl, otherToken, unsigned]) {
      await expect(handleTwilioStatus(db, request, AUTH_TOKEN)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(handleTwilioStatus(db, good, null)).rejects.toMatchObject({ code: "forbidden" });
    await expect(handleTwilioStatus(null, good, AUTH_TOKEN)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.messageEvent.count({ where: { eventKey: "SM0:delivered" } })).toBe(0);
  });

  it("signs against the public URL when the app sits behind a proxy", () => {
    expect(publicRequestUrl("http://10.0.0.5:3000/api/webhooks/twilio/x/status?messageId=1", BASE)).toBe(`${BASE}/api/webhooks/twilio/x/status?messageId=1`);
    expect(publicRequestUrl("http://localhost:3000/a", null)).toBe("http://localhost:3000/a");
  });
});

describe("inbound messages", () => {
  const inboundPath = `/api/webhooks/twilio/${SLUG}/inbound`;
  const inbound = (sid: string, from: string, body: string) => signed(inboundPath, { MessageSid: sid, From: from, To: "+15005550006", Body: body, AccountSid: "AC123" });

  it("lands a reply on the lead, emits messageReceived, and a replay changes nothing", async () => {
    const deal = await lead("+12125550103");
    const first = await handleTwilioInbound(db, inbound("SMin1", "(212) 555-0103", "Yes, call me"), AUTH_TOKEN, deps);
    expect(first).toMatchObject({ duplicate: false, dealId: deal.id, keyword: null, confirmation: null });
    const message = await db.message.findUniqueOrThrow({ where: { id: first.messageId! } });
    expect(message).toMatchObject({ direction: "INBOUND", status: "RECEIVED", fromAddress: "+12125550103", body: "Yes, call me", dealId: deal.id });
    const events = await db.eventOutbox.findMany({ where: { name: "message/received" } });
    expect(events.map((e) => e.data)).toContainEqual(expect.objectContaining({ dealId: deal.id, messageId: message.id, channel: "SMS" }));

    const replay = await handleTwilioInbound(db, inbound("SMin1", "(212) 555-0103", "Yes, call me"), AUTH_TOKEN, deps);
    expect(replay.duplicate).toBe(true);
    expect(await db.message.count({ where: { dealId: deal.id, direction: "INBOUND" } })).toBe(1);
    expect(await db.eventOutbox.count({ where: { name: "message/received" } })).toBe(events.length);
  });

  it("rejects a tampered inbound message", async () => {
    const request = inbound("SMin2", "+12125550103", "hello");
    await expect(handleTwilioInbound(db, { ...request, rawBody: request.rawBody.replace("hello", "STOP") }, AUTH_TOKEN, deps)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.message.count({ where: { providerMessageId: "SMin2" } })).toBe(0);
  });

  it("STOP opts out at once with one confirmation, later sends are blocked, START opts back in", async () => {
    const phone = "+12125550104";
    const deal = await lead(phone);
    await db.contactConsent.create({ data: { channel: "SMS", address: phone, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
    const before = sent.length;

    const stop = await handleTwilioInbound(db, inbound("SMstop1", phone, "  stop. "), AUTH_TOKEN, deps);
    expect(stop).toMatchObject({ keyword: { action: "opt_out", keyword: "STOP" }, consentChanged: true, confirmation: { status: "SENT" } });
    expect(await db.contactConsent.findFirst({ where: { channel: "SMS", address: phone } })).toMatchObject({ status: "OPTED_OUT", source: "keyword:STOP" });
    expect(sent.length).toBe(before + 1);
    expect(sent.at(-1)).toMatchObject({ to: phone });
    expect(sent.at(-1)!.body).toMatch(/unsubscribed/);
    const optedOut = await db.eventOutbox.findMany({ where: { name: "contact/opted-out" } });
    expect(optedOut.map((e) => e.data)).toContainEqual(expect.objectContaining({ dealId: deal.id, channel: "SMS", address: phone }));
    expect(await db.kpiEvent.count({ where: { name: "contact_opted_out", dealId: deal.id } })).toBe(1);

    // A second STOP (a new message, not a replay) sends no second confirmation.
    const again = await handleTwilioInbound(db, inbound("SMstop2", phone, "STOPALL"), AUTH_TOKEN, deps);
    expect(again).toMatchObject({ consentChanged: false, confirmation: null });
    expect(sent.length).toBe(before + 1);

    const blocked = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still there?" }, deps);
    expect(blocked).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });

    const start = await handleTwilioInbound(db, inbound("SMstart", phone, "Start"), AUTH_TOKEN, deps);
    expect(start).toMatchObject({ keyword: { action: "opt_in" }, consentChanged: true, confirmation: { status: "SENT" } });
    expect((await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Welcome back" }, deps)).status).toBe("SENT");
  });

  it("ARRET opts out a Canadian number but is an ordinary reply from a US one", async () => {
    const canadian = "+14165550199";
    await lead(canadian, "CA");
    const ca = await handleTwilioInbound(db, inbound("SMarret1", canadian, "Arrêt"), AUTH_TOKEN, deps);
    expect(ca).toMatchObject({ keyword: { keyword: "ARRET" }, consentChanged: true });
    expect(await db.contactConsent.findFirst({ where: { address: canadian } })).toMatchObject({ status: "OPTED_OUT", source: "keyword:ARRET" });

    const us = await handleTwilioInbound(db, inbound("SMarret2", "+12125550105", "ARRET"), AUTH_TOKEN, deps);
    expect(us).toMatchObject({ keyword: null, consentChanged: false, confirmation: null });
  });
});
