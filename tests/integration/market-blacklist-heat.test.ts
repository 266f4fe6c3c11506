/**
 * Market intel wired into the other areas: a blacklisted postal area refuses sends to its
 * leads, skips ladder starts and buyer matching; a HOT area's deals come first in the VA
 * inbox and the underwriting queue.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runBuyerMatching } from "@/lib/buyers/engines";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listDueTasks } from "@/lib/ladder/inbox";
import { startLadders } from "@/lib/ladder/lifecycle";
import { openLadderRun } from "@/lib/ladder/runs";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { seedMarketPolicies } from "@/lib/policy";
import { startLaddersForDeals } from "@/lib/prospects/bulk-actions";
import type { OutboundSms, SmsProvider } from "@/lib/providers/messaging";
import { createOutboxEmailProvider } from "@/lib/providers/outbox";
import { provisionTenant } from "@/lib/tenants/provision";
import { underwriteNewDeals } from "@/lib/underwriting/engine";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let counter = 0;
const actor = { actorId: null, actorEmail: "test", requestId: "req-market" };
// Tuesday 2026-03-10 15:00 in New York: inside the default weekday window.
const OPEN = new Date("2026-03-10T19:00:00Z");

async function tenant(slug: string): Promise<TenantDb> {
  const created = await provisionTenant(database.prisma, { slug, name: slug, timeZone: "America/New_York", country: "US" }, [
    { email: `owner@${slug}.test`, name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  return scopeToTenant(database.prisma, created.id);
}

/** A New York lead in the given ZIP, with a phone opted in to SMS. */
async function lead(db: TenantDb, areaCode: string, fields: Record<string, unknown> = {}) {
  counter += 1;
  const phone = `+1212555${String(1000 + counter).slice(-4)}`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `k-${counter}`, raw: {}, street: `${counter} Main St`, city: "New York", region: "NY", market: "NEW YORK",
      postalCode: areaCode, areaCode, country: "US", timeZone: "America/New_York", score: 80, contactName: `Lead ${counter}`, contactPhone: phone, ...fields,
    } as never,
  });
  await db.contactConsent.create({ data: { channel: "SMS", address: phone, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "import" } as never });
  return deal;
}

async function area(db: TenantDb, areaCode: string, mark: { blacklistReason?: string; rank?: "HOT" | "NORMAL" | "COLD" }) {
  const blacklisted = mark.blacklistReason !== undefined;
  const computedRank = mark.rank ?? "NORMAL";
  return db.marketArea.create({
    data: {
      areaCode, country: "US", latitude: 40.75, longitude: -73.99, metrics: {}, computedRank, computedAt: new Date(),
      rank: blacklisted ? "BLACKLIST" : computedRank, blacklisted, blacklistReason: mark.blacklistReason ?? null, blacklistedAt: blacklisted ? new Date() : null,
    } as never,
  });
}

let receipts = 0;
/** An SMS provider that keeps what it was handed: what actually left. */
function recordingSms(): SmsProvider & { sent: OutboundSms[] } {
  const sent: OutboundSms[] = [];
  return { name: "outbox", sent, async send(message) { sent.push(message); receipts += 1; return { providerMessageId: `rec_${receipts}`, from: "+12125550000" }; } };
}

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", "https://app.dealflow.test");
  database = await createTestDatabase();
  useDatabase(database);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("outbound: the area gate", () => {
  let db: TenantDb;
  beforeAll(async () => {
    db = await tenant("market-outbound");
    await seedMarketPolicies(db, null);
  });

  it("refuses a send to a lead in a blacklisted area with the mark's reason, and nothing leaves", async () => {
    await area(db, "10001", { blacklistReason: "Flooded with investors" });
    const deal = await lead(db, "10001");
    const sms = recordingSms();
    const deps: OutboundDeps = { providers: { sms, email: createOutboxEmailProvider() }, baseUrl: "https://app.dealflow.test", secret: "test-secret-0123456789abcdef" };

    const result = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still selling?", now: OPEN }, deps);
    expect(result).toMatchObject({ status: "BLOCKED", gate: "area", reason: "area_blacklisted", detail: "Area 10001 is blacklisted: Flooded with investors" });
    if (result.status !== "BLOCKED") throw new Error("expected a refusal");
    expect(result.fix).toMatchObject({ fixHref: "/market?area=10001", fixLabel: "Lift the blacklist on the Market map" });
    expect(result.fix.message).toContain("Flooded with investors");
    expect(sms.sent).toEqual([]);
    const rows = await db.message.findMany({ where: { dealId: deal.id } });
    expect(rows.map((r) => [r.status, r.blockedReason])).toEqual([["BLOCKED", "area_blacklisted"]]);
    expect(await db.kpiEvent.count({ where: { dealId: deal.id, name: "message_blocked" } })).toBe(1);

    // Lifting the mark lets the same send through.
    await db.marketArea.updateMany({ where: { areaCode: "10001" }, data: { blacklisted: false, blacklistReason: null, rank: "NORMAL" } });
    expect(await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still selling?", now: OPEN }, deps)).toMatchObject({ status: "SENT" });
    expect(sms.sent).toHaveLength(1);
  });

  it("reads the area from the postal code when the deal has no area code, and leaves other areas alone", async () => {
    await area(db, "10002", { blacklistReason: "Slow market" });
    const unplaced = await lead(db, "10002", { areaCode: null });
    const elsewhere = await lead(db, "10003");
    const sms = recordingSms();
    const deps: OutboundDeps = { providers: { sms, email: createOutboxEmailProvider() }, baseUrl: null, secret: null };
    expect(await sendMessage(db, { dealId: unplaced.id, channel: "SMS", body: "Hi", now: OPEN }, deps)).toMatchObject({ status: "BLOCKED", reason: "area_blacklisted" });
    expect(await sendMessage(db, { dealId: elsewhere.id, channel: "SMS", body: "Hi", now: OPEN }, deps)).toMatchObject({ status: "SENT" });
    expect(sms.sent.map((m) => m.to)).toEqual([elsewhere.contactPhone]);
  });

  it("fails closed: when the marks cannot be read, the send is refused at the area gate", async () => {
    const deal = await lead(db, "10004");
    const broken = new Proxy(db, {
      get(target, prop) {
        if (prop === "marketArea") return { findMany: () => Promise.reject(new Error("connection lost")) };
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    }) as TenantDb;
    const sms = recordingSms();
    const result = await sendMessage(broken, { dealId: deal.id, channel: "SMS", body: "Hi", now: OPEN }, { providers: { sms, email: createOutboxEmailProvider() }, baseUrl: null, secret: null });
    expect(result).toMatchObject({ status: "BLOCKED", gate: "area", reason: "area_blacklisted" });
    expect(sms.sent).toEqual([]);
  });
});

describe("ladder start: a blacklisted area is skipped", () => {
  let db: TenantDb;
  beforeAll(async () => {
    db = await tenant("market-ladder");
    await seedMarketPolicies(db, null);
  });

  it("starts the ladders of other deals and skips the blacklisted area's with its reason", async () => {
    await area(db, "10010", { blacklistReason: "Code enforcement sweep" });
    const blocked = await lead(db, "10010");
    const fine = await lead(db, "10011");
    const results = await startLadders(db, [blocked.id, fine.id], { now: OPEN, trigger: "manual", enqueue: true });
    expect(results[0]).toEqual({ dealId: blocked.id, status: "skipped", reason: "area_blacklisted", detail: "Area 10010 is blacklisted: Code enforcement sweep" });
    expect(results[1]).toMatchObject({ dealId: fine.id, status: "started" });
    expect(await db.followUpLadder.count({ where: { dealId: blocked.id } })).toBe(0);
    expect(await db.kpiEvent.count({ where: { dealId: blocked.id, name: "ladder_started" } })).toBe(0);
    // A deal not placed in an area yet is judged by its postal code.
    const unplaced = await lead(db, "10010", { areaCode: null });
    expect(await startLadders(db, [unplaced.id], { now: OPEN, trigger: "api", enqueue: false })).toMatchObject([{ status: "skipped", reason: "area_blacklisted" }]);

    // The automatic start of a new lead reports the same reason; the bulk action names it.
    await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { ladderAutoStart: true } as never } });
    expect(await openLadderRun(db, { dealId: blocked.id } as never, OPEN)).toEqual({ skipped: "area_blacklisted" });
    const bulk = await startLaddersForDeals(db, actor, { dealIds: [blocked.id] }, OPEN);
    expect(bulk).toEqual({ changed: [], refused: [{ dealId: blocked.id, reason: "Area blacklisted: Area 10010 is blacklisted: Code enforcement sweep" }] });
  });
});

describe("buyer matching: blacklisted areas are not matched or blasted", () => {
  it("skips the deal and counts it in the report", async () => {
    const db = await tenant("market-buyers");
    await db.buyer.createMany({ data: [{ name: "Jane Cash", markets: ["NY:NEW YORK"], phones: ["+12125550101"], emails: ["jane@cash.test"], tier: "A", tierIsNew: false }] });
    await db.buyerSettings.upsert({ where: { tenantId: db.tenantId }, create: { autoBlastTierA: true, coldLiquidityScore: 0 }, update: { autoBlastTierA: true, coldLiquidityScore: 0 } });
    await area(db, "10020", { blacklistReason: "Not buying here" });
    const underwritten = { propertyType: "SFR", askingPrice: 120_000, arv: 250_000, repairs: 20_000, spread: 50_000, status: "UNDERWRITTEN", underwrittenAt: new Date(OPEN.getTime() - 3_600_000) };
    const blocked = await lead(db, "10020", underwritten);
    const open = await lead(db, "10021", underwritten);

    const report = await runBuyerMatching(db, { since: new Date(OPEN.getTime() - 86_400_000), now: OPEN });
    expect(report).toMatchObject({ deals: 2, blacklisted: 1 });
    const notes = await db.notification.findMany({ where: { kind: "deal.buyer_matches" } });
    expect(notes.map((n) => (n.data as { dealId: string }).dealId)).toEqual([open.id]);
    expect(await db.blast.count({ where: { dealId: blocked.id } })).toBe(0);
    expect(report.blasts.map((b) => b.dealId).concat(report.blastsRefused.map((b) => b.dealId))).not.toContain(blocked.id);
  });
});

describe("heat: HOT areas first", () => {
  it("orders the VA inbox's due tasks with HOT areas first, then by due time, and flags them", async () => {
    const db = await tenant("market-inbox");
    await area(db, "10030", { rank: "HOT" });
    await area(db, "10031", { rank: "COLD" });
    const hot = await lead(db, "10030");
    const cold = await lead(db, "10031");
    const unplaced = await lead(db, "10032", { areaCode: null });
    const at = (minutes: number) => new Date(OPEN.getTime() + minutes * 60_000);
    const task = (dealId: string, dueAt: Date) => db.followUpTask.create({ data: { dealId, step: 2, channel: "CALL", dueAt } as never });
    const oldCold = await task(cold.id, at(-120));
    const oldUnplaced = await task(unplaced.id, at(-100));
    const newHot = await task(hot.id, at(-10));
    const olderHot = await task(hot.id, at(-30));
    await task(hot.id, at(30)); // not due yet

    const due = await listDueTasks(db, { now: OPEN });
    expect(due.total).toBe(4);
    expect(due.rows.map((t) => [t.id, t.hotArea])).toEqual([[olderHot.id, true], [newHot.id, true], [oldCold.id, false], [oldUnplaced.id, false]]);
    const limited = await listDueTasks(db, { now: OPEN, limit: 3 });
    expect(limited.rows.map((t) => t.id)).toEqual([olderHot.id, newHot.id, oldCold.id]);
    expect((await listDueTasks(db, { now: OPEN, limit: 1 })).rows.map((t) => t.id)).toEqual([olderHot.id]);
  });

  it("underwrites HOT-area deals first when more wait than the limit", async () => {
    const db = await tenant("market-underwriting");
    await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "go live" }, actor);
    await area(db, "10040", { rank: "HOT" });
    const numbers = { askingPrice: 100_000, arv: 200_000, repairs: 10_000 };
    const oldest = await lead(db, "10041", { ...numbers, createdAt: new Date("2026-01-01T00:00:00Z") });
    const older = await lead(db, "10042", { ...numbers, createdAt: new Date("2026-01-02T00:00:00Z") });
    const hotNewest = await lead(db, "10040", { ...numbers, createdAt: new Date("2026-03-01T00:00:00Z") });

    expect((await underwriteNewDeals(db, { limit: 2 })).underwritten).toBe(2);
    const done = await db.deal.findMany({ where: { underwrittenAt: { not: null } }, select: { id: true } });
    expect(done.map((d) => d.id).sort()).toEqual([hotNewest.id, oldest.id].sort());
    expect((await underwriteNewDeals(db, { limit: 2 })).underwritten).toBe(1);
    expect(await db.deal.count({ where: { id: older.id, underwrittenAt: { not: null } } })).toBe(1);
  });
});
