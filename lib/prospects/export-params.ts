/**
 * What an export of the prospects filter accepts: the table's filter and sort, and the
 * columns to write. Client-safe (no server imports): the Prospects page builds its link here.
 */
import { z } from "zod";
import { ProspectQuery } from "./query-params";

/**
 * The table's columns an export can write, in the table's order (components/prospects/table-url.ts
 * names the same ids), and the deal's data-quality flags, which the table shows as a filter.
 */
export const EXPORT_COLUMN_IDS = [
  "address", "status", "strategy", "source", "askingPrice", "arv", "mao", "spread", "spreadRatio", "score", "lists", "quality", "intent",
  "market", "owner", "phone", "createdAt",
] as const;
export type ExportColumnId = (typeof EXPORT_COLUMN_IDS)[number];

/** A comma list or repeated parameter; every column when absent. */
const ColumnsParam = z.preprocess(
  (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : String(v).split(",")).map((id) => String(id).trim()).filter(Boolean)),
  z.array(z.enum(EXPORT_COLUMN_IDS)).min(1).optional(),
);

/** The filter of GET /api/v1/deals (paging aside: an export writes every match) and the columns. */
export const ProspectExportQuery = ProspectQuery.omit({ page: true, pageSize: true, after: true }).extend({
  columns: ColumnsParam.describe(`Columns to write, comma-separated, in this order whatever the order given: ${EXPORT_COLUMN_IDS.join(", ")}. Default: all. The address always (id, street, unit, city, region, postal_code, country).`),
});
export type ProspectExportQuery = z.infer<typeof ProspectExportQuery>;

/** Exports past this many deals show their progress on the page. */
export const LARGE_EXPORT = 2_000;
