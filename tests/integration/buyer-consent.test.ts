import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postBuyer } from "@/app/api/v1/buyers/route";
import { createApiKey } from "@/lib/apikeys/service";
import { openAuditEvents } from "@/lib/audit/sealing";
import { createBlast } from "@/lib/blasts/service";
import { sendBlastChunk } from "@/lib/blasts/sending";
import { NewBuyerForm } from "@/lib/buyers/consent";
import { createBuyer } from "@/lib/buyers/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_BUYER_CONSENT } from "@/lib/demo/buyers";
import type { OutboundDeps } from "@/lib/outbound";
import { seedMarketPolicies } from "@/lib/policy";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let writeKey: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-buyer-consent" };
const BASE = "https://app.example.test";
// Tuesday 2026-03-10 15:00 in New York: inside the default weekday window.
const OPEN = new Date("2026-03-10T19:00:00Z");
const deps: OutboundDeps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: BASE, secret: "test-secret-0123456789abcdef" };
const WORDING = "I agree to receive texts and emails about investment properties for sale. Reply STOP to opt out.";

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "bconsent", name: "Acme Homes", timeZone: "America/New_York", country: "US" }, [
    { email: "o@bconsent.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  writeKey = (await createApiKey(db, { name: "crm", scopes: ["buyers:read", "buyers:write"] }, ctx)).key;
  await seedMarketPolicies(db, null);
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { postalAddress: "100 Main Street, Albany, NY 12207" } as never } });
});
afterAll(() => database.close());

const consentOf = (address: string) => db.contactConsent.findMany({ where: { address }, select: { channel: true, status: true, source: true, basis: true, wording: true } });

describe("a buyer's consent where the buyer comes in", () => {
  it("records OPTED_IN for every phone and email of a buyer created with consent, audited, and keeps an opt-out", async () => {
    await db.contactConsent.create({ data: { channel: "EMAIL", address: "gone@cash.test", status: "OPTED_OUT", source: "keyword:STOP" } });
    const buyer = await createBuyer(
      db,
      { name: "Jane Cash", phones: ["+17135550100", "+17135550101"], emails: ["jane@cash.test", "gone@cash.test"] },
      ctx,
      { consent: { given: true, source: "Buyer sign-up form", wording: WORDING } },
    );
    for (const phone of buyer.phones) expect(await consentOf(phone)).toEqual([{ channel: "SMS", status: "OPTED_IN", source: "Buyer sign-up form", basis: "PRIOR_EXPRESS_WRITTEN", wording: WORDING }]);
    expect(await consentOf("jane@cash.test")).toMatchObject([{ channel: "EMAIL", status: "OPTED_IN" }]);
    expect(await consentOf("gone@cash.test")).toMatchObject([{ channel: "EMAIL", status: "OPTED_OUT", source: "keyword:STOP" }]);
    const [audit] = await openAuditEvents(db, [await db.auditEvent.findFirstOrThrow({ where: { action: "consent.recorded" }, orderBy: { createdAt: "desc" } })]);
    expect(audit.entityId?.split(",").sort()).toEqual(["EMAIL:jane@cash.test", "SMS:+17135550100", "SMS:+17135550101"]);
    expect(audit.after).toMatchObject({ kept: [{ channel: "EMAIL", address: "gone@cash.test" }] });
    const [created] = await openAuditEvents(db, [await db.auditEvent.findFirstOrThrow({ where: { action: "buyer.created", entityId: buyer.id } })]);
    expect(created.after).toMatchObject({ consent: { given: true, source: "Buyer sign-up form" } });
  });

  it("records nothing for a buyer created without consent, or with consent refused", async () => {
    await createBuyer(db, { name: "No Answer", phones: ["+17135550110"] }, ctx);
    await createBuyer(db, { name: "Said No", emails: ["no@cash.test"] }, ctx, { consent: { given: false, source: "phone call" } });
    expect(await consentOf("+17135550110")).toEqual([]);
    expect(await consentOf("no@cash.test")).toEqual([]);
  });

  it("reads the form's consent questions with the buyer, and refuses written consent without its words", () => {
    const base = { name: "Form Buyer", phones: "+1 713 555 0120", consentGiven: "yes", consentSource: "Open house sign-in" };
    expect(NewBuyerForm.safeParse({ ...base, consentWording: WORDING }).success).toBe(true);
    const refused = NewBuyerForm.safeParse({ ...base, consentBasis: "PRIOR_EXPRESS_WRITTEN" });
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(["consentWording"]);
    expect(NewBuyerForm.safeParse({ name: "Form Buyer", consentGiven: "yes" }).error?.issues.map((i) => i.path.join("."))).toEqual(["consentSource"]);
    // The buyer's own rules still hold in the merged schema.
    expect(NewBuyerForm.safeParse({ name: "Form Buyer", priceMin: "300000", priceMax: "100000" }).error?.issues.map((i) => i.path.join("."))).toEqual(["priceMin"]);
  });

  it("POST /api/v1/buyers records the body's consent, keeps an opt-out, and refuses a consent without a source", async () => {
    await db.contactConsent.create({ data: { channel: "SMS", address: "+12145550131", status: "OPTED_OUT", source: "keyword:STOP" } });
    const post = (body: unknown) => callRoute(postBuyer, "/api/v1/buyers", { key: writeKey, method: "POST", body });
    const created = await post({ name: "Api Buyer", phones: ["+1 214 555 0130", "+1 214 555 0131"], emails: ["api@cash.test"], consent: { given: true, source: "CRM", wording: WORDING, givenAt: "2026-01-05T00:00:00Z" } });
    expect(created.status).toBe(201);
    expect(await consentOf("+12145550130")).toMatchObject([{ channel: "SMS", status: "OPTED_IN", source: "CRM", basis: "PRIOR_EXPRESS_WRITTEN" }]);
    expect(await consentOf("api@cash.test")).toMatchObject([{ channel: "EMAIL", status: "OPTED_IN" }]);
    expect(await consentOf("+12145550131")).toMatchObject([{ status: "OPTED_OUT" }]);

    const bad = await post({ name: "Api Buyer Two", phones: ["+1 214 555 0140"], consent: { given: true } });
    expect(bad.status).toBe(422);
    expect(await db.buyer.count({ where: { name: "Api Buyer Two" } })).toBe(0);
  });
});

describe("a blast to demo-style buyers", () => {
  it("sends to a buyer with the demo consent and blocks one without consent at the consent gate", async () => {
    const buyer = (name: string, n: number) => ({ name, phones: [`+1212555${4000 + n}`], emails: [`${name.split(" ")[0].toLowerCase()}@blast.test`], markets: ["NY:NEW YORK"] });
    const consented = await createBuyer(db, buyer("Dana Consented", 1), ctx, { source: "demo", consent: DEMO_BUYER_CONSENT });
    const silent = await createBuyer(db, buyer("Sam Silent", 2), ctx, { source: "demo" });
    const deal = await db.deal.create({
      data: {
        source: "MANUAL", addressKey: "BC-1", raw: {}, street: "12 Elm Street", city: "New York", region: "NY", market: "NEW YORK", postalCode: "10001",
        country: "US", timeZone: "America/New_York", propertyType: "SFR", askingPrice: 150_000, arv: 260_000, repairs: 40_000,
      } as never,
    });
    const { blastId } = await createBlast(
      db,
      { dealId: deal.id, buyerIds: [consented.id, silent.id], channels: ["SMS", "EMAIL"], coldReason: "Demo blast" },
      { userId: null },
      { baseUrl: BASE, now: OPEN },
    );
    for (let i = 0; i < 10; i++) if ((await sendBlastChunk(db, blastId, { deps, now: () => OPEN, chunkBuyers: 5 })).status !== "SENDING") break;
    const recipients = await db.blastRecipient.findMany({ where: { blastId }, select: { buyerId: true, channel: true, state: true, blockedGate: true, blockedReason: true } });
    const of = (buyerId: string) => recipients.filter((r) => r.buyerId === buyerId).sort((a, b) => a.channel.localeCompare(b.channel));
    expect(of(consented.id)).toMatchObject([{ channel: "EMAIL", state: "SENT" }, { channel: "SMS", state: "SENT" }]);
    expect(of(silent.id)).toMatchObject([
      { channel: "EMAIL", state: "BLOCKED", blockedGate: "consent", blockedReason: "no_consent" },
      { channel: "SMS", state: "BLOCKED", blockedGate: "consent", blockedReason: "no_consent" },
    ]);
  });
});
