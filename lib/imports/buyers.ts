/**
 * A cash-buyer list imported through the same jobs, progress, row errors and error report
 * as a lead list. Rows are validated with BuyerInput, deduplicated by normalized phone or
 * email against the workspace's live buyers and the rows before them in the file, and
 * written `batchSize` at a time: a batch's buyers, the consent the list's answer gives
 * their phones and emails, its row errors and the job's counters commit together, so a
 * resumed or repeated run never creates a buyer twice.
 */
import type { ImportJob } from "@/generated/prisma/client";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/service";
import { buyerContacts } from "@/lib/buyers/consent";
import type { BuyerInput } from "@/lib/buyers/schema";
import { buyerTimeZone } from "@/lib/buyers/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { countImportRows } from "@/lib/observability/metrics";
import { insertConsentRows, intakeConsentRows, type IntakeConsent } from "@/lib/outbound/intake-consent";
import { toStorableText } from "@/lib/validation/text";
import type { BuyerHeaderMapping } from "./buyer-fields";
import { buyerImportKeys, validateBuyerRow } from "./buyer-rows";
import { rowConsent, type ImportConsentDefault } from "./consent";
import { countersOf, dataRowsOf, failJob, finishJob, type Counters } from "./job";
import { strayQuoteIssue, toRecord } from "./rows";
import { BuyerColumnMapping, StoredBuyerImportMapping, storedMappingJson, toHeaderMapping } from "./schema";
import type { ImportSource } from "./source";

export interface NewBuyerImportJob {
  fileName: string;
  mapping: BuyerColumnMapping;
  /** The consent every buyer of the list gave ("these contacts gave written consent"), as the lead import asks it. */
  consentDefault?: ImportConsentDefault | null;
  /** Data rows counted at upload; the progress bar's 100%. Corrected when the run ends. */
  totalRows: number;
}

export async function createBuyerImportJob(db: TenantDb, input: NewBuyerImportJob, ctx: AuditContext): Promise<ImportJob> {
  const mapping = BuyerColumnMapping.parse(input.mapping);
  return db.importJob.create({
    data: { kind: "BUYERS", fileName: input.fileName.slice(0, 255), mapping: storedMappingJson(mapping, input.consentDefault ?? null), totalRows: Math.max(0, input.totalRows), createdById: ctx.actorId },
  });
}

interface BuyerBatch {
  rows: number;
  items: { rowNumber: number; buyer: BuyerInput }[];
  errors: { jobId: string; rowNumber: number; field: string | null; message: string; raw: string[] }[];
}

const emptyBatch = (): BuyerBatch => ({ rows: 0, items: [], errors: [] });

/**
 * Runs a claimed BUYERS job to its end (called by runImport). Never throws: a failure ends
 * the job FAILED with how far it got, and a retry resumes after the rows already counted.
 */
export async function runBuyerImport(db: TenantDb, job: ImportJob, source: ImportSource, options: { actor: AuditContext; batchSize?: number }): Promise<ImportJob> {
  const counters = countersOf(job);
  const consents = { recorded: 0 };
  try {
    await importBuyerRows(db, job, source, counters, consents, options.batchSize ?? 500);
    const summary = {
      jobId: job.id,
      kind: "BUYERS",
      fileName: job.fileName,
      rows: counters.processedRows,
      created: counters.created,
      duplicates: counters.duplicates,
      errors: counters.errorCount,
      consentsRecorded: consents.recorded,
    };
    return await finishJob(db, job, counters, options.actor, "buyers.imported", summary);
  } catch (error) {
    return failJob(db, job, counters, options.actor, error, "buyers.import_failed");
  }
}

async function importBuyerRows(db: TenantDb, job: ImportJob, source: ImportSource, counters: Counters, consents: { recorded: number }, batchSize: number) {
  const { columns, consentDefault } = StoredBuyerImportMapping.parse(job.mapping);
  const mapping: BuyerHeaderMapping = toHeaderMapping(columns);
  // A buyer list has no consent columns: the answer for the whole list is every row's, and a
  // written-consent answer without its words rejects each row as it does a lead row.
  const { consent, issues: consentIssues } = rowConsent({}, consentDefault);
  let batch = emptyBatch();
  const rows = dataRowsOf(source, columns, counters.processedRows, "The file is empty: it needs a header row and at least one buyer.");
  for await (const { rowNumber, headers, cells, strayQuoteColumn } of rows) {
    const checked = strayQuoteColumn === null ? validateBuyerRow(toRecord(headers, cells), mapping) : { ok: false as const, issues: [strayQuoteIssue(headers, strayQuoteColumn, mapping)] };
    const result = checked.ok && consentIssues.length ? { ok: false as const, issues: consentIssues } : checked;
    if (result.ok) batch.items.push({ rowNumber, buyer: result.buyer });
    else for (const issue of result.issues) batch.errors.push({ jobId: job.id, rowNumber, field: issue.field, message: issue.message, raw: cells.map(toStorableText) });
    batch.rows += 1;
    if (batch.rows >= batchSize) {
      consents.recorded += await writeBuyerBatch(db, job.id, batch, counters, consent);
      batch = emptyBatch();
    }
  }
  consents.recorded += await writeBuyerBatch(db, job.id, batch, counters, consent);
}

/**
 * One transaction: the batch's buyers that are new (no key shared with a live buyer of the
 * workspace, nor with an earlier row of the batch), the consent rows of their phones and
 * emails (duplicates get none: the buyer on record keeps its own), its row errors and the
 * job's counters. Earlier batches are committed before this one reads, so they count as
 * live buyers. Returns the consent rows written.
 */
async function writeBuyerBatch(db: TenantDb, jobId: string, batch: BuyerBatch, counters: Counters, consent: IntakeConsent | null): Promise<number> {
  if (batch.rows === 0) return 0;
  const outcome = await db.$transaction(async (tx) => {
    const taken = await liveBuyerKeys(tx, batch.items.map((item) => item.buyer));
    const fresh: BuyerInput[] = [];
    for (const { buyer } of batch.items) {
      const keys = buyerImportKeys(buyer);
      if (keys.some((key) => taken.has(key))) continue;
      for (const key of keys) taken.add(key);
      fresh.push(buyer);
    }
    if (fresh.length) await tx.buyer.createMany({ data: fresh.map(toBuyerRow) });
    // An opt-out on record for an address is kept (insertConsentRows never overwrites).
    const recorded = consent ? await insertConsentRows(tx, fresh.flatMap((buyer) => buyerContacts(buyer).flatMap((contact) => intakeConsentRows(contact, consent)))) : [];
    if (batch.errors.length) await tx.importRowError.createMany({ data: batch.errors });
    const next: Counters = {
      processedRows: counters.processedRows + batch.rows,
      created: counters.created + fresh.length,
      duplicates: counters.duplicates + (batch.items.length - fresh.length),
      errorCount: counters.errorCount + (batch.rows - batch.items.length),
    };
    await tx.importJob.update({ where: { id: jobId }, data: next });
    return { next, created: fresh.length, consents: recorded.length };
  });
  Object.assign(counters, outcome.next);
  countImportRows({ created: outcome.created, duplicate: batch.items.length - outcome.created, error: batch.rows - batch.items.length });
  return outcome.consents;
}

/** The dedupe keys of the workspace's live buyers that share a phone, an email or (without either) a name with `buyers`. */
async function liveBuyerKeys(tx: TenantTransaction, buyers: readonly BuyerInput[]): Promise<Set<string>> {
  const phones = new Set<string>();
  const emails = new Set<string>();
  let nameOnly = false;
  for (const buyer of buyers) {
    for (const key of buyerImportKeys(buyer)) {
      if (key.startsWith("phone:")) phones.add(key.slice(6));
      else if (key.startsWith("email:")) emails.add(key.slice(6));
      else nameOnly = true;
    }
  }
  const or: Prisma.BuyerWhereInput[] = [];
  if (phones.size) or.push({ phones: { hasSome: [...phones] } });
  if (emails.size) or.push({ emails: { hasSome: [...emails] } });
  // Names compare with spacing collapsed, which SQL cannot match on: every live buyer
  // without phone or email is read (few: a buyer is worked by phone or email).
  if (nameOnly) or.push({ phones: { isEmpty: true }, emails: { isEmpty: true } });
  if (or.length === 0) return new Set();
  const live = await tx.buyer.findMany({ where: { deletedAt: null, OR: or }, select: { name: true, phones: true, emails: true } });
  return new Set(live.flatMap((buyer) => buyerImportKeys(buyer)));
}

/** A validated row as a Buyer row, placed in its zone as the buyer form places it; what the row leaves out takes the stored defaults. */
function toBuyerRow(buyer: BuyerInput) {
  const { ownerId: _owner, ...fields } = buyer;
  return { ...fields, timeZone: buyerTimeZone(buyer), source: "csv" };
}
