import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { guessMapping } from "@/lib/imports/mapping";
import { getImportJob } from "@/lib/imports/query";
import { errorReportCsv } from "@/lib/imports/report";
import { settleImport, startImport } from "@/lib/imports/runner";
import { toColumnMapping } from "@/lib/imports/schema";
import { importFilePath } from "@/lib/imports/storage";
import { receiveImportUpload } from "@/lib/imports/upload";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/csv/lead-list.csv");
const BOUNDARY = "----dealflowUploadTest";
const actor = { actorId: "user-1", actorEmail: "owner@example.test", requestId: undefined };

let database: Database;
let db: TenantDb;
let importsDir: string;

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }): Buffer {
  const parts = Object.entries(fields).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return Buffer.concat([
    Buffer.from(parts.join("")),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
    file.content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

async function* inChunks(buffer: Buffer, size = 1000) {
  for (let i = 0; i < buffer.length; i += size) yield new Uint8Array(buffer.subarray(i, i + size));
}

const contentType = `multipart/form-data; boundary=${BOUNDARY}`;

beforeAll(async () => {
  importsDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-imports-"));
  process.env.IMPORTS_DIR = importsDir;
  database = await createTestDatabase();
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `up-${tag}`, name: "Uploads", timeZone: "America/Chicago", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  await database.prisma.offerPolicy.upsert({
    where: { tenantId_region_market: { tenantId: tenant.id, region: "ALL", market: "ALL" } },
    update: { enabled: true },
    create: { tenantId: tenant.id, region: "ALL", market: "ALL", enabled: true },
  });
  db = scopeToTenant(database.prisma, tenant.id);
});

afterAll(async () => {
  await database?.close();
  delete process.env.IMPORTS_DIR;
  await rm(importsDir, { recursive: true, force: true });
});

describe("uploading a lead list", () => {
  it("stores the file under the tenant, counts its rows and imports it in the background", async () => {
    const content = await readFile(FIXTURE);
    const headers = content.toString("utf8").split(/\r?\n/)[0].split(",");
    const mapping = toColumnMapping(headers, guessMapping(headers));
    const job = await receiveImportUpload(db, inChunks(multipart({ mapping: JSON.stringify(mapping), fileSize: String(content.length) }, { name: "lead-list.csv", content })), contentType, actor);

    expect(job).toMatchObject({ fileName: "lead-list.csv", status: "PENDING", totalRows: 12, createdById: "user-1" });
    const stored = importFilePath(db.tenantId, job.id);
    expect(stored).toBe(path.join(importsDir, db.tenantId, `${job.id}.csv`));
    expect(await readFile(stored)).toEqual(content);

    expect(startImport(db, job.id, actor)).toBe(true);
    expect(startImport(db, job.id, actor)).toBe(false); // one run per job at a time
    await settleImport(job.id);

    expect(await getImportJob(db, job.id)).toMatchObject({ status: "DONE", totalRows: 12, processedRows: 12, created: 9, duplicates: 0, errorCount: 3 });
    const errors = await db.importRowError.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => [e.rowNumber, e.field])).toEqual([[5, "street"], [7, "askingPrice"], [9, "beds"]]);
    const report = await new Response((await errorReportCsv(db, job.id)).stream).text();
    expect(report.split("\r\n")[0]).toBe("row,field,message,Property Address,City,State,Zip,Asking Price,ARV,Est. Repairs,Beds,Baths,SqFt,Owner Name,Owner Phone");
    expect(report).toContain("7,Asking Price,Asking price must be an amount like 150000 or $150k,19 S Main St,Memphis,TN,38103,call me,");
  });

  it("refuses an upload cut short, and leaves no file behind", async () => {
    const content = await readFile(FIXTURE);
    const mapping = JSON.stringify([{ header: "Property Address", field: "street" }]);
    const whole = multipart({ mapping, fileSize: String(content.length) }, { name: "leads.csv", content });
    // What a proxy with a body limit hands on: the first bytes, then the end of the stream.
    await expect(receiveImportUpload(db, inChunks(whole.subarray(0, whole.length - 200)), contentType, actor)).rejects.toThrow(/cut short/);
    const leftovers = (await readdir(path.join(importsDir, db.tenantId))).filter((f) => f.endsWith(".part"));
    expect(leftovers).toEqual([]);
  });

  it("refuses a mapping without a street before storing anything", async () => {
    const before = existsSync(path.join(importsDir, db.tenantId)) ? (await readdir(path.join(importsDir, db.tenantId))).length : 0;
    const body = multipart({ mapping: JSON.stringify([{ header: "City", field: "city" }]), fileSize: "10" }, { name: "x.csv", content: Buffer.from("City\nDayton\n") });
    await expect(receiveImportUpload(db, inChunks(body), contentType, actor)).rejects.toThrow(/Street address/);
    expect((await readdir(path.join(importsDir, db.tenantId))).length).toBe(before);
  });

  it("fails the job with a clear message when its file is gone", async () => {
    const content = Buffer.from("Address,Zip\n1 Gone St,62704\n");
    const mapping = JSON.stringify([{ header: "Address", field: "street" }, { header: "Zip", field: "postalCode" }]);
    const job = await receiveImportUpload(db, inChunks(multipart({ mapping, fileSize: String(content.length) }, { name: "gone.csv", content })), contentType, actor);
    await rm(importFilePath(db.tenantId, job.id));
    startImport(db, job.id, actor);
    await settleImport(job.id);
    const failed = await getImportJob(db, job.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.message).toBe("Stopped after 0 rows: the uploaded file is no longer on the server, upload it again. The rows before are imported; retry to continue.");
  });
});
