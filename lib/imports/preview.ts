/**
 * The wizard's check of the first rows, run on the server with the import's own code: each
 * row validated as the import will (validateRow), and duplicates within the file flagged
 * before anything is written: the same normalized address (the import skips all but the
 * first) and the same phone (kept, but worth a look: one owner, or a typo).
 */
import { z } from "zod";
import { normalizePhone } from "@/lib/contact/address";
import { normalizeAddress } from "@/lib/geo";
import { BuyerImportPreviewInput, previewBuyerImport } from "./buyer-rows";
import { CompImportPreviewInput, previewCompImport } from "./comps";
import { ImportConsentDefault } from "./consent";
import { isBlankRow, toRecord, validateRow } from "./rows";
import { toHeaderMapping } from "./schema";
import { IMPORT_FIELD_NAMES, type HeaderMapping, type ImportField } from "./mapping";

export const ImportPreviewInput = z.object({
  headers: z.array(z.string().max(200)).min(1, "The file has no columns").max(500),
  rows: z.array(z.object({ rowNumber: z.number().int().min(2), cells: z.array(z.string().max(10_000)).max(500) })).max(100),
  // Unlike the upload, the preview takes a mapping with no street: it says so on every row.
  mapping: z.array(z.object({ header: z.string().max(200), field: z.enum(IMPORT_FIELD_NAMES).nullable() })).max(500),
  consentDefault: ImportConsentDefault.nullable().default(null),
});
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;

export interface PreviewDuplicate {
  /** The earlier row of the file it repeats. */
  rowNumber: number;
  /** A lead list skips a repeated address; a buyer list skips a repeated phone, email (or name, without either). */
  by: "address" | "phone" | "email" | "name";
  message: string;
}

export interface PreviewRowCheck<F extends string = ImportField> {
  rowNumber: number;
  /** Problems that make the import skip the row (and list it in the error report). */
  issues: { field: F | null; message: string }[];
  duplicates: PreviewDuplicate[];
  /** What the row records about consent: null when nothing (no column, no default). */
  consent: "given" | "refused" | null;
}

/** Pure: the flags of each row, in file order. */
export function checkPreviewRows(
  headers: readonly string[],
  rows: readonly { rowNumber: number; cells: readonly string[] }[],
  mapping: HeaderMapping,
  consentDefault: ImportConsentDefault | null,
): PreviewRowCheck[] {
  const firstByAddress = new Map<string, number>();
  const firstByPhone = new Map<string, number>();
  return rows
    .filter((row) => !isBlankRow(row.cells))
    .map(({ rowNumber, cells }) => {
      const result = validateRow(toRecord(headers, cells), mapping, consentDefault);
      if (!result.ok) return { rowNumber, issues: result.issues, duplicates: [], consent: null };
      const duplicates: PreviewDuplicate[] = [];
      const { deal } = result;
      const key = normalizeAddress(deal).addressKey;
      const sameAddress = firstByAddress.get(key);
      if (sameAddress !== undefined) {
        duplicates.push({ rowNumber: sameAddress, by: "address", message: `Same address as row ${sameAddress}: skipped as a duplicate` });
      } else firstByAddress.set(key, rowNumber);
      const phone = normalizePhone(deal.contactPhone);
      if (phone) {
        const samePhone = firstByPhone.get(phone);
        if (samePhone !== undefined) duplicates.push({ rowNumber: samePhone, by: "phone", message: `Same phone as row ${samePhone}` });
        else firstByPhone.set(phone, rowNumber);
      }
      const consent = result.consent ? (result.consent.given ? "given" : "refused") : null;
      return { rowNumber, issues: [], duplicates, consent };
    });
}

/** The preview of a parsed request. */
export function previewImport(input: z.output<typeof ImportPreviewInput>): PreviewRowCheck[] {
  return checkPreviewRows(input.headers.map((h) => h.trim()), input.rows, toHeaderMapping(input.mapping), input.consentDefault);
}

/**
 * The preview route's body: a lead list's rows (no `kind`, or DEALS) or a buyer list's
 * (BUYERS), each checked by its own import's code.
 */
export const ImportPreviewRequest = z.preprocess(
  (body) => (body && typeof body === "object" && !("kind" in body) ? { ...body, kind: "DEALS" } : body),
  z.discriminatedUnion("kind", [ImportPreviewInput.extend({ kind: z.literal("DEALS") }), BuyerImportPreviewInput, CompImportPreviewInput]),
);

export function previewImportRequest(input: z.output<typeof ImportPreviewRequest>): PreviewRowCheck<string>[] {
  if (input.kind === "COMPS") return previewCompImport(input);
  return input.kind === "BUYERS" ? previewBuyerImport(input) : previewImport(input);
}
