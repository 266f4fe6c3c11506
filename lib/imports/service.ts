import { countImportRows } from "@/lib/observability/metrics";
import type { ImportJob } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/service";
import { refreshAfterBulkWrite, type BulkModel } from "@/lib/db/bulk";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { commitIntake, loadIntakeContext, prepareIntake, type IntakeContext, type IntakeItem, type IntakeReport, type PreparedIntake } from "@/lib/intake/service";
import { logger } from "@/lib/observability/logger";
import { toStorableText } from "@/lib/validation/text";
import { runBuyerImport } from "./buyers";
import { runCompImport } from "./comps";
import { claimJob, countersOf, dataRowsOf, failJob, finishJob, type ClaimOptions, type Counters } from "./job";
import { quotaRowErrors, type ImportedItemRow } from "./quota";
import { strayQuoteRow, toRecord, validateRow } from "./rows";
import type { ImportConsentDefault } from "./consent";
import { ColumnMapping, StoredImportMapping, storedMappingJson, toHeaderMapping } from "./schema";
import type { ImportSource } from "./source";
import { openImportFile } from "./storage";
import { SUPPRESSED_MESSAGE } from "@/lib/privacy/suppression";
import { openLeadList, stackImportBatch } from "@/lib/leadlists/service";
import { defaultListName } from "@/lib/leadlists/schema";

export type { ImportSource } from "./source";

export interface NewImportJob {
  fileName: string;
  mapping: ColumnMapping;
  /** The consent every row without its own consent cell records ("these contacts gave written consent"). */
  consentDefault?: ImportConsentDefault | null;
  /** Data rows counted at upload; the progress bar's 100%. Corrected when the run ends. */
  totalRows: number;
  /** The lead list the rows join (a list of that name is created, or added to); the file's name when absent. */
  listName?: string | null;
}

export async function createImportJob(db: TenantDb, input: NewImportJob, ctx: AuditContext): Promise<ImportJob> {
  const mapping = ColumnMapping.parse(input.mapping);
  // Every lead import is a named list (list stacking): the job and its list are made together.
  return db.$transaction(async (tx) => {
    const job = await tx.importJob.create({
      data: { fileName: input.fileName.slice(0, 255), mapping: storedMappingJson(mapping, input.consentDefault ?? null), totalRows: Math.max(0, input.totalRows), createdById: ctx.actorId },
    });
    const list = await openLeadList(tx, input.listName?.trim() || defaultListName(input.fileName), { importJobId: job.id, createdById: ctx.actorId });
    return tx.importJob.update({ where: { id: job.id }, data: { leadListId: list.id } });
  });
}

export interface RunImportOptions extends ClaimOptions {
  /** Rows per intake call: one transaction, one progress update. */
  batchSize?: number;
  /** Who the audit event names; defaults to the job's creator. */
  actor?: AuditContext;
  /** Spread alerts notify per deal: off for bulk imports, where they would flood everyone. */
  raiseAlerts?: boolean;
}

/** The tables an import fills: a deal, its evidence and the event that starts its ladder. */
const IMPORTED_MODELS: BulkModel[] = ["Deal", "OfferEvidence", "EventOutbox"];

interface Batch {
  rows: number;
  items: IntakeItem[];
  errors: { jobId: string; rowNumber: number; field: string | null; message: string; raw: string[] }[];
  /** Where each item came from, for the errors intake reports about it (the quota). */
  itemRows: ImportedItemRow[];
}

/**
 * Runs an import from its stored file (or the given source); a buyer list goes to
 * runBuyerImport (lib/imports/buyers.ts). A lead list streams: rows are read,
 * validated with DealInput and handed to intake `batchSize` at a time, and the job's
 * counters move after every batch so the page can show progress. A job resumes after the
 * rows it already counted; deals are deduped by address, so replaying rows never doubles
 * a deal. Never throws for a failed run: the job ends FAILED with a message saying how far
 * it got. It throws only when the job cannot be started (missing, or already running).
 */
export async function runImport(db: TenantDb, jobId: string, source?: ImportSource, options: RunImportOptions = {}): Promise<ImportJob> {
  const job = await claimJob(db, jobId, options);
  if (job.status === "DONE") return job;
  const actor = options.actor ?? { actorId: job.createdById, actorEmail: null, requestId: undefined };
  if (job.kind === "BUYERS") return runBuyerImport(db, job, source ?? openImportFile(db.tenantId, job.id), { actor, batchSize: options.batchSize });
  if (job.kind === "COMPS") return runCompImport(db, job, source ?? openImportFile(db.tenantId, job.id), { actor, batchSize: options.batchSize });
  const counters = countersOf(job);
  try {
    const context = await loadIntakeContext(db);
    const consents = { recorded: 0 };
    const stacking = { listId: job.leadListId, stacked: job.stacked };
    await importRows(db, job, source ?? openImportFile(db.tenantId, job.id), counters, { context, batchSize: options.batchSize ?? 1000, raiseAlerts: options.raiseAlerts ?? false, consents, stacking });
    const done = await finishDealImport(db, job, counters, actor, consents.recorded, stacking.stacked);
    // The tables grew by up to one row per lead; queries plan on fresh statistics from now.
    // Upkeep, not part of the import: a failure here is logged and the job stays DONE.
    if (counters.created > 0) {
      await refreshAfterBulkWrite(db, IMPORTED_MODELS).catch((error: unknown) => logger.warn({ err: error, jobId }, "statistics refresh after import failed"));
    }
    return done;
  } catch (error) {
    return failJob(db, job, counters, actor, error, "deals.import_failed");
  }
}

async function importRows(
  db: TenantDb,
  job: ImportJob,
  source: ImportSource,
  counters: Counters,
  options: { context: IntakeContext; batchSize: number; raiseAlerts: boolean; consents: { recorded: number }; stacking: Stacking },
) {
  const { columns, consentDefault } = StoredImportMapping.parse(job.mapping);
  const mapping = toHeaderMapping(columns);
  let batch: Batch = { rows: 0, items: [], errors: [], itemRows: [] };
  const writing = oneWriteAhead();
  try {
    const rows = dataRowsOf(source, columns, counters.processedRows, "The file is empty: it needs a header row and at least one lead.");
    for await (const { rowNumber, headers, cells, strayQuoteColumn } of rows) {
      const record = toRecord(headers, cells);
      const result = strayQuoteColumn === null ? validateRow(record, mapping, consentDefault) : strayQuoteRow(headers, strayQuoteColumn, mapping);
      if (result.ok) {
        batch.items.push({ deal: result.deal, raw: record, consent: result.consent });
        batch.itemRows.push({ rowNumber, raw: cells });
      }
      // The report gives the row back as it was, minus what the database cannot store.
      else for (const issue of result.issues) batch.errors.push({ jobId: job.id, rowNumber, field: issue.field, message: issue.message, raw: cells.map(toStorableText) });
      batch.rows += 1;
      if (batch.rows >= options.batchSize) {
        const full = batch;
        batch = { rows: 0, items: [], errors: [], itemRows: [] };
        await writing.next(() => prepareBatch(db, job.id, full, options), (prepared) => flushBatch(db, job.id, prepared, counters, options));
      }
    }
    const last = batch;
    await writing.next(() => prepareBatch(db, job.id, last, options), (prepared) => flushBatch(db, job.id, prepared, counters, options));
  } catch (error) {
    // The batch being written finishes (or fails) before the job is marked: its counters stand.
    await writing.drain().catch(() => undefined);
    throw error;
  }
  await writing.drain();
}

/**
 * Batches written one after another while the next one is read, validated and prepared
 * (placed, deduped, priced): Node's work on a batch overlaps the database's on the one
 * before. At most one batch is being written and one prepared (memory stays flat); a write
 * waits for the one before it, so counters, quota and the job's progress follow the file's
 * order, and a failed write stops the import at the next batch.
 */
export function oneWriteAhead() {
  let pending: Promise<unknown> = Promise.resolve(null);
  const settle = async () => {
    // Settled to a value so a failure waiting here is never an unhandled rejection.
    const failure = await pending;
    if (failure instanceof WriteFailure) throw failure.error;
  };
  return {
    async next<P>(prepare: () => Promise<P>, write: (prepared: P) => Promise<void>) {
      const prepared = prepare().then(
        (value) => ({ value }),
        (error: unknown) => new WriteFailure(error),
      );
      await settle();
      const ready = await prepared;
      if (ready instanceof WriteFailure) throw ready.error;
      pending = write(ready.value).then(
        () => null,
        (error: unknown) => new WriteFailure(error),
      );
    },
    drain: settle,
  };
}

class WriteFailure {
  constructor(readonly error: unknown) {}
}

/** The import's lead list (none for a job made before lists existed) and the rows stacked so far. */
interface Stacking {
  listId: string | null;
  stacked: number;
}

interface PreparedBatch {
  batch: Batch;
  intake: PreparedIntake | null;
}

/** A batch's reads and pure work before its transaction; none of it writes. */
async function prepareBatch(db: TenantDb, jobId: string, batch: Batch, options: { context: IntakeContext; raiseAlerts: boolean; stacking: Stacking }): Promise<PreparedBatch> {
  if (batch.items.length === 0) return { batch, intake: null };
  const intake = await prepareIntake(db, batch.items, { source: "CSV", sourceRef: jobId, context: options.context, raiseAlerts: options.raiseAlerts });
  // A new deal arrives on this import's list: counted at insert, so intake scores it with it.
  if (options.stacking.listId) for (const row of intake.candidates) row.listCount = 1;
  return { batch, intake };
}

const NOTHING_TAKEN_IN: IntakeReport = { created: [], duplicates: [], underwritten: 0, consentsRecorded: 0, correlationId: "", overQuota: [], quota: null, suppressed: [] };

async function flushBatch(
  db: TenantDb,
  jobId: string,
  { batch, intake }: PreparedBatch,
  counters: Counters,
  options: { consents: { recorded: number }; stacking: Stacking },
) {
  if (batch.rows === 0) return;
  const { stacking } = options;
  // The deals, the batch's row errors and the job's counters commit together: a resume after
  // a crash never counts a batch twice, and a counted batch always has its deals.
  const record = async (tx: TenantTransaction, report: IntakeReport) => {
    // Rows past the plan's monthly quota are not imported; each becomes a row error naming it.
    const overQuota = quotaRowErrors(jobId, report, batch.itemRows);
    // Refused without a trace of who: the row is not kept in the report.
    const suppressed = report.suppressed.map((index) => ({ jobId, rowNumber: batch.itemRows[index].rowNumber, field: null, message: SUPPRESSED_MESSAGE, raw: [] }));
    const errors = [...batch.errors, ...overQuota, ...suppressed];
    const next: Counters = {
      processedRows: counters.processedRows + batch.rows,
      created: counters.created + report.created.length,
      duplicates: counters.duplicates + report.duplicates.length,
      errorCount: counters.errorCount + (batch.rows - batch.items.length) + overQuota.length + suppressed.length,
    };
    if (errors.length) await tx.importRowError.createMany({ data: errors });
    const stacked = stacking.listId ? await stackImportBatch(tx, stacking.listId, report, new Date()) : 0;
    await tx.importJob.update({ where: { id: jobId }, data: { ...next, stacked: stacking.stacked + stacked } });
    tx.afterCommit(() => {
      Object.assign(counters, next);
      stacking.stacked += stacked;
    });
  };
  const report = intake ? await commitIntake(db, intake, record) : await db.$transaction(async (tx) => record(tx, NOTHING_TAKEN_IN).then(() => NOTHING_TAKEN_IN));
  options.consents.recorded += report.consentsRecorded;
  countImportRows({ created: report.created.length, duplicate: report.duplicates.length, error: batch.rows - batch.items.length });
}

function finishDealImport(db: TenantDb, job: ImportJob, counters: Counters, actor: AuditContext, consentsRecorded: number, stacked: number): Promise<ImportJob> {
  const summary = {
    jobId: job.id,
    fileName: job.fileName,
    rows: counters.processedRows,
    created: counters.created,
    duplicates: counters.duplicates,
    stacked,
    errors: counters.errorCount,
    consentsRecorded,
  };
  return finishJob(db, job, counters, actor, "deals.imported", summary);
}
