import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { withIdempotency } from "@/lib/http/idempotency";
import { ingestDealEmail } from "@/lib/intake/email-intake";
import { intakeDeals } from "@/lib/intake/service";
import { DealInput } from "@/lib/intake/schema";
import { signInboundEmail, verifyInboundEmail } from "@/lib/intake/webhook";
import { provisionTenant } from "@/lib/tenants/provision";
import { raiseSpreadAlerts, underwriteNewDeals } from "@/lib/underwriting/engine";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-1" };
const deal = (fields: Record<string, unknown>) => DealInput.parse({ city: "Springfield", region: "IL", postalCode: "62704", ...fields });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const member = (email: string, role: "owner" | "admin" | "investor" | "va") => ({ email, name: email, password: "a-long-password-1", role });
  const a = await provisionTenant(database.prisma, { slug: "intake-a", name: "A", timeZone: "America/Chicago", country: "US" }, [member("own@a.test", "owner"), member("inv@a.test", "investor"), member("va@a.test", "va")]);
  const b = await provisionTenant(database.prisma, { slug: "intake-b", name: "B", timeZone: "America/Toronto", country: "CA" }, [member("own@b.test", "owner")]);
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
});
afterAll(() => database.close());

describe("deal intake and underwriting", () => {
  it("seeds every workspace with disabled offer policies and the 64 market policies", async () => {
    expect(await db.offerPolicy.count()).toBe(65);
    expect(await db.offerPolicy.count({ where: { enabled: true } })).toBe(0);
    expect(await db.marketPolicy.count()).toBe(64);
  });

  it("takes deals in without underwriting them while no offer policy is enabled", async () => {
    const report = await intakeDeals(db, [{ deal: deal({ street: "12 Elm Street", arv: 200_000, repairs: 20_000, askingPrice: 100_000 }), raw: { row: 1 } }], { source: "API" });
    expect(report.created).toHaveLength(1);
    expect(report.underwritten).toBe(0);
    const stored = await db.deal.findUniqueOrThrow({ where: { id: report.created[0].id } });
    expect(stored).toMatchObject({ status: "NEW", mao: null, region: "IL", country: "US", timeZone: "America/Chicago" });
    expect(stored.raw).toEqual({ row: 1 });
  });

  it("dedupes by normalized address, within a batch and against earlier deals", async () => {
    const report = await intakeDeals(
      db,
      [
        { deal: deal({ street: "123 North Main Street", unit: "Apt 3" }), raw: {} },
        { deal: deal({ street: "123 N Main St", unit: "#3" }), raw: {} },
        { deal: deal({ street: "12 Elm St" }), raw: {} },
      ],
      { source: "CSV" },
    );
    expect(report.created).toHaveLength(1);
    expect(report.duplicates).toHaveLength(2);
    expect(report.duplicates.find((d) => d.existingId)?.existingId).toBeTruthy();
    // KPIs count the batch in one row per step: one created, two duplicates.
    const kpis = await db.kpiEvent.findMany({ where: { name: { in: ["lead_created", "lead_duplicate"] }, createdAt: { gte: new Date(Date.now() - 60_000) } }, orderBy: { createdAt: "desc" }, take: 2 });
    expect(kpis.map((k) => [k.name, k.count, k.dealId, k.data]).sort()).toEqual([
      ["lead_created", 1, report.created[0].id, { source: "CSV" }],
      ["lead_duplicate", 2, null, { source: "CSV" }],
    ]);
    // Another tenant may hold the same address.
    expect((await intakeDeals(other, [{ deal: deal({ street: "12 Elm St" }), raw: {} }], { source: "CSV" })).created).toHaveLength(1);
  });

  it("once a policy is enabled, Run now underwrites the waiting deals with immutable evidence and alerts", async () => {
    await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "go live" }, ctx);
    const report = await underwriteNewDeals(db);
    expect(report.underwritten).toBe(1);
    const priced = await db.deal.findFirstOrThrow({ where: { street: { contains: "Elm" } } });
    // 200,000 x 0.7 - 20,000 - 2,500 = 117,500; spread 17,500
    expect(priced).toMatchObject({ status: "UNDERWRITTEN", mao: 117_500, spread: 17_500, strategy: "WHOLESALE" });
    const evidence = await db.offerEvidence.findMany({ where: { dealId: priced.id } });
    expect(evidence).toHaveLength(1);
    // The seeded ALL policy was version 1; enabling it made version 2.
    expect(evidence[0]).toMatchObject({ policyVersion: 2, correlationId: report.correlationId });
    await expect(database.prisma.offerEvidence.update({ where: { id: evidence[0].id }, data: { correlationId: "x" } })).rejects.toThrow(/immutable/);
    expect(await db.kpiEvent.count({ where: { dealId: priced.id, name: { in: ["deal_underwritten", "offer_generated"] } } })).toBe(2);
    expect((await underwriteNewDeals(db)).underwritten).toBe(0);
  });

  it("raises an in-app alert to owners, admins and investors when the spread passes the threshold", async () => {
    const report = await intakeDeals(db, [{ deal: deal({ street: "9 Gold Rd", arv: 400_000, repairs: 10_000, askingPrice: 150_000 }), raw: {} }], { source: "API" });
    expect(report.underwritten).toBe(1);
    const alerts = await db.notification.findMany({ where: { kind: "deal.spread_alert" } });
    expect(alerts).toHaveLength(2);
    // 400,000 x 0.7 - 10,000 - 2,500 - 150,000 = 117,500
    expect(alerts[0].title).toContain("117,500");
    // Springfield has no buyers yet: its node scores 0, under the default cold threshold.
    expect(alerts[0].body).toContain("Buyer liquidity 0.0 in IL Springfield, any property type (cold: under 50).");
  });

  it("puts the deal's buyer liquidity in the alert, and says nothing of it for a deal without a market", async () => {
    await db.buyerSettings.upsert({ where: { tenantId: db.tenantId }, create: { coldLiquidityScore: 0.5 }, update: { coldLiquidityScore: 0.5 } });
    // An active buyer whose box covers the node: activeBuyerCount 0, buyerCount 1, score 0 -> still under 0.5.
    await db.buyer.create({ data: { name: "Sam Springfield", phones: [], emails: [], postalCodes: ["62704"] } });
    await intakeDeals(db, [{ deal: deal({ street: "10 Gold Rd", arv: 400_000, repairs: 10_000, askingPrice: 150_000, propertyType: "SFR" }), raw: {} }], { source: "API" });
    const sfr = await db.notification.findFirstOrThrow({ where: { kind: "deal.spread_alert", title: { contains: "10 Gold Rd" } } });
    expect(sfr.body).toMatch(/^Strategy \w+\. Buyer liquidity 0\.0 in IL Springfield, SFR \(cold: under 0\.5\)\. Open the deal/);

    // Intake places every deal in a market (the city at worst); one cleared since has none.
    const placed = await db.deal.findFirstOrThrow({ where: { street: "10 Gold Rd" }, select: { id: true, spread: true } });
    await db.deal.update({ where: { id: placed.id }, data: { market: null, street: "11 Gold Rd" } });
    await raiseSpreadAlerts(db, [{ dealId: placed.id, spread: placed.spread ?? 0 }]);
    const placeless = await db.notification.findFirstOrThrow({ where: { kind: "deal.spread_alert", title: { contains: "11 Gold Rd" } } });
    expect(placeless.body).not.toContain("liquidity");
    await db.buyerSettings.update({ where: { tenantId: db.tenantId }, data: { coldLiquidityScore: 50 } });
  });
});

describe("API keys and idempotency", () => {
  it("a key names its tenant and scopes until revoked", async () => {
    const { key, record } = await createApiKey(db, { name: "zapier", scopes: ["deals:write"] }, ctx);
    expect(await authenticateApiKey(key)).toMatchObject({ tenantId: db.tenantId, scopes: ["deals:write"] });
    expect(await authenticateApiKey(`${key}x`)).toBeNull();
    expect(await authenticateApiKey("not-a-key")).toBeNull();
    await revokeApiKey(db, record.id, ctx);
    expect(await authenticateApiKey(key)).toBeNull();
  });

  it("replays a stored answer, refuses a reused key with another body, and releases the key on failure", async () => {
    let runs = 0;
    const produce = async () => ({ status: 201, body: { run: ++runs } });
    expect(await withIdempotency(db, "test", "k1", { a: 1 }, produce)).toMatchObject({ body: { run: 1 }, replayed: false });
    expect(await withIdempotency(db, "test", "k1", { a: 1 }, produce)).toMatchObject({ body: { run: 1 }, replayed: true, status: 201 });
    await expect(withIdempotency(db, "test", "k1", { a: 2 }, produce)).rejects.toThrow(/different request body/);
    await expect(withIdempotency(db, "test", "k2", {}, async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await withIdempotency(db, "test", "k2", {}, produce)).toMatchObject({ replayed: false });
    expect(await withIdempotency(other, "test", "k1", { a: 1 }, produce)).toMatchObject({ replayed: false });
  });
});

describe("deal emails", () => {
  const message = {
    messageId: "<deal-1@wholesaler.example>",
    from: "Jim Wholesaler <jim@wholesaler.example>",
    subject: "Off market 3/2 in Memphis",
    text: "Property: 1418 Vollintine Ave, Memphis, TN 38107\nAsking: $85k\nARV: 160,000\nRehab ~30k\n3bd 2ba, 1,250 sf",
  };

  it("verifies signatures and rejects tampered bodies and missing secrets", () => {
    const body = JSON.stringify(message);
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(verifyInboundEmail("s3cret-s3cret-s3cret", body, headers({ "x-dealflow-signature": signInboundEmail("s3cret-s3cret-s3cret", body) }))).toBe(true);
    expect(verifyInboundEmail("s3cret-s3cret-s3cret", `${body} `, headers({ "x-dealflow-signature": signInboundEmail("s3cret-s3cret-s3cret", body) }))).toBe(false);
    expect(verifyInboundEmail("s3cret-s3cret-s3cret", body, headers({ "x-dealflow-secret": "s3cret-s3cret-s3cret" }))).toBe(true);
    expect(verifyInboundEmail(undefined, body, headers({ "x-dealflow-secret": "" }))).toBe(false);
  });

  it("takes an email in once: a redelivery returns the same deals and creates nothing", async () => {
    const first = await ingestDealEmail(db, message, "webhook");
    expect(first).toMatchObject({ duplicate: false, parsedDeals: 1 });
    expect(first.dealIds).toHaveLength(1);
    const created = await db.deal.findUniqueOrThrow({ where: { id: first.dealIds[0] } });
    expect(created).toMatchObject({ source: "EMAIL", askingPrice: 85_000, arv: 160_000, repairs: 30_000, beds: 3, region: "TN" });
    expect((created.provenance as Record<string, { source: string }>).arv.source).toContain("160,000");
    const again = await ingestDealEmail(db, message, "webhook");
    expect(again).toMatchObject({ duplicate: true, dealIds: first.dealIds });
    expect(await db.inboundEmail.count()).toBe(1);
  });
});
