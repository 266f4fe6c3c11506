import { createReadStream } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { guessMapping } from "./mapping";
import { toJobView, type ImportJobView } from "./query";
import { CsvRecordCounter } from "./record-counter";
import { toColumnMapping } from "./schema";
import { createImportJob, runImport } from "./service";
import { readCells } from "./source";
import { importFilePath } from "./storage";

/** The header row, read from the file's start without reading the rest. */
async function readHeaderRow(file: string): Promise<string[]> {
  for await (const cells of readCells(createReadStream(file))) return cells;
  throw new ExpectedError("invalid", "The file is empty");
}

async function countDataRows(file: string): Promise<number> {
  const counter = new CsvRecordCounter();
  for await (const chunk of createReadStream(file)) counter.push(chunk as Buffer);
  return counter.dataRows;
}

/**
 * `dealflow import-csv --tenant <slug> file.csv`: imports with the guessed mapping, as the
 * page would before any edit. The file is copied into the imports folder first, so the
 * job can be retried from the page like any other.
 */
export async function importCsvFile(db: TenantDb, file: string): Promise<ImportJobView> {
  const headers = await readHeaderRow(file);
  const mapping = toColumnMapping(headers, guessMapping(headers));
  const job = await createImportJob(db, { fileName: path.basename(file), mapping, totalRows: await countDataRows(file) }, { actorId: null, actorEmail: "cli", requestId: undefined });
  const stored = importFilePath(db.tenantId, job.id);
  await mkdir(path.dirname(stored), { recursive: true });
  await copyFile(file, stored);
  return toJobView(await runImport(db, job.id));
}
