import { z } from "zod";
import { LeadListName } from "@/lib/leadlists/schema";
import { storableText } from "@/lib/validation/text";
import { ImportConsentDefault } from "./consent";
import { BUYER_FIELD_NAMES, MULTI_COLUMN_BUYER_FIELDS } from "./buyer-fields";
import { COMP_FIELD_NAMES } from "./comp-fields";
import { byHeader, IMPORT_FIELD_NAMES, type ImportField } from "./mapping";

/** What the upload accepts; the browser checks it first, the server again. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * A mapping as the job stores it: one entry per column, in file order, so the error report
 * can give the original columns back in their order (JSONB does not keep key order). A field
 * takes one column unless `repeatable` lists it; `required` must have one.
 */
function columnMappingOf<F extends string>(
  fields: readonly [F, ...F[]],
  options: { required: F; requiredMessage: string; repeatable?: ReadonlySet<string> },
) {
  return z
    .array(z.object({ header: storableText().max(200), field: z.enum(fields).nullable() }))
    .min(1, "The file has no columns")
    .max(500, "At most 500 columns")
    .superRefine((columns, ctx) => {
      const seen = new Set<string>();
      for (const { field } of columns) {
        if (!field) continue;
        if (seen.has(field) && !options.repeatable?.has(field)) ctx.addIssue({ code: "custom", message: `Two columns are mapped to ${field}; keep one` });
        seen.add(field);
      }
      if (!seen.has(options.required)) ctx.addIssue({ code: "custom", message: options.requiredMessage });
    });
}

/** A lead list's columns; the street is what dedupes deals. */
export const ColumnMapping = columnMappingOf(IMPORT_FIELD_NAMES, { required: "street", requiredMessage: "Map a column to Street address: it is what dedupes deals" });
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * The job's stored mapping: the columns, plus the file-wide consent default when the user
 * gave one (jobs stored before consent existed hold the bare column list).
 */
function storedMappingOf<C extends z.ZodType>(columnMapping: C) {
  return z.union([
    columnMapping.transform((columns) => ({ columns, consentDefault: null })),
    z.object({ columns: columnMapping, consentDefault: ImportConsentDefault.nullable() }),
  ]);
}

export const StoredImportMapping = storedMappingOf(ColumnMapping);
export type StoredImportMapping = z.output<typeof StoredImportMapping>;

/** The JSON a job keeps: the bare columns unless a consent default was chosen. */
export function storedMappingJson<C>(columns: C, consentDefault: ImportConsentDefault | null) {
  return consentDefault ? { columns, consentDefault } : columns;
}

export function toHeaderMapping<F extends string = ImportField>(columns: readonly { header: string; field: F | null }[]): Record<string, F | null> {
  const mapping = byHeader<F | null>();
  // Trimmed: the server matches them against the file's trimmed header row.
  for (const { header, field } of columns) {
    const key = header.trim();
    if (!(key in mapping) || field) mapping[key] = field;
  }
  return mapping;
}

export function toColumnMapping<F extends string = ImportField>(headers: readonly string[], mapping: Readonly<Record<string, F | null>>): { header: string; field: F | null }[] {
  return headers.map((header) => ({ header, field: mapping[header] ?? null }));
}

/** What the rows of a file become; lead lists unless the upload says otherwise. */
export const IMPORT_KINDS = ["DEALS", "BUYERS", "COMPS"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const ImportKindField = z.enum(IMPORT_KINDS, { error: "The kind of list must be DEALS, BUYERS or COMPS" }).default("DEALS");

/**
 * The columns of a buyer list, stored like a lead list's. Phones, emails and tags may come
 * from several columns; every other field from one. The name is required.
 */
export const BuyerColumnMapping = columnMappingOf(BUYER_FIELD_NAMES, {
  required: "name",
  requiredMessage: "Map a column to Buyer name: every buyer needs one",
  repeatable: MULTI_COLUMN_BUYER_FIELDS,
});
export type BuyerColumnMapping = z.infer<typeof BuyerColumnMapping>;

/** A buyer job's stored mapping: its columns, plus the consent answer for the whole list when given. */
export const StoredBuyerImportMapping = storedMappingOf(BuyerColumnMapping);
export type StoredBuyerImportMapping = z.output<typeof StoredBuyerImportMapping>;

const mappingJson = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "The mapping is not valid JSON" });
    return z.NEVER;
  }
});

/** The text fields of the multipart upload; they come before the file part. */
export const ImportUploadFields = z.object({
  mapping: mappingJson.pipe(ColumnMapping),
  consentDefault: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return null;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The consent default is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(ImportConsentDefault.nullable()),
  fileSize: z.coerce.number().int().min(1, "The file is empty").max(MAX_IMPORT_BYTES, "The file is larger than 50 MB"),
  /** The lead list the rows join; empty or absent names it after the file. */
  listName: LeadListName.optional(),
});

/** A buyer list's upload: its columns map to buyer fields, with the same consent answer as a lead list. */
export const BuyerImportUploadFields = z.object({
  mapping: mappingJson.pipe(BuyerColumnMapping),
  consentDefault: ImportUploadFields.shape.consentDefault,
  fileSize: ImportUploadFields.shape.fileSize,
});

/** The columns of a sold-comps list: the street, the sold price and the sold date are required. */
export const CompColumnMapping = columnMappingOf(COMP_FIELD_NAMES, {
  required: "street",
  requiredMessage: "Map a column to Street address: it is what identifies a sale",
}).superRefine((columns, ctx) => {
  const mapped = new Set(columns.map((c) => c.field));
  if (!mapped.has("soldPrice")) ctx.addIssue({ code: "custom", message: "Map a column to Sold price" });
  if (!mapped.has("soldAt")) ctx.addIssue({ code: "custom", message: "Map a column to Sold date" });
});
export type CompColumnMapping = z.infer<typeof CompColumnMapping>;

/** A sold-comps job's stored mapping: its columns (a sale asks no consent). */
export const StoredCompImportMapping = storedMappingOf(CompColumnMapping);

/** A sold-comps list's upload. */
export const CompImportUploadFields = z.object({
  mapping: mappingJson.pipe(CompColumnMapping),
  fileSize: ImportUploadFields.shape.fileSize,
});

export const ImportJobRef = z.object({ jobId: storableText().min(1).max(64) });
