/**
 * CSV import end to end: `npx tsx bench/csv-import.ts [rows=100000] [batchSize=1000]`.
 * Generates a lead list to a temp file, opens a fresh on-disk PGlite, provisions a tenant
 * with the (ALL, ALL) offer policy enabled, and runs runImport from the stored file. Prints
 * rows/s, seconds, peak RSS, and a baseline (parse + validate only, no writes) to compare.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { guessMapping } from "@/lib/imports/mapping";
import { isBlankRow, toRecord, validateRow } from "@/lib/imports/rows";
import { toColumnMapping, toHeaderMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { readCells } from "@/lib/imports/source";
import { importFilePath } from "@/lib/imports/storage";
import { provisionTenant } from "@/lib/tenants/provision";

const rows = Number(process.argv[2] ?? 100_000);
const batchSize = Number(process.argv[3] ?? 1000);

const PLACES = [
  ["Springfield", "IL", "62704"], ["Columbus", "OH", "43215"], ["Dallas", "TX", "75201"], ["Phoenix", "AZ", "85004"],
  ["Atlanta", "GA", "30303"], ["Memphis", "TN", "38103"], ["Indianapolis", "IN", "46204"], ["Jacksonville", "FL", "32202"],
  ["Kansas City", "MO", "64106"], ["Cleveland", "OH", "44113"], ["Birmingham", "AL", "35203"], ["Detroit", "MI", "48201"],
  ["Toronto", "ON", "M5V 2T6"], ["Hamilton", "ON", "L8P 4R5"], ["Calgary", "AB", "T2P 1J9"],
] as const;
const STREETS = ["Maple Ave", "Oak St", "Elm St", "Cedar Ct", "Pine Rd", "Main St", "Washington Blvd", "Lake Dr", "Hill St", "Park Ave"];
const OWNERS = ["Dana Whitfield", "Marcus Bell", "Priya Raman", "Luis Ortega", "Keisha Grant", "Earl Townsend", "Rachel Kim", "Tom Alvarez"];
const HEADER = "Property Address,City,State,Zip,Asking Price,ARV,Est. Repairs,Beds,Baths,SqFt,Year Built,Owner Name,Owner Phone,Email";

/** Row i of the list: ~1% bad (no address or a word for a price), ~1% repeats an earlier address. */
function leadRow(i: number): string {
  const n = i % 100 === 7 ? i - 5 : i; // a repeat, written the same way
  const [city, state, zip] = PLACES[n % PLACES.length];
  const street = i % 100 === 13 ? "" : `${100 + (n % 9000)} ${STREETS[Math.floor(n / 9000) % STREETS.length]} ${Math.floor(n / 90_000) || ""}`.trim();
  const arv = 120_000 + (n % 200) * 1000;
  const asking = i % 100 === 29 ? "call me" : `"$${(arv * 0.55 + (n % 37) * 500).toLocaleString("en-US")}"`;
  const owner = OWNERS[n % OWNERS.length];
  return [street, city, state, zip, asking, `$${Math.round(arv / 1000)}k`, `$${20 + (n % 40)}k`, 2 + (n % 4), 1 + (n % 3) * 0.5, 900 + (n % 1500), 1940 + (n % 80), owner, `(555) 555-${String(n % 10_000).padStart(4, "0")}`, n % 5 === 0 ? `owner${n}@example.test` : ""].join(",");
}

async function writeCsv(file: string) {
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= rows; i += 1) if (!out.write(`${leadRow(i)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

async function baseline(file: string): Promise<number> {
  const started = performance.now();
  let headers: string[] | null = null;
  let mapping = {};
  let count = 0;
  for await (const cells of readCells(createReadStream(file))) {
    if (!headers) {
      headers = cells;
      mapping = toHeaderMapping(toColumnMapping(headers, guessMapping(headers)));
      continue;
    }
    if (isBlankRow(cells)) continue;
    validateRow(toRecord(headers, cells), mapping);
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dealflow-bench-import-"));
  process.env.IMPORTS_DIR = path.join(dir, "imports");
  const file = path.join(dir, "leads.csv");
  const database = await openDatabase({ dataDir: path.join(dir, "pglite"), migrate: true });
  try {
    await writeCsv(file);
    const parseRate = await baseline(file);

    const tenant = await provisionTenant(database.prisma, { slug: "bench", name: "Bench", timeZone: "America/Chicago", country: "US" }, [
      { email: "owner@bench.test", name: "Owner", password: "correct horse battery", role: "owner" },
    ]);
    await database.prisma.offerPolicy.upsert({
      where: { tenantId_region_market: { tenantId: tenant.id, region: "ALL", market: "ALL" } },
      update: { enabled: true },
      create: { tenantId: tenant.id, region: "ALL", market: "ALL", enabled: true },
    });
    const db = scopeToTenant(database.prisma, tenant.id);
    const headers = HEADER.split(",");
    const job = await createImportJob(db, { fileName: "leads.csv", mapping: toColumnMapping(headers, guessMapping(headers)), totalRows: rows }, { actorId: null, actorEmail: "bench", requestId: undefined });
    await mkdir(path.dirname(importFilePath(tenant.id, job.id)), { recursive: true });
    await copyFile(file, importFilePath(tenant.id, job.id));

    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const started = performance.now();
    const done = await runImport(db, job.id, undefined, { batchSize });
    const seconds = (performance.now() - started) / 1000;
    const rate = done.processedRows / seconds;

    console.log(`rows            ${done.processedRows.toLocaleString("en-US")} (batch ${batchSize}) -> ${done.status}: created ${done.created}, duplicates ${done.duplicates}, errors ${done.errorCount}${done.message ? ` (${done.message})` : ""}`);
    console.log(`import          ${Math.round(rate).toLocaleString("en-US")} rows/s, ${seconds.toFixed(1)} s`);
    console.log(`peak RSS        ${mb(peakRss)} during the import (${mb(rssBefore)} before it: PGlite, Prisma, the runtime)`);
    console.log(`baseline        ${Math.round(parseRate).toLocaleString("en-US")} rows/s (parse + validate, no writes)`);
    console.log(`ratio           import runs at ${((rate / parseRate) * 100).toFixed(1)}% of the baseline`);
  } finally {
    clearInterval(sampler);
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
