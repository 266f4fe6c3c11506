import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { findBuyerMatches } from "@/lib/buyers/candidates";
import { matchBuyers } from "@/lib/buyers/match";
import { BUYER_STRATEGIES, REHAB_APPETITES } from "@/lib/buyers/schema";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { PROPERTY_TYPES } from "@/lib/intake/schema";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
let tenantId: string;
let otherTenantId: string;
const NOW = new Date("2026-12-06T12:00:00Z");

const houston = {
  id: "deal-houston", source: "MANUAL" as const, addressKey: "1 main st 77002", street: "1 Main St", city: "Houston", region: "TX", market: "Houston",
  postalCode: "77002", country: "US" as const, askingPrice: 185_000, arv: 300_000, repairs: 20_000, spread: 25_000, propertyType: "SFR" as const, strategy: "FLIP" as const, raw: {},
};
const toronto = {
  id: "deal-toronto", source: "MANUAL" as const, addressKey: "2 king st m5v2t6", street: "2 King St", city: "Toronto", region: "ON", market: "Toronto",
  postalCode: "M5V 2T6", country: "CA" as const, askingPrice: 600_000, arv: 800_000, repairs: 150_000, spread: 10_000, propertyType: "CONDO" as const, strategy: null, raw: {},
};

type BuyerRow = Omit<Prisma.BuyerCreateManyInput, "tenantId">;
const buyer = (id: string, over: Partial<BuyerRow> = {}): BuyerRow => ({ id, name: `Buyer ${id}`, postalCodes: [], markets: [], ...over });

const mainBuyers: BuyerRow[] = [
  buyer("zip-a", { postalCodes: ["77002"], tier: "A", phones: ["+17135550100"], emails: ["a@buyers.test"], company: "A Homes" }),
  buyer("market-lower", { markets: ["TX:houston"] }),
  buyer("market-ranged", { markets: ["TX:Houston"], priceMin: 150_000, priceMax: 250_000 }),
  buyer("market-too-cheap", { markets: ["TX:Houston"], priceMax: 150_000 }),
  buyer("zip-inactive", { postalCodes: ["77002"], status: "INACTIVE" }),
  buyer("zip-do-not-use", { postalCodes: ["77002"], status: "DO_NOT_USE" }),
  buyer("zip-deleted", { postalCodes: ["77002"], deletedAt: NOW }),
  buyer("zip-condo-only", { postalCodes: ["77002"], propertyTypes: ["CONDO"] }),
  buyer("zip-light-ok", { postalCodes: ["77002"], rehabAppetite: "LIGHT" }),
  buyer("zip-spread-high", { postalCodes: ["77002"], minSpread: 50_000 }),
  buyer("other-zip", { postalCodes: ["77003"], markets: ["TX:Dallas"] }),
  buyer("empty-box"),
  buyer("fsa-m5v", { postalCodes: ["M5V"] }),
  buyer("fsa-m6h", { postalCodes: ["M6H"] }),
];

beforeAll(async () => {
  database = await createTestDatabase();
  const main = await database.prisma.tenant.create({ data: { slug: "candidates-main", name: "Main" } });
  const other = await database.prisma.tenant.create({ data: { slug: "candidates-other", name: "Other" } });
  tenantId = main.id;
  otherTenantId = other.id;
  db = scopeToTenant(database.prisma, main.id);
  otherDb = scopeToTenant(database.prisma, other.id);
  await database.prisma.deal.createMany({ data: [houston, toronto, { ...houston, id: "deal-deleted", addressKey: "deleted", deletedAt: NOW }].map((d) => ({ ...d, tenantId })) });
  await database.prisma.buyer.createMany({ data: mainBuyers.map((b) => ({ ...b, tenantId })) });
  // Another workspace's buyers would match every deal here; none may show.
  await database.prisma.buyer.createMany({
    data: [buyer("other-tenant-zip", { postalCodes: ["77002", "M5V"], markets: ["TX:Houston", "ON:Toronto"], tier: "A" })].map((b) => ({ ...b, tenantId: otherTenantId })),
  });
});
afterAll(() => database.close());

describe("findBuyerMatches", () => {
  it("returns the admitted buyers of the tenant, best first, with reasons and contact details", async () => {
    const result = await findBuyerMatches(db, "deal-houston", { now: NOW });
    expect(result.matches.map((m) => m.buyerId)).toEqual(["zip-a", "zip-light-ok", "market-ranged", "market-lower"]);
    expect(result.deal).toEqual({ id: "deal-houston", region: "TX", market: "Houston", postalCode: "77002", propertyType: "SFR", askingPrice: 185_000, arv: 300_000, repairs: 20_000, spread: 25_000 });
    const best = result.matches[0];
    expect(best.buyer).toEqual({ id: "zip-a", name: "Buyer zip-a", company: "A Homes", phones: ["+17135550100"], emails: ["a@buyers.test"], tier: "A", tierIsNew: true });
    expect(best.reasons.map((r) => r.label)).toContain("ZIP 77002 in buy box +30");
    expect(best.score).toBe(best.reasons.reduce((sum, r) => sum + r.points, 0));
    expect(result.matches.find((m) => m.buyerId === "market-lower")?.reasons.map((r) => r.code)).toContain("market");
  });

  it("reads the node's liquidity and ranks with it", async () => {
    const result = await findBuyerMatches(db, "deal-houston", { now: NOW });
    expect(result.liquidity).toMatchObject({ region: "TX", market: "Houston", propertyType: "SFR" });
    expect(result.liquidity!.buyerCount).toBeGreaterThan(0);
  });

  it("matches a Canadian deal by the FSA of its full postal code", async () => {
    const result = await findBuyerMatches(db, "deal-toronto", { now: NOW });
    expect(result.matches.map((m) => m.buyerId)).toEqual(["fsa-m5v"]);
    expect(result.matches[0].reasons[0].label).toBe("FSA M5V in buy box +30");
  });

  it("keeps the best N", async () => {
    expect((await findBuyerMatches(db, "deal-houston", { now: NOW, limit: 2 })).matches.map((m) => m.buyerId)).toEqual(["zip-a", "zip-light-ok"]);
  });

  it("never shows another tenant's buyers, and sees another tenant's deal as missing", async () => {
    await otherDb.deal.create({ data: { ...houston, id: "deal-other-tenant", addressKey: "other" } });
    const own = await findBuyerMatches(otherDb, "deal-other-tenant", { now: NOW });
    expect(own.matches.map((m) => m.buyerId)).toEqual(["other-tenant-zip"]);
    await expect(findBuyerMatches(db, "deal-other-tenant")).rejects.toMatchObject({ code: "not_found" });
  });

  it("answers not found for an unknown or deleted deal", async () => {
    await expect(findBuyerMatches(db, "no-such-deal")).rejects.toBeInstanceOf(ExpectedError);
    await expect(findBuyerMatches(db, "no-such-deal")).rejects.toMatchObject({ code: "not_found" });
    await expect(findBuyerMatches(db, "deal-deleted")).rejects.toMatchObject({ code: "not_found" });
  });

  it("the prefilter drops no buyer the rules admit (varied boxes, deals with missing fields)", async () => {
    const sweep = await database.prisma.tenant.create({ data: { slug: "candidates-sweep", name: "Sweep" } });
    const sweepDb = scopeToTenant(database.prisma, sweep.id);
    const pick = <T>(list: readonly T[], i: number) => list[i % list.length];
    const boxes = Array.from({ length: 120 }, (_, i) =>
      buyer(`sweep-${String(i).padStart(3, "0")}`, {
        status: i % 9 === 0 ? "INACTIVE" : "ACTIVE",
        postalCodes: i % 3 === 0 ? [] : [pick(["77002", "77003", "M5V", "75201"], i)],
        markets: i % 4 === 0 ? [] : [pick(["TX:Houston", "TX:HOUSTON", "tx:houston", "ON:Toronto", "TX:Dallas"], i * 7)],
        priceMin: i % 5 === 0 ? null : pick([100_000, 185_000, 200_000], i),
        priceMax: i % 6 === 0 ? null : pick([185_000, 250_000, 700_000], i * 3),
        propertyTypes: i % 2 === 0 ? [] : [pick(PROPERTY_TYPES, i)],
        strategies: i % 3 === 1 ? [pick(BUYER_STRATEGIES, i)] : [],
        rehabAppetite: pick(REHAB_APPETITES, i * 5),
        minSpread: i % 4 === 1 ? pick([0, 25_000, 30_000], i) : null,
        tier: pick(["A", "B", "C"] as const, i * 11),
        lastActivityAt: i % 5 === 2 ? new Date(NOW.getTime() - (i % 100) * 86_400_000 - 3_600_000) : null,
      }),
    );
    boxes.push(
      buyer("sweep-montreal-upper", { markets: ["QC:MONTRÉAL"] }),
      buyer("sweep-montreal-quoted", { markets: ['QC:Mont"réal'] }),
      buyer("sweep-percent", { markets: ["TX:100%_Houston"] }),
      buyer("sweep-heights", { markets: ["TX:Houston Heights"] }),
    );
    await database.prisma.buyer.createMany({ data: boxes.map((b) => ({ ...b, tenantId: sweep.id })) });
    const deals = [
      houston,
      toronto,
      { ...houston, id: "sweep-no-price", addressKey: "no-price", askingPrice: null, repairs: null },
      { ...houston, id: "sweep-zip4", addressKey: "zip4", postalCode: "77002-4411", market: "HOUSTON" },
      { ...houston, id: "sweep-no-zip", addressKey: "no-zip", postalCode: null, propertyType: null },
      { ...houston, id: "sweep-trash", addressKey: "trash", strategy: "TRASH" as const, spread: -10_000, arv: null },
      { ...toronto, id: "sweep-montreal", addressKey: "montreal", region: "QC", market: "Montréal", postalCode: "H2X 1Y4" },
      { ...toronto, id: "sweep-montreal-quote", addressKey: "montreal-quote", region: "QC", market: 'MONT"RÉAL', postalCode: null },
      { ...houston, id: "sweep-percent", addressKey: "percent", market: "100%_houston", postalCode: null },
      { ...houston, id: "sweep-percent-wild", addressKey: "percent-wild", market: "100xxHouston", postalCode: null },
    ];
    await database.prisma.deal.createMany({ data: deals.map((d) => ({ ...d, id: `s-${d.id}`, addressKey: `s-${d.addressKey}`, tenantId: sweep.id })) });
    const all = await sweepDb.buyer.findMany();
    for (const d of deals) {
      const viaDatabase = await findBuyerMatches(sweepDb, `s-${d.id}`, { now: NOW });
      const expected = matchBuyers(d, all.map((b) => ({ ...b, strategies: b.strategies.filter((s) => s !== "TRASH") as never })), { now: NOW, liquidityScore: viaDatabase.liquidity?.score ?? null });
      expect(viaDatabase.matches.map(({ buyerId, score }) => ({ buyerId, score }))).toEqual(expected.map(({ buyerId, score }) => ({ buyerId, score })));
    }
    // The sweep is not empty: the comparison above means something.
    expect((await findBuyerMatches(sweepDb, "s-deal-houston", { now: NOW })).matches.length).toBeGreaterThan(3);
    expect((await findBuyerMatches(sweepDb, "s-sweep-montreal", { now: NOW })).matches.map((m) => m.buyerId)).toEqual(["sweep-montreal-upper"]);
    expect((await findBuyerMatches(sweepDb, "s-sweep-montreal-quote", { now: NOW })).matches.map((m) => m.buyerId)).toEqual(["sweep-montreal-quoted"]);
    expect((await findBuyerMatches(sweepDb, "s-sweep-percent", { now: NOW })).matches.map((m) => m.buyerId)).toEqual(["sweep-percent"]);
    expect((await findBuyerMatches(sweepDb, "s-sweep-percent-wild", { now: NOW })).matches).toEqual([]);
  });
});
