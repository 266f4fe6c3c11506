import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createCampaign, startCampaign } from "@/lib/campaigns/service";
import { runCampaign } from "@/lib/campaigns/runner";
import { trackClick, trackOpen } from "@/lib/campaigns/tracked-requests";
import { emailFrameDocument, getEmailView, messagesWithHtml } from "@/lib/outbound/email-view";
import { sendMessage } from "@/lib/outbound/service";
import { upsertMarketPolicy } from "@/lib/policy";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

const SECRET = "outbox-view-secret-outbox-view-secret";
const BASE = "https://app.example.test";
const ctx = { actorId: null, actorEmail: "ops@example.test", requestId: undefined };
// The local provider, as a workspace without SendGrid credentials sends.
const deps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: BASE, secret: SECRET };

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
let phones = 0;

async function lead(tag: string) {
  const email = `${tag}@example.com`;
  phones += 1;
  const phone = `+141555510${String(phones).padStart(2, "0")}`;
  await db.contactConsent.create({ data: { channel: "EMAIL", address: email, status: "OPTED_IN", source: "form" } as never });
  await db.contactConsent.create({ data: { channel: "SMS", address: phone, status: "OPTED_IN", source: "form" } as never });
  return db.deal.create({
    data: { source: "MANUAL", addressKey: `K-${tag}`, raw: {}, region: "NY", market: "OPEN", timeZone: "America/New_York", score: 90, contactEmail: email, contactPhone: phone, contactName: `Ann ${tag}`, street: "1 Main St", city: `Town${tag}` } as never,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "view", name: "View Homes", settings: { postalAddress: "1 King St W, Toronto, ON M5H 1A1" } } });
  const other = await database.prisma.tenant.create({ data: { slug: "other-view", name: "Other Homes", settings: { postalAddress: "2 Queen St, Toronto, ON M5H 1A1" } } });
  db = scopeToTenant(database.prisma, tenant.id);
  otherDb = scopeToTenant(database.prisma, other.id);
  await upsertMarketPolicy(
    db,
    { region: "NY", market: "OPEN", enabled: true, rules: { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["EMAIL", "SMS"], minLeadScore: 0 }, reason: "Test market" },
    ctx,
  );
});
afterAll(async () => {
  await database.close();
});

describe("an email as it left the local outbox", () => {
  it("keeps a campaign email's HTML with its footer, open pixel and tracked link, and they record the open and the click", async () => {
    const deal = await lead("camp");
    const { id } = await createCampaign(
      db,
      { name: "Check-in", audienceQuery: "q=Towncamp", variants: [{ subject: "Hi {{first_name}}", body: "Would you sell {{address}}? See https://homes.example.com/how-we-buy" }] },
      ctx,
    );
    await startCampaign(db, id, ctx, { baseUrl: BASE, secret: SECRET });
    expect(await runCampaign(db, id, { deps })).toMatchObject({ sent: 1 });
    const recipient = await db.campaignRecipient.findFirstOrThrow({ where: { campaignId: id } });

    const email = await getEmailView(db, recipient.messageId!);
    expect(email).toMatchObject({ status: "SENT", provider: "outbox", toAddress: "camp@example.com", subject: "Hi Ann", deal: { id: deal.id } });
    const html = email.html!;
    expect(html).toContain("1 King St W, Toronto");
    expect(html).toContain(`${BASE}/unsubscribe/`);
    const pixel = new RegExp(`<img src="${BASE}/api/t/o/([^"]+)"`).exec(html);
    const link = new RegExp(`href="${BASE}/api/t/c/([^"?]+)\\?u=([^"]+)"`).exec(html);
    expect(pixel).not.toBeNull();
    expect(link).not.toBeNull();
    // The text part stays text.
    expect(email.body).toContain("https://homes.example.com/how-we-buy");
    expect(email.body).not.toContain("<");

    // The stored pixel and link are the real, signed ones: following them moves the funnel.
    const dbFor = async () => db;
    expect(await trackOpen(pixel![1], { secret: SECRET, dbFor })).toBe(true);
    expect(await trackClick(link![1], decodeURIComponent(link![2].replaceAll("&amp;", "&")), { secret: SECRET, dbFor })).toBe("https://homes.example.com/how-we-buy");
    expect(await db.campaignRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ state: "CLICKED", opens: 1, clicks: 1 });

    // Shown in a frame whose links open in a new tab, the email's own markup untouched after it.
    const frame = emailFrameDocument(html);
    expect(frame).toMatch(/^<!doctype html><html><head><base target="_blank"><\/head><body>/);
    expect(frame.replace('<head><base target="_blank"></head>', "")).toBe(html);
  });

  it("keeps no HTML for an SMS or a text-only email, and the Outbox offers to view only the email with HTML", async () => {
    const deal = await lead("plain");
    const sms = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Hi Ann, still thinking of selling?" }, deps);
    const text = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Hello", body: "Hi Ann, still thinking of selling?" }, deps);
    const withHtml = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Hello", body: "Hi Ann", html: "<p>Hi <b>Ann</b></p>" }, deps);
    expect([sms.status, text.status, withHtml.status]).toEqual(["SENT", "SENT", "SENT"]);

    const rows = await db.message.findMany({ where: { id: { in: [sms.messageId!, text.messageId!, withHtml.messageId!] } }, select: { id: true, html: true } });
    const htmlOf = new Map(rows.map((r) => [r.id, r.html]));
    expect(htmlOf.get(sms.messageId!)).toBeNull();
    expect(htmlOf.get(text.messageId!)).toBeNull();
    // The footer is appended to the HTML part as to the text.
    expect(htmlOf.get(withHtml.messageId!)).toMatch(/^<p>Hi <b>Ann<\/b><\/p>[\s\S]*1 King St W, Toronto[\s\S]*\/unsubscribe\//);

    expect(await messagesWithHtml(db, [sms.messageId!, text.messageId!, withHtml.messageId!])).toEqual(new Set([withHtml.messageId]));
    expect((await getEmailView(db, text.messageId!)).html).toBeNull();
    // An SMS is not an email to view.
    await expect(getEmailView(db, sms.messageId!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses another workspace's email as not found", async () => {
    const deal = await lead("private");
    const sent = await sendMessage(db, { dealId: deal.id, channel: "EMAIL", subject: "Private", body: "Hi", html: "<p>Hi</p>" }, deps);
    expect((await getEmailView(db, sent.messageId!)).subject).toBe("Private");
    await expect(getEmailView(otherDb, sent.messageId!)).rejects.toMatchObject({ code: "not_found" });
    expect(await messagesWithHtml(otherDb, [sent.messageId!])).toEqual(new Set());
  });
});
