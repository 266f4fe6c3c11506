import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FEEDBACK_BURST } from "@/lib/buyers/engines";
import { getLiquidityScore } from "@/lib/buyers/liquidity";
import { DEFAULT_BUYER_SETTINGS, updateBuyerSettings } from "@/lib/buyers/settings";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { measureEngineLoad } from "@/lib/engines/load";
import { engineDefinition } from "@/lib/engines/registry";
import { runEngine } from "@/lib/engines/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let janeId: string;
let ownerId: string;
const actor = { actorId: null, actorEmail: "test", requestId: "req-engines" };
let street = 100;

/** A deal underwritten `hoursAgo` with the given spread, in Houston. */
async function underwrittenDeal(spread: number, hoursAgo = 1) {
  street += 1;
  return db.deal.create({
    data: {
      source: "MANUAL", addressKey: `${street} main st houston`, street: `${street} Main St`, city: "Houston", region: "TX", market: "Houston", postalCode: "77002",
      propertyType: "SFR", askingPrice: 120_000, arv: 250_000, repairs: 20_000, spread, underwrittenAt: new Date(Date.now() - hoursAgo * 3_600_000), status: "UNDERWRITTEN", raw: {},
    },
  });
}

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", "https://app.dealflow.test");
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "buyer-engines", name: "BE", timeZone: "America/Chicago", country: "US" }, [
    { email: "o@be.test", name: "Owner", password: "a-long-password-1", role: "owner" },
    { email: "va@be.test", name: "VA", password: "a-long-password-1", role: "va" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  ownerId = (await db.membership.findFirstOrThrow({ where: { role: "owner" } })).userId;
  const [jane] = await db.buyer.createManyAndReturn({
    data: [
      { name: "Jane Cash", markets: ["TX:Houston"], phones: ["+17135550101"], emails: ["jane@cash.test"], tier: "A", tierIsNew: false },
      { name: "Bo Flip", markets: ["TX:Houston"], phones: ["+17135550102"], tier: "B", tierIsNew: false },
      { name: "Far Away", markets: ["TX:Austin"], phones: ["+15125550103"], tier: "A", tierIsNew: false },
    ],
  });
  janeId = jane.id;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("buyer-matching engine", () => {
  it("notifies the owner of each new high-spread deal's matches, once", async () => {
    await underwrittenDeal(50_000);
    await underwrittenDeal(10_000); // under the 30,000 alert threshold
    await underwrittenDeal(60_000, 48); // before the first pass's window
    expect((await measureEngineLoad(db, engineDefinition("buyer-matching"))).backlog).toBe(1);

    const run = await runEngine(db, "buyer-matching", "manual");
    expect(run).toMatchObject({ outcome: "OK", items: 1 });
    const notes = await db.notification.findMany({ where: { kind: "deal.buyer_matches" } });
    expect(notes.map((n) => [n.userId, n.title])).toEqual([[ownerId, "2 buyers match 101 Main St (best: Jane Cash, tier A)"]]);
    expect(notes[0].body).toContain("Liquidity of Houston SFR");

    const again = await runEngine(db, "buyer-matching", "orchestrator");
    expect(again).toMatchObject({ outcome: "OK", items: 0 });
    expect(await db.notification.count({ where: { kind: "deal.buyer_matches" } })).toBe(1);
    expect(await db.blast.count()).toBe(0);
  });

  it("auto-blasts tier-A matches only when turned on, and reports a cold market's refusal", async () => {
    await updateBuyerSettings(db, { ...DEFAULT_BUYER_SETTINGS, autoBlastTierA: true }, actor);
    await underwrittenDeal(45_000, 0);
    const cold = await runEngine(db, "buyer-matching", "orchestrator");
    expect(cold.outcome).toBe("OK");
    const coldRun = await db.engineRun.findUniqueOrThrow({ where: { id: cold.runId } });
    expect((coldRun.details as { blastsRefused: { reason: string }[] }).blastsRefused[0].reason).toMatch(/cold/);
    expect(await db.blast.count()).toBe(0);

    await updateBuyerSettings(db, { ...DEFAULT_BUYER_SETTINGS, autoBlastTierA: true, coldLiquidityScore: 0 }, actor);
    const deal = await underwrittenDeal(45_000, 0);
    const warm = await runEngine(db, "buyer-matching", "orchestrator");
    expect(warm.outcome).toBe("OK");
    const blasts = await db.blast.findMany({ include: { recipients: true } });
    expect(blasts.map((b) => b.dealId)).toEqual([deal.id]);
    expect(new Set(blasts[0].recipients.map((r) => r.buyerId))).toEqual(new Set([janeId]));
    const note = await db.notification.findFirstOrThrow({ where: { kind: "deal.buyer_matches", data: { path: ["dealId"], equals: deal.id } } });
    expect(note.body).toContain("Auto-blast sent to 1 tier-A buyer(s)");
  });
});

describe("buyer-performance engine", () => {
  it("recomputes tiers and nodes when run, then waits for a burst or the next day", async () => {
    const deals = await Promise.all(Array.from({ length: 6 }, () => underwrittenDeal(5_000, 500)));
    const bo = await db.buyer.findFirstOrThrow({ where: { name: "Bo Flip" } });
    await db.buyerFeedbackEvent.createMany({
      data: deals.flatMap((deal, i) => [
        { buyerId: bo.id, dealId: deal.id, kind: "SENT", region: "TX", market: "Houston", propertyType: "SFR" },
        ...(i < 4 ? [{ buyerId: bo.id, dealId: deal.id, kind: "RESPONDED", region: "TX", market: "Houston", propertyType: "SFR" }] : []),
        ...(i < 2 ? [{ buyerId: bo.id, dealId: deal.id, kind: "BOUGHT", region: "TX", market: "Houston", propertyType: "SFR" }] : []),
      ]),
    });
    const run = await runEngine(db, "buyer-performance", "manual");
    expect(run).toMatchObject({ outcome: "OK", items: 3 });
    // Bo: 6 sent, 4 answered, 2 bought -> tier A; Jane and Far Away have no history -> C, new.
    const tiers = await db.buyer.findMany({ select: { name: true, tier: true, tierIsNew: true }, orderBy: { name: "asc" } });
    expect(tiers).toEqual([
      { name: "Bo Flip", tier: "A", tierIsNew: false },
      { name: "Far Away", tier: "C", tierIsNew: true },
      { name: "Jane Cash", tier: "C", tierIsNew: true },
    ]);
    const node = await db.buyerLiquidityNode.findFirstOrThrow({ where: { region: "TX", market: "Houston", propertyType: "SFR" } });
    expect(node).toMatchObject({ sentCount: 6, responseCount: 6, boughtCount: 2, activeBuyerCount: 1 });
    expect((await getLiquidityScore(db, { region: "TX", market: "Houston", propertyType: "SFR" })).score).toBeCloseTo(node.score, 10);

    const quiet = await runEngine(db, "buyer-performance", "orchestrator");
    expect(quiet.outcome).toBe("SKIPPED");
    expect(quiet.error).toMatch(/a burst is 25/);

    await db.buyerFeedbackEvent.createMany({ data: Array.from({ length: FEEDBACK_BURST }, () => ({ buyerId: janeId, kind: "SENT", region: "TX", market: "Houston", propertyType: "SFR" })) });
    const burst = await runEngine(db, "buyer-performance", "orchestrator");
    expect(burst.outcome).toBe("OK");
    expect(await db.buyer.findUniqueOrThrow({ where: { id: janeId }, select: { tier: true, tierIsNew: true } })).toEqual({ tier: "C", tierIsNew: false });
  });
});
