import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { getImportJob, listImportJobs } from "@/lib/imports/query";
import type { ColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { DealInput } from "@/lib/intake/schema";
import { intakeDeals } from "@/lib/intake/service";
import { dealListsAndQuality } from "@/lib/leadlists/query";
import { ProspectQuery, listProspects } from "@/lib/prospects/query";
import { loadQualityBaselines } from "@/lib/quality";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const actor = { actorId: "user-1", actorEmail: "owner@example.test", requestId: "req-1" };

const MAPPING: ColumnMapping = [
  { header: "Address", field: "street" },
  { header: "City", field: "city" },
  { header: "State", field: "region" },
  { header: "Zip", field: "postalCode" },
  { header: "Asking", field: "askingPrice" },
  { header: "ARV", field: "arv" },
];
const HEADER = "Address,City,State,Zip,Asking,ARV";

const PROBATE = [
  HEADER,
  "12 Maple Ave,Springfield,IL,62704,90000,160000", // created
  "40 Walnut St,Springfield,IL,62704,95000,170000", // created
  "12 MAPLE AVENUE,Springfield,IL,62704,91000,160000", // the same house again in the file: a duplicate, not stacked
].join("\n");

const TAX_DELINQUENT = [
  HEADER,
  "12 Maple Avenue,Springfield,IL,62704,88000,160000", // stacks onto the probate deal
  "40 Walnut Street,Springfield,IL,62704,95000,170000", // stacks
  "7 Birch Ct,Springfield,IL,62704,210000,150000", // created; ARV below asking
  "500 Oak St,Springfield,IL,62704,,", // stacks onto the deal typed in by hand
  "12 Maple Ave.,Springfield,IL,62704,88000,160000", // already on this list from row 2: a duplicate only
].join("\n");

async function importList(fileName: string, csv: string, listName?: string) {
  const job = await createImportJob(db, { fileName, mapping: MAPPING, totalRows: csv.split("\n").length - 1, listName }, actor);
  // Batches of two: repeats meet their first row in another batch and in the same one.
  return runImport(db, job.id, Readable.from([csv]), { batchSize: 2, actor });
}

const dealByStreet = (street: string) => db.deal.findFirstOrThrow({ where: { street }, select: { id: true, listCount: true, scoredAt: true, qualityFlags: true } });
const idsOf = async (input: Record<string, unknown>) => (await listProspects(db, ProspectQuery.parse(input))).rows.map((row) => row.id).sort();

beforeAll(async () => {
  database = await createTestDatabase();
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `stack-${tag}`, name: `Stacking ${tag}`, timeZone: "America/Chicago", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  db = scopeToTenant(database.prisma, tenant.id);
  await intakeDeals(db, [{ deal: DealInput.parse({ street: "500 Oak St", city: "Springfield", region: "IL", postalCode: "62704" }), raw: {} }], { source: "MANUAL" });
});

afterAll(async () => {
  await database?.close();
});

describe("list stacking across imports", () => {
  it("makes each import a named list: the file's name by default, its deals on it once", async () => {
    const done = await importList("County probate.csv", PROBATE);
    expect(done).toMatchObject({ status: "DONE", created: 2, duplicates: 1, stacked: 0 });
    const list = await db.leadList.findFirstOrThrow({ where: { id: done.leadListId! } });
    expect(list).toMatchObject({ name: "County probate", importJobId: done.id, createdById: "user-1" });
    expect(await db.leadListMember.count({ where: { listId: list.id } })).toBe(2);
    expect((await dealByStreet("12 Maple Ave")).listCount).toBe(1);
    expect((await dealByStreet("40 Walnut St")).listCount).toBe(1);
    // The deal typed in by hand is on no list.
    expect((await dealByStreet("500 Oak St")).listCount).toBe(0);
  });

  it("stacks the second import's repeated rows onto the existing deals, without re-creating them, and re-scores them", async () => {
    const before = new Date();
    const dealsBefore = await db.deal.count();
    const done = await importList("tax.csv", TAX_DELINQUENT, "  Tax delinquent  ");
    expect(done).toMatchObject({ status: "DONE", processedRows: 5, created: 1, duplicates: 4, stacked: 3, errorCount: 0 });
    expect(await db.deal.count()).toBe(dealsBefore + 1);

    const maple = await dealByStreet("12 Maple Ave");
    expect(maple.listCount).toBe(2);
    expect(maple.scoredAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect((await dealByStreet("40 Walnut St")).listCount).toBe(2);
    expect((await dealByStreet("500 Oak St")).listCount).toBe(1);
    expect((await dealByStreet("7 Birch Ct")).listCount).toBe(1);
    // listCount is exactly the deal's memberships, for every deal.
    for (const deal of await db.deal.findMany({ select: { id: true, listCount: true } })) {
      expect(await db.leadListMember.count({ where: { dealId: deal.id } })).toBe(deal.listCount);
    }

    const view = await dealListsAndQuality(db, maple.id);
    expect(view!.lists.map((list) => list.name)).toEqual(["County probate", "Tax delinquent"]);
  });

  it("says how many rows stacked in the job view and in the audit trail", async () => {
    const [latest] = await listImportJobs(db, 1);
    expect(latest).toMatchObject({ fileName: "tax.csv", listName: "Tax delinquent", created: 1, duplicates: 4, stacked: 3 });
    expect(await getImportJob(db, latest.id)).toMatchObject({ stacked: 3, listName: "Tax delinquent" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "deals.imported", entityId: latest.id } });
    expect(audit.after).toMatchObject({ created: 1, duplicates: 4, stacked: 3 });
  });

  it("adds an import under a list's existing name to that list: nothing stacks twice", async () => {
    const done = await importList("tax-again.csv", TAX_DELINQUENT, "Tax delinquent");
    expect(done).toMatchObject({ status: "DONE", created: 0, duplicates: 5, stacked: 0 });
    expect(await db.leadList.count({ where: { name: "Tax delinquent" } })).toBe(1);
    expect((await dealByStreet("12 Maple Ave")).listCount).toBe(2);
  });
});

describe("Prospects filters on lists and data quality", () => {
  it("finds the deals on at least N lists", async () => {
    const maple = await dealByStreet("12 Maple Ave");
    const walnut = await dealByStreet("40 Walnut St");
    expect(await idsOf({ listsMin: 2 })).toEqual([maple.id, walnut.id].sort());
    expect(await idsOf({ listsMin: "3" })).toEqual([]);
    expect((await idsOf({ listsMin: 1 })).length).toBe(4);
    expect((await listProspects(db, ProspectQuery.parse({ listsMin: 2 }))).rows.every((row) => row.listCount >= 2)).toBe(true);
  });

  it("finds the deals with any quality flag, or with a given one, as intake flagged them", async () => {
    const birch = await dealByStreet("7 Birch Ct");
    expect(birch.qualityFlags).toEqual(["arv_below_asking"]);
    expect(await idsOf({ quality: "any" })).toEqual([birch.id]);
    expect(await idsOf({ quality: "arv_below_asking" })).toEqual([birch.id]);
    expect(await idsOf({ quality: "repairs_above_arv" })).toEqual([]);
    const view = await dealListsAndQuality(db, birch.id);
    expect(view!.issues).toEqual([
      { code: "arv_below_asking", field: "arv", reason: "ARV $150,000 is below the asking price $210,000: there is no spread to buy" },
    ]);
    expect(() => ProspectQuery.parse({ quality: "made_up" })).toThrow();
  });
});

describe("loadQualityBaselines", () => {
  it("computes each market's median and median absolute deviation over live deals, in one query", async () => {
    const prices = [100_000, 110_000, 120_000, 130_000, 400_000];
    await intakeDeals(
      db,
      prices.map((askingPrice, i) => ({ deal: DealInput.parse({ street: `${i + 1} Baseline Rd`, city: "Dallas", region: "TX", postalCode: "75201", askingPrice, arv: askingPrice * 2 }), raw: {} })),
      { source: "MANUAL" },
    );
    const market = (await db.deal.findFirstOrThrow({ where: { street: "1 Baseline Rd" }, select: { market: true } })).market!;
    const baselines = await loadQualityBaselines(db, [market, "Nowhere"]);
    // Median 120,000; distances 20k, 10k, 0, 10k, 280k -> MAD 10,000.
    expect(baselines.get(market)).toEqual({
      market,
      asking: { median: 120_000, mad: 10_000, count: 5 },
      arv: { median: 240_000, mad: 20_000, count: 5 },
    });
    expect(baselines.has("Nowhere")).toBe(false);
    expect((await loadQualityBaselines(db, [])).size).toBe(0);
  });
});
