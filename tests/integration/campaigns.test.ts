import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { upsertMarketPolicy } from "@/lib/policy";
import type { EmailProvider, OutboundEmail } from "@/lib/providers/messaging";
import { createOutboxSmsProvider } from "@/lib/providers/outbox";
import { handleSendgridEvents } from "@/lib/outbound/webhooks";
import { signUnsubscribeToken } from "@/lib/outbound/unsubscribe";
import { createCampaign, pauseCampaign, startCampaign } from "@/lib/campaigns/service";
import { runCampaign } from "@/lib/campaigns/runner";
import { audienceSegmentName, getCampaign, getCampaignMetrics } from "@/lib/campaigns/queries";
import { oneClickUnsubscribe, trackClick, trackOpen } from "@/lib/campaigns/tracked-requests";
import { signTrackingToken } from "@/lib/campaigns/tracking";
import { saveSegment } from "@/lib/buyers/segments";
import { readStoredFile } from "@/lib/files";
import { createTestDatabase } from "../helpers/db";

const SECRET = "campaign-secret-campaign-secret";
const BASE = "https://app.example.test";
const dbFor = async () => db;
const ctx = { actorId: null, actorEmail: "ops@example.test", requestId: undefined };

let database: Database;
let filesDir: string;
let db: TenantDb;
let tenantId: string;
const sent: OutboundEmail[] = [];
let counter = 0;
const email: EmailProvider = {
  name: "sendgrid",
  async send(message) {
    sent.push(message);
    counter += 1;
    return { providerMessageId: `sg-${counter}`, from: "deals@example.test" };
  },
};
const deps = { providers: { sms: createOutboxSmsProvider(), email }, baseUrl: BASE, secret: SECRET };

async function lead(address: string, score: number | null, tag: string) {
  await db.contactConsent.create({ data: { channel: "EMAIL", address, status: "OPTED_IN", source: "form" } as never });
  return db.deal.create({
    data: { source: "MANUAL", addressKey: `K-${address}`, raw: {}, region: "NY", market: "OPEN", timeZone: "America/New_York", score, contactEmail: address, contactName: `Ann ${tag}`, street: "1 Main St", city: `Town${tag}` } as never,
  });
}

function campaignInput(tag: string, overrides: Record<string, unknown> = {}) {
  return {
    name: `Spring ${tag}`,
    audienceQuery: `q=Town${tag}`,
    variants: [
      { subject: "Hi {{first_name}}", body: "About {{address}} in {{city}}: see https://homes.example.com/offer?x=1&y=2 for details." },
      { subject: "Hello {{first_name}}", body: "Quick question about {{address}}: https://homes.example.com/offer?x=1&y=2" },
    ],
    ...overrides,
  };
}

beforeAll(async () => {
  // Mail campaigns render each postcard's proof into document storage; no Lob key, so the local provider.
  filesDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-campaign-mail-"));
  process.env.FILES_DIR = filesDir;
  delete process.env.LOB_API_KEY;
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "camp", name: "Camp Homes", settings: { postalAddress: "1 King St W, Toronto, ON M5H 1A1" } } });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenant.id);
  await upsertMarketPolicy(
    db,
    { region: "NY", market: "OPEN", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["EMAIL"], minLeadScore: 0 }, reason: "Test market" },
    ctx,
  );
});
afterAll(async () => {
  await database.close();
  await rm(filesDir, { recursive: true, force: true });
  delete process.env.FILES_DIR;
});

describe("campaign audience and sending", () => {
  it("sends to leads at the minimum score, records lower ones BLOCKED by the score gate, and finishes", async () => {
    await lead("hi@example.com", 80, "a");
    await lead("low@example.com", 40, "a");
    await lead("none@example.com", null, "a");
    const { id } = await createCampaign(db, campaignInput("a"), ctx);
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET });
    const pass = await runCampaign(db, id, { deps });
    expect(pass).toMatchObject({ added: 3, sent: 1, blocked: 0, finished: true });
    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: id }, orderBy: { address: "asc" } });
    expect(recipients.map((r) => [r.address, r.state, r.gate])).toEqual([
      ["hi@example.com", "SENT", null],
      ["low@example.com", "BLOCKED", "score"],
      ["none@example.com", "BLOCKED", "score"],
    ]);
    const message = sent.at(-1)!;
    // The email carries its footer, its tracked links and pixel, and the one-click headers.
    expect(message.text).toContain("1 King St W, Toronto");
    expect(message.html).toContain(`${BASE}/api/t/o/`);
    expect(message.html).toContain(`${BASE}/api/t/c/`);
    expect(message.html).not.toContain('href="https://homes.example.com');
    expect(message.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FINISHED", total: 3 });
    const stored = await db.message.findUniqueOrThrow({ where: { id: recipients[0].messageId! } });
    expect(stored.variantKey).toBe(`campaign:${recipients[0].variantId}`);
  });

  it("never emails an address twice within 30 days across campaigns", async () => {
    const { id } = await createCampaign(db, campaignInput("a2", { audienceQuery: "q=Towna" }), ctx);
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET });
    const before = sent.length;
    await runCampaign(db, id, { deps });
    expect(sent.length).toBe(before);
    const hi = await db.campaignRecipient.findFirstOrThrow({ where: { campaignId: id, address: "hi@example.com" } });
    expect(hi).toMatchObject({ state: "BLOCKED", gate: "dedupe" });
  });

  it("sends at most the daily limit per day, and pause then resume never sends anyone twice", async () => {
    for (let i = 0; i < 5; i++) await lead(`d${i}@example.com`, 90, "d");
    const { id } = await createCampaign(db, campaignInput("d", { dailyLimit: 2 }), ctx);
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET });
    const day1 = new Date("2030-01-02T15:00:00Z");
    expect((await runCampaign(db, id, { deps, now: () => day1 })).sent).toBe(2);
    // Same day again: the limit is spent.
    expect((await runCampaign(db, id, { deps, now: () => day1 })).sent).toBe(0);
    await pauseCampaign(db, id, ctx);
    const day2 = new Date("2030-01-03T15:00:00Z");
    expect((await runCampaign(db, id, { deps, now: () => day2 })).sent).toBe(0);
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET, now: day2 });
    // Two concurrent runs of the resumed campaign share the day's limit and claim different rows.
    const [a, b] = await Promise.all([runCampaign(db, id, { deps, now: () => day2 }), runCampaign(db, id, { deps, now: () => day2 })]);
    expect(a.sent + b.sent).toBe(2);
    const day3 = new Date("2030-01-04T15:00:00Z");
    expect(await runCampaign(db, id, { deps, now: () => day3 })).toMatchObject({ sent: 1, finished: true });
    const to = sent.filter((m) => m.to.startsWith("d")).map((m) => m.to);
    expect(to.sort()).toEqual(["d0@example.com", "d1@example.com", "d2@example.com", "d3@example.com", "d4@example.com"]);
  });

  it("cannot start without the postal address its unsubscribe footer needs, or without a public URL", async () => {
    const { id } = await createCampaign(db, campaignInput("x"), ctx);
    await expect(startCampaign(db, id, ctx, { baseUrl: null, secret: SECRET })).rejects.toMatchObject({ code: "invalid", field: "unsubscribe" });
    await db.tenant.update({ where: { id: tenantId }, data: { settings: {} } });
    try {
      await expect(startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET })).rejects.toMatchObject({ code: "invalid", field: "postalAddress" });
      expect(await db.campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT" });
    } finally {
      await db.tenant.update({ where: { id: tenantId }, data: { settings: { postalAddress: "1 King St W, Toronto, ON M5H 1A1" } } });
    }
  });

  it("refuses a body with only half of its own footer, naming the variant's field", async () => {
    await expect(createCampaign(db, campaignInput("h", { variants: [{ subject: "Hi", body: "Bye {{unsubscribe_link}}" }] }), ctx)).rejects.toMatchObject({ code: "invalid", field: "variants.0.body" });
  });
});

describe("mail campaigns", () => {
  let mailDb: TenantDb;

  async function mailLead(tag: string, place: { street: string | null; city: string; postalCode: string }, score = 80) {
    return mailDb.deal.create({
      data: { source: "MANUAL", addressKey: `M-${tag}`, raw: {}, region: "GA", country: "US", market: "Atlanta", score, contactName: `Maria ${tag}`, ...place } as never,
    });
  }

  beforeAll(async () => {
    const tenant = await database.prisma.tenant.create({
      data: { slug: "camp-mail", name: "Peach State Homes", timeZone: "America/New_York", country: "US", settings: { postalAddress: "55 Marietta St, Atlanta, GA 30303", mailMonthlyBudgetCents: 50_000 } },
    });
    mailDb = scopeToTenant(database.prisma, tenant.id);
  });

  it("sends a postcard to each lead with a mailing address, records its piece, and records an unverifiable address BLOCKED with the gate", async () => {
    const good = await mailLead("good", { street: "100 Peachtree St NW", city: "Atlanta", postalCode: "30303" });
    const wrongCity = await mailLead("macon", { street: "12 Cherry St", city: "Macon", postalCode: "30301" });
    await mailLead("low", { street: "8 Spring St", city: "Atlanta", postalCode: "30303" }, 30);
    await mailLead("nostreet", { street: null, city: "Atlanta", postalCode: "30303" });
    const { id } = await createCampaign(mailDb, { name: "Postcards", channel: "MAIL", audienceQuery: "sort=score", variants: [{ body: "Hi {{first_name}}, we buy homes in {{city}}. Would you sell {{address}}?" }] }, ctx);
    await startCampaign(mailDb, id, ctx, { baseUrl: null, secret: null });
    const pass = await runCampaign(mailDb, id, { deps });
    // The lead without a street is no recipient: a postcard needs a mailing address.
    expect(pass).toMatchObject({ added: 3, sent: 1, blocked: 1, failed: 0, finished: true });

    const recipients = await mailDb.campaignRecipient.findMany({ where: { campaignId: id }, orderBy: { address: "asc" } });
    expect(recipients.map((r) => [r.address, r.state, r.gate])).toEqual([
      ["100 peachtree st nw, atlanta 30303", "SENT", null],
      ["12 cherry st, macon 30301", "BLOCKED", "address"],
      ["8 spring st, atlanta 30303", "BLOCKED", "score"],
    ]);
    const sentTo = recipients[0];
    expect(sentTo.dealId).toBe(good.id);
    const piece = await mailDb.mailPiece.findUniqueOrThrow({ where: { id: sentTo.mailPieceId! } });
    expect(piece).toMatchObject({ dealId: good.id, campaignId: id, kind: "POSTCARD", status: "RENDERED", provider: "local", variantKey: `campaign:${sentTo.variantId}` });
    expect(piece.body).toBe("Hi Maria, we buy homes in Atlanta. Would you sell 100 Peachtree St NW?");
    const proof = await readStoredFile(mailDb, piece.proofFileId!);
    expect(Buffer.from(proof!.bytes.slice(0, 5)).toString()).toBe("%PDF-");

    // The refused piece is recorded too (the deal's timeline tells it), with nothing spent.
    const blocked = recipients[1];
    expect(blocked.reason).toContain("ZIP 30301 is in Atlanta, GA, not Macon, GA");
    expect(await mailDb.mailPiece.findUniqueOrThrow({ where: { id: blocked.mailPieceId! } })).toMatchObject({ dealId: wrongCity.id, status: "BLOCKED", gate: "address", costCents: 0 });
    const metrics = await getCampaignMetrics(mailDb, id);
    expect(metrics).toMatchObject({ funnel: { sent: 1 }, blockedByGate: { address: 1, score: 1 } });
  });

  it("refuses a buyer segment as a mail audience, naming the field", async () => {
    const segment = await saveSegment(mailDb, "Atlanta buyers", "market=GA:Atlanta");
    await expect(createCampaign(mailDb, { name: "Buyer mail", channel: "MAIL", audience: "BUYER_SEGMENT", buyerSegmentId: segment.id, variants: [{ body: "Hello" }] }, ctx)).rejects.toMatchObject({ code: "invalid", field: "audience" });
  });
});

describe("buyer-segment campaigns", () => {
  it("takes in the segment's buyers with an email, and no one outside it", async () => {
    await db.buyer.createMany({
      data: [
        { name: "Bea Flipper", emails: ["Bea@Flips.example"], phones: [], markets: ["NY:OPEN"], postalCodes: [], timeZone: "America/New_York" },
        { name: "Phone Only", emails: [], phones: ["+17185550101"], markets: ["NY:OPEN"], postalCodes: [], timeZone: "America/New_York" },
        { name: "Elsewhere", emails: ["far@away.example"], phones: [], markets: ["TX:Houston"], postalCodes: [], timeZone: "America/Chicago" },
      ] as never,
    });
    await db.contactConsent.create({ data: { channel: "EMAIL", address: "bea@flips.example", status: "OPTED_IN", source: "form" } as never });
    const segment = await saveSegment(db, "Open-market buyers", "market=NY:OPEN");
    const { id } = await createCampaign(db, { name: "Buyers", audience: "BUYER_SEGMENT", buyerSegmentId: segment.id, minScore: 90, variants: [{ subject: "New deals, {{first_name}}", body: "Hi {{first_name}}, new deals this week." }] }, ctx);
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET });
    const pass = await runCampaign(db, id, { deps });
    // Buyers have no score: the campaign's minimum qualifies sellers' leads only.
    expect(pass).toMatchObject({ added: 1, sent: 1, blocked: 0, finished: true });
    const recipients = await db.campaignRecipient.findMany({ where: { campaignId: id } });
    const bea = await db.buyer.findFirstOrThrow({ where: { name: "Bea Flipper" } });
    expect(recipients.map((r) => [r.address, r.buyerId, r.dealId, r.state])).toEqual([["bea@flips.example", bea.id, null, "SENT"]]);
    expect(sent.at(-1)).toMatchObject({ to: "bea@flips.example", subject: "New deals, Bea" });
    // The campaign page names its segment.
    expect(await audienceSegmentName(db, await getCampaign(db, id))).toBe("Open-market buyers");
  });
});

describe("tracking and unsubscribe", () => {
  async function sentRecipient(tag: string) {
    await lead(`${tag}@example.com`, 90, tag);
    const { id } = await createCampaign(db, campaignInput(tag), ctx);
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET });
    await runCampaign(db, id, { deps });
    return db.campaignRecipient.findFirstOrThrow({ where: { campaignId: id } });
  }

  it("records a signed open and click, and a bad signature records nothing", async () => {
    const recipient = await sentRecipient("t");
    const claim = { tenantId, recipientId: recipient.id };
    const url = "https://homes.example.com/offer?x=1&y=2";
    expect(await trackOpen(`${signTrackingToken("open", claim, SECRET)}x`, { secret: SECRET, dbFor })).toBe(false);
    expect(await trackClick(signTrackingToken("click", claim, SECRET, url), "https://evil.example.net/", { secret: SECRET, dbFor })).toBeNull();
    expect(await trackOpen(signTrackingToken("open", { tenantId, recipientId: "other" }, "wrong-secret"), { secret: SECRET, dbFor })).toBe(false);
    expect(await db.campaignRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ state: "SENT", opens: 0, clicks: 0 });

    // The link exactly as the email carries it.
    const html = sent.at(-1)!.html!;
    const href = /href="([^"]*\/api\/t\/c\/[^"]*)"/.exec(html)![1].replaceAll("&amp;", "&");
    const clickToken = new URL(href).pathname.split("/").at(-1)!;
    expect(await trackClick(clickToken, new URL(href).searchParams.get("u"), { secret: SECRET, dbFor })).toBe(url);
    expect(await trackOpen(signTrackingToken("open", claim, SECRET), { secret: SECRET, dbFor })).toBe(true);
    const after = await db.campaignRecipient.findUniqueOrThrow({ where: { id: recipient.id } });
    expect(after).toMatchObject({ state: "CLICKED", opens: 1, clicks: 1 });
    expect(after.openedAt).not.toBeNull();
    const metrics = await getCampaignMetrics(db, recipient.campaignId);
    expect(metrics.funnel).toMatchObject({ sent: 1, delivered: 1, opened: 1, clicked: 1 });
    expect(metrics.rates).toMatchObject({ open: 1, click: 1 });
  });

  it("one-click unsubscribe opts the address out, marks the recipient, and is idempotent", async () => {
    const recipient = await sentRecipient("u");
    const token = signUnsubscribeToken({ tenantId, address: "u@example.com" }, SECRET);
    expect(await oneClickUnsubscribe(`${token}x`, { secret: SECRET, dbFor })).toBeNull();
    expect(await oneClickUnsubscribe(token, { secret: SECRET, dbFor })).toEqual({ changed: true });
    expect(await oneClickUnsubscribe(token, { secret: SECRET, dbFor })).toEqual({ changed: false });
    expect(await db.contactConsent.findFirst({ where: { channel: "EMAIL", address: "u@example.com" } })).toMatchObject({ status: "OPTED_OUT", source: "unsubscribe_link" });
    expect(await db.campaignRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ state: "UNSUBSCRIBED" });
  });

  it("maps SendGrid events to recipient states, and a replayed batch changes nothing", async () => {
    const recipient = await sentRecipient("s");
    const message = await db.message.findUniqueOrThrow({ where: { id: recipient.messageId! } });
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const key = { key: publicKey.export({ format: "der", type: "spki" }).toString("base64"), scope: "workspace" } as const;
    const events = [
      { sg_event_id: "s-open", event: "open", dealflow_message_id: message.id },
      { sg_event_id: "s-delivered", event: "delivered", dealflow_message_id: message.id },
      { sg_event_id: "s-click", event: "click", url: "https://homes.example.com/", dealflow_message_id: message.id },
    ];
    const signed = () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const rawBody = JSON.stringify(events);
      const signature = sign("sha256", Buffer.from(timestamp + rawBody), privateKey).toString("base64");
      return { url: `${BASE}/api/webhooks/sendgrid/camp`, rawBody, headers: new Headers({ "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp }) };
    };
    await handleSendgridEvents(db, signed(), key);
    const once = await db.campaignRecipient.findUniqueOrThrow({ where: { id: recipient.id } });
    // The late "delivered" after the open does not move it back.
    expect(once).toMatchObject({ state: "CLICKED", opens: 1, clicks: 1 });
    const replay = await handleSendgridEvents(db, signed(), key);
    expect(replay.duplicates).toBe(3);
    expect(await db.campaignRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toEqual(once);
  });
});

describe("demo campaign", () => {
  it("seeds one finished campaign whose metrics show opens, a click and a bounce", async () => {
    const { seedDemoCampaigns } = await import("@/lib/campaigns/demo");
    await seedDemoCampaigns(db, { now: new Date(), ownerId: null });
    await seedDemoCampaigns(db, { now: new Date(), ownerId: null });
    const campaigns = await db.campaign.findMany({ where: { name: "Spring check-in" } });
    expect(campaigns).toHaveLength(1);
    const metrics = await getCampaignMetrics(db, campaigns[0].id);
    expect(metrics).toMatchObject({ status: "FINISHED", recipients: 6, funnel: { sent: 6, opened: 3, clicked: 1, bounced: 1 } });
    expect(metrics.variants.map((v) => v.label)).toEqual(["A", "B"]);
  });
});
