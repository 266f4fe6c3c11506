import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBuyerMatches } from "@/lib/buyers/candidates";
import { seedDemoBuyers } from "@/lib/buyers/demo";
import { bestBuyersForPostalCode } from "@/lib/buyers/performance";
import { BuyerInput } from "@/lib/buyers/schema";
import { normalizePhone } from "@/lib/contact/address";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_BUYER_CONSENT } from "@/lib/demo/buyers";
import { DEMO_NORTH_SLUG, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-12-09T16:00:00Z");
let database: Database;
let us: TenantDb;
let ca: TenantDb;
let seedMs: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const started = performance.now();
  await seedDemo(database.prisma, NOW);
  seedMs = performance.now() - started;
  const tenant = (slug: string) => database.prisma.tenant.findUniqueOrThrow({ where: { slug } }).then((t) => scopeToTenant(database.prisma, t.id));
  us = await tenant(DEMO_TENANT_SLUG);
  ca = await tenant(DEMO_NORTH_SLUG);
}, 300_000);
afterAll(() => database.close());

describe("demo buyers", () => {
  it("gives each workspace about 200 valid buyers over its own markets", async () => {
    console.info(`demo seed with buyers: ${Math.round(seedMs)} ms`);
    for (const [db, regions] of [[us, /^(IL|OH|TN|TX|AZ|GA|FL|MI|MO|AL|IN|NC|MD)$/], [ca, /^(ON|AB|MB|SK|NS|NL|QC|BC)$/]] as const) {
      const buyers = await db.buyer.findMany();
      expect(buyers).toHaveLength(200);
      for (const buyer of buyers) {
        // Every demo buyer passes the schema real buyers are written with.
        const parsed = BuyerInput.safeParse({ ...buyer, proofOfFundsVerifiedAt: buyer.proofOfFundsVerifiedAt ?? undefined });
        expect(parsed.success, `${buyer.name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
        for (const phone of buyer.phones) {
          expect(normalizePhone(phone)).toBe(phone);
          expect(phone).toMatch(/^\+1\d{3}55501\d{2}$/);
        }
        for (const market of buyer.markets) expect(market.split(":")[0]).toMatch(regions);
        expect(buyer.markets.length + buyer.postalCodes.length).toBeGreaterThan(0);
      }
      expect(new Set(buyers.flatMap((b) => b.phones)).size).toBe(buyers.flatMap((b) => b.phones).length);
    }
  });

  it("gives nine in ten demo buyers consent to texts and emails, so a demo blast both sends and refuses", async () => {
    for (const db of [us, ca]) {
      const buyers = await db.buyer.findMany({ select: { phones: true, emails: true } });
      const rows = await db.contactConsent.findMany({ where: { wording: DEMO_BUYER_CONSENT.wording }, select: { channel: true, address: true, status: true, basis: true, source: true } });
      expect(rows.every((r) => r.status === "OPTED_IN" && r.basis === "PRIOR_EXPRESS_WRITTEN" && r.source === "import")).toBe(true);
      const consented = new Set(rows.map((r) => r.address));
      const withConsent = buyers.filter((b) => b.emails.every((e) => consented.has(e)));
      expect(withConsent).toHaveLength(180);
      expect(rows.some((r) => r.channel === "SMS")).toBe(true);
    }
  });

  it("has a feedback history, tiers of every kind and scored liquidity nodes", async () => {
    for (const db of [us, ca]) {
      const kinds = await db.buyerFeedbackEvent.groupBy({ by: ["kind"], _count: { _all: true } });
      expect(kinds.map((k) => k.kind).sort()).toEqual(["BOUGHT", "OFFERED", "PASSED", "RESPONDED", "SENT", "VIEWED"]);
      expect(await db.buyerFeedbackEvent.count({ where: { occurredAt: { gt: NOW } } })).toBe(0);
      const tiers = await db.buyer.groupBy({ by: ["tier", "tierIsNew"], _count: { _all: true } });
      console.info(JSON.stringify(tiers.map((t) => [t.tier, t.tierIsNew, t._count._all])));
      expect(new Set(tiers.map((t) => t.tier))).toEqual(new Set(["A", "B", "C"]));
      expect(tiers.find((t) => t.tier === "C" && t.tierIsNew)?._count._all).toBeGreaterThan(0);
      const nodes = await db.buyerLiquidityNode.findMany({ orderBy: { score: "desc" } });
      expect(nodes.length).toBeGreaterThan(5);
      expect(nodes[0].score).toBeGreaterThan(0);
      expect(nodes[0].buyerCount).toBeGreaterThan(0);
    }
  });

  it("matches demo deals and ranks best buyers by postal code", async () => {
    const deal = await us.deal.findFirstOrThrow({ where: { postalCode: "38104" }, orderBy: { createdAt: "asc" } });
    const { matches, liquidity } = await findBuyerMatches(us, deal.id, { now: NOW });
    expect(matches.length).toBeGreaterThan(0);
    expect(liquidity?.buyerCount).toBeGreaterThan(0);
    const best = await bestBuyersForPostalCode(us, "38104", { now: NOW });
    expect(best.length).toBeGreaterThan(0);
    expect(best[0].rank).toBe(1);
  });

  it("is deterministic: the same deals give the same buyers", async () => {
    const again = await createTestDatabase();
    try {
      await seedDemo(again.prisma, NOW);
      const other = scopeToTenant(again.prisma, (await again.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_NORTH_SLUG } })).id);
      const names = (db: TenantDb) => db.buyer.findMany({ orderBy: { emails: "asc" }, select: { name: true, phones: true, markets: true, tier: true } });
      expect(await names(other)).toEqual(await names(ca));
      const consents = (db: TenantDb) => db.contactConsent.findMany({ where: { wording: DEMO_BUYER_CONSENT.wording }, orderBy: [{ channel: "asc" }, { address: "asc" }], select: { channel: true, address: true, status: true } });
      expect(await consents(other)).toEqual(await consents(ca));
    } finally {
      await again.close();
    }
  }, 300_000);

  it("seeds nothing for a workspace without deals", async () => {
    const empty = scopeToTenant(database.prisma, (await database.prisma.tenant.create({ data: { slug: "no-deals", name: "Empty", timeZone: "America/Chicago", country: "US" } })).id);
    expect(await seedDemoBuyers(empty, NOW)).toEqual({ buyers: 0, feedback: 0, consents: 0, performance: null });
  });
});
