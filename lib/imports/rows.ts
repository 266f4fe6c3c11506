import { parsePostalCode } from "@/lib/geo/postal";
import { DealInput } from "@/lib/intake/schema";
import { isStorableText, toStorableText } from "@/lib/validation/text";
import type { IntakeConsent } from "@/lib/outbound/intake-consent";
import { rowConsent, type ImportConsentDefault } from "./consent";
import { applyMapping, byHeader, type ImportField, type HeaderMapping } from "./mapping";

export interface RowIssue {
  /** The field at fault; null when the row as a whole is wrong. */
  field: ImportField | null;
  message: string;
}

export type RowResult = { ok: true; deal: DealInput; consent: IntakeConsent | null } | { ok: false; issues: RowIssue[] };

/** Cells in file order keyed by header; with a repeated header the first column wins. */
export function toRecord(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const record = byHeader<string>();
  headers.forEach((header, index) => {
    if (!Object.hasOwn(record, header)) record[header] = cells[index] ?? "";
  });
  return record;
}

/** Excel exports end with rows of bare commas: those are not leads, nor errors. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

export const POSTAL_CODE_MESSAGE = "ZIP / postal code must be a US ZIP (12345 or 12345-6789) or a Canadian code (A1A 1A1)";

/**
 * Validates one row with the same DealInput schema the API and the forms use, plus what a
 * list must get right to be placed and contacted (a postal code that exists in form, the
 * consent cells), so the preview and the import on the server agree on what is wrong.
 */
export function validateRow(
  record: Readonly<Record<string, string | undefined>>,
  mapping: HeaderMapping,
  consentDefault: ImportConsentDefault | null = null,
): RowResult {
  // Checked before anything else: the whole row is kept as the deal's raw payload.
  const unstorable = unstorableCellIssues(record, mapping);
  if (unstorable.length > 0) return { ok: false, issues: unstorable };
  const values = applyMapping(record, mapping);
  const parsed = DealInput.safeParse(values);
  const issues: RowIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: typeof issue.path[0] === "string" ? (issue.path[0] as ImportField) : null,
        message: issue.message,
      }));
  // A ZIP that cannot be read places the lead nowhere: no time zone, so it can never be contacted.
  const postal = values.postalCode?.trim();
  if (postal && !parsePostalCode(postal) && !issues.some((i) => i.field === "postalCode")) {
    issues.push({ field: "postalCode", message: POSTAL_CODE_MESSAGE });
  }
  const consent = rowConsent(values, consentDefault);
  issues.push(...consent.issues);
  if (!parsed.success || issues.length > 0) return { ok: false, issues };
  return { ok: true, deal: parsed.data, consent: consent.consent };
}

/** A cell PostgreSQL cannot store (a NUL, an unpaired surrogate), named by its column, mapped or not. */
export function unstorableCellIssues<F extends string = ImportField>(
  record: Readonly<Record<string, string | undefined>>,
  mapping: Readonly<Record<string, F | null>>,
): { field: F | null; message: string }[] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined && !isStorableText(value))
    .map(([header]) => ({
      field: mapping[header] ?? null,
      message: `Column "${toStorableText(header)}" contains a NUL character or an unpaired surrogate; remove it and import the row again`,
    }));
}

/** A row whose quoting the reader could not trust (12 "Main" St): refused whole, naming the column. */
export function strayQuoteRow(headers: readonly string[], column: number, mapping: HeaderMapping): RowResult {
  return { ok: false, issues: [strayQuoteIssue(headers, column, mapping)] };
}

/** The issue of a row with a stray quote in `column`, named by its column (any kind of list). */
export function strayQuoteIssue<F extends string>(headers: readonly string[], column: number, mapping: Readonly<Record<string, F | null>>): { field: F | null; message: string } {
  const header = headers[column];
  return {
    field: header === undefined ? null : (mapping[header] ?? null),
    message: `Column ${header === undefined ? column + 1 : `"${toStorableText(header)}"`} has a quote inside an unquoted value; quote the whole value, doubling inner quotes ("12 ""Main"" St")`,
  };
}
