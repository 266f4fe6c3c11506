/**
 * The life of an import job, whatever its rows become (deals or buyers): claiming it so two
 * starts cannot both run it, checking the file's header row against the stored mapping,
 * and marking it DONE or FAILED with its audit event.
 */
import { CsvError } from "csv-parse";
import type { ImportJob } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { recordKpiEvents } from "@/lib/kpi/service";
import { logger } from "@/lib/observability/logger";
import { isStorableText } from "@/lib/validation/text";
import { isBlankRow } from "./rows";
import { readRecords, type ImportSource } from "./source";

export type Counters = Pick<ImportJob, "processedRows" | "created" | "duplicates" | "errorCount">;

export interface ClaimOptions {
  /** Start over from the first row (counters and row errors reset) instead of resuming. */
  restart?: boolean;
  /** Take over a job left RUNNING by a process that died. */
  recover?: boolean;
}

export function countersOf(job: ImportJob): Counters {
  return { processedRows: job.processedRows, created: job.created, duplicates: job.duplicates, errorCount: job.errorCount };
}

export async function claimJob(db: TenantDb, jobId: string, options: ClaimOptions): Promise<ImportJob> {
  const job = await db.importJob.findFirst({ where: { id: jobId } });
  if (!job) throw new ExpectedError("not_found", "That import does not exist.");
  if (job.status === "RUNNING" && !options.recover) throw new ExpectedError("conflict", "This import is already running.");
  if (job.status === "DONE" && !options.restart) return job;
  const reset = options.restart ? { processedRows: 0, created: 0, duplicates: 0, stacked: 0, errorCount: 0 } : {};
  return db.$transaction(async (tx) => {
    // Conditional on the status we read, so two starts cannot both run the job.
    const claimed = await tx.importJob.updateMany({
      where: { id: jobId, status: job.status },
      data: { status: "RUNNING", startedAt: new Date(), finishedAt: null, message: null, ...reset },
    });
    if (claimed.count === 0) throw new ExpectedError("conflict", "This import is already running.");
    if (options.restart) await tx.importRowError.deleteMany({ where: { jobId } });
    return tx.importJob.findFirstOrThrow({ where: { id: jobId } });
  });
}

/** The file's trimmed header row, refused when a mapped column is missing or a header cannot be stored. */
export function checkHeaders(cells: string[], columns: readonly { header: string; field: string | null }[]): string[] {
  const headers = cells.map((cell) => cell.trim());
  const unstorable = headers.findIndex((header) => !isStorableText(header));
  if (unstorable >= 0) throw new ExpectedError("invalid", `The header of column ${unstorable + 1} contains a NUL character or an unpaired surrogate; fix the header row.`);
  const missing = columns.filter((c) => c.field && !headers.includes(c.header.trim()));
  if (missing.length) throw new ExpectedError("invalid", `The file has no column named ${missing.map((c) => `"${c.header}"`).join(", ")}; map the columns again.`);
  return headers;
}

export interface DataRow {
  /** 1 is the header row, as in a spreadsheet. */
  rowNumber: number;
  headers: string[];
  cells: string[];
  strayQuoteColumn: number | null;
}

/**
 * The file's data rows after its checked header row, blank rows and the first `skip` data
 * rows left out (resuming: an earlier run counted them). A file without a header row fails
 * with `emptyMessage` once it has been read.
 */
export async function* dataRowsOf(source: ImportSource, columns: readonly { header: string; field: string | null }[], skip: number, emptyMessage: string): AsyncGenerator<DataRow> {
  let headers: string[] | null = null;
  let rowNumber = 0;
  let dataRows = 0;
  for await (const { cells, strayQuoteColumn } of readRecords(source)) {
    rowNumber += 1;
    if (!headers) {
      headers = checkHeaders(cells, columns);
      continue;
    }
    if (isBlankRow(cells)) continue;
    dataRows += 1;
    if (dataRows <= skip) continue;
    yield { rowNumber, headers, cells, strayQuoteColumn };
  }
  if (!headers) throw new ExpectedError("invalid", emptyMessage);
}

/** Marks the job DONE with its final counters, the audit event `action` and the `import_completed` KPI event. */
export async function finishJob(db: TenantDb, job: ImportJob, counters: Counters, actor: AuditContext, action: string, summary: Record<string, unknown>): Promise<ImportJob> {
  return db.$transaction(async (tx) => {
    const done = await tx.importJob.update({
      where: { id: job.id },
      data: { ...counters, status: "DONE", totalRows: counters.processedRows, finishedAt: new Date() },
    });
    await recordAudit(tx, { action, entity: "ImportJob", entityId: job.id, after: summary }, actor);
    await recordKpiEvents(tx, [{ name: "import_completed", data: summary }]);
    return done;
  });
}

/** Marks the job FAILED, saying how far it got and why, with the audit event `action`. */
export async function failJob(db: TenantDb, job: ImportJob, counters: Counters, actor: AuditContext, error: unknown, action: string): Promise<ImportJob> {
  const reason = describeFailure(error);
  if (reason === null) logger.error({ err: error, jobId: job.id, tenantId: db.tenantId }, "import failed");
  const message = `Stopped after ${counters.processedRows.toLocaleString("en-US")} rows: ${reason ?? "something went wrong on our side"}. The rows before are imported; retry to continue.`;
  return db.$transaction(async (tx) => {
    const failed = await tx.importJob.update({ where: { id: job.id }, data: { ...counters, status: "FAILED", message, finishedAt: new Date() } });
    await recordAudit(tx, { action, entity: "ImportJob", entityId: job.id, after: { ...counters, message } }, actor);
    return failed;
  });
}

/** What the user may read about a failure; null for the unexpected (logged instead). */
function describeFailure(error: unknown): string | null {
  if (error instanceof ExpectedError) return error.message.replace(/\.$/, "");
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "the uploaded file is no longer on the server, upload it again";
  // csv-parse's errors name the line and the problem ("Invalid Closing Quote ... at line 12").
  if (error instanceof CsvError) return `the file is not valid CSV (${error.message.replace(/\.$/, "")})`;
  return null;
}
