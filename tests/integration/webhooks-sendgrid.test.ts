import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { handleSendgridEvents } from "@/lib/outbound/webhooks";
import { upsertMarketPolicy } from "@/lib/policy";
import type { EmailProvider } from "@/lib/providers/messaging";
import { createOutboxSmsProvider } from "@/lib/providers/outbox";
import { isValidSendgridRequest } from "@/lib/providers/sendgrid";
import { createTestDatabase } from "../helpers/db";

const SLUG = "hooks-sendgrid";
let database: Database;
let db: TenantDb;

// SendGrid signs with an EC P-256 key; the public half is what its settings page shows (base64 DER).
const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const PUBLIC_KEY = publicKey.export({ format: "der", type: "spki" }).toString("base64");
const other = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const WORKSPACE_KEY = { key: PUBLIC_KEY, scope: "workspace" } as const;

/** A request signed as SendGrid signs it: ECDSA SHA-256 over timestamp + raw body, base64 DER signature. */
function signed(events: unknown[], key: KeyObject = privateKey, timestamp = String(Math.floor(Date.now() / 1000))) {
  const rawBody = `${JSON.stringify(events)}\r\n`;
  const signature = sign("sha256", Buffer.from(timestamp + rawBody), key).toString("base64");
  return {
    url: `https://app.example.test/api/webhooks/sendgrid/${SLUG}`,
    headers: new Headers({ "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp }),
    rawBody,
  };
}

let idCounter = 0;
const email: EmailProvider = {
  name: "sendgrid",
  async send() {
    idCounter += 1;
    return { providerMessageId: `sgid${idCounter}`, from: "deals@example.test" };
  },
};
const deps: OutboundDeps = { providers: { sms: createOutboxSmsProvider(), email }, baseUrl: "https://app.example.test", secret: "s3cret-s3cret-s3cret" };

async function sentEmail(address: string) {
  const deal = await db.deal.create({
    data: { source: "MANUAL", addressKey: `K-${address}`, raw: {}, region: "NY", market: "OPEN", timeZone: "America/New_York", score: 90, contactEmail: address } as never,
  });
  await db.contactConsent.create({ data: { channel: "EMAIL", address, status: "OPTED_IN", source: "form" } as never });
  const result = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Hello", body: "Offer inside" }, deps);
  expect(result.status).toBe("SENT");
  return { deal, message: await db.message.findUniqueOrThrow({ where: { id: result.messageId } }) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: SLUG, name: "Grid Homes", settings: { postalAddress: "1 King St W, Toronto, ON M5H 1A1" } } });
  db = scopeToTenant(database.prisma, tenant.id);
  await upsertMarketPolicy(
    db,
    { region: "NY", market: "OPEN", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["EMAIL"], minLeadScore: 0 }, reason: "Test market" },
    { actorId: null, actorEmail: null, requestId: undefined },
  );
});
afterAll(() => database.close());

describe("SendGrid signed event webhook", () => {
  it("verifies a genuine signature with SendGrid's algorithm, PEM or base64 DER key", () => {
    const request = signed([{ sg_event_id: "x", event: "open" }]);
    const signature = request.headers.get("x-twilio-email-event-webhook-signature");
    const timestamp = request.headers.get("x-twilio-email-event-webhook-timestamp");
    expect(isValidSendgridRequest(PUBLIC_KEY, request.rawBody, signature, timestamp)).toBe(true);
    expect(isValidSendgridRequest(publicKey.export({ format: "pem", type: "spki" }).toString(), request.rawBody, signature, timestamp)).toBe(true);
    expect(isValidSendgridRequest(PUBLIC_KEY, request.rawBody, signature, String(Number(timestamp) + 1))).toBe(false);
    expect(isValidSendgridRequest(PUBLIC_KEY, request.rawBody, "not-base64-der", timestamp)).toBe(false);
    expect(isValidSendgridRequest("garbage", request.rawBody, signature, timestamp)).toBe(false);
  });

  it("applies a valid batch: delivered moves the message, a bounce fails another, spamreport opts out", async () => {
    const a = await sentEmail("ann@example.com");
    const b = await sentEmail("bob@example.com");
    const events = [
      { sg_event_id: "ev-a-processed", event: "processed", email: "ann@example.com", sg_message_id: `${a.message.providerMessageId}.filter0001`, dealflow_message_id: a.message.id },
      { sg_event_id: "ev-a-delivered", event: "delivered", email: "ann@example.com", sg_message_id: `${a.message.providerMessageId}.filter0001`, dealflow_message_id: a.message.id },
      { sg_event_id: "ev-b-bounce", event: "bounce", email: "bob@example.com", reason: "550 No such user", sg_message_id: `${b.message.providerMessageId}.filter0002` },
      { sg_event_id: "ev-a-spam", event: "spamreport", email: "ann@example.com", dealflow_message_id: a.message.id },
    ];
    const result = await handleSendgridEvents(db, signed(events), WORKSPACE_KEY);
    expect(result).toEqual({ received: 4, duplicates: 0, changed: 2, optedOut: 1 });
    expect(await db.message.findUniqueOrThrow({ where: { id: a.message.id } })).toMatchObject({ status: "DELIVERED" });
    expect(await db.message.findUniqueOrThrow({ where: { id: b.message.id } })).toMatchObject({ status: "UNDELIVERED", error: "550 No such user" });
    expect(await db.contactConsent.findFirst({ where: { channel: "EMAIL", address: "ann@example.com" } })).toMatchObject({ status: "OPTED_OUT", source: "sendgrid:spamreport" });
    expect(await db.eventOutbox.count({ where: { name: "contact/opted-out" } })).toBe(1);

    // Replayed: the same signed batch again changes nothing.
    const before = await db.message.findMany({ orderBy: { id: "asc" } });
    const replay = await handleSendgridEvents(db, signed(events), WORKSPACE_KEY);
    expect(replay).toEqual({ received: 4, duplicates: 4, changed: 0, optedOut: 0 });
    expect(await db.message.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.messageEvent.count({ where: { provider: "sendgrid" } })).toBe(4);
    expect(await db.eventOutbox.count({ where: { name: "contact/opted-out" } })).toBe(1);
  });

  it("rejects tampered bodies, wrong keys and missing headers with 403, changing nothing", async () => {
    const c = await sentEmail("cy@example.com");
    const events = [{ sg_event_id: "ev-c-delivered", event: "delivered", dealflow_message_id: c.message.id }];
    const good = signed(events);
    const tampered = { ...good, rawBody: good.rawBody.replace("delivered", "dropped") };
    const wrongKey = signed(events, other.privateKey);
    const noHeaders = { ...good, headers: new Headers() };
    for (const request of [tampered, wrongKey, noHeaders]) {
      await expect(handleSendgridEvents(db, request, WORKSPACE_KEY)).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(handleSendgridEvents(db, good, null)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.message.findUniqueOrThrow({ where: { id: c.message.id } })).toMatchObject({ status: "SENT" });
    expect(await db.messageEvent.count({ where: { eventKey: "ev-c-delivered" } })).toBe(0);
  });

  it("refuses a signed body that is not a list of events with 422", async () => {
    await expect(handleSendgridEvents(db, signed([{ event: "delivered" }]), WORKSPACE_KEY)).rejects.toMatchObject({ code: "invalid" });
  });
});
