import { generateKeyPairSync, sign } from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as inboundEmail } from "@/app/api/webhooks/inbound-email/[tenantSlug]/route";
import { POST as sendgridEvents } from "@/app/api/webhooks/sendgrid/[tenantSlug]/route";
import { POST as twilioInbound } from "@/app/api/webhooks/twilio/[tenantSlug]/inbound/route";
import { POST as twilioStatus } from "@/app/api/webhooks/twilio/[tenantSlug]/status/route";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { signInboundEmail } from "@/lib/intake/webhook";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const TOKEN = "route-test-auth-token-0123456789";
const PUBLIC = "https://deals.example.test";
const SLUG = "routes";
const INBOUND_SECRET = "route-inbound-secret-0123456789";
const keys = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
let database: Database;
let db: TenantDb;

/** The route sees the internal URL; Twilio signed the public one (NEXTAUTH_URL). */
function twilioCall(path: string, params: Record<string, string>, signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${path}`, params)) {
  return {
    method: "POST",
    body: new URLSearchParams(params).toString(),
    params: { tenantSlug: path.split("/")[4] },
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
  };
}

beforeAll(async () => {
  vi.stubEnv("TWILIO_AUTH_TOKEN", TOKEN);
  vi.stubEnv("TWILIO_ACCOUNT_SID", "");
  vi.stubEnv("NEXTAUTH_URL", PUBLIC);
  vi.stubEnv("SENDGRID_WEBHOOK_PUBLIC_KEY", keys.publicKey.export({ format: "der", type: "spki" }).toString("base64"));
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: SLUG, name: "Route Homes", settings: { inboundEmailSecret: INBOUND_SECRET } } });
  db = scopeToTenant(database.prisma, tenant.id);
  await db.deal.create({ data: { source: "MANUAL", addressKey: "K-r", raw: {}, contactPhone: "+16175550123" } as never });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("Twilio webhook routes", () => {
  const inboundPath = `/api/webhooks/twilio/${SLUG}/inbound`;
  const params = { MessageSid: "SMroute1", From: "+16175550123", To: "+15005550006", Body: "Interested!" };

  it("answers a signed inbound message with empty TwiML and stores it", async () => {
    const response = await callRoute(twilioInbound, inboundPath, twilioCall(inboundPath, params));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/xml");
    expect(await response.text()).toContain("<Response></Response>");
    expect(await db.message.findFirst({ where: { providerMessageId: "SMroute1" } })).toMatchObject({ status: "RECEIVED", body: "Interested!" });
    // Twilio retries: the same delivery again is accepted and changes nothing.
    expect((await callRoute(twilioInbound, inboundPath, twilioCall(inboundPath, params))).status).toBe(200);
    expect(await db.message.count({ where: { providerMessageId: "SMroute1" } })).toBe(1);
  });

  it("refuses a bad signature and an unknown workspace with 403", async () => {
    const forged = twilioCall(inboundPath, { ...params, MessageSid: "SMroute2" }, "bm90IGEgc2lnbmF0dXJl");
    const response = await callRoute(twilioInbound, inboundPath, forged);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "Invalid webhook signature" });
    const elsewhere = `/api/webhooks/twilio/nobody/inbound`;
    expect((await callRoute(twilioInbound, elsewhere, twilioCall(elsewhere, params))).status).toBe(403);
    expect(await db.message.count({ where: { providerMessageId: "SMroute2" } })).toBe(0);
  });

  it("accepts a signed status callback for an unknown message without changing anything", async () => {
    const path = `/api/webhooks/twilio/${SLUG}/status`;
    const response = await callRoute(twilioStatus, path, twilioCall(path, { MessageSid: "SMunknown", MessageStatus: "delivered" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ duplicate: false, messageId: null, changed: false });
  });
});

describe("SendGrid webhook route", () => {
  it("verifies the signature: 200 when signed, 403 when not", async () => {
    const body = JSON.stringify([{ sg_event_id: "route-ev-1", event: "open", email: "x@example.com", dealflow_tenant: db.tenantId }]);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign("sha256", Buffer.from(timestamp + body), keys.privateKey).toString("base64");
    const path = `/api/webhooks/sendgrid/${SLUG}`;
    const headers = { "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp };
    const ok = await callRoute(sendgridEvents, path, { method: "POST", body, params: { tenantSlug: SLUG }, headers });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: 1, duplicates: 0, changed: 0, optedOut: 0 });
    const bad = await callRoute(sendgridEvents, path, { method: "POST", body: body.replace("open", "spamreport"), params: { tenantSlug: SLUG }, headers });
    expect(bad.status).toBe(403);
    const elsewhere = await callRoute(sendgridEvents, "/api/webhooks/sendgrid/nobody", { method: "POST", body, params: { tenantSlug: "nobody" }, headers });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toMatchObject({ error: "Invalid webhook signature" });
  });
});

describe("Inbound email webhook route", () => {
  const email = { messageId: "<route-1@mail.example>", from: "seller@example.com", subject: "12 Elm St", text: "12 Elm St, Memphis, TN 38103. Asking 90k." };
  const body = JSON.stringify(email);
  const call = (slug: string, signature: string) =>
    callRoute(inboundEmail, `/api/webhooks/inbound-email/${slug}`, { method: "POST", body, params: { tenantSlug: slug }, headers: { "x-dealflow-signature": signature } });

  it("resolves the workspace from the slug and accepts a signed delivery", async () => {
    const response = await call(SLUG, signInboundEmail(INBOUND_SECRET, body));
    expect(response.status).toBe(201);
    expect(await db.inboundEmail.count({ where: { messageId: email.messageId } })).toBe(1);
  });

  it("answers an unknown workspace exactly as a bad signature: 401", async () => {
    const forged = await call(SLUG, signInboundEmail("not-the-secret-at-all", body));
    const unknown = await call("nobody", signInboundEmail(INBOUND_SECRET, body));
    expect(forged.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [forgedBody, unknownBody] = [await forged.json(), await unknown.json()];
    expect(unknownBody.error).toBe("Invalid webhook signature");
    expect(unknownBody.error).toBe(forgedBody.error);
  });
});
