import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { guessBuyerMapping } from "@/lib/imports/buyer-fields";
import { createBuyerImportJob } from "@/lib/imports/buyers";
import { getImportJob } from "@/lib/imports/query";
import { errorReportCsv } from "@/lib/imports/report";
import { settleImport, startImport } from "@/lib/imports/runner";
import { toColumnMapping, type BuyerColumnMapping } from "@/lib/imports/schema";
import { runImport } from "@/lib/imports/service";
import { receiveImportUpload } from "@/lib/imports/upload";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/csv/buyers-sample.csv");
const actor = { actorId: "user-1", actorEmail: "owner@example.test", requestId: "req-1" };

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
let mapping: BuyerColumnMapping;
let importsDir: string;

async function newTenant(prefix: string): Promise<TenantDb> {
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `${prefix}-${tag}`, name: `Buyers ${tag}`, timeZone: "America/Chicago", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  return scopeToTenant(database.prisma, tenant.id);
}

async function importFixture(tenantDb: TenantDb, options: { batchSize?: number; fileName?: string } = {}) {
  const job = await createBuyerImportJob(tenantDb, { fileName: options.fileName ?? "buyers-sample.csv", mapping, totalRows: 20 }, actor);
  return runImport(tenantDb, job.id, createReadStream(FIXTURE), { actor, batchSize: options.batchSize });
}

beforeAll(async () => {
  importsDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-buyer-imports-"));
  process.env.IMPORTS_DIR = importsDir;
  database = await createTestDatabase();
  db = await newTenant("buy");
  otherDb = await newTenant("oth");
  const header = (await readFile(FIXTURE, "utf8")).split("\n")[0].split(",");
  mapping = toColumnMapping(header, guessBuyerMapping(header)) as BuyerColumnMapping;
  // Already a buyer of this workspace: row 9 of the file repeats her phone.
  await db.buyer.create({ data: { name: "Frances Diaz", phones: ["+18325550199"] } });
  // Deleted: a row with the same phone is a new buyer again.
  await db.buyer.create({ data: { name: "Olga Bauer (old)", phones: ["+13125550120"], deletedAt: new Date() } });
  // Another workspace's buyers never make a row a duplicate here.
  await otherDb.buyer.create({ data: { name: "Karen Wu", phones: ["+12065550116"], emails: ["maria@silva.test"] } });
});

afterAll(async () => {
  await database?.close();
  await rm(importsDir, { recursive: true, force: true });
});

describe("a buyer list", () => {
  it("guesses every column of the sample from its header", () => {
    expect(mapping).toEqual([
      { header: "Buyer Name", field: "name" },
      { header: "Company", field: "company" },
      { header: "Phone", field: "phones" },
      { header: "Cell", field: "phones" },
      { header: "Email", field: "emails" },
      { header: "Status", field: "status" },
      { header: "POF", field: "proofOfFundsAmount" },
      { header: "Closing Days", field: "closingDays" },
      { header: "Tags", field: "tags" },
      { header: "Markets", field: "markets" },
      { header: "Zips", field: "postalCodes" },
      { header: "Min Price", field: "priceMin" },
      { header: "Max Price", field: "priceMax" },
      { header: "Property Types", field: "propertyTypes" },
      { header: "Strategy", field: "strategies" },
      { header: "Rehab", field: "rehabAppetite" },
      { header: "Min Spread", field: "minSpread" },
      { header: "Notes", field: "notes" },
    ]);
  });

  let jobId: string;

  it("keeps every good row, counts duplicates in the file and in the workspace, and reports each bad row", async () => {
    // Batches of 4: a duplicate of a row in an earlier batch is caught through the database.
    const job = await importFixture(db, { batchSize: 4 });
    jobId = job.id;
    expect(job.kind).toBe("BUYERS");
    expect({ status: job.status, processedRows: job.processedRows, created: job.created, duplicates: job.duplicates, errorCount: job.errorCount }).toEqual({
      status: "DONE",
      processedRows: 20,
      created: 9,
      duplicates: 3,
      errorCount: 8,
    });

    const created = await db.buyer.findMany({ where: { source: "csv" }, orderBy: { name: "asc" } });
    expect(created.map((b) => b.name)).toEqual(["Alicia Moreno", "Ben Carter", "Chloe Nguyen", "George Hill", "Ivan Petrov", "Karen Wu", "Maria Silva", "Olga Bauer", "Paul Reyes"]);
    const alicia = created.find((b) => b.name === "Alicia Moreno")!;
    expect(alicia).toMatchObject({
      company: "Moreno Capital LLC",
      phones: ["+17135550101"],
      emails: ["alicia@morenocap.test"],
      status: "ACTIVE",
      proofOfFundsAmount: 500_000,
      closingDays: 14,
      tags: ["vip", "cash"],
      markets: ["TX:Houston", "TX:Katy"],
      postalCodes: ["77002", "77003"],
      priceMin: 80_000,
      priceMax: 250_000,
      propertyTypes: ["SFR", "TOWNHOUSE"],
      strategies: ["FLIP"],
      rehabAppetite: "MEDIUM",
      minSpread: 20_000,
      notes: "Closes fast",
      source: "csv",
      timeZone: "America/Chicago",
    });
    // Phone and Cell both fill the phones.
    expect(created.find((b) => b.name === "Ben Carter")!.phones).toEqual(["+12145550102", "+14695550103"]);
    expect(created.find((b) => b.name === "Ivan Petrov")!.status).toBe("DO_NOT_USE");
    expect(created.find((b) => b.name === "Chloe Nguyen")).toMatchObject({ postalCodes: ["M5V", "M6H"], timeZone: "America/Toronto" });

    const errors = await db.importRowError.findMany({ where: { jobId }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [5, "phones"],
      [6, "name"],
      [7, "markets"],
      [10, "priceMin"],
      [12, "emails"],
      [14, "postalCodes"],
      [17, "strategies"],
      [19, "closingDays"],
    ]);
    const reason = Object.fromEntries(errors.map((e) => [e.rowNumber, e.message]));
    expect(reason[5]).toContain('"not a phone" is not a phone number');
    expect(reason[6]).toBe("Name is required");
    expect(reason[7]).toContain('"Houston" is not a market');
    expect(reason[10]).toBe("Minimum price is above the maximum price");
    expect(reason[12]).toContain('"hannah.ito.example" is not an email address');
    expect(reason[14]).toContain('"8500" is not a US ZIP');
    expect(reason[17]).toContain("Strategies must be among FLIP, RENTAL, WHOLESALE");
    expect(reason[19]).toBe("Closing days must be a number");
    // The row comes back as it was written, to be fixed and imported again.
    expect(errors[0].raw).toEqual(["Dan Price", "", "not a phone", "", "dan@price.test", "", "", "", "", "TX:Houston", "77004", "", "", "", "", "", "", ""]);
  });

  it("writes the error report with the row, the user's column and the reason", async () => {
    const report = await errorReportCsv(db, jobId);
    const text = await new Response(report.stream).text();
    const lines = text.trim().split("\r\n");
    expect(report.fileName).toBe("buyers-sample-errors.csv");
    expect(lines[0]).toBe("row,field,message,Buyer Name,Company,Phone,Cell,Email,Status,POF,Closing Days,Tags,Markets,Zips,Min Price,Max Price,Property Types,Strategy,Rehab,Min Spread,Notes");
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^5,"Phone, Cell","""not a phone"" is not a phone number/);
    expect(lines[2]).toMatch(/^6,Buyer Name,Name is required,,No Name Co,/);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["5", "6", "7", "10", "12", "14", "17", "19"]);
  });

  it("audits the import once, like a lead import", async () => {
    const audits = await db.auditEvent.findMany({ where: { entityId: jobId } });
    expect(audits.map((a) => a.action)).toEqual(["buyers.imported"]);
    expect(audits[0].after).toMatchObject({ kind: "BUYERS", rows: 20, created: 9, duplicates: 3, errors: 8 });
    expect((await getImportJob(db, jobId)).kind).toBe("BUYERS");
  });

  it("creates nothing when the same file is imported again, or its job restarted", async () => {
    const before = await db.buyer.count();
    const again = await importFixture(db, { fileName: "buyers-again.csv" });
    expect({ created: again.created, duplicates: again.duplicates, errorCount: again.errorCount }).toEqual({ created: 0, duplicates: 12, errorCount: 8 });
    const restarted = await runImport(db, jobId, createReadStream(FIXTURE), { actor, restart: true });
    expect({ created: restarted.created, duplicates: restarted.duplicates, errorCount: restarted.errorCount }).toEqual({ created: 0, duplicates: 12, errorCount: 8 });
    expect(await db.importRowError.count({ where: { jobId } })).toBe(8);
    expect(await db.buyer.count()).toBe(before);
  });

  it("leaves other workspaces alone: their buyers are not duplicates, and nothing is written there", async () => {
    expect(await otherDb.buyer.count()).toBe(1);
    const fresh = await newTenant("fresh");
    const job = await importFixture(fresh);
    expect({ created: job.created, duplicates: job.duplicates, errorCount: job.errorCount }).toEqual({ created: 10, duplicates: 2, errorCount: 8 });
    expect(await db.buyer.count({ where: { deletedAt: { not: null } } })).toBe(1);
  });

  it("counts a row of a name alone as a duplicate of a buyer of that name without phone or email, in any case", async () => {
    const tenantDb = await newTenant("names");
    await tenantDb.buyer.create({ data: { name: "paul  REYES" } });
    const columns: BuyerColumnMapping = [{ header: "Name", field: "name" }];
    const job = await createBuyerImportJob(tenantDb, { fileName: "names.csv", mapping: columns, totalRows: 2 }, actor);
    const done = await runImport(tenantDb, job.id, Readable.from(["Name\nPaul Reyes\nRita Cole\n"]), { actor });
    expect({ created: done.created, duplicates: done.duplicates }).toEqual({ created: 1, duplicates: 1 });
  });

  it("is uploaded like a lead list, with kind BUYERS, and runs in the background", async () => {
    const boundary = "----buyerUploadTest";
    const content = await readFile(FIXTURE);
    const fields = { kind: "BUYERS", mapping: JSON.stringify(mapping), fileSize: String(content.length) };
    const body = Buffer.concat([
      Buffer.from(Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("")),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="buyers.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const tenantDb = await newTenant("upl");
    const job = await receiveImportUpload(tenantDb, Readable.from([new Uint8Array(body)]), `multipart/form-data; boundary=${boundary}`, actor);
    expect({ kind: job.kind, totalRows: job.totalRows }).toEqual({ kind: "BUYERS", totalRows: 20 });
    startImport(tenantDb, job.id, actor);
    await settleImport(job.id);
    const view = await getImportJob(tenantDb, job.id);
    expect({ status: view.status, created: view.created, duplicates: view.duplicates, errorCount: view.errorCount }).toEqual({ status: "DONE", created: 10, duplicates: 2, errorCount: 8 });
  });

  it("refuses a buyer upload whose mapping has no name column", async () => {
    const body = Buffer.from(
      `--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nBUYERS\r\n--b\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify([{ header: "Phone", field: "phones" }])}\r\n` +
        `--b\r\nContent-Disposition: form-data; name="fileSize"\r\n\r\n12\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\n\r\nPhone\n713555\r\n--b--\r\n`,
    );
    const tenantDb = await newTenant("noname");
    await expect(receiveImportUpload(tenantDb, Readable.from([new Uint8Array(body)]), "multipart/form-data; boundary=b", actor)).rejects.toThrow(/Buyer name/);
    expect(await tenantDb.importJob.count()).toBe(0);
  });
});

describe("a buyer list with the consent answer", () => {
  const consentDefault = { given: "yes" as const, source: "Buyer sign-up form", wording: "I agree to receive texts and emails about investment properties for sale. Reply STOP to opt out." };

  it("records OPTED_IN for the created buyers' phones and emails only, and keeps an opt-out on record", async () => {
    const tenantDb = await newTenant("bconsent");
    // Row 9 repeats her phone: a duplicate, so no consent is recorded for it.
    await tenantDb.buyer.create({ data: { name: "Frances Diaz", phones: ["+18325550199"] } });
    await tenantDb.contactConsent.create({ data: { channel: "EMAIL", address: "alicia@morenocap.test", status: "OPTED_OUT", source: "keyword:STOP" } });
    const job = await createBuyerImportJob(tenantDb, { fileName: "buyers-sample.csv", mapping, consentDefault, totalRows: 20 }, actor);
    const done = await runImport(tenantDb, job.id, createReadStream(FIXTURE), { actor });
    expect(done).toMatchObject({ status: "DONE", errorCount: 8 });

    const created = await tenantDb.buyer.findMany({ where: { source: "csv" } });
    expect(created.length).toBe(done.created);
    const consents = await tenantDb.contactConsent.findMany({ select: { channel: true, address: true, status: true, source: true, basis: true, wording: true } });
    const optedIn = consents.filter((c) => c.status === "OPTED_IN");
    const expected = created.flatMap((b) => [...b.phones.map((a) => `SMS:${a}`), ...b.emails.map((a) => `EMAIL:${a}`)]).filter((key) => key !== "EMAIL:alicia@morenocap.test");
    expect(optedIn.map((c) => `${c.channel}:${c.address}`).sort()).toEqual(expected.sort());
    expect(optedIn.every((c) => c.source === "Buyer sign-up form" && c.basis === "PRIOR_EXPRESS_WRITTEN" && c.wording === consentDefault.wording)).toBe(true);
    expect(consents.find((c) => c.address === "alicia@morenocap.test")).toMatchObject({ status: "OPTED_OUT" });
    expect(consents.some((c) => c.address === "+18325550199")).toBe(false);
    const audit = await tenantDb.auditEvent.findFirstOrThrow({ where: { action: "buyers.imported", entityId: job.id } });
    expect(audit.after).toMatchObject({ consentsRecorded: optedIn.length });
  });

  it("records nothing when the answer is no, and keeps the answer with the job's columns", async () => {
    const tenantDb = await newTenant("bnoconsent");
    const job = await createBuyerImportJob(tenantDb, { fileName: "buyers-sample.csv", mapping, consentDefault: { given: "no" }, totalRows: 20 }, actor);
    expect(job.mapping).toMatchObject({ columns: mapping, consentDefault: { given: "no" } });
    const done = await runImport(tenantDb, job.id, createReadStream(FIXTURE), { actor });
    expect(done.created).toBeGreaterThan(0);
    expect(await tenantDb.contactConsent.count()).toBe(0);
    // The error report still finds the columns in the stored mapping.
    const report = await errorReportCsv(tenantDb, job.id);
    expect((await new Response(report.stream).text()).split("\r\n")[0]).toMatch(/^row,field,message,Buyer Name,Company,Phone,Cell,Email,/);
  });
});
