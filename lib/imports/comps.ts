/**
 * A sold-comps list imported through the same jobs, progress, row errors and error report
 * as a lead list. Rows are validated with CompSaleInput (the schema `POST /api/v1/comps`
 * uses) and written `batchSize` at a time: a batch's sales, its row errors and the job's
 * counters commit together. A sale already on record (same address and sale date) is
 * counted as a duplicate, so a repeated or resumed import never doubles one.
 */
import { z } from "zod";
import type { ImportJob } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/service";
import { importCompRows } from "@/lib/comps/service";
import { CompSaleInput } from "@/lib/comps/schema";
import type { TenantDb } from "@/lib/db/tenant";
import { normalizeAddress } from "@/lib/geo";
import { countImportRows } from "@/lib/observability/metrics";
import { toStorableText } from "@/lib/validation/text";
import { applyCompMapping, COMP_FIELD_NAMES, type CompHeaderMapping, type CompImportField } from "./comp-fields";
import { countersOf, dataRowsOf, failJob, finishJob, type Counters } from "./job";
import type { PreviewDuplicate, PreviewRowCheck } from "./preview";
import { isBlankRow, strayQuoteIssue, toRecord, unstorableCellIssues } from "./rows";
import { CompColumnMapping, StoredCompImportMapping, toHeaderMapping } from "./schema";
import type { ImportSource } from "./source";

export type CompRowResult = { ok: true; comp: CompSaleInput } | { ok: false; issues: { field: CompImportField | null; message: string }[] };

export function validateCompRow(record: Readonly<Record<string, string | undefined>>, mapping: CompHeaderMapping): CompRowResult {
  const unstorable = unstorableCellIssues(record, mapping);
  if (unstorable.length > 0) return { ok: false, issues: unstorable };
  const parsed = CompSaleInput.safeParse(applyCompMapping(record, mapping));
  if (parsed.success) return { ok: true, comp: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      field: typeof issue.path[0] === "string" && (COMP_FIELD_NAMES as readonly string[]).includes(issue.path[0]) ? (issue.path[0] as CompImportField) : null,
      message: issue.message,
    })),
  };
}

export async function createCompImportJob(db: TenantDb, input: { fileName: string; mapping: CompColumnMapping; totalRows: number }, ctx: AuditContext): Promise<ImportJob> {
  const mapping = CompColumnMapping.parse(input.mapping);
  return db.importJob.create({
    data: { kind: "COMPS", fileName: input.fileName.slice(0, 255), mapping, totalRows: Math.max(0, input.totalRows), createdById: ctx.actorId },
  });
}

interface CompBatch {
  rows: number;
  items: CompSaleInput[];
  errors: { jobId: string; rowNumber: number; field: string | null; message: string; raw: string[] }[];
}

const emptyBatch = (): CompBatch => ({ rows: 0, items: [], errors: [] });

/**
 * Runs a claimed COMPS job to its end (called by runImport). Never throws: a failure ends
 * the job FAILED with how far it got, and a retry resumes after the rows already counted.
 */
export async function runCompImport(db: TenantDb, job: ImportJob, source: ImportSource, options: { actor: AuditContext; batchSize?: number }): Promise<ImportJob> {
  const counters = countersOf(job);
  try {
    const { columns } = StoredCompImportMapping.parse(job.mapping);
    const mapping = toHeaderMapping<CompImportField>(columns);
    const batchSize = options.batchSize ?? 1000;
    let batch = emptyBatch();
    const rows = dataRowsOf(source, columns, counters.processedRows, "The file is empty: it needs a header row and at least one sale.");
    for await (const { rowNumber, headers, cells, strayQuoteColumn } of rows) {
      const result: CompRowResult = strayQuoteColumn === null ? validateCompRow(toRecord(headers, cells), mapping) : { ok: false, issues: [strayQuoteIssue(headers, strayQuoteColumn, mapping)] };
      if (result.ok) batch.items.push(result.comp);
      else for (const issue of result.issues) batch.errors.push({ jobId: job.id, rowNumber, field: issue.field, message: issue.message, raw: cells.map(toStorableText) });
      batch.rows += 1;
      if (batch.rows >= batchSize) {
        await writeCompBatch(db, job.id, batch, counters);
        batch = emptyBatch();
      }
    }
    await writeCompBatch(db, job.id, batch, counters);
    const summary = { jobId: job.id, kind: "COMPS", fileName: job.fileName, rows: counters.processedRows, created: counters.created, duplicates: counters.duplicates, errors: counters.errorCount };
    return await finishJob(db, job, counters, options.actor, "comps.imported", summary);
  } catch (error) {
    return failJob(db, job, counters, options.actor, error, "comps.import_failed");
  }
}

async function writeCompBatch(db: TenantDb, jobId: string, batch: CompBatch, counters: Counters): Promise<void> {
  if (batch.rows === 0) return;
  const next = await db.$transaction(async (tx) => {
    const stored = await importCompRows(tx, batch.items, jobId);
    if (batch.errors.length) await tx.importRowError.createMany({ data: batch.errors });
    const next: Counters = {
      processedRows: counters.processedRows + batch.rows,
      created: counters.created + stored.created,
      duplicates: counters.duplicates + stored.duplicates,
      errorCount: counters.errorCount + (batch.rows - batch.items.length),
    };
    await tx.importJob.update({ where: { id: jobId }, data: next });
    return next;
  });
  countImportRows({ created: next.created - counters.created, duplicate: next.duplicates - counters.duplicates, error: batch.rows - batch.items.length });
  Object.assign(counters, next);
}

export const CompImportPreviewInput = z.object({
  kind: z.literal("COMPS"),
  headers: z.array(z.string().max(200)).min(1, "The file has no columns").max(500),
  rows: z.array(z.object({ rowNumber: z.number().int().min(2), cells: z.array(z.string().max(10_000)).max(500) })).max(100),
  mapping: z.array(z.object({ header: z.string().max(200), field: z.enum(COMP_FIELD_NAMES).nullable() })).max(500),
});

/** Pure: each row checked as the import will check it; a repeated address and sale date is flagged as the duplicate the import skips. */
export function previewCompImport(input: z.output<typeof CompImportPreviewInput>): PreviewRowCheck<CompImportField>[] {
  const headers = input.headers.map((h) => h.trim());
  const mapping = toHeaderMapping<CompImportField>(input.mapping);
  const firstByKey = new Map<string, number>();
  return input.rows
    .filter((row) => !isBlankRow(row.cells))
    .map(({ rowNumber, cells }) => {
      const result = validateCompRow(toRecord(headers, cells), mapping);
      if (!result.ok) return { rowNumber, issues: result.issues, duplicates: [], consent: null };
      const { street, city, region, postalCode, country, soldAt } = result.comp;
      const key = `${normalizeAddress({ street, city: city ?? null, region: region ?? null, postalCode: postalCode ?? null, country: country ?? null }).addressKey}|${soldAt.toISOString().slice(0, 10)}`;
      const earlier = firstByKey.get(key);
      const duplicates: PreviewDuplicate[] = earlier ? [{ rowNumber: earlier, by: "address", message: `Same sale as row ${earlier}: skipped as a duplicate` }] : [];
      if (!earlier) firstByKey.set(key, rowNumber);
      return { rowNumber, issues: [], duplicates, consent: null };
    });
}
