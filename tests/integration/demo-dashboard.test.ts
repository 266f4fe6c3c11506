import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { businessOverview, vaOverview } from "@/lib/dashboard/overview";
import { DEMO_NORTH_SLUG, DEMO_TENANT_SLUG, seedDemo } from "@/lib/demo/seed";
import { DEAL_STATUSES } from "@/lib/deals/rules";
import { listRegistries, nanpNumberOf, readRegistryFacts } from "@/lib/dnc";
import { decideCallRegistries } from "@/lib/outbound/call-gate";
import { listMessages } from "@/lib/outbound/outbox";
import { outboxMessageFilter, parseOutboxQuery } from "@/lib/outbound/outbox-query";
import { findUnansweredReplies } from "@/lib/outbound/replies";
import { listMarketPolicies, nextAllowedInstant, resolveEffectivePolicy } from "@/lib/policy";
import { listProspects, parseProspectQuery } from "@/lib/prospects/query";
import { createTestDatabase } from "../helpers/db";

// A Wednesday, 11:00 in New York and 08:00 in Vancouver: some leads may be called, some not yet.
const NOW = new Date("2026-12-09T16:00:00Z");
let database: Database;
let usId: string;
let caId: string;
let vaId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  expect(await seedDemo(database.prisma, NOW)).toEqual({ created: true });
  usId = (await database.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } })).id;
  caId = (await database.prisma.tenant.findUniqueOrThrow({ where: { slug: DEMO_NORTH_SLUG } })).id;
  vaId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "va@demo.dealflow.app" } })).id;
}, 180_000);

afterAll(async () => {
  await database?.close();
});

describe("the demo seed", () => {
  it("puts Canadian deals in the Canadian workspace only", async () => {
    const byTenant = await database.prisma.deal.groupBy({ by: ["tenantId", "country"], _count: { _all: true } });
    expect(byTenant.filter((g) => g.tenantId === usId).map((g) => g.country)).toEqual(["US"]);
    expect(byTenant.filter((g) => g.tenantId === caId).map((g) => g.country)).toEqual(["CA"]);
  });

  it("has a deal at every status, with owners, contracts and closings this month with fees", async () => {
    for (const tenantId of [usId, caId]) {
      const statuses = await database.prisma.deal.groupBy({ by: ["status"], where: { tenantId }, _count: { _all: true } });
      expect(statuses.map((s) => s.status).sort()).toEqual([...DEAL_STATUSES].sort());
      const overview = await businessOverview(scopeToTenant(database.prisma, tenantId), { timeZone: "America/Toronto", now: NOW, seesTasks: true, seesMessages: true });
      expect(overview.contracts.count).toBeGreaterThan(0);
      expect(overview.contracts.fees).toBeGreaterThan(0);
    }
    expect(await database.prisma.deal.count({ where: { tenantId: usId, ownerId: vaId } })).toBeGreaterThan(0);
    expect(await database.prisma.dealNote.count({ where: { tenantId: usId } })).toBeGreaterThan(0);
    expect(await database.prisma.deal.count({ where: { tenantId: usId, status: "DEAD", statusReason: null } })).toBe(0);
  });

  it("loads each workspace's national registry, fresh, so its sends and calls still pass the registry gate", async () => {
    for (const [tenantId, kind] of [[usId, "US_NATIONAL"], [caId, "CA_NATIONAL"]] as const) {
      const db = scopeToTenant(database.prisma, tenantId);
      const [copy, ...rest] = await listRegistries(db, NOW);
      expect(rest).toEqual([]);
      expect(copy).toMatchObject({ kind, loaded: true, freshness: "fresh" });
      expect(copy!.numberCount).toBeGreaterThan(3_000);
      expect(copy!.ageDays).toBeLessThan(10);
      const consents = await db.contactConsent.findMany({ where: { channel: "SMS", basis: "PRIOR_EXPRESS_WRITTEN" }, orderBy: { address: "asc" } });
      // The registry lists leads who consented (buyers are seeded after it).
      const buyerPhones = new Set((await db.buyer.findMany({ select: { phones: true } })).flatMap((b) => b.phones));
      const consented = consents.find((c) => nanpNumberOf(c.address) !== null && !buyerPhones.has(c.address))!.address;
      expect((await readRegistryFacts(db, consented))?.registries[0]?.listed).toBe(true);
      expect(await decideCallRegistries(db, consented, NOW)).toEqual({ allowed: true });
      // A Canadian number not on the list: the Canadian workspace's fresh DNCL clears it; the US one has none, so it is refused.
      const canadian = await decideCallRegistries(db, "+14165550123", NOW);
      expect(canadian.allowed ? null : canadian.reason).toBe(kind === "CA_NATIONAL" ? null : "dncl_missing");
    }
  });

  it("seeds ladders in every state and conversations with replies, deliveries and refusals", async () => {
    const ladders = await database.prisma.followUpLadder.findMany({ where: { tenantId: usId }, select: { status: true, stopReason: true } });
    expect(new Set(ladders.map((l) => l.status))).toEqual(new Set(["ACTIVE", "COMPLETED", "STOPPED"]));
    expect(ladders.some((l) => l.stopReason === "reply")).toBe(true);
    expect(ladders.some((l) => l.stopReason?.startsWith("deal_status:"))).toBe(true);
    const messages = await database.prisma.message.groupBy({ by: ["status"], where: { tenantId: usId }, _count: { _all: true } });
    // UNDELIVERED: the demo campaign's bounced email.
    expect(messages.map((m) => m.status).sort()).toEqual(["BLOCKED", "DELIVERED", "RECEIVED", "UNDELIVERED"]);
  });

  it("makes every open call fall due inside the lead's calling hours, some of them now", async () => {
    const db = scopeToTenant(database.prisma, usId);
    const [tasks, policies] = await Promise.all([
      db.followUpTask.findMany({ where: { status: "OPEN" }, include: { deal: { select: { region: true, market: true, timeZone: true } } } }),
      listMarketPolicies(db, { enabled: true }),
    ]);
    expect(tasks.length).toBeGreaterThan(5);
    for (const task of tasks) {
      const policy = resolveEffectivePolicy(policies, task.deal.region!, task.deal.market);
      expect(nextAllowedInstant(policy, [task.deal.timeZone!], task.dueAt, "CALL")?.getTime()).toBe(task.dueAt.getTime());
    }
    expect(tasks.some((t) => t.dueAt.getTime() <= NOW.getTime())).toBe(true);
  });

  it("is seeded once", async () => {
    const before = await database.prisma.deal.count();
    expect(await seedDemo(database.prisma, NOW)).toEqual({ created: false });
    expect(await database.prisma.deal.count()).toBe(before);
  });
});

describe("the dashboard overview", () => {
  it("counts what its links list", async () => {
    const db = scopeToTenant(database.prisma, usId);
    const timeZone = "America/New_York";
    const o = await businessOverview(db, { timeZone, now: NOW, seesTasks: true, seesMessages: true });
    const listed = async (query: Record<string, string>) => (await listProspects(db, parseProspectQuery(query), { timeZone })).total;

    const weekStartCount = await db.deal.count({ where: { createdAt: { gte: o.periods.weekStart } } });
    expect(o.newThisWeek).toBe(weekStartCount);
    expect(await listed({ from: o.periods.weekStartDay })).toBe(o.newThisWeek);
    for (const row of o.byStatus) expect(await listed({ status: row.status })).toBe(row.count);
    expect(o.byStatus.reduce((s, r) => s + r.count, 0)).toBe(await db.deal.count());
    expect(await listed({ contractedFrom: o.periods.monthStartDay })).toBe(o.contracts.count);
    expect(await listed({ closedFrom: o.periods.monthStartDay })).toBe(o.closings.count);
    expect(o.closings.count).toBeGreaterThan(0);

    expect(o.blockedThisWeek!.length).toBeGreaterThan(0);
    for (const gate of o.blockedThisWeek!) {
      const query = parseOutboxQuery({ status: "BLOCKED", reason: gate.gate, from: o.periods.weekStartDay });
      expect((await listMessages(db, outboxMessageFilter(query, timeZone), 500)).length).toBe(gate.count);
    }
    expect(o.repliesWaiting).toBeGreaterThan(0);
    const waiting = await findUnansweredReplies(db, { now: NOW });
    expect(waiting).toHaveLength(o.repliesWaiting!);
    expect(await db.followUpTask.count({ where: { status: "OPEN", dueAt: { lte: NOW } } })).toBe(o.tasksOverdue);

    expect(o.hottest.length).toBeGreaterThan(0);
    const spreads = o.hottest.map((d) => d.spread!);
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
  });

  it("leaves soft-deleted deals out", async () => {
    const db = scopeToTenant(database.prisma, caId);
    const before = await businessOverview(db, { timeZone: "America/Toronto", now: NOW, seesTasks: true, seesMessages: true });
    const victim = await database.prisma.deal.findFirstOrThrow({ where: { tenantId: caId, status: "NEGOTIATING" } });
    await database.prisma.deal.update({ where: { id: victim.id }, data: { deletedAt: NOW } });
    const after = await businessOverview(db, { timeZone: "America/Toronto", now: NOW, seesTasks: true, seesMessages: true });
    expect(after.byStatus.find((r) => r.status === "NEGOTIATING")!.count).toBe(before.byStatus.find((r) => r.status === "NEGOTIATING")!.count - 1);
    await database.prisma.deal.update({ where: { id: victim.id }, data: { deletedAt: null } });
  });

  it("shows a VA only their own calls, sorted by the lead's calling hours", async () => {
    const db = scopeToTenant(database.prisma, usId);
    const o = await vaOverview(db, vaId, { now: NOW });
    const mine = await db.followUpTask.findMany({ where: { status: "OPEN", channel: "CALL", ownerId: vaId, dueAt: { lte: NOW } }, select: { id: true } });
    const shown = [...o.calls.callNow.map((t) => t.id), ...o.calls.waiting.map((w) => w.task.id)];
    expect(shown.sort()).toEqual(mine.map((t) => t.id).sort());
    expect(await db.followUpTask.count({ where: { status: "OPEN", ownerId: null, dueAt: { lte: NOW } } })).toBeGreaterThan(0);
    expect(o.calls.callNow.length).toBeGreaterThan(0);
    expect(o.sla.count).toBeGreaterThan(0);
    const repliesOnMyDeals = await findUnansweredReplies(db, { now: NOW, dealOwnerId: vaId });
    expect(o.repliesWaiting).toBe(repliesOnMyDeals.length);
  });
});

describe("the demo's market intel", () => {
  it("ranks each workspace's postal areas on first start: hot and cold ones, most normal, over several areas a market", async () => {
    for (const [tenantId, hotAtLeast] of [[usId, 6], [caId, 1]] as const) {
      const ranks = await database.prisma.marketArea.groupBy({ by: ["rank"], where: { tenantId }, _count: { _all: true } });
      const count = (rank: string) => ranks.find((r) => r.rank === rank)?._count._all ?? 0;
      expect(count("HOT")).toBeGreaterThanOrEqual(hotAtLeast);
      expect(count("COLD")).toBeGreaterThan(0);
      expect(count("NORMAL")).toBeGreaterThan(count("HOT") + count("COLD"));
      const hot = await database.prisma.marketArea.findFirstOrThrow({ where: { tenantId, rank: "HOT" } });
      expect(hot.reasons[0]).toMatch(/^HOT: \d+ deals in 4 weeks/);
      // Every deal is placed in its area, on the map.
      expect(await database.prisma.deal.count({ where: { tenantId, OR: [{ areaCode: null }, { latitude: null }] } })).toBe(0);
      const oldest = await database.prisma.deal.findFirstOrThrow({ where: { tenantId }, orderBy: { createdAt: "asc" } });
      expect(NOW.getTime() - oldest.createdAt.getTime()).toBeGreaterThan(84 * 86_400_000);
    }
  });
});
