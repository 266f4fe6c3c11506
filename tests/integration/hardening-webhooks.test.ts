import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { describeError } from "@/lib/http/errors";
import { ingestDealEmail } from "@/lib/intake/email-intake";
import { InboundEmailPayload, signInboundEmail, verifyInboundEmail } from "@/lib/intake/webhook";
import { handleSendgridEvents, handleTwilioInbound, handleTwilioStatus, isFreshWebhookTimestamp, type SendgridVerificationKey } from "@/lib/outbound/webhooks";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let alpha: TenantDb;
let beta: TenantDb;

const installation = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const betaOwn = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const spki = (key: KeyObject) => key.export({ format: "der", type: "spki" }).toString("base64");
const INSTALLATION_KEY: SendgridVerificationKey = { key: spki(installation.publicKey), scope: "installation" };
const BETA_KEY: SendgridVerificationKey = { key: spki(betaOwn.publicKey), scope: "workspace" };
const NOW = new Date("2026-12-06T12:00:00Z");
const nowSeconds = Math.floor(NOW.getTime() / 1000);

function signed(slug: string, events: unknown[], key: KeyObject, timestamp = String(nowSeconds)) {
  const rawBody = JSON.stringify(events);
  const signature = sign("sha256", Buffer.from(timestamp + rawBody), key).toString("base64");
  return {
    url: `https://app.example.test/api/webhooks/sendgrid/${slug}`,
    headers: new Headers({ "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp }),
    rawBody,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await database.prisma.tenant.create({ data: { slug: "alpha-hooks", name: "Alpha" } });
  const b = await database.prisma.tenant.create({ data: { slug: "beta-hooks", name: "Beta" } });
  alpha = scopeToTenant(database.prisma, a.id);
  beta = scopeToTenant(database.prisma, b.id);
});

afterAll(async () => {
  await database?.close();
});

describe("SendGrid events are bound to their workspace", () => {
  it("refuses at beta's URL a batch signed for alpha with the shared installation key", async () => {
    const batch = signed("beta-hooks", [{ sg_event_id: "x-1", event: "unsubscribe", email: "ann@example.com", dealflow_tenant: alpha.tenantId }], installation.privateKey);
    await expect(handleSendgridEvents(beta, batch, INSTALLATION_KEY, NOW)).rejects.toMatchObject({ code: "forbidden", message: /not sent for this workspace/ });
    expect(await beta.messageEvent.count()).toBe(0);
    expect(await beta.contactConsent.count()).toBe(0);
  });

  it("refuses under the installation key a batch that names no workspace", async () => {
    const batch = signed("beta-hooks", [{ sg_event_id: "x-2", event: "open" }], installation.privateKey);
    await expect(handleSendgridEvents(beta, batch, INSTALLATION_KEY, NOW)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("accepts alpha's own batch once; the replay inside the window changes nothing", async () => {
    const batch = signed("alpha-hooks", [{ sg_event_id: "a-1", event: "open", dealflow_tenant: alpha.tenantId }], installation.privateKey);
    expect(await handleSendgridEvents(alpha, batch, INSTALLATION_KEY, NOW)).toEqual({ received: 1, duplicates: 0, changed: 0, optedOut: 0 });
    expect(await handleSendgridEvents(alpha, batch, INSTALLATION_KEY, NOW)).toEqual({ received: 1, duplicates: 1, changed: 0, optedOut: 0 });
    expect(await alpha.messageEvent.count()).toBe(1);
  });

  it("verifies a workspace with its own key by that key alone: the installation's signature fails there", async () => {
    const own = signed("beta-hooks", [{ sg_event_id: "b-1", event: "open" }], betaOwn.privateKey);
    expect(await handleSendgridEvents(beta, own, BETA_KEY, NOW)).toMatchObject({ received: 1, duplicates: 0 });
    const shared = signed("beta-hooks", [{ sg_event_id: "b-2", event: "open", dealflow_tenant: beta.tenantId }], installation.privateKey);
    await expect(handleSendgridEvents(beta, shared, BETA_KEY, NOW)).rejects.toMatchObject({ code: "forbidden" });
    const foreign = signed("beta-hooks", [{ sg_event_id: "b-3", event: "open", dealflow_tenant: alpha.tenantId }], betaOwn.privateKey);
    await expect(handleSendgridEvents(beta, foreign, BETA_KEY, NOW)).rejects.toMatchObject({ code: "forbidden" });
  });

  it.each([
    ["a year old", nowSeconds - 365 * 24 * 3600],
    ["11 minutes old", nowSeconds - 11 * 60],
    ["6 minutes ahead", nowSeconds + 6 * 60],
  ])("refuses a correctly signed batch whose timestamp is %s", async (_label, seconds) => {
    const batch = signed("alpha-hooks", [{ sg_event_id: `old-${seconds}`, event: "open", dealflow_tenant: alpha.tenantId }], installation.privateKey, String(seconds));
    await expect(handleSendgridEvents(alpha, batch, INSTALLATION_KEY, NOW)).rejects.toMatchObject({ code: "forbidden", message: /10 minutes/ });
  });

  it("accepts timestamps exactly within the window, and nothing that is not a number", () => {
    expect(isFreshWebhookTimestamp(String(nowSeconds - 600), NOW)).toBe(true);
    expect(isFreshWebhookTimestamp(String(nowSeconds - 601), NOW)).toBe(false);
    expect(isFreshWebhookTimestamp(String(nowSeconds + 300), NOW)).toBe(true);
    expect(isFreshWebhookTimestamp(String(nowSeconds + 301), NOW)).toBe(false);
    for (const bad of [null, "", "12e9", "-1", " 1765022400", "1765022400.5"]) expect(isFreshWebhookTimestamp(bad, NOW)).toBe(false);
  });
});

describe("Twilio signs the full URL, the workspace's slug included", () => {
  it("refuses at beta's URL a message signed for alpha's", async () => {
    const token = "twilio-auth-token-0123456789abcdef";
    const params = { MessageSid: "SMx1", From: "+16175550123", To: "+15005550006", Body: "STOP" };
    const alphaUrl = "https://app.example.test/api/webhooks/twilio/alpha-hooks/inbound";
    const signature = twilio.getExpectedTwilioSignature(token, alphaUrl, params);
    const request = {
      url: "https://app.example.test/api/webhooks/twilio/beta-hooks/inbound",
      headers: new Headers({ "x-twilio-signature": signature }),
      rawBody: new URLSearchParams(params).toString(),
    };
    await expect(handleTwilioInbound(beta, request, token)).rejects.toMatchObject({ code: "forbidden" });
    expect(await beta.message.count()).toBe(0);
  });
});

describe("inbound-email HMAC with a timestamp", () => {
  const secret = "inbound-secret-0123456789";
  const body = JSON.stringify({ messageId: "<m1@example>", text: "12 Elm St" });
  const headers = (signature: string, timestamp?: string) =>
    new Headers({ "x-dealflow-signature": signature, ...(timestamp === undefined ? {} : { "x-dealflow-timestamp": timestamp }) });

  it("accepts a fresh timestamped signature and refuses a stale or altered one", () => {
    const fresh = String(nowSeconds - 60);
    expect(verifyInboundEmail(secret, body, headers(signInboundEmail(secret, body, fresh), fresh), NOW)).toBe(true);
    const stale = String(nowSeconds - 11 * 60);
    expect(verifyInboundEmail(secret, body, headers(signInboundEmail(secret, body, stale), stale), NOW)).toBe(false);
    // Moving the timestamp forward breaks the signature, which covers it.
    expect(verifyInboundEmail(secret, body, headers(signInboundEmail(secret, body, stale), fresh), NOW)).toBe(false);
  });

  it("keeps the body-only signature of senders that send no timestamp", () => {
    expect(verifyInboundEmail(secret, body, headers(signInboundEmail(secret, body)), NOW)).toBe(true);
  });
});

describe("signed payloads with text the database cannot store are kept, with those characters replaced", () => {
  const token = "twilio-auth-token-0123456789abcdef";
  const twilioRequest = (path: string, params: Record<string, string>) => {
    const url = `https://app.example.test/api/webhooks/twilio/alpha-hooks/${path}`;
    return { url, headers: new Headers({ "x-twilio-signature": twilio.getExpectedTwilioSignature(token, url, params) }), rawBody: new URLSearchParams(params).toString() };
  };

  it("stores a Twilio reply whose body carries a NUL", async () => {
    const request = twilioRequest("inbound", { MessageSid: "SMnul1", From: "+16175550199", To: "+15005550006", Body: "call me\u0000 back" });
    const result = await handleTwilioInbound(alpha, request, token);
    const message = await alpha.message.findFirstOrThrow({ where: { id: result.messageId! } });
    expect(message.body).toBe("call me\uFFFD back");
    const event = await alpha.messageEvent.findFirstOrThrow({ where: { eventKey: "inbound:SMnul1" } });
    expect(event.payload).toMatchObject({ Body: "call me\uFFFD back" });
  });

  it("stores a long reply cut through an emoji with the broken half replaced", async () => {
    const request = twilioRequest("inbound", { MessageSid: "SMcut1", From: "+16175550199", To: "+15005550006", Body: `${"a".repeat(4999)}😀 more` });
    const result = await handleTwilioInbound(alpha, request, token);
    const message = await alpha.message.findFirstOrThrow({ where: { id: result.messageId! } });
    expect(message.body).toBe(`${"a".repeat(4999)}\uFFFD`);
  });

  it("stores a Twilio status callback whose error text carries a NUL", async () => {
    const request = twilioRequest("status", { MessageSid: "SMnul2", MessageStatus: "failed", ErrorCode: "30003", ErrorMessage: "unreachable\u0000" });
    await expect(handleTwilioStatus(alpha, request, token)).resolves.toMatchObject({ duplicate: false });
    const event = await alpha.messageEvent.findFirstOrThrow({ where: { eventKey: "SMnul2:failed" } });
    expect(event.payload).toMatchObject({ ErrorMessage: "unreachable\uFFFD" });
  });

  it("stores SendGrid events with a NUL and an unpaired surrogate in values and keys, once", async () => {
    const events = [{ sg_event_id: "nul-1", event: "bounce", reason: "mailbox\u0000 full \ud800", "x\u0000tra": { note: "\udc00" }, dealflow_tenant: alpha.tenantId }];
    const batch = signed("alpha-hooks", events, installation.privateKey);
    expect(batch.rawBody).toContain("\\u0000");
    expect(await handleSendgridEvents(alpha, batch, INSTALLATION_KEY, NOW)).toMatchObject({ received: 1, duplicates: 0 });
    expect(await handleSendgridEvents(alpha, batch, INSTALLATION_KEY, NOW)).toMatchObject({ received: 1, duplicates: 1 });
    const stored = await alpha.messageEvent.findFirstOrThrow({ where: { eventKey: "nul-1" } });
    expect(stored.payload).toMatchObject({ reason: "mailbox\uFFFD full \uFFFD", "x\uFFFDtra": { note: "\uFFFD" } });
  });

  it("stores an inbound deal email whose text, subject and Message-ID carry NULs and unpaired surrogates, once", async () => {
    const payload = InboundEmailPayload.safeParse({
      messageId: "<nul\u0000@example>",
      subject: "Deal \ud800 inside",
      text: "Property: 12 Elm St\u0000, Austin, TX 78701\nAsking: $150,000 \udfff",
    });
    expect(payload.success).toBe(true);
    const first = await ingestDealEmail(alpha, payload.data!, "webhook");
    expect(first.duplicate).toBe(false);
    const row = await alpha.inboundEmail.findFirstOrThrow({ where: { messageId: "<nul\uFFFD@example>" } });
    expect(row.subject).toBe("Deal \uFFFD inside");
    expect(row.raw).toMatchObject({ text: "Property: 12 Elm St\uFFFD, Austin, TX 78701\nAsking: $150,000 \uFFFD" });
    expect((await ingestDealEmail(alpha, payload.data!, "webhook")).duplicate).toBe(true);
  });
});

describe("a database refusal of unstorable text is a 400, not a 500", () => {
  it("maps PostgreSQL's 22021 (text) and 22P05 (jsonb), and Prisma's unpaired-surrogate refusal", async () => {
    const failures = await Promise.all([
      alpha.tenant.findFirst({ where: { name: "a\u0000" } }).catch((error: unknown) => error),
      alpha.inboundEmail.create({ data: { messageId: "json-nul", source: "webhook", dealIds: [], parsed: {}, raw: { text: "a\u0000" } } }).catch((error: unknown) => error),
      alpha.tenant.findFirst({ where: { name: "a\ud800" } }).catch((error: unknown) => error),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(Error);
      const { status, body } = describeError(failure, "req-1");
      expect(status).toBe(400);
      expect(body.error).toMatch(/NUL character or an unpaired surrogate/);
    }
    expect(describeError(new Error("boom"), "req-2").status).toBe(500);
  });
});
