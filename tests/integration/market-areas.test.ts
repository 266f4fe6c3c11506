import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { locateDeals } from "@/lib/deals/location";
import { measureEngineLoad } from "@/lib/engines/load";
import { engineDefinition } from "@/lib/engines/registry";
import { runEngine } from "@/lib/engines/service";
import { ExpectedError } from "@/lib/errors";
import { areaCentroid } from "@/lib/geo/area";
import { comparableMetrics } from "@/lib/market/areas";
import { planMarketPass } from "@/lib/market/engine";
import { computeAreaMetrics, emptyMetrics } from "@/lib/market/metrics";
import { rankArea } from "@/lib/market/rank";
import { areaRollups, getArea, getMarketSettings, listAreas, recomputeAreas, saveMarketSettings, setAreaBlacklist } from "@/lib/market/service";
import { DEFAULT_RANK_THRESHOLDS } from "@/lib/market/thresholds";
import type { AreaMetrics } from "@/lib/market/types";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
let ownerId: string;
let actor: { actorId: string | null; actorEmail: string | null; requestId: string };
let seq = 0;

const DAY = 86_400_000;
const NOW = new Date("2026-11-30T12:00:00.000Z");
const ago = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);

const SAN_ANTONIO = { postalCode: "78201", areaCode: "78201", region: "TX", market: "San Antonio", city: "San Antonio", country: "US" as const };
const TORONTO = { postalCode: "M5V 2T6", areaCode: "M5V", region: "ON", market: "Toronto", city: "Toronto", country: "CA" as const };

/** A deal as intake would have placed it, created `daysAgo` before NOW. */
async function deal(
  tenant: TenantDb,
  place: typeof SAN_ANTONIO | typeof TORONTO,
  daysAgo: number,
  extra: { spread?: number; spreadRatio?: number; underwritten?: boolean; contractedDaysAgo?: number; closedDaysAgo?: number; deleted?: boolean } = {},
) {
  seq += 1;
  const createdAt = ago(daysAgo);
  return tenant.deal.create({
    data: {
      source: "MANUAL", addressKey: `${seq} main st ${place.areaCode}`, street: `${seq} Main St`, raw: {}, status: "NEW", ...place,
      createdAt, updatedAt: createdAt, spread: extra.spread ?? null, spreadRatio: extra.spreadRatio ?? null,
      underwrittenAt: extra.underwritten ? createdAt : null,
      contractedAt: extra.contractedDaysAgo !== undefined ? ago(extra.contractedDaysAgo) : null,
      closedAt: extra.closedDaysAgo !== undefined ? ago(extra.closedDaysAgo) : null,
      deletedAt: extra.deleted ? createdAt : null,
    },
  });
}

async function message(tenant: TenantDb, dealId: string, daysAgo: number, direction: "OUTBOUND" | "INBOUND", status: "DELIVERED" | "BLOCKED" | "RECEIVED", buyerId?: string) {
  const at = ago(daysAgo);
  return tenant.message.create({
    data: { dealId, buyerId: buyerId ?? null, channel: "SMS", direction, status, toAddress: "+12105550100", body: "Hi", provider: "outbox", createdAt: at, updatedAt: at },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "market-areas", name: "Alamo Homes", timeZone: "America/Chicago", country: "US" }, [
    { email: "o@market.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" },
    { email: "a@market.test", name: "Adam Admin", password: "a-long-password-1", role: "admin" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  ownerId = (await db.membership.findFirstOrThrow({ where: { role: "owner" } })).userId;
  actor = { actorId: ownerId, actorEmail: "o@market.test", requestId: "req-market" };
  const second = await database.prisma.tenant.create({ data: { slug: "market-other", name: "Other Homes", timeZone: "America/Chicago", country: "US" } });
  other = scopeToTenant(database.prisma, second.id);
});
afterAll(() => database.close());

describe("area metrics from deals, messages and offers", () => {
  const expected78201 = {
    deals4w: 3,
    deals12w: 4,
    dealsTotal: 5,
    velocity4w: 0.75,
    velocity12w: 0.33,
    trend: 2.25,
    medianSpread: 25_000,
    medianSpreadRatio: 0.125,
    underwrittenShare: 0.5,
    outbound: 4,
    replies: 1,
    replyRate: 0.25,
    buyerOffers: 2,
    contracts: 3,
    closes: 1,
    medianDaysToContract: 15,
    lastDealAt: ago(3).toISOString(),
  };

  beforeAll(async () => {
    const a = await deal(db, SAN_ANTONIO, 3, { spread: 40_000, spreadRatio: 0.2, underwritten: true });
    const b = await deal(db, SAN_ANTONIO, 10, { spread: 20_000, spreadRatio: 0.1 });
    await deal(db, SAN_ANTONIO, 20, { spread: 30_000, spreadRatio: 0.15, contractedDaysAgo: 5 });
    await deal(db, SAN_ANTONIO, 50, { spread: 10_000, spreadRatio: 0.05, underwritten: true, contractedDaysAgo: 40, closedDaysAgo: 10 });
    // Older than 12 weeks: counted in the total and its contract (30 days), not in the spreads.
    await deal(db, SAN_ANTONIO, 100, { spread: 90_000, spreadRatio: 0.4, contractedDaysAgo: 70 });
    await deal(db, SAN_ANTONIO, 5, { spread: 99_000, deleted: true });
    await deal(db, SAN_ANTONIO, -3, { spread: 99_000 }); // after NOW (and after every pass below)
    await deal(db, TORONTO, 2, { spread: 12_000 });
    await db.deal.create({ data: { source: "MANUAL", addressKey: "no postal code", raw: {}, createdAt: ago(1) } });
    for (let i = 0; i < 4; i++) await message(db, a.id, 2, "OUTBOUND", "DELIVERED");
    await message(db, a.id, 2, "OUTBOUND", "BLOCKED");
    await message(db, a.id, 1, "INBOUND", "RECEIVED");
    await message(db, a.id, 100, "OUTBOUND", "DELIVERED");
    await message(db, a.id, 2, "OUTBOUND", "DELIVERED", "buyer-1");
    await db.buyerOffer.createMany({
      data: [
        { dealId: b.id, buyerId: "buyer-1", amount: 150_000, createdAt: ago(4) },
        { dealId: b.id, buyerId: "buyer-2", amount: 155_000, createdAt: ago(6) },
        { dealId: b.id, buyerId: "buyer-3", amount: 140_000, createdAt: ago(90) },
      ],
    });
  });

  it("computes each area's figures with known answers", async () => {
    const metrics = await computeAreaMetrics(db, { now: NOW });
    expect([...metrics.keys()].sort()).toEqual(["78201", "M5V"]);
    expect(metrics.get("78201")).toEqual({ asOf: NOW.toISOString(), ...expected78201 });
    expect(metrics.get("M5V")).toMatchObject({ deals4w: 1, deals12w: 1, dealsTotal: 1, trend: 3, medianSpread: 12_000, outbound: 0, replyRate: null, contracts: 0, medianDaysToContract: null });
  });

  it("computes only the areas asked for, an area without deals as empty", async () => {
    const metrics = await computeAreaMetrics(db, { now: NOW, areaCodes: ["78201", "10001"] });
    expect([...metrics.keys()].sort()).toEqual(["10001", "78201"]);
    expect(metrics.get("10001")).toEqual(emptyMetrics(NOW));
    expect(metrics.get("78201")).toMatchObject(expected78201);
  });

  it("a full recompute writes every area with its rank and place", async () => {
    const report = await recomputeAreas(db, { now: NOW });
    expect(report).toMatchObject({ areas: 2, changed: 2, newlyHot: [] });
    const area = await getArea(db, "78201-1234");
    expect(area).toMatchObject({
      areaCode: "78201", country: "US", region: "TX", market: "San Antonio", city: "San Antonio",
      rank: "NORMAL", computedRank: "NORMAL", blacklisted: false, metrics: expected78201, computedAt: NOW.toISOString(),
    });
    expect(area!.reasons[0]).toBe("NORMAL: 4 deals in 12 weeks; 3 deals in 4 weeks (hot from 4)");
    expect(await getArea(db, "m5v 2t6")).toMatchObject({ areaCode: "M5V", country: "CA", rank: "COLD", region: "ON" });
  });
});

describe("an area turning hot", () => {
  it("notifies the owners once, with the headline reason", async () => {
    const later = new Date(NOW.getTime() + DAY);
    await deal(db, SAN_ANTONIO, -0.5, { spread: 50_000 });
    await deal(db, SAN_ANTONIO, -0.6, { spread: 50_000 });
    const report = await recomputeAreas(db, { since: NOW, now: later });
    expect(report.newlyHot).toEqual(["78201"]);
    const area = await getArea(db, "78201");
    expect(area).toMatchObject({ rank: "HOT", rankChangedAt: later.toISOString() });
    const notes = await db.notification.findMany({ where: { kind: "market.hot" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ userId: ownerId, title: "78201 is hot", body: area!.reasons[0], data: { areaCode: "78201" } });
    expect(area!.reasons[0]).toMatch(/^HOT: 5 deals in 4 weeks, 2\.5x the 12-week rate, median spread 35k$/);

    const again = await recomputeAreas(db, { full: true, now: new Date(later.getTime() + 60_000) });
    expect(again.newlyHot).toEqual([]);
    expect(await db.notification.count({ where: { kind: "market.hot" } })).toBe(1);
  });
});

describe("the blacklist mark", () => {
  it("needs a reason, and a code the postal data knows", async () => {
    const refused = await setAreaBlacklist(db, "78201", { blacklisted: true }, actor).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExpectedError);
    expect(refused).toMatchObject({ code: "invalid", field: "reason", message: "Say why this area is blacklisted" });
    expect(await setAreaBlacklist(db, "78201", { blacklisted: true, reason: "  " }, actor).catch((e: ExpectedError) => e.code)).toBe("invalid");
    for (const unknown of ["00000", "hello", "Z9Z"]) {
      expect(await setAreaBlacklist(db, unknown, { blacklisted: true, reason: "Flood zone" }, actor).catch((e: ExpectedError) => e.code)).toBe("not_found");
    }
    expect(await db.auditEvent.count({ where: { action: { startsWith: "market." } } })).toBe(0);
  });

  it("is audited, survives a recompute, and lifting it restores the computed rank", async () => {
    const marked = await setAreaBlacklist(db, "78201", { blacklisted: true, reason: "Flood zone, buyers walk" }, actor);
    expect(marked).toMatchObject({ rank: "BLACKLIST", computedRank: "HOT", blacklisted: true, blacklistReason: "Flood zone, buyers walk", blacklistedBy: "Olive Owner" });
    expect(marked.reasons[0]).toBe("BLACKLIST: Flood zone, buyers walk");
    expect(await db.auditEvent.findFirst({ where: { action: "market.area_blacklisted" } })).toMatchObject({
      entity: "MarketArea", entityId: "78201", actorId: ownerId,
      before: { blacklisted: false, rank: "HOT" }, after: { blacklisted: true, reason: "Flood zone, buyers walk", rank: "BLACKLIST" },
    });

    await deal(db, SAN_ANTONIO, -1.5, { spread: 60_000 });
    await recomputeAreas(db, { full: true, now: new Date(NOW.getTime() + 2 * DAY) });
    const after = await getArea(db, "78201");
    expect(after).toMatchObject({ rank: "BLACKLIST", computedRank: "HOT", blacklisted: true, blacklistReason: "Flood zone, buyers walk" });
    expect(after!.metrics.deals4w).toBe(6);
    expect((await listAreas(db, { rank: "HOT" })).map((a) => a.areaCode)).toEqual([]);

    const lifted = await setAreaBlacklist(db, "78201", { blacklisted: false }, actor);
    expect(lifted).toMatchObject({ rank: "HOT", computedRank: "HOT", blacklisted: false, blacklistReason: null, blacklistedBy: null });
    expect(lifted.reasons[0]).toMatch(/^HOT: 6 deals in 4 weeks/);
    expect(await db.auditEvent.findFirst({ where: { action: "market.area_unblacklisted" } })).toMatchObject({ entityId: "78201", after: { blacklisted: false, rank: "HOT" } });
    // Lifting the mark is not the area turning hot: no second notification.
    expect(await db.notification.count({ where: { kind: "market.hot" } })).toBe(1);
  });

  it("marks an area the workspace has no deals in yet", async () => {
    const marked = await setAreaBlacklist(db, "10001", { blacklisted: true, reason: "Outside our buy box" }, actor);
    expect(marked).toMatchObject({ areaCode: "10001", country: "US", city: "New York", rank: "BLACKLIST", computedRank: "COLD", metrics: { dealsTotal: 0 } });
    await recomputeAreas(db, { full: true, now: new Date(NOW.getTime() + 2 * DAY) });
    expect(await getArea(db, "10001")).toMatchObject({ rank: "BLACKLIST", blacklisted: true });
  });
});

describe("lists and rollups", () => {
  it("lists hottest first and filters by rank, region, market and text", async () => {
    expect((await listAreas(db, {})).map((a) => [a.areaCode, a.rank])).toEqual([["78201", "HOT"], ["M5V", "COLD"], ["10001", "BLACKLIST"]]);
    expect((await listAreas(db, { region: "on" })).map((a) => a.areaCode)).toEqual(["M5V"]);
    expect((await listAreas(db, { market: "san antonio" })).map((a) => a.areaCode)).toEqual(["78201"]);
    expect((await listAreas(db, { q: "m5" })).map((a) => a.areaCode)).toEqual(["M5V"]);
    expect((await listAreas(db, { q: "york" })).map((a) => a.areaCode)).toEqual(["10001"]);
    expect((await listAreas(db, { limit: 1 })).map((a) => a.areaCode)).toEqual(["78201"]);
  });

  it("sums the areas up by market and by region", async () => {
    const byMarket = await areaRollups(db, "market", new Date(NOW.getTime() + 2 * DAY));
    const sa = byMarket.find((r) => r.key === "San Antonio")!;
    expect(sa).toMatchObject({ areas: 1, counts: { HOT: 1, NORMAL: 0, COLD: 0, BLACKLIST: 0 }, deals4w: 6, deals12w: 7 });
    // Spreads of the 12 weeks' deals: 10k, 20k, 30k, 40k, 50k, 50k, 60k.
    expect(sa.medianSpread).toBe(40_000);
    const byRegion = await areaRollups(db, "region", new Date(NOW.getTime() + 2 * DAY));
    expect(byRegion.map((r) => r.key).sort()).toEqual(["NY", "ON", "TX"]);
    expect(byRegion.find((r) => r.key === "NY")).toMatchObject({ areas: 1, counts: { BLACKLIST: 1 }, deals4w: 0, medianSpread: null });
    expect(byRegion.find((r) => r.key === "ON")).toMatchObject({ counts: { COLD: 1 }, medianSpread: 12_000 });
  });
});

describe("market settings", () => {
  it("saves audited, re-ranks every area, and refuses bad thresholds by field", async () => {
    expect(await getMarketSettings(db)).toEqual(DEFAULT_RANK_THRESHOLDS);
    const saved = await saveMarketSettings(db, { ...DEFAULT_RANK_THRESHOLDS, hotMinDeals4w: 20 }, actor);
    expect(saved.hotMinDeals4w).toBe(20);
    expect(await getMarketSettings(db)).toEqual(saved);
    expect(await db.auditEvent.findFirst({ where: { action: "market.settings_updated" }, orderBy: { createdAt: "asc" } })).toMatchObject({
      entity: "MarketIntelSettings", actorId: ownerId, before: { hotMinDeals4w: 4 }, after: { hotMinDeals4w: 20 },
    });
    expect(await getArea(db, "78201")).toMatchObject({ rank: "NORMAL", computedRank: "NORMAL" });
    // The blacklisted area stays marked under any thresholds.
    expect(await getArea(db, "10001")).toMatchObject({ rank: "BLACKLIST" });

    const refused = await saveMarketSettings(db, { ...DEFAULT_RANK_THRESHOLDS, coldMaxReplyRate: 3 }, actor).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "invalid", field: "coldMaxReplyRate" });
    await saveMarketSettings(db, DEFAULT_RANK_THRESHOLDS, actor);
    expect(await getArea(db, "78201")).toMatchObject({ rank: "HOT" });
  });
});

describe("tenant isolation", () => {
  it("lists and reads only the workspace's own areas", async () => {
    await deal(other, SAN_ANTONIO, 2, { spread: 1_000 });
    await recomputeAreas(other, { now: NOW });
    const theirs = await listAreas(other, {});
    expect(theirs.map((a) => [a.areaCode, a.metrics.dealsTotal])).toEqual([["78201", 1]]);
    expect(await getArea(other, "M5V")).toBeNull();
    expect(await getArea(other, "10001")).toBeNull();
    expect((await getArea(db, "78201"))!.metrics.dealsTotal).toBeGreaterThan(1);
    expect((await listAreas(db, {})).map((a) => a.areaCode)).toEqual(["78201", "M5V", "10001"]);
  });
});

describe("locating deals", () => {
  it("gives deals without coordinates their area's centroid and area code", async () => {
    const tenant = await database.prisma.tenant.create({ data: { slug: `locate-${seq}`, name: "Locate", timeZone: "America/Chicago", country: "US" } });
    const t = scopeToTenant(database.prisma, tenant.id);
    const legacy = await t.deal.create({ data: { source: "CSV", addressKey: "legacy", raw: {}, postalCode: "78201" } });
    const placed = await t.deal.create({ data: { source: "CSV", addressKey: "placed", raw: {}, postalCode: "78201", areaCode: "78201", latitude: 29.5, longitude: -98.6, locationSource: "intake" } });
    const unknown = await t.deal.create({ data: { source: "CSV", addressKey: "unknown", raw: {}, postalCode: "00000", areaCode: "00000" } });
    expect(await locateDeals(t)).toEqual({ located: 1, areaCodesSet: 1 });
    const centre = areaCentroid("78201")!;
    expect(await t.deal.findUnique({ where: { id: legacy.id } })).toMatchObject({ areaCode: "78201", locationSource: "centroid", latitude: centre.latitude, longitude: centre.longitude });
    expect(await t.deal.findUnique({ where: { id: placed.id } })).toMatchObject({ latitude: 29.5, locationSource: "intake" });
    expect(await t.deal.findUnique({ where: { id: unknown.id } })).toMatchObject({ latitude: null });
    expect(await locateDeals(t)).toEqual({ located: 0, areaCodesSet: 0 });
  });
});

describe("the market-intel engine", () => {
  it("plans incremental passes from the last one, and a full pass daily or on demand", () => {
    const t0 = new Date("2026-12-01T00:00:00Z");
    expect(planMarketPass(null, t0, false)).toEqual({ full: true, since: null, lastFullAt: null });
    const last = { until: "2026-12-01T06:00:00.000Z", lastFullAt: "2026-12-01T00:00:00.000Z" };
    expect(planMarketPass(last, new Date("2026-12-01T06:15:00Z"), false)).toMatchObject({ full: false, since: new Date("2026-12-01T05:59:00Z") });
    expect(planMarketPass(last, new Date("2026-12-02T00:00:00Z"), false).full).toBe(true);
    expect(planMarketPass(last, new Date("2026-12-01T06:15:00Z"), true).full).toBe(true);
  });

  it("runs on the registry, records its watermark and measures its backlog in changed deals", async () => {
    const tenant = await database.prisma.tenant.create({ data: { slug: `engine-${seq}`, name: "Engine", timeZone: "America/Chicago", country: "US" } });
    const t = scopeToTenant(database.prisma, tenant.id);
    const place = { ...SAN_ANTONIO, latitude: 29.47, longitude: -98.5 };
    for (let i = 0; i < 3; i++) await t.deal.create({ data: { source: "CSV", addressKey: `e${i}`, raw: {}, ...place } });
    const engine = engineDefinition("market-intel");
    expect((await measureEngineLoad(t, engine)).backlog).toBe(3);
    const first = await runEngine(t, "market-intel", "orchestrator");
    expect(first).toMatchObject({ outcome: "OK", items: 1 });
    const run = await t.engineRun.findFirstOrThrow({ where: { engine: "market-intel", outcome: "OK" } });
    expect(run.details).toMatchObject({ full: true, changed: 1 });
    expect((await measureEngineLoad(t, engine)).backlog).toBe(0);
    await t.deal.create({ data: { source: "CSV", addressKey: "e9", raw: {}, ...place } });
    expect((await measureEngineLoad(t, engine)).backlog).toBe(1);
    const second = await runEngine(t, "market-intel", "orchestrator");
    expect(second).toMatchObject({ outcome: "OK", items: 1 });
    const latest = await t.engineRun.findFirstOrThrow({ where: { engine: "market-intel", outcome: "OK" }, orderBy: { startedAt: "desc" } });
    expect(latest.details).toMatchObject({ full: false });
    expect(await getArea(t, "78201")).toMatchObject({ metrics: { dealsTotal: 4 } });
  });
});

/** One step of a workspace's history, at `gapHours` after the previous one. */
type Step =
  | { kind: "deal"; gapHours: number; area: number; spread: number | null; underwritten: boolean }
  | { kind: "edit"; gapHours: number; deal: number; spread: number | null }
  | { kind: "contract"; gapHours: number; deal: number; close: boolean }
  | { kind: "move"; gapHours: number; deal: number; area: number }
  | { kind: "delete"; gapHours: number; deal: number }
  | { kind: "message"; gapHours: number; deal: number; inbound: boolean }
  | { kind: "offer"; gapHours: number; deal: number }
  | { kind: "pass"; gapHours: number };

const AREAS = [SAN_ANTONIO, TORONTO, { ...SAN_ANTONIO, postalCode: "78202", areaCode: "78202" }];
// Gaps up to 60 days, so deals, messages and offers cross the 4-, 12- and 52-week edges between passes.
const gap = fc.integer({ min: 0, max: 60 * 24 });
const index = fc.nat({ max: 30 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("deal" as const), gapHours: gap, area: fc.nat({ max: 2 }), spread: fc.option(fc.integer({ min: -20_000, max: 80_000 }), { nil: null }), underwritten: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("edit" as const), gapHours: gap, deal: index, spread: fc.option(fc.integer({ min: -20_000, max: 80_000 }), { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("contract" as const), gapHours: gap, deal: index, close: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), gapHours: gap, deal: index, area: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), gapHours: gap, deal: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("message" as const), gapHours: gap, deal: index, inbound: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("offer" as const), gapHours: gap, deal: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("pass" as const), gapHours: gap }) },
);

describe("incremental recompute", () => {
  it("equals a full recompute after any history of deals, edits, moves, deletions, messages and offers", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 4, maxLength: 18 }), async (steps) => {
        run += 1;
        const tenant = await database.prisma.tenant.create({ data: { slug: `history-${run}-${seq++}`, name: "History", timeZone: "America/Chicago", country: "US" } });
        const t = scopeToTenant(database.prisma, tenant.id);
        const deals: string[] = [];
        let clock = new Date("2025-06-01T00:00:00.000Z").getTime();
        let lastPass: Date | null = null;
        const pick = (i: number) => (deals.length ? deals[i % deals.length] : null);

        const check = async (at: Date) => {
          await recomputeAreas(t, { since: lastPass, now: at });
          lastPass = at;
          const full = await computeAreaMetrics(t, { now: at });
          const rows = await t.marketArea.findMany();
          const stored = new Map(rows.map((r) => [r.areaCode, r]));
          for (const [code, metrics] of full) {
            if (metrics.dealsTotal === 0) continue;
            const row = stored.get(code);
            expect(row, `area ${code} has a row`).toBeDefined();
            expect(comparableMetrics(row!.metrics)).toEqual(comparableMetrics(metrics));
            expect(row!.rank).toBe(rankArea(metrics, DEFAULT_RANK_THRESHOLDS).rank);
          }
          for (const row of rows) {
            expect(comparableMetrics(row.metrics)).toEqual(comparableMetrics(full.get(row.areaCode) ?? emptyMetrics(at)));
            expect(row.reasons).toEqual(rankArea((row.metrics as unknown as AreaMetrics), DEFAULT_RANK_THRESHOLDS).reasons);
          }
        };

        for (const step of [...steps, { kind: "pass", gapHours: 24 * 30 } as const]) {
          clock += step.gapHours * 3_600_000;
          const at = new Date(clock);
          const dealId = "deal" in step ? pick(step.deal) : null;
          switch (step.kind) {
            case "deal": {
              const place = AREAS[step.area];
              const row = await t.deal.create({
                data: {
                  source: "CSV", addressKey: `h${deals.length}`, raw: {}, ...place, latitude: 29.4, longitude: -98.5, locationSource: "intake",
                  spread: step.spread, underwrittenAt: step.underwritten ? at : null, createdAt: at, updatedAt: at,
                },
              });
              deals.push(row.id);
              break;
            }
            case "edit":
              if (dealId) await t.deal.update({ where: { id: dealId }, data: { spread: step.spread, updatedAt: at } });
              break;
            case "contract":
              if (dealId) await t.deal.update({ where: { id: dealId }, data: step.close ? { closedAt: at, updatedAt: at } : { contractedAt: at, updatedAt: at } });
              break;
            case "move":
              if (dealId) await t.deal.update({ where: { id: dealId }, data: { ...AREAS[step.area], updatedAt: at } });
              break;
            case "delete":
              if (dealId) await t.deal.update({ where: { id: dealId }, data: { deletedAt: at, updatedAt: at } });
              break;
            case "message":
              if (dealId) {
                await t.message.create({
                  data: {
                    dealId, channel: "SMS", direction: step.inbound ? "INBOUND" : "OUTBOUND", status: step.inbound ? "RECEIVED" : "DELIVERED",
                    toAddress: "+12105550100", body: "Hi", provider: "outbox", createdAt: at, updatedAt: at,
                  },
                });
              }
              break;
            case "offer":
              if (dealId) await t.buyerOffer.create({ data: { dealId, buyerId: "b", amount: 100_000, createdAt: at } });
              break;
            case "pass":
              await check(at);
              break;
          }
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
