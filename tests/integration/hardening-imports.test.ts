import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { errorReportCsv } from "@/lib/imports/report";
import type { ColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
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
  { header: "Notes", field: null },
];

// Row numbers as a spreadsheet shows them: the header is row 1.
const FILE = [
  "Address,City,State,Zip,Notes",
  "1 Good St,Springfield,IL,62704,fine", // 2 created
  "2 Nul\u0000 St,Springfield,IL,62704,", // 3 NUL in a mapped column
  "3 Good St,Springfield,IL,62704,call \u0000 later", // 4 NUL in a column the import does not map
  '4 "Main" St,Springfield,IL,62704,', // 5 stray quote inside an unquoted value
  "5 Lone \ud800 St,Springfield,IL,62704,", // 6 created: a file is bytes, read as UTF-8, so the surrogate arrives as U+FFFD
  '"6 Quoted, ""Fine"" St",Springfield,IL,62704,', // 7 created: quoting done right
  '"7 Elm" x,Springfield,IL,62704,', // 8 text after a closing quote
  "8 Good St,Springfield,IL,62704, =HYPERLINK(\u0000)", // 9 NUL, and a formula after a space
  "9 Good St,Springfield,IL,62704,", // 10 created
].join("\r\n");

beforeAll(async () => {
  database = await createTestDatabase();
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `hard-${tag}`, name: `Hardening ${tag}`, timeZone: "America/Chicago", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  db = scopeToTenant(database.prisma, tenant.id);
});

afterAll(async () => {
  await database?.close();
});

describe("an import with cells the database cannot store or the CSV rules do not allow", () => {
  let jobId: string;

  it("refuses those rows one by one, naming the column, and imports the others", async () => {
    const job = await createImportJob(db, { fileName: "hostile.csv", mapping: MAPPING, totalRows: 9 }, actor);
    jobId = job.id;
    const done = await runImport(db, job.id, Readable.from([FILE]), { batchSize: 3, actor });
    expect(done).toMatchObject({ status: "DONE", processedRows: 9, created: 4, errorCount: 5, message: null });
    const errors = await db.importRowError.findMany({ where: { jobId }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [3, "street"],
      [4, null],
      [5, "street"],
      [8, "street"],
      [9, null],
    ]);
    expect(errors[0].message).toMatch(/Column "Address" contains a NUL character/);
    expect(errors[1].message).toMatch(/Column "Notes" contains a NUL character/);
    expect(errors[2].message).toMatch(/Column "Address" has a quote inside an unquoted value/);
    // The row comes back as it was, with what cannot be stored shown as U+FFFD.
    expect(errors[0].raw).toEqual(["2 Nul\uFFFD St", "Springfield", "IL", "62704", ""]);
    const streets = (await db.deal.findMany({ select: { street: true }, orderBy: { street: "asc" } })).map((d) => d.street);
    expect(streets).toHaveLength(4);
    expect(streets.join("|")).toMatch(/1 Good St/);
    expect(streets.join("|")).toMatch(/9 Good St/);
  });

  it("writes an error report whose formula-like cells are neutralised, leading space or not", async () => {
    const text = await new Response((await errorReportCsv(db, jobId)).stream).text();
    const line = text.split("\r\n").find((l) => l.startsWith("9,"));
    expect(line).toMatch(/,' =HYPERLINK\(\uFFFD\)$/);
  });

  it("stops with a readable reason, not an unexplained failure, when the header itself holds a NUL", async () => {
    const job = await createImportJob(db, { fileName: "bad-header.csv", mapping: MAPPING, totalRows: 1 }, actor);
    const failed = await runImport(db, job.id, Readable.from(["Address,City,State,Zip,Not\u0000es\r\n1 A St,X,IL,62704,\r\n"]), { actor });
    expect(failed.status).toBe("FAILED");
    expect(failed.message).toMatch(/header of column 5 contains a NUL character/);
  });

  it("names the CSV problem when the file ends inside a quoted value", async () => {
    const job = await createImportJob(db, { fileName: "open-quote.csv", mapping: MAPPING, totalRows: 2 }, actor);
    const failed = await runImport(db, job.id, Readable.from(['Address,City,State,Zip,Notes\r\n10 Last St,X,IL,62704,"never closed\r\n']), { actor });
    expect(failed.status).toBe("FAILED");
    expect(failed.message).toMatch(/not valid CSV \(Quote Not Closed/);
  });
});
