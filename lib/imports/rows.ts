import { DealInput } from "@/lib/intake/schema";
import { applyMapping, byHeader, type DealField, type HeaderMapping } from "./mapping";

export interface RowIssue {
  /** The DealInput field at fault; null when the row as a whole is wrong. */
  field: DealField | null;
  message: string;
}

export type RowResult = { ok: true; deal: DealInput } | { ok: false; issues: RowIssue[] };

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

/**
 * Validates one row with the same DealInput schema the API and the forms use, so the
 * preview in the browser and the import on the server agree on what is wrong.
 */
export function validateRow(record: Readonly<Record<string, string | undefined>>, mapping: HeaderMapping): RowResult {
  const parsed = DealInput.safeParse(applyMapping(record, mapping));
  if (parsed.success) return { ok: true, deal: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    field: typeof issue.path[0] === "string" ? (issue.path[0] as DealField) : null,
    message: issue.message,
  }));
  return { ok: false, issues };
}
