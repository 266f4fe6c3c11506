import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signalWebhook } from "@/app/api/webhooks/signals/[tenantSlug]/[provider]/route";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { signInboundEmail } from "@/lib/intake/webhook";
import { metrics } from "@/lib/observability/metrics";
import { signHubspotV3 } from "@/lib/signals/webhook";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const SLUG = "signal-co";
const SECRET = "signal-webhook-secret-0123456789";
let database: Database;
let db: TenantDb;
let crmDealId: string;
let emailDealId: string;
let buyerId: string;

function post(provider: string, body: unknown, headers: Record<string, string> = { "x-dealflow-secret": SECRET }, slug = SLUG) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return callRoute(signalWebhook, `/api/webhooks/signals/${slug}/${provider}`, { method: "POST", body: raw, params: { tenantSlug: slug, provider }, headers });
}
const signed = (body: unknown) => ({ "x-dealflow-signature": signInboundEmail(SECRET, JSON.stringify(body)) });
const failedVerifications = async (provider: string) =>
  (await metrics().webhookVerificationsFailed.get()).values.find((v) => v.labels.provider === `signals:${provider}`)?.value ?? 0;
const counted = async (status: string) =>
  (await metrics().signalsProcessed.get()).values.filter((v) => v.labels.status === status).reduce((sum, v) => sum + v.value, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: SLUG, name: "Signal Co", settings: { inboundEmailSecret: SECRET } } });
  db = scopeToTenant(database.prisma, tenant.id);
  crmDealId = (await db.deal.create({ data: { source: "API", sourceRef: "0015g00000AbCdeAAF", addressKey: "K-crm", raw: {} } as never })).id;
  emailDealId = (await db.deal.create({ data: { source: "MANUAL", addressKey: "K-mail", raw: {}, contactEmail: "pat@example.com", contactPhone: "+16175550100" } as never })).id;
  buyerId = (await db.buyer.create({ data: { name: "Quinn Capital", emails: ["quinn@capital.test"], phones: [] } as never })).id;
}, 60_000);
afterAll(() => database.close());

describe("POST /api/webhooks/signals/<slug>/<provider>", () => {
  const opportunity = { attributes: { type: "Opportunity" }, Id: "0065g00000XyZabAAF", AccountId: "0015g00000AbCdeAAF", StageName: "Negotiation/Review", LastModifiedDate: new Date(Date.now() - 3_600_000).toISOString() };

  it("stores a Salesforce stage change on the deal taken in from that account, and moves its score", async () => {
    const response = await post("salesforce", opportunity, signed(opportunity));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ received: 1, stored: 1, duplicates: 0, scores: [{ dealId: crmDealId, before: 0 }] });
    expect(body.scores[0].after).toBeGreaterThan(20);
    expect(await db.signal.findMany({ where: { dealId: crmDealId } })).toEqual([
      expect.objectContaining({ type: "crm_stage_change", source: "webhook:salesforce", dedupeKey: "salesforce:0065g00000XyZabAAF:Negotiation/Review" }),
    ]);
    expect((await db.deal.findFirst({ where: { id: crmDealId } }))?.intentScore).toBe(body.scores[0].after);
  });

  it("answers a replay 200 and stores nothing new", async () => {
    const before = await db.signal.count();
    const response = await post("salesforce", opportunity);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ stored: 0, duplicates: 1, scores: [] });
    expect(await db.signal.count()).toBe(before);
  });

  it("refuses a bad signature or an unknown workspace with 401, stores nothing, and counts it", async () => {
    const before = await db.signal.count();
    const failed = await failedVerifications("salesforce");
    const other = { ...opportunity, StageName: "Closed Won" };
    expect((await post("salesforce", other, { "x-dealflow-signature": signInboundEmail("not-the-secret", JSON.stringify(other)) })).status).toBe(401);
    expect((await post("salesforce", other, { "x-dealflow-secret": "wrong" })).status).toBe(401);
    expect((await post("salesforce", other, {})).status).toBe(401);
    expect((await post("salesforce", other, { "x-dealflow-secret": SECRET }, "nobody")).status).toBe(401);
    expect(await db.signal.count()).toBe(before);
    expect(await failedVerifications("salesforce")).toBe(failed + 4);
  });

  it("refuses a malformed payload with 422 naming the field", async () => {
    const response = await post("salesforce", { Id: "0065g00000XyZabAAF" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ issues: [{ path: "StageName" }] });
    const generic = await post("generic", { type: "telepathy", occurredAt: new Date().toISOString(), dealId: emailDealId });
    expect(generic.status).toBe(422);
    expect(await generic.json()).toMatchObject({ issues: [{ path: "type" }] });
  });

  it("refuses a signal that matches nobody with 422 naming the field, counted unmatched, storing nothing of the batch", async () => {
    const before = await db.signal.count();
    const unmatched = await counted("unmatched");
    const response = await post("salesforce", [{ Id: "006-known", AccountId: "0015g00000AbCdeAAF", StageName: "Prospecting" }, { Id: "006-nobody", AccountId: "001-nobody", StageName: "Prospecting" }]);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ issues: [{ path: "[1].AccountId" }] });
    expect(await db.signal.count()).toBe(before);
    expect(await counted("unmatched")).toBe(unmatched + 1);
  });

  it("answers an unknown provider 404", async () => {
    expect((await post("pipedrive", opportunity)).status).toBe(404);
  });

  it("matches a generic signal by email to the lead, and by email to a buyer when no lead has it", async () => {
    const at = new Date(Date.now() - 60_000).toISOString();
    const lead = await post("generic", { type: "email_reply", occurredAt: at, dedupeKey: "crm-1", email: "PAT@example.com" });
    expect(lead.status).toBe(201);
    expect((await lead.json()).scores).toEqual([{ dealId: emailDealId, before: 0, after: 30 }]);
    const buyer = await post("generic", [{ type: "buyer_offer", occurredAt: at, dedupeKey: "crm-2", email: "quinn@capital.test" }]);
    expect((await buyer.json()).scores).toEqual([{ buyerId, before: 0, after: 40 }]);
    expect(await db.signal.count({ where: { buyerId, type: "buyer_offer", source: "webhook:generic" } })).toBe(1);
  });

  it("takes HubSpot's batch signed with its own v3 signature, keyed by eventId", async () => {
    await db.deal.update({ where: { id: emailDealId }, data: { sourceRef: "11223344" } });
    const occurredAt = Date.now() - 120_000;
    const events = [
      { eventId: 9001, subscriptionId: 1, portalId: 62515, appId: 7, occurredAt, subscriptionType: "deal.propertyChange", attemptNumber: 0, objectId: 11223344, changeSource: "CRM_UI", propertyName: "dealstage", propertyValue: "contractsent" },
      { eventId: 9002, subscriptionId: 2, portalId: 62515, appId: 7, occurredAt, subscriptionType: "contact.deletion", attemptNumber: 0, objectId: 1, changeSource: "CRM_UI" },
    ];
    const raw = JSON.stringify(events);
    const url = `http://localhost/api/webhooks/signals/${SLUG}/hubspot`;
    const timestamp = String(Date.now());
    const headers = { "x-hubspot-signature-v3": signHubspotV3(SECRET, "POST", url, raw, timestamp), "x-hubspot-request-timestamp": timestamp };
    const response = await post("hubspot", raw, headers);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ received: 1, stored: 1 });
    expect(await db.signal.count({ where: { dedupeKey: "hubspot:9001", dealId: emailDealId, type: "crm_stage_change" } })).toBe(1);
    // The same delivery again is a replay; the v3 signature under another secret is refused.
    expect((await post("hubspot", raw, headers)).status).toBe(200);
    const forged = { ...headers, "x-hubspot-signature-v3": signHubspotV3("another-secret", "POST", url, raw, timestamp) };
    expect((await post("hubspot", raw, forged)).status).toBe(401);
    const stale = String(Date.now() - 10 * 60_000);
    expect((await post("hubspot", raw, { "x-hubspot-signature-v3": signHubspotV3(SECRET, "POST", url, raw, stale), "x-hubspot-request-timestamp": stale })).status).toBe(401);
  });
});
