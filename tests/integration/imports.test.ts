import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { errorReportCsv } from "@/lib/imports/report";
import { getImportJob } from "@/lib/imports/query";
import type { ColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { DealInput } from "@/lib/intake/schema";
import { intakeDeals } from "@/lib/intake/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const actor = { actorId: "user-1", actorEmail: "owner@example.test", requestId: "req-1" };

async function newTenant(): Promise<TenantDb> {
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `imp-${tag}`, name: `Imports ${tag}`, timeZone: "America/Chicago", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  // Provisioning may already seed the (ALL, ALL) policy, disabled: enable it either way.
  await database.prisma.offerPolicy.upsert({
    where: { tenantId_region_market: { tenantId: tenant.id, region: "ALL", market: "ALL" } },
    update: { enabled: true },
    create: { tenantId: tenant.id, region: "ALL", market: "ALL", enabled: true },
  });
  return scopeToTenant(database.prisma, tenant.id);
}

const HEADERS = ["Address", "City", "State", "Zip", "Asking", "ARV", "Repairs", "Email", "Year Built"];
const MAPPING: ColumnMapping = [
  { header: "Address", field: "street" },
  { header: "City", field: "city" },
  { header: "State", field: "region" },
  { header: "Zip", field: "postalCode" },
  { header: "Asking", field: "askingPrice" },
  { header: "ARV", field: "arv" },
  { header: "Repairs", field: "repairs" },
  { header: "Email", field: "contactEmail" },
  { header: "Year Built", field: "yearBuilt" },
];

// Row numbers as a spreadsheet shows them: the header is row 1.
const LEAD_LIST = [
  HEADERS.join(","),
  '123 Main Street,Springfield,IL,62704,$90k,"$160,000",$30k,dana@example.test,1952', // 2 created
  "123 MAIN ST.,springfield,IL,62704-1234,$95k,$165k,$30k,,", // 3 duplicate of row 2, written another way
  ",Columbus,OH,43215,$80k,$150k,$20k,,", // 4 no address
  "9 Pine Rd,Dallas,TX,75201,lots,$200k,$40k,,", // 5 bad amount
  "77 Birch Ln,Atlanta,GA,30303,$100k,$190k,$35k,not-an-email,", // 6 bad email
  ",,,,,,,,", // 7 blank: skipped, not counted
  "500 Oak Street,Columbus,OH,43215,$70k,$140k,$25k,,", // 8 already in the tenant
  "42 Cedar Ct,Memphis,TN,38103,$60k,$130k,$28k,,1978", // 9 created
  "15 Elm St,Dayton,OH,45402,$50k,$120k,$20k,,1492", // 10 year out of range
  '"42 Cedar Court",Memphis,TN,38103,$61k,$131k,$28k,,', // 11 duplicate of row 9, in a later batch
].join("\r\n");

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = await newTenant();
  // An address the tenant already has, before any import.
  await intakeDeals(db, [{ deal: DealInput.parse({ street: "500 Oak St", city: "Columbus", region: "OH", postalCode: "43215" }), raw: {} }], { source: "MANUAL" });
});

afterAll(async () => {
  await database?.close();
});

describe("runImport", () => {
  let jobId: string;

  it("imports good rows, records bad ones and counts duplicates exactly", async () => {
    const job = await createImportJob(db, { fileName: "leads.csv", mapping: MAPPING, totalRows: 9 }, actor);
    const done = await runImport(db, job.id, Readable.from([LEAD_LIST]), { batchSize: 4, actor });
    jobId = job.id;

    expect(done).toMatchObject({ status: "DONE", totalRows: 9, processedRows: 9, created: 2, duplicates: 3, errorCount: 4, message: null });
    expect(done.startedAt).toBeInstanceOf(Date);
    expect(done.finishedAt).toBeInstanceOf(Date);

    const errors = await db.importRowError.findMany({ where: { jobId }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => [e.rowNumber, e.field, e.message])).toEqual([
      [4, "street", "Street address is required"],
      [5, "askingPrice", "Asking price must be an amount like 150000 or $150k"],
      [6, "contactEmail", "Enter a valid email"],
      [10, "yearBuilt", "Year built must be at least 1600"],
    ]);
    expect(errors[0].raw).toEqual(["", "Columbus", "OH", "43215", "$80k", "$150k", "$20k", "", ""]);
  });

  it("inserts the deals underwritten, with evidence, tagged with the job", async () => {
    const deals = await db.deal.findMany({ where: { sourceRef: jobId }, include: { evidence: true }, orderBy: { street: "asc" } });
    expect(deals.map((d) => [d.street, d.postalCode, d.source, d.status])).toEqual([
      ["123 Main Street", "62704", "CSV", "UNDERWRITTEN"],
      ["42 Cedar Ct", "38103", "CSV", "UNDERWRITTEN"],
    ]);
    for (const deal of deals) {
      expect(deal.mao).not.toBeNull();
      expect(deal.strategy).not.toBeNull();
      expect(deal.evidence).toHaveLength(1);
    }
    expect(deals[0]).toMatchObject({ askingPrice: 90_000, arv: 160_000, repairs: 30_000, contactEmail: "dana@example.test", yearBuilt: 1952 });
    expect(deals[0].raw).toMatchObject({ Address: "123 Main Street", Asking: "$90k" });
  });

  it("leaves the planner statistics current on PostgreSQL without waiting for autovacuum", async () => {
    if (database.kind !== "postgres") return;
    const [stats] = (await database.sql.query<{ analyzed: boolean }>(
      `SELECT s.last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables s WHERE s.relname = 'Deal'`,
    )).rows;
    expect(stats).toEqual({ analyzed: true });
  });

  it("leaves the planner statistics current on PGlite, which has no autovacuum", async () => {
    if (database.kind !== "pglite") return;
    const [stats] = (await database.sql.query<{ reltuples: number; vacuumed: boolean }>(
      `SELECT c.reltuples, s.last_vacuum IS NOT NULL AS vacuumed FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'Deal'`,
    )).rows;
    expect(stats).toEqual({ reltuples: await database.prisma.deal.count(), vacuumed: true });
  });

  it("writes one audit event and one KPI event with the counts", async () => {
    const audits = await db.auditEvent.findMany({ where: { action: "deals.imported", entityId: jobId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: "user-1", actorEmail: "owner@example.test", requestId: "req-1" });
    expect(audits[0].after).toEqual({ jobId, fileName: "leads.csv", rows: 9, created: 2, duplicates: 3, stacked: 1, errors: 4, consentsRecorded: 0 });
    const kpis = await db.kpiEvent.findMany({ where: { name: "import_completed" } });
    expect(kpis.map((k) => k.data)).toEqual([{ jobId, fileName: "leads.csv", rows: 9, created: 2, duplicates: 3, stacked: 1, errors: 4, consentsRecorded: 0 }]);
  });

  it("gives an error report: row, column, reason, then the row as it was", async () => {
    const report = await errorReportCsv(db, jobId, { batchSize: 3 });
    expect(report.fileName).toBe("leads-errors.csv");
    expect((await readText(report.stream)).split("\r\n")).toEqual([
      "row,field,message,Address,City,State,Zip,Asking,ARV,Repairs,Email,Year Built",
      "4,Address,Street address is required,,Columbus,OH,43215,$80k,$150k,$20k,,",
      "5,Asking,Asking price must be an amount like 150000 or $150k,9 Pine Rd,Dallas,TX,75201,lots,$200k,$40k,,",
      "6,Email,Enter a valid email,77 Birch Ln,Atlanta,GA,30303,$100k,$190k,$35k,not-an-email,",
      '10,Year Built,Year built must be at least 1600,15 Elm St,Dayton,OH,45402,$50k,$120k,$20k,,1492',
      "",
    ]);
  });

  it("does not run a finished job again, and a restart adds no deal (deduped by address)", async () => {
    const before = await db.deal.count();
    const again = await runImport(db, jobId, Readable.from([LEAD_LIST]), { batchSize: 4 });
    expect(again).toMatchObject({ status: "DONE", created: 2, duplicates: 3 });

    const restarted = await runImport(db, jobId, Readable.from([LEAD_LIST]), { batchSize: 4, restart: true });
    expect(restarted).toMatchObject({ status: "DONE", processedRows: 9, created: 0, duplicates: 5, errorCount: 4 });
    expect(await db.deal.count()).toBe(before);
    expect(await db.importRowError.count({ where: { jobId } })).toBe(4);
  });

  it("updates the job's counters after every batch, reading at most one batch ahead of the write", async () => {
    const tenantDb = await newTenant();
    const job = await createImportJob(tenantDb, { fileName: "p.csv", mapping: MAPPING, totalRows: 10 }, actor);
    const seen: number[] = [];
    async function* rows() {
      yield HEADERS;
      for (let i = 0; i < 10; i += 1) {
        seen.push((await tenantDb.importJob.findFirstOrThrow({ where: { id: job.id } })).processedRows);
        yield [`${i + 1} Progress Way`, "Springfield", "IL", "62704", "$50k", "$100k", "", "", ""];
      }
    }
    const done = await runImport(tenantDb, job.id, rows(), { batchSize: 3 });
    expect(done).toMatchObject({ status: "DONE", processedRows: 10, created: 10 });
    // Whole batches only, never going back, and the reader (row i) at most one batch plus the
    // rows of its own batch ahead of what is counted: the next batch is read while one is written.
    expect(seen.every((processed) => processed % 3 === 0)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    for (const [i, processed] of seen.entries()) expect(i - processed).toBeLessThanOrEqual(5);
    expect(seen.at(-1)).toBeGreaterThanOrEqual(6);
  });

  it("fails with how far it got, and a retry resumes without doubling anything", async () => {
    const tenantDb = await newTenant();
    const job = await createImportJob(tenantDb, { fileName: "r.csv", mapping: MAPPING, totalRows: 8 }, actor);
    const row = (i: number) => [`${i} Retry Rd`, "Springfield", "IL", "62704", "$50k", "$100k", "", i === 3 ? "bad" : "", ""];
    async function* breaking() {
      yield HEADERS;
      for (let i = 1; i <= 5; i += 1) yield row(i);
      throw new Error("disk on fire");
    }
    const failed = await runImport(tenantDb, job.id, breaking(), { batchSize: 2 });
    expect(failed.status).toBe("FAILED");
    expect(failed.message).toMatch(/^Stopped after 4 rows: something went wrong on our side\. The rows before are imported; retry to continue\.$/);
    expect(failed).toMatchObject({ processedRows: 4, created: 3, errorCount: 1 });

    async function* whole() {
      yield HEADERS;
      for (let i = 1; i <= 8; i += 1) yield row(i);
    }
    const resumed = await runImport(tenantDb, job.id, whole(), { batchSize: 2 });
    expect(resumed).toMatchObject({ status: "DONE", processedRows: 8, created: 7, duplicates: 0, errorCount: 1 });
    expect(await tenantDb.deal.count()).toBe(7);
    expect(await tenantDb.importRowError.count({ where: { jobId: job.id } })).toBe(1);
    expect(await tenantDb.auditEvent.count({ where: { action: "deals.import_failed", entityId: job.id } })).toBe(1);
  });

  it("keeps every batch committed before a failed write, counted once, and a retry ends as a clean run would", async () => {
    const tenantDb = await newTenant();
    const job = await createImportJob(tenantDb, { fileName: "w.csv", mapping: MAPPING, totalRows: 10 }, actor);
    // Row 2 is invalid, row 9 repeats row 1 in a later batch, row 7's write fails while the database refuses it.
    const row = (i: number) => [`${i === 9 ? 1 : i} Resume Rd`, "Springfield", "IL", "62704", "$50k", "$100k", "", i === 2 ? "bad" : "", ""];
    const file = () => Readable.from([HEADERS, ...Array.from({ length: 10 }, (_, i) => row(i + 1))].map((cells) => `${cells.join(",")}\n`));
    await database.sql.exec(`
      CREATE FUNCTION refuse_resume_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.street = '7 Resume Rd' THEN RAISE EXCEPTION 'storage failure'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_resume_row BEFORE INSERT ON "Deal" FOR EACH ROW EXECUTE FUNCTION refuse_resume_row();`);
    let failed;
    try {
      failed = await runImport(tenantDb, job.id, file(), { batchSize: 3 });
    } finally {
      await database.sql.exec(`DROP TRIGGER refuse_resume_row ON "Deal"; DROP FUNCTION refuse_resume_row();`);
    }
    expect(failed).toMatchObject({ status: "FAILED", processedRows: 6, created: 5, duplicates: 0, errorCount: 1 });
    expect(await tenantDb.deal.count()).toBe(5);
    expect(await tenantDb.importRowError.count({ where: { jobId: job.id } })).toBe(1);

    const resumed = await runImport(tenantDb, job.id, file(), { batchSize: 3 });
    expect(resumed).toMatchObject({ status: "DONE", processedRows: 10, created: 8, duplicates: 1, errorCount: 1 });
    expect(await tenantDb.deal.count()).toBe(8);
    expect(await tenantDb.offerEvidence.count()).toBe(8);
    expect(await tenantDb.eventOutbox.count({ where: { name: "lead/created" } })).toBe(8);
    expect(await tenantDb.importRowError.count({ where: { jobId: job.id } })).toBe(1);
  });

  it("fails with a message the user can act on when a mapped column is missing", async () => {
    const job = await createImportJob(db, { fileName: "m.csv", mapping: MAPPING, totalRows: 1 }, actor);
    const failed = await runImport(db, job.id, Readable.from(["Address,City\n1 A St,Springfield\n"]));
    expect(failed.status).toBe("FAILED");
    expect(failed.message).toContain('The file has no column named "State", "Zip"');
  });

  it("keeps jobs to their tenant", async () => {
    const other = await newTenant();
    await expect(getImportJob(other, jobId)).rejects.toThrow(/does not exist/);
    await expect(errorReportCsv(other, jobId)).rejects.toThrow(/does not exist/);
    await expect(runImport(other, jobId)).rejects.toThrow(/does not exist/);
  });
});

describe("runImport at volume", () => {
  it("streams 20,000 rows in batches without reading ahead of them", { timeout: 300_000 }, async () => {
    const tenantDb = await newTenant();
    const total = 20_000;
    const job = await createImportJob(tenantDb, { fileName: "big.csv", mapping: MAPPING, totalRows: total }, actor);
    let generated = 0;
    let maxLead = 0;
    async function* lines() {
      yield `${HEADERS.join(",")}\n`;
      for (let i = 1; i <= total; i += 1) {
        generated += 1;
        if (i % 500 === 0) {
          const { processedRows } = await tenantDb.importJob.findFirstOrThrow({ where: { id: job.id }, select: { processedRows: true } });
          maxLead = Math.max(maxLead, generated - processedRows);
        }
        yield `${i} Volume Blvd,Columbus,OH,43215,$${60 + (i % 50)}k,$${150 + (i % 80)}k,$${20 + (i % 30)}k,,${1950 + (i % 60)}\n`;
      }
    }
    const done = await runImport(tenantDb, job.id, Readable.from(lines()), { batchSize: 1000 });
    expect(done).toMatchObject({ status: "DONE", processedRows: total, created: total, duplicates: 0, errorCount: 0 });
    expect(await tenantDb.deal.count({ where: { sourceRef: job.id } })).toBe(total);
    // Rows generated but not yet imported: one batch plus the stream buffers, never the file.
    expect(maxLead).toBeLessThan(3000);
  });
});
