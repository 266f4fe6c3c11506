import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEMO_NORTH_SLUG, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { DEMO_LISTS } from "@/lib/demo/underwriting";
import { compsForDeal } from "@/lib/comps/service";
import { MIN_OUTCOMES } from "@/lib/scoring/models";
import { createTestDatabase } from "../helpers/db";

const NOW = new Date();
let database: Database;
let us: TenantDb;
let ca: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.prisma, NOW);
  const tenant = (slug: string) => database.prisma.tenant.findUniqueOrThrow({ where: { slug } });
  us = scopeToTenant(database.prisma, (await tenant(DEMO_TENANT_SLUG)).id);
  ca = scopeToTenant(database.prisma, (await tenant(DEMO_NORTH_SLUG)).id);
}, 240_000);
afterAll(() => database?.close());

describe("the demo's underwriting desk", () => {
  it("proposes a learned model in the US workspace from its decided deals, beside the points table", async () => {
    const decided = await us.deal.count({ where: { status: { in: ["UNDER_CONTRACT", "CLOSED", "DEAD"] } } });
    expect(decided).toBeGreaterThanOrEqual(MIN_OUTCOMES);
    const models = await us.scoringModel.findMany();
    expect(models).toHaveLength(1);
    expect(models[0].status).toBe("PROPOSED");
    const auc = (models[0].metrics as { auc: number }).auc;
    expect(auc).toBeGreaterThan(0.65);
    expect(auc).toBeLessThan(0.9);
    // Nothing is promoted by the seed: the live scores are the points table's.
    expect(await us.deal.count({ where: { scoreModel: { not: "points-v1" } } })).toBe(0);
    expect(await ca.scoringModel.count()).toBe(0);
  });

  it("has leads on several lists, their list count kept with them", async () => {
    for (const db of [us, ca]) {
      expect((await db.leadList.findMany({ select: { name: true } })).map((l) => l.name).sort()).toEqual([...DEMO_LISTS].sort());
      const stacked = await db.deal.findMany({ where: { listCount: { gte: 2 } }, select: { id: true, listCount: true } });
      expect(stacked.length).toBeGreaterThan(5);
      for (const deal of stacked.slice(0, 10)) expect(await db.leadListMember.count({ where: { dealId: deal.id } })).toBe(deal.listCount);
    }
  });

  it("flags the deals whose data does not add up, with their reasons", async () => {
    const flagged = await us.deal.findMany({ where: { street: { in: ["417 Cedar Ln", "88 Lakeview Rd", "1290 Pine St", "52 Hillcrest Dr"] } }, select: { street: true, qualityFlags: true } });
    const flags = Object.fromEntries(flagged.map((d) => [d.street, d.qualityFlags]));
    expect(flags["88 Lakeview Rd"]).toContain("arv_below_asking");
    expect(flags["1290 Pine St"]).toContain("repairs_above_arv");
    expect(flags["52 Hillcrest Dr"]).toContain("sqft_impossible");
    expect(flags["417 Cedar Ln"]).toContain("asking_outlier");
  });

  it("has sold comps around the demo deals, enough to price a deal from them", async () => {
    for (const db of [us, ca]) expect(await db.compSale.count()).toBeGreaterThan(300);
    const deals = await us.deal.findMany({ where: { status: "UNDERWRITTEN", sqft: { not: null } }, select: { id: true }, take: 20 });
    const priced = (await Promise.all(deals.map((deal) => compsForDeal(us, deal.id, NOW)))).filter((r) => r && r.estimate.arv !== null);
    expect(priced.length).toBeGreaterThan(deals.length / 2);
  });
});
