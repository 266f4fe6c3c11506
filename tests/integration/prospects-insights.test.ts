import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { intakeByDay, spreadDistribution, statusFunnel, topMarkets } from "@/lib/prospects/analytics";
import { getDealDetail } from "@/lib/prospects/detail";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let counter = 0;

const NOW = new Date("2026-03-15T12:00:00Z");

function deal(tenantId: string, overrides: Partial<Prisma.DealCreateManyInput> = {}): Prisma.DealCreateManyInput {
  counter += 1;
  return { tenantId, source: "CSV", addressKey: `k-${counter}`, raw: { n: counter }, createdAt: NOW, ...overrides };
}

async function newTenant(slug: string, timeZone = "America/Toronto") {
  const tenant = await database.prisma.tenant.create({ data: { slug, name: slug, timeZone } });
  return { id: tenant.id, db: scopeToTenant(database.prisma, tenant.id) };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("getDealDetail", () => {
  let db: TenantDb;
  let otherDb: TenantDb;
  const t0 = new Date("2026-03-01T15:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    const main = await newTenant("detail-main");
    ({ db: otherDb } = await newTenant("detail-other"));
    db = main.db;
    const provenance = { street: { confidence: 0.95, source: "Address: 12 Elm St" }, askingPrice: { confidence: 0.6, source: "asking 150k" } };
    await database.prisma.deal.createMany({
      data: [
        deal(main.id, { id: "d1", source: "EMAIL", sourceRef: "msg-1", street: "12 Elm St", city: "Tampa", askingPrice: 150_000, provenance, createdAt: t0 }),
        deal(main.id, { id: "d2", createdAt: t0 }),
      ],
    });
    await database.prisma.offerEvidence.createMany({
      data: [
        { tenantId: main.id, dealId: "d1", id: "e1", inputs: { arv: 250_000 }, outputs: { mao: 170_000, spread: 20_000 }, correlationId: "c1", policyVersion: 1, createdAt: at(1_000) },
        { tenantId: main.id, dealId: "d1", id: "e2", inputs: { arv: 260_000 }, outputs: { mao: 177_000, spread: 27_000 }, correlationId: "c2", policyVersion: 2, createdAt: at(2 * 3_600_000) },
        { tenantId: main.id, dealId: "d2", id: "e3", inputs: {}, outputs: {}, correlationId: "c3", createdAt: at(500) },
      ],
    });
    await database.prisma.kpiEvent.createMany({
      data: [
        { tenantId: main.id, id: "k1", name: "ladder_started", dealId: "d1", createdAt: t0 },
        { tenantId: main.id, id: "k2", name: "spread_alert", dealId: "d1", data: { spread: 20_000 }, createdAt: at(1_000) },
        { tenantId: main.id, id: "k3", name: "ladder_started", dealId: "d2", createdAt: t0 },
        // Told by the intake and underwriting entries already: not repeated.
        { tenantId: main.id, id: "k4", name: "lead_created", dealId: "d1", createdAt: t0 },
        { tenantId: main.id, id: "k5", name: "deal_underwritten", dealId: "d1", createdAt: at(1_000) },
      ],
    });
    await database.prisma.auditEvent.createMany({
      data: [
        { tenantId: main.id, id: "a1", action: "deal.status_changed", entity: "Deal", entityId: "d1", actorEmail: "va@example.test", createdAt: at(86_400_000) },
        { tenantId: main.id, id: "a2", action: "deal.status_changed", entity: "Deal", entityId: "d2", createdAt: at(86_400_000) },
        { tenantId: main.id, id: "a3", action: "member.invited", entity: "Invitation", entityId: "d1", createdAt: at(86_400_000) },
      ],
    });
    await database.prisma.inboundEmail.create({
      data: { tenantId: main.id, messageId: "msg-1", source: "webhook", subject: "Off-market: 12 Elm", fromAddress: "bird@dog.test", dealIds: ["d1"], parsed: {}, raw: {} },
    });
  });

  it("orders the timeline by time, intake first on a tie, with only this deal's events", async () => {
    const detail = await getDealDetail(db, "d1");
    expect(detail?.timeline.map((e) => `${e.kind}:${e.id}`)).toEqual([
      "intake:intake-d1", "kpi:k1", "underwriting:e1", "kpi:k2", "underwriting:e2", "audit:a1",
    ]);
    expect(detail?.timeline[2].offer).toEqual({ mao: 170_000, spread: 20_000, spreadRatio: null, strategy: null });
    expect(detail?.timeline[5].detail).toBe("by va@example.test");
  });

  it("lists evidence newest first and the deal email it came from", async () => {
    const detail = await getDealDetail(db, "d1");
    expect(detail?.evidence.map((e) => e.id)).toEqual(["e2", "e1"]);
    expect(detail?.emails.map((e) => e.subject)).toEqual(["Off-market: 12 Elm"]);
  });

  it("gives each field its provenance, or the deal's source when it has none", async () => {
    const fields = (await getDealDetail(db, "d1"))!.fieldGroups.flatMap((g) => g.fields);
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.street.provenance).toEqual({ confidence: 0.95, source: "Address: 12 Elm St" });
    expect(byName.askingPrice).toMatchObject({ value: 150_000, provenance: { confidence: 0.6 } });
    expect(byName.city).toMatchObject({ value: "Tampa", provenance: null, origin: "Deal email" });
    expect(byName.spread.origin).toBe("Underwriting");
  });

  it("reads as absent for an unknown id or another tenant's deal", async () => {
    expect(await getDealDetail(db, "nope")).toBeNull();
    expect(await getDealDetail(otherDb, "d1")).toBeNull();
  });
});

describe("analytics", () => {
  let db: TenantDb;

  beforeAll(async () => {
    const main = await newTenant("analytics-main");
    const other = await newTenant("analytics-other");
    db = main.db;
    const statuses = ["NEW", "NEW", "NEW", "UNDERWRITTEN", "UNDERWRITTEN", "CLOSED", "DEAD", "DEAD"] as const;
    const spreads = [-5_000, 0, 9_999, 10_000, 29_999, 30_000, 49_999, 50_000, 100_000, 250_000, null];
    // 17 markets: M01 has 17 deals, M02 16 ... M17 one; M16 and M17 fall outside the top 15.
    const markets = Array.from({ length: 17 }, (_, i) => Array.from({ length: 17 - i }, () => `M${String(i + 1).padStart(2, "0")}`)).flat();
    await database.prisma.deal.createMany({
      data: [
        ...statuses.map((status) => deal(main.id, { status, createdAt: new Date("2026-01-01T00:00:00Z") })),
        ...spreads.map((spread) => deal(main.id, { spread, createdAt: new Date("2026-01-01T00:00:00Z") })),
        ...markets.map((market) => deal(main.id, { market, createdAt: new Date("2026-01-01T00:00:00Z") })),
        // Intake: 23:00 on the 14th in Toronto (03:00Z on the 15th), noon on the 15th, the 1st day, and one too old.
        deal(main.id, { source: "EMAIL", createdAt: new Date("2026-03-15T03:00:00Z") }),
        deal(main.id, { source: "API", createdAt: new Date("2026-03-15T11:00:00Z") }),
        deal(main.id, { source: "API", createdAt: new Date("2026-03-15T11:30:00Z") }),
        deal(main.id, { source: "MANUAL", createdAt: new Date("2026-02-14T05:00:00Z") }),
        deal(main.id, { source: "MANUAL", createdAt: new Date("2026-02-14T04:59:59Z") }),
      ],
    });
    await database.prisma.deal.createMany({ data: [deal(other.id, { status: "CLOSED", spread: -1, market: "M17", createdAt: NOW })] });
  });

  it("counts the funnel in pipeline order with DEAD apart", async () => {
    const funnel = await statusFunnel(db);
    const total = 8 + 11 + 153 + 5;
    expect(funnel.pipeline).toEqual([
      { status: "NEW", count: total - 5 }, // every deal not given another status is NEW
      { status: "UNDERWRITTEN", count: 2 },
      { status: "CONTACTED", count: 0 },
      { status: "NEGOTIATING", count: 0 },
      { status: "UNDER_CONTRACT", count: 0 },
      { status: "CLOSED", count: 1 },
    ]);
    expect(funnel.dead).toBe(2);
    expect(funnel.total).toBe(total);
  });

  it("zero-fills the last 30 days in the workspace zone, per source", async () => {
    const days = await intakeByDay(db, { timeZone: "America/Toronto", now: NOW });
    expect(days).toHaveLength(30);
    expect(days[0]).toMatchObject({ day: "2026-02-14", MANUAL: 1, total: 1 }); // 00:00 EST; 04:59:59Z is still the 13th
    expect(days[28]).toMatchObject({ day: "2026-03-14", EMAIL: 1, total: 1 });
    expect(days[29]).toEqual({ day: "2026-03-15", EMAIL: 0, CSV: 0, API: 2, MANUAL: 0, DRIVING: 0, total: 2 });
    expect(days.filter((d) => d.total === 0)).toHaveLength(27);
  });

  it("buckets spreads, negatives included, and counts deals without one apart", async () => {
    const { buckets, notUnderwritten } = await spreadDistribution(db);
    expect(buckets.map((b) => [b.label, b.count])).toEqual([
      ["< $0", 1], ["$0–10k", 2], ["$10–20k", 1], ["$20–30k", 1], ["$30–50k", 2], ["$50–100k", 1], ["$100k+", 2],
    ]);
    expect(notUnderwritten).toBe(8 + 1 + 153 + 5);
  });

  it("ranks the top 15 markets, most deals first", async () => {
    const markets = await topMarkets(db);
    expect(markets).toHaveLength(15);
    expect(markets[0]).toEqual({ market: "M01", count: 17 });
    expect(markets[14]).toEqual({ market: "M15", count: 3 });
    expect(markets.map((m) => m.count)).toEqual([...markets.map((m) => m.count)].sort((a, b) => b - a));
  });
});
