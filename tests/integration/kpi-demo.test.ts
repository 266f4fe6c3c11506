import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { demoIncidentHour } from "@/lib/kpi/demo";
import { HOUR_MS } from "@/lib/kpi/rules";
import { kpiSeries } from "@/lib/kpi/series";
import { runKpiTripwire } from "@/lib/kpi/tripwire";
import { createTestDatabase } from "../helpers/db";

// The real clock: the seed's intake stamps its rows with the database's time, and the history must agree with it.
const NOW = new Date();
let database: Database;
let db: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma, NOW);
  const tenant = await database.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
  db = scopeToTenant(database.prisma, tenant.id);
}, 180_000);
afterAll(() => database?.close());

describe("the demo's KPI history", () => {
  it("picks the last sending hour that ended an hour or more before now", () => {
    expect(new Date(demoIncidentHour(new Date("2026-12-09T10:20:00Z"))).toISOString()).toBe("2026-12-09T01:00:00.000Z");
    expect(new Date(demoIncidentHour(new Date("2026-12-09T18:59:00Z"))).toISOString()).toBe("2026-12-09T16:00:00.000Z");
  });

  it("charts outbound against full bands, with the tripwire's own alerts on the evening that went wrong", async () => {
    const view = await kpiSeries(db, { range: "24h" }, NOW);
    const byKey = new Map(view.series.map((s) => [s.key, s]));
    expect(view.alerts.map((a) => a.kpi).sort()).toEqual(["opt_out_rate", "reply_rate"]);
    for (const key of ["reply_rate", "opt_out_rate"]) {
      const series = byKey.get(key)!;
      expect(series.alerts).toBe(1);
      const alerted = series.points.find((p) => p.alert)!;
      expect(alerted.hour).toBe(new Date(demoIncidentHour(NOW)).toISOString());
      expect(alerted.low).not.toBeNull();
      expect(alerted.value! > alerted.high! || alerted.value! < alerted.low!).toBe(true);
    }
    // Every sending hour of the day has a band; the other KPIs stay inside theirs.
    const replyHours = byKey.get("reply_rate")!.points.filter((p) => p.value !== null);
    expect(replyHours.length).toBeGreaterThan(0);
    expect(replyHours.every((p) => p.low !== null)).toBe(true);
    expect(byKey.get("block_rate.market_policy")!.alerts).toBe(0);
    expect(view.neverHappened).toContain("Blocked by address");
    expect(view.series.map((s) => s.key)).not.toContain("block_rate.address");

    const week = await kpiSeries(db, { range: "7d" }, NOW);
    const replyWeek = week.series.find((s) => s.key === "reply_rate")!;
    expect(replyWeek.points.filter((p) => p.value !== null).every((p) => p.low !== null)).toBe(true);
  });

  it("counts intake when the demo deals arrived, the same total as the deals", async () => {
    const events = await db.kpiEvent.aggregate({ where: { name: "lead_created" }, _sum: { count: true } });
    expect(events._sum.count).toBe(await db.deal.count());
    const lastHour = await db.kpiEvent.aggregate({ where: { name: "lead_created", createdAt: { gte: new Date(NOW.getTime() - HOUR_MS) } }, _sum: { count: true } });
    expect(lastHour._sum.count ?? 0).toBeLessThan(10);
  });

  it("leaves the live tripwire quiet after the seed: the history raises no new alert", async () => {
    for (const minutes of [5, 60, 24 * 60]) {
      const report = await runKpiTripwire(db, { now: new Date(NOW.getTime() + minutes * 60_000) });
      expect(report.breaches, `${minutes} min after the seed`).toEqual([]);
    }
    expect(await db.kpiAlert.count()).toBe(2);
  });
});
