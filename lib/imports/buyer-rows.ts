/**
 * One row of a buyer list: validated with the BuyerInput schema the buyer form and
 * `POST /api/v1/buyers` use, and the keys that say two buyers are the same person.
 */
import { z } from "zod";
import { BuyerInput } from "@/lib/buyers/schema";
import { buyerDedupeKeys } from "@/lib/buyers/service";
import { applyBuyerMapping, BUYER_FIELD_NAMES, type BuyerHeaderMapping, type BuyerImportField } from "./buyer-fields";
import type { PreviewDuplicate, PreviewRowCheck } from "./preview";
import { isBlankRow, toRecord, unstorableCellIssues } from "./rows";
import { toHeaderMapping } from "./schema";

export interface BuyerRowIssue {
  /** The field at fault; null when the row as a whole is wrong. */
  field: BuyerImportField | null;
  message: string;
}

export type BuyerRowResult = { ok: true; buyer: BuyerInput } | { ok: false; issues: BuyerRowIssue[] };

export function validateBuyerRow(record: Readonly<Record<string, string | undefined>>, mapping: BuyerHeaderMapping): BuyerRowResult {
  const unstorable = unstorableCellIssues(record, mapping);
  if (unstorable.length > 0) return { ok: false, issues: unstorable };
  const parsed = BuyerInput.safeParse(applyBuyerMapping(record, mapping));
  if (parsed.success) return { ok: true, buyer: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      field: typeof issue.path[0] === "string" && (BUYER_FIELD_NAMES as readonly string[]).includes(issue.path[0]) ? (issue.path[0] as BuyerImportField) : null,
      message: issue.message,
    })),
  };
}

/**
 * The keys under which a buyer is the same buyer as another: each normalized phone and
 * email (`buyerDedupeKeys`, the rule the buyer form applies too); two buyers sharing any key
 * are one person. A buyer with neither is keyed by its name (case and spacing ignored), so
 * a list of names alone imported twice does not double either.
 */
export function buyerImportKeys(input: { name: string; phones?: readonly string[] | null; emails?: readonly string[] | null }): string[] {
  const { phones, emails } = buyerDedupeKeys(input);
  const keys = [...phones.map((phone) => `phone:${phone}`), ...emails.map((email) => `email:${email}`)];
  return keys.length > 0 ? keys : [`name:${normalizeBuyerName(input.name)}`];
}

export function normalizeBuyerName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** "phone:+17135550100" -> what two buyers share, for a message. */
export function describeDedupeKey(key: string): { by: "phone" | "email" | "name"; value: string } {
  const at = key.indexOf(":");
  const kind = key.slice(0, at);
  return { by: kind === "email" ? "email" : kind === "name" ? "name" : "phone", value: key.slice(at + 1) };
}

export const BuyerImportPreviewInput = z.object({
  kind: z.literal("BUYERS"),
  headers: z.array(z.string().max(200)).min(1, "The file has no columns").max(500),
  rows: z.array(z.object({ rowNumber: z.number().int().min(2), cells: z.array(z.string().max(10_000)).max(500) })).max(100),
  // Like the lead preview, a mapping with no name is taken: each row then says so.
  mapping: z.array(z.object({ header: z.string().max(200), field: z.enum(BUYER_FIELD_NAMES).nullable() })).max(500),
});

/**
 * Pure: each row checked as the import will check it, and rows repeating an earlier row's
 * phone or email flagged: the import keeps the first and counts the others as duplicates.
 */
export function checkBuyerPreviewRows(
  headers: readonly string[],
  rows: readonly { rowNumber: number; cells: readonly string[] }[],
  mapping: BuyerHeaderMapping,
): PreviewRowCheck<BuyerImportField>[] {
  const firstByKey = new Map<string, number>();
  return rows
    .filter((row) => !isBlankRow(row.cells))
    .map(({ rowNumber, cells }) => {
      const result = validateBuyerRow(toRecord(headers, cells), mapping);
      if (!result.ok) return { rowNumber, issues: result.issues, duplicates: [], consent: null };
      const keys = buyerImportKeys(result.buyer);
      const repeated = keys.find((key) => firstByKey.has(key));
      const duplicates: PreviewDuplicate[] = [];
      if (repeated) {
        const earlier = firstByKey.get(repeated)!;
        const { by, value } = describeDedupeKey(repeated);
        duplicates.push({ rowNumber: earlier, by, message: `Same ${by} as row ${earlier} (${value}): skipped as a duplicate` });
      } else for (const key of keys) firstByKey.set(key, rowNumber);
      return { rowNumber, issues: [], duplicates, consent: null };
    });
}

export function previewBuyerImport(input: z.output<typeof BuyerImportPreviewInput>): PreviewRowCheck<BuyerImportField>[] {
  return checkBuyerPreviewRows(input.headers.map((h) => h.trim()), input.rows, toHeaderMapping(input.mapping));
}
