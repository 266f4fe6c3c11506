import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { selectInTenant } from "@/lib/db/scoped-sql";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listProspects, PROSPECT_SORTS, ProspectQuery, prospectWhere } from "@/lib/prospects/query";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
const DEALS = 600;

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "counts", name: "Counts" } });
  const other = await database.prisma.tenant.create({ data: { slug: "counts-other", name: "Other" } });
  db = scopeToTenant(database.prisma, tenant.id);
  otherDb = scopeToTenant(database.prisma, other.id);
  const deals = (tenantId: string, prefix: string) =>
    Array.from({ length: DEALS }, (_, i) => ({
      id: `${prefix}-${String(i).padStart(4, "0")}`,
      tenantId,
      source: "CSV" as const,
      addressKey: `${prefix}-key-${i}`,
      street: i === 7 ? "7 100% Main_St" : `${i} Main St`,
      city: "Dallas",
      region: "TX",
      // Stored as geo resolves it; people type it in any case.
      market: i % 3 === 0 ? "Dallas" : i % 3 === 1 ? "Fort Worth" : null,
      // A few values shared by many deals so the id decides among them; some deals have none.
      askingPrice: i % 5 === 0 ? null : 100_000 + (i % 7) * 1000,
      spread: i % 4 === 0 ? null : (i % 9) * 1000,
      // Never null; six values shared by a hundred deals each, so the id orders most of them.
      intentScore: (i % 6) * 15,
      createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 60_000),
      raw: {},
    }));
  await database.prisma.deal.createMany({ data: deals(tenant.id, "a") });
  await database.prisma.deal.createMany({ data: deals(other.id, "b") });
  await database.sql.exec(`ANALYZE "Deal"`);
});
afterAll(() => database.close());

const query = (input: Record<string, unknown> = {}) => ProspectQuery.parse({ pageSize: 25, ...input });

describe("prospect counts", () => {
  it("counts exactly up to the limit and estimates beyond it from the planner's statistics", async () => {
    const exact = await listProspects(db, query(), { countLimit: 1_000 });
    expect(exact).toMatchObject({ total: DEALS, totalIsExact: true, estimatedTotal: undefined });

    const capped = await listProspects(db, query(), { countLimit: 100 });
    expect(capped).toMatchObject({ total: 100, totalIsExact: false, pageCount: 5 });
    // The tenant's share of the table, as ANALYZE left it: about 600, never the other tenant's too.
    expect(capped.estimatedTotal).toBeGreaterThan(100);
    expect(capped.estimatedTotal).toBeLessThanOrEqual(DEALS * 1.5);
  });

  it("gives no estimate the count already disproves", async () => {
    // 200 deals have market Dallas; an estimate at or under the count would read "about 100".
    const page = await listProspects(db, query({ market: "dallas" }), { countLimit: 100 });
    expect(page.totalIsExact).toBe(false);
    if (page.estimatedTotal !== undefined) expect(page.estimatedTotal).toBeGreaterThan(100);
  });

  it("matches markets in any case and takes LIKE's wildcards literally", async () => {
    expect((await listProspects(db, query({ market: "DALLAS" }))).total).toBe(DEALS / 3);
    expect((await listProspects(db, query({ market: "fort worth" }))).total).toBe(DEALS / 3);
    expect((await listProspects(db, query({ market: "%" }))).total).toBe(0);
    expect((await listProspects(db, query({ q: "100%" }))).rows.map((r) => r.id)).toEqual(["a-0007"]);
    expect((await listProspects(db, query({ q: "n_St" }))).rows.map((r) => r.id)).toEqual(["a-0007"]);
  });

  it("searches a house number and street by the start of the street, in any case", async () => {
    // "112 Main St" holds "12 Main" too, but a house number starts an address.
    expect((await listProspects(db, query({ q: "12 main" }))).rows.map((r) => r.id)).toEqual(["a-0012"]);
    expect((await listProspects(db, query({ q: "12 MAIN ST" }))).rows.map((r) => r.id)).toEqual(["a-0012"]);
    expect((await listProspects(db, query({ q: "12 Elm" }))).rows).toEqual([]);
  });
});

describe("the list's SQL and the Prisma filter", () => {
  it("match the same deals", async () => {
    const inputs = [{}, { market: "dallas" }, { market: "FORT WORTH" }, { q: "12 main" }, { q: "main" }, { q: "100%" }, { q: "m5v" }, { spreadMin: 3000, spreadMax: 6000 }, { owner: "none" }];
    for (const input of inputs) {
      const listed = await listProspects(db, query(input), { countLimit: 10_000, searchCountLimit: 10_000 });
      expect(await db.deal.count({ where: prospectWhere(query(input)) }), JSON.stringify(input)).toBe(listed.total);
    }
  });
});

describe("prospect sorts over pages", () => {
  for (const sort of PROSPECT_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages by ${sort} ${dir} without overlap or gap, the deals without a value last`, async () => {
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(DEALS / 25); page++) {
          seen.push(...(await listProspects(db, query({ sort, dir, page }))).rows.map((row) => row.id));
        }
        expect(seen).toHaveLength(DEALS);
        expect(new Set(seen).size).toBe(DEALS);
        const rows = await database.prisma.deal.findMany({ where: { tenantId: db.tenantId } });
        const value = (id: string) => rows.find((row) => row.id === id)![sort] as number | string | Date | null;
        const inOrder = (first: unknown, second: unknown) => (first! < second!) === (dir === "asc");
        for (let i = 1; i < seen.length; i++) {
          const [a, b] = [value(seen[i - 1]), value(seen[i])];
          const pair = `${seen[i - 1]} then ${seen[i]}`;
          if (a === null) expect(b, `${pair}: a value after the deals without one`).toBeNull();
          if (b === null && a !== null) continue;
          if (a === null || String(a) === String(b)) expect(inOrder(seen[i - 1], seen[i]), `${pair}: a tie broken by id`).toBe(true);
          else expect(inOrder(a, b), `${pair}: out of order`).toBe(true);
        }
      });
    }
  }

  for (const sort of PROSPECT_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages by ${sort} ${dir} with keyset cursors in the same order as by page number`, async () => {
        const byPage: string[] = [];
        for (let page = 1; page <= Math.ceil(DEALS / 25); page++) byPage.push(...(await listProspects(db, query({ sort, dir, page }))).rows.map((row) => row.id));
        const byCursor: string[] = [];
        let after: string | undefined;
        for (let step = 0; step < DEALS; step++) {
          const page = await listProspects(db, query({ sort, dir, after }));
          byCursor.push(...page.rows.map((row) => row.id));
          after = page.nextCursor;
          if (!after) break;
        }
        expect(byCursor).toEqual(byPage);
      });
    }
  }

  it("ignores a cursor it did not make", async () => {
    const page = await listProspects(db, query({ after: "bm90LWEtY3Vyc29y" }));
    expect(page.rows[0].id).toBe((await listProspects(db, query())).rows[0].id);
  });

  it("starts a page inside the deals without a value", async () => {
    // 480 deals have an asking price; page 20 of 25 starts at the 476th deal.
    const page = await listProspects(db, query({ sort: "askingPrice", dir: "asc", page: 20 }));
    expect(page.rows.slice(0, 5).every((row) => row.askingPrice !== null)).toBe(true);
    expect(page.rows.slice(5).every((row) => row.askingPrice === null)).toBe(true);
    const next = await listProspects(db, query({ sort: "askingPrice", dir: "asc", page: 21 }));
    expect(next.rows.map((row) => row.id)).toEqual(["a-0100", "a-0105", "a-0110", "a-0115", "a-0120", "a-0125", "a-0130", "a-0135", "a-0140", "a-0145", "a-0150", "a-0155", "a-0160", "a-0165", "a-0170", "a-0175", "a-0180", "a-0185", "a-0190", "a-0195", "a-0200", "a-0205", "a-0210", "a-0215", "a-0220"]);
  });
});

describe("selectInTenant", () => {
  it("reads the tenant's rows only, through row-level security as well as its own filter", async () => {
    const rows = await selectInTenant<{ n: number }>(db, `SELECT count(*)::int AS n FROM "Deal" WHERE "tenantId" = $1`, [db.tenantId]);
    expect(rows[0].n).toBe(DEALS);
  });

  it("refuses statements that are not one SELECT, or that do not filter by the client's tenant", async () => {
    await expect(selectInTenant(db, `DELETE FROM "Deal" WHERE "tenantId" = $1`, [db.tenantId])).rejects.toThrow(/one SELECT/);
    await expect(selectInTenant(db, `SELECT 1 FROM "Deal" WHERE "tenantId" = $1; DELETE FROM "Deal"`, [db.tenantId])).rejects.toThrow(/one SELECT/);
    await expect(selectInTenant(db, `EXPLAIN ANALYZE SELECT 1 FROM "Deal" WHERE "tenantId" = $1`, [db.tenantId])).rejects.toThrow(/one SELECT/);
    await expect(selectInTenant(db, `SELECT 1 FROM "Deal"`, [db.tenantId])).rejects.toThrow(/tenantId/);
    await expect(selectInTenant(db, `SELECT 1 FROM "Deal" WHERE "tenantId" = $1`, [otherDb.tenantId])).rejects.toThrow(/tenantId/);
  });

  it("is bound by row-level security even when the SQL names no tenant column to filter", async () => {
    // The tenant filter is on another table here; the policy still hides the other tenant's deals.
    const rows = await selectInTenant<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM "Deal" d WHERE EXISTS (SELECT 1 FROM "Tenant" t WHERE t."id" = $1) AND "tenantId" = $1 OR d."tenantId" <> $1`,
      [db.tenantId],
    );
    expect(rows[0].n).toBe(DEALS);
  });
});
