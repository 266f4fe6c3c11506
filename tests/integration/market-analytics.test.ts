/**
 * Market intel on the Analytics page, with known answers: four San Antonio ZIPs (one hot,
 * one normal, two cold) ranked by the engine, then read back as the page reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { marketAnalytics, rankCounts } from "@/lib/market/analytics";
import { recomputeAreas, setAreaBlacklist } from "@/lib/market/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date("2026-12-06T12:00:00Z");
const DAY = 86_400_000;
const actor = { actorId: null, actorEmail: "test", requestId: "req-market-analytics" };
let database: Database;
let db: TenantDb;
let counter = 0;

/** A deal in a ZIP that arrived `daysAgo` days before NOW with the given spread. */
async function deal(target: TenantDb, areaCode: string, daysAgo: number, spread: number | null = 30_000) {
  counter += 1;
  await target.deal.create({
    data: {
      source: "MANUAL", addressKey: `k-${counter}`, raw: {}, street: `${counter} Main St`, city: "San Antonio", region: "TX", market: "SAN ANTONIO",
      postalCode: areaCode, areaCode, country: "US", arv: 200_000, spread, status: spread === null ? "NEW" : "UNDERWRITTEN", createdAt: new Date(NOW.getTime() - daysAgo * DAY),
    } as never,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const owner = (slug: string) => [{ email: `o@${slug}.test`, name: "Owner", password: "a-long-password-1", role: "owner" as const }];
  db = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "ma-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("ma-a"))).id);
  const other = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "ma-b", name: "B", timeZone: "America/Chicago", country: "US" }, owner("ma-b"))).id);
  for (const days of [1, 3, 5, 8, 12, 20]) await deal(db, "78201", days);
  for (const days of [10, 40, 70]) await deal(db, "78202", days, 5_000);
  await deal(db, "78203", 100);
  await deal(db, "78204", 50);
  // Another workspace's burst in a ZIP of this one: never counted here.
  for (const days of [1, 2, 3, 4, 5]) await deal(other, "78202", days);
  await recomputeAreas(db, { full: true, now: NOW });
  await recomputeAreas(other, { full: true, now: NOW });
}, 120_000);
afterAll(() => database.close());

describe("market analytics", () => {
  it("counts the areas of each rank", async () => {
    expect(await rankCounts(db)).toEqual({ HOT: 1, NORMAL: 1, COLD: 2, BLACKLIST: 0 });
    const figures = await marketAnalytics(db, { now: NOW });
    expect(figures.totals).toEqual({ HOT: 1, NORMAL: 1, COLD: 2, BLACKLIST: 0 });
  });

  it("lists the hot area with its headline and the cold ones coldest first", async () => {
    const { hot, cold } = await marketAnalytics(db, { now: NOW });
    expect(hot.map((a) => a.areaCode)).toEqual(["78201"]);
    expect(hot[0]).toMatchObject({ city: "San Antonio", deals4w: 6, deals12w: 6, medianSpread: 30_000 });
    expect(hot[0].headline).toMatch(/^HOT: 6 deals in 4 weeks, 3\.0x the 12-week rate, median spread 30k/);
    // 78203's only deal is older than 12 weeks; 78204 has one in 12 weeks.
    expect(cold.map((a) => [a.areaCode, a.deals12w])).toEqual([["78203", 0], ["78204", 1]]);
  });

  it("gives the leading areas' new deals per week over 16 weeks", async () => {
    const { weeks, velocity } = await marketAnalytics(db, { now: NOW });
    expect(weeks).toHaveLength(16);
    expect(weeks[15]).toBe("2026-11-29");
    expect(weeks[0]).toBe("2026-08-16");
    // Hottest first; an area without deals in 12 weeks has no line.
    expect(velocity.map((s) => s.areaCode)).toEqual(["78201", "78202", "78204"]);
    const of = (code: string) => velocity.find((s) => s.areaCode === code)!.counts;
    expect(of("78201").slice(12)).toEqual([0, 1, 2, 3]);
    expect(of("78201").reduce((a, b) => a + b, 0)).toBe(6);
    const normal = of("78202");
    expect([normal[14], normal[10], normal[5]]).toEqual([1, 1, 1]);
    expect(normal.reduce((a, b) => a + b, 0)).toBe(3);
    expect(velocity[0].label).toBe("78201 San Antonio");
  });

  it("rolls ranks up by market", async () => {
    const { ranksByMarket } = await marketAnalytics(db, { now: NOW });
    expect(ranksByMarket).toHaveLength(1);
    expect(ranksByMarket[0]).toMatchObject({ areas: 4, HOT: 1, NORMAL: 1, COLD: 2, BLACKLIST: 0 });
  });

  it("leaves a blacklisted area out of the lines and lists, and counts it as blacklisted", async () => {
    await setAreaBlacklist(db, "78204", { blacklisted: true, reason: "Flood zone, buyers pass" }, actor);
    const figures = await marketAnalytics(db, { now: NOW });
    expect(figures.totals).toEqual({ HOT: 1, NORMAL: 1, COLD: 1, BLACKLIST: 1 });
    expect(figures.velocity.map((s) => s.areaCode)).toEqual(["78201", "78202"]);
    expect(figures.cold.map((a) => a.areaCode)).toEqual(["78203"]);
    expect(figures.ranksByMarket[0]).toMatchObject({ COLD: 1, BLACKLIST: 1 });
  });
});
