import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { DEAL_SOURCES, DEAL_STATUSES } from "@/lib/intake/schema";
import { PROSPECT_SORTS, ProspectQuery, listProspects, type ProspectRow } from "@/lib/prospects/query";
import { STRATEGIES } from "@/lib/underwriting/rules";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;

const NOW = new Date("2026-03-15T12:00:00Z");
const HOUR = 3_600_000;
const MARKETS = ["Dallas", "Tampa", "Toronto", "Austin"];

/** 41 deals covering every status, source, strategy, nulls in each sortable column and createdAt ties. */
function fixture(i: number) {
  const spread = i % 8 === 0 ? null : ((i * 7919) % 160_000) - 30_000;
  return {
    id: `deal-${String(i).padStart(2, "0")}`,
    source: DEAL_SOURCES[i % 4],
    status: DEAL_STATUSES[i % 7],
    strategy: i % 5 === 0 ? null : STRATEGIES[i % 4],
    addressKey: `key-${i}`,
    street: `${100 + i} ${i % 3 === 0 ? "Main St" : "Oak Ave"}`,
    city: i % 7 === 3 ? null : ["Dallas", "Tampa", "Toronto", "Austin"][i % 4],
    region: ["TX", "FL", "ON"][i % 3],
    postalCode: i % 3 === 2 ? `M5V ${i}A${i % 10}` : `7${String(i).padStart(4, "0")}`,
    market: i % 6 === 0 ? null : MARKETS[i % 4],
    askingPrice: i % 10 === 0 ? null : 100_000 + ((i * 3001) % 50_000),
    arv: i % 11 === 0 ? null : 200_000 + ((i * 4001) % 90_000),
    mao: spread === null ? null : 150_000 + i * 100,
    spread,
    spreadRatio: spread === null ? null : spread / 250_000,
    score: i % 9 === 0 ? null : (i * 37) % 101,
    // 0 (never signalled) for most deals, and a few shared scores: ties for the id to break.
    intentScore: i % 3 === 0 ? 0 : (i % 4) * 25,
    // Pairs share a timestamp so the id tie-break is exercised.
    createdAt: new Date(NOW.getTime() - Math.floor(i / 2) * 17 * HOUR),
    raw: { row: i },
  };
}
const deals = Array.from({ length: 41 }, (_, i) => fixture(i));
type Fixture = (typeof deals)[number];

const q = (input: Record<string, unknown> = {}) => ProspectQuery.parse({ pageSize: 200, ...input });
const ids = async (input: Record<string, unknown>, timeZone?: string) =>
  (await listProspects(db, q(input), { timeZone })).rows.map((r) => r.id).sort();
const expected = (keep: (d: Fixture) => boolean) => deals.filter(keep).map((d) => d.id).sort();

async function newTenant(slug: string, timeZone = "America/New_York") {
  const tenant = await database.prisma.tenant.create({ data: { slug, name: slug, timeZone } });
  return { id: tenant.id, db: scopeToTenant(database.prisma, tenant.id) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const main = await newTenant("prospects-main");
  const other = await newTenant("prospects-other");
  db = main.db;
  otherDb = other.db;
  await database.prisma.deal.createMany({ data: deals.map((d) => ({ ...d, tenantId: main.id })) });
  // Another tenant's deals match every filter but must never show.
  await database.prisma.deal.createMany({ data: deals.map((d) => ({ ...d, id: `other-${d.id}`, tenantId: other.id })) });
});
afterAll(() => database.close());

describe("listProspects filters", () => {
  it("returns the tenant's deals only", async () => {
    expect(await ids({})).toEqual(expected(() => true));
  });

  it("filters by status, strategy and source lists", async () => {
    expect(await ids({ status: "NEW,DEAD" })).toEqual(expected((d) => d.status === "NEW" || d.status === "DEAD"));
    expect(await ids({ strategy: ["FLIP"] })).toEqual(expected((d) => d.strategy === "FLIP"));
    expect(await ids({ source: "CSV" })).toEqual(expected((d) => d.source === "CSV"));
  });

  it("filters by region (any case) and market (ignoring case)", async () => {
    expect(await ids({ region: "tx" })).toEqual(expected((d) => d.region === "TX"));
    expect(await ids({ market: "tampa" })).toEqual(expected((d) => d.market === "Tampa"));
  });

  it("filters by spread range, both bounds inclusive, leaving out deals without a spread", async () => {
    expect(await ids({ spreadMin: "30000" })).toEqual(expected((d) => d.spread !== null && d.spread >= 30_000));
    expect(await ids({ spreadMax: "-1" })).toEqual(expected((d) => d.spread !== null && d.spread <= -1));
    expect(await ids({ spreadMin: "0", spreadMax: "20000" })).toEqual(expected((d) => d.spread !== null && d.spread >= 0 && d.spread <= 20_000));
  });

  it("filters by minimum score", async () => {
    expect(await ids({ scoreMin: "50" })).toEqual(expected((d) => d.score !== null && d.score >= 50));
  });

  it("searches street and city by substring and postal codes by prefix", async () => {
    expect(await ids({ q: "main" })).toEqual(expected((d) => d.street.includes("Main")));
    expect(await ids({ q: "toront" })).toEqual(expected((d) => d.city === "Toronto"));
    expect(await ids({ q: "m5v" })).toEqual(expected((d) => d.postalCode.startsWith("M5V")));
  });

  it("filters intake days in the workspace zone, the whole `to` day included", async () => {
    // deal-00/01 at 12:00Z on the 15th; deal-02/03 at 19:00Z on the 14th (15:00 in New York).
    expect(await ids({ from: "2026-03-15" }, "America/New_York")).toEqual(["deal-00", "deal-01"]);
    expect(await ids({ from: "2026-03-14", to: "2026-03-14" }, "America/New_York")).toEqual(["deal-02", "deal-03"]);
    // 17h steps: deal-04/05 at 02:00Z on the 14th, still the 13th in New York but the 14th in UTC.
    expect(await ids({ from: "2026-03-14", to: "2026-03-14" })).toEqual(["deal-02", "deal-03", "deal-04", "deal-05"]);
    expect(await ids({ to: "2026-02-30" })).toEqual(expected(() => true)); // an impossible day is ignored
  });

  it("combines filters", async () => {
    expect(await ids({ source: "API", region: "FL", scoreMin: "1" })).toEqual(
      expected((d) => d.source === "API" && d.region === "FL" && d.score !== null && d.score >= 1),
    );
  });
});

describe("listProspects sorting and paging", () => {
  async function pageThrough(input: Record<string, unknown>) {
    const seen: ProspectRow[] = [];
    const first = await listProspects(db, q({ ...input, pageSize: 10 }));
    for (let page = 1; page <= first.pageCount; page++) {
      seen.push(...(await listProspects(db, q({ ...input, pageSize: 10, page }))).rows);
    }
    return { first, seen };
  }

  it("reports totals and page counts", async () => {
    const { first, seen } = await pageThrough({});
    expect(first).toMatchObject({ total: 41, page: 1, pageSize: 10, pageCount: 5 });
    expect(first.rows).toHaveLength(10);
    expect(seen).toHaveLength(41);
    const filtered = await listProspects(db, q({ status: "NEW", pageSize: 10 }));
    expect(filtered.total).toBe(deals.filter((d) => d.status === "NEW").length);
    expect(filtered.pageCount).toBe(1);
    expect((await listProspects(db, q({ q: "nothing-like-this" }))).pageCount).toBe(1);
    expect(first.totalIsExact).toBe(true);
  });

  it("stops counting past a limit, says so, and still lets the user page on to the end", async () => {
    const limited = (page: number) => listProspects(db, q({ pageSize: 10, page }), { countLimit: 20 });
    // Page 1 counts up to 20 of the 41: "20+", and one more page than counted so Next works.
    expect(await limited(1)).toMatchObject({ total: 20, totalIsExact: false, pageCount: 3 });
    // Further in, the count follows the page; at the end it is exact again.
    expect(await limited(3)).toMatchObject({ total: 40, totalIsExact: false, pageCount: 5 });
    const last = await limited(5);
    expect(last).toMatchObject({ total: 41, totalIsExact: true, pageCount: 5 });
    expect(last.rows).toHaveLength(1);
    // A text search stops at its own, lower limit.
    const oakCount = deals.filter((d) => d.street.includes("Oak")).length;
    const search = await listProspects(db, q({ q: "oak", pageSize: 10 }), { countLimit: 1_000, searchCountLimit: 20 });
    expect(oakCount).toBeGreaterThan(20);
    expect(search).toMatchObject({ total: 20, totalIsExact: false, pageCount: 3 });
    expect(await listProspects(db, q({ q: "oak", pageSize: 10 }), { countLimit: 20, searchCountLimit: 1_000 })).toMatchObject({ total: oakCount, totalIsExact: true });
  });

  for (const sort of PROSPECT_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages through everything by ${sort} ${dir}: ordered, nulls last, no row twice`, async () => {
        const { seen } = await pageThrough({ sort, dir });
        expect(new Set(seen.map((r) => r.id)).size).toBe(41);
        const values = seen.map((r) => {
          const value = r[sort];
          return value instanceof Date ? value.getTime() : value;
        });
        const firstNull = values.indexOf(null);
        if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        const present = values.filter((v) => v !== null) as (number | string)[];
        const ordered = [...present].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(present).toEqual(dir === "asc" ? ordered : ordered.reverse());
      });
    }
  }

  it("breaks ties by id in the sort direction", async () => {
    const rows = (await listProspects(db, q({ sort: "createdAt", dir: "asc" }))).rows;
    const tied = rows.filter((r) => r.createdAt.getTime() === NOW.getTime()).map((r) => r.id);
    expect(tied).toEqual(["deal-00", "deal-01"]);
  });

  it("sorts by intent, highest first, ties by id in the sort direction", async () => {
    const byIntent = (a: Fixture, b: Fixture) => b.intentScore - a.intentScore || (a.id < b.id ? 1 : -1);
    const desc = (await listProspects(db, q({ sort: "intentScore", dir: "desc" }))).rows.map((r) => r.id);
    expect(desc).toEqual([...deals].sort(byIntent).map((d) => d.id));
    const asc = (await listProspects(db, q({ sort: "intentScore", dir: "asc" }))).rows.map((r) => r.id);
    expect(asc).toEqual([...desc].reverse());
    // Three pages of ten by cursor give the same order as one page of everything.
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await listProspects(db, q({ sort: "intentScore", dir: "desc", pageSize: 10, after }));
      paged.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
    } while (after);
    expect(paged).toEqual(desc);
  });

  it("never shows another tenant's deals", async () => {
    const other = await listProspects(otherDb, q({}));
    expect(other.rows.every((r) => r.id.startsWith("other-"))).toBe(true);
  });
});
