import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import type { ProspectRow } from "@/lib/prospects/query";
import { StatusBadge, StrategyBadge } from "./deal-badges";
import { DASH, formatCount, formatMoney, formatPercent, formatPhone, GOOD_SPREAD, humanize } from "./format";

/** The fields the table shows: the page hands the browser these, not the whole deal row. */
const SHOWN_FIELDS = ["id", "status", "source", "street", "unit", "city", "region", "postalCode", "market", "askingPrice", "arv", "mao", "spread", "spreadRatio", "strategy", "score", "intentScore", "contactPhone", "listCount"] as const;

/**
 * A row as the server hands it over: the intake date is already in the workspace zone, the
 * owner resolved to a name. To keep the page light (25 rows ship as data), a unit is left out
 * when there is none, and the intent score and the list count when their columns are hidden.
 */
export type ProspectTableRow = Omit<Pick<ProspectRow, (typeof SHOWN_FIELDS)[number]>, "unit" | "intentScore" | "listCount"> & {
  unit?: string | null;
  intentScore?: number;
  listCount?: number;
  intake: string;
  ownerName: string | null;
};

export function toProspectTableRow(
  row: ProspectRow,
  intake: string,
  ownerName: string | null,
  options: { intent: boolean; lists: boolean } = { intent: true, lists: true },
): ProspectTableRow {
  const shown: Record<string, unknown> = Object.fromEntries(SHOWN_FIELDS.map((field) => [field, row[field]]));
  if (row.unit === null) delete shown.unit;
  if (!options.intent) delete shown.intentScore;
  if (!options.lists) delete shown.listCount;
  return { ...(shown as Omit<ProspectTableRow, "intake" | "ownerName">), intake, ownerName };
}

interface ProspectColumnMeta {
  label: string;
  numeric?: boolean;
  /** A header tooltip, e.g. what a sort on this column orders by. */
  hint?: string;
  /** A class for the row's cell from its values, e.g. the spread's colour. */
  tone?: (row: ProspectTableRow) => string | undefined;
}

export const prospectFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  rowPaginationFeature,
  rowSelectionFeature,
  columnMeta: metaHelper<ProspectColumnMeta>(),
});

const helper = createColumnHelper<typeof prospectFeatures, ProspectTableRow>();

export function streetOf(row: Pick<ProspectTableRow, "street" | "unit">) {
  return [row.street, row.unit && `Unit ${row.unit}`].filter(Boolean).join(", ") || "Address unknown";
}

function Address({ row }: { row: ProspectTableRow }) {
  const locality = [row.city, [row.region, row.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  // Styled by its cell (`.prospect-table td.address`, app/globals.css): long addresses wrap.
  return (
    <>
      <Link href={`/deals/${row.id}`}>{streetOf(row)}</Link>
      <span>{locality || DASH}</span>
    </>
  );
}

/** A native checkbox: a row ships one small input, styled by `.prospect-table` (app/globals.css). */
function RowCheckbox({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: (checked: boolean) => void }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={checked}
      ref={(input) => {
        if (input) input.indeterminate = indeterminate;
      }}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

/**
 * Spread tone as a short cell class (`.prospect-table td.loss`, app/globals.css): red when it
 * loses money, green when it is worth a call, muted when unknown. Two cells a row carry it.
 */
export function spreadClass(spread: number | null) {
  if (spread === null) return "unknown";
  if (spread < 0) return "loss";
  return spread >= GOOD_SPREAD ? "gain" : undefined;
}

export const prospectColumns = helper.columns([
  helper.display({
    id: "select",
    enableHiding: false,
    meta: { label: "Select" },
    header: ({ table }) => (
      <RowCheckbox
        label="Select every deal on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={!table.getIsAllPageRowsSelected() && table.getIsSomePageRowsSelected()}
        onChange={(checked) => table.toggleAllPageRowsSelected(checked)}
      />
    ),
    cell: ({ row }) => <RowCheckbox label={`Select ${streetOf(row.original)}`} checked={row.getIsSelected()} onChange={(checked) => row.toggleSelected(checked)} />,
  }),
  helper.accessor((row) => row.city, {
    id: "address",
    header: "Address",
    enableHiding: false,
    sortDescFirst: false,
    meta: { label: "Address", hint: "Sorts by city" },
    cell: (info) => <Address row={info.row.original} />,
  }),
  helper.accessor("status", { header: "Status", enableSorting: false, meta: { label: "Status" }, cell: (info) => <StatusBadge status={info.getValue()} /> }),
  helper.accessor("strategy", { header: "Strategy", enableSorting: false, meta: { label: "Strategy" }, cell: (info) => <StrategyBadge strategy={info.getValue()} /> }),
  helper.accessor("source", { header: "Source", enableSorting: false, meta: { label: "Source" }, cell: (info) => humanize(info.getValue()) }),
  helper.accessor("askingPrice", { header: "Asking", meta: { label: "Asking price", numeric: true }, cell: (info) => formatMoney(info.getValue()) }),
  helper.accessor("arv", { header: "ARV", meta: { label: "ARV", numeric: true }, cell: (info) => formatMoney(info.getValue()) }),
  helper.accessor("mao", { header: "MAO", enableSorting: false, meta: { label: "MAO", numeric: true }, cell: (info) => formatMoney(info.getValue()) }),
  helper.accessor("spread", { header: "Spread", meta: { label: "Spread", numeric: true, tone: (row) => spreadClass(row.spread) }, cell: (info) => formatMoney(info.getValue()) }),
  helper.accessor("spreadRatio", { header: "Spread %", meta: { label: "Spread %", numeric: true, tone: (row) => spreadClass(row.spread) }, cell: (info) => formatPercent(info.getValue()) }),
  helper.accessor("score", { header: "Score", meta: { label: "Lead score", numeric: true }, cell: (info) => formatCount(info.getValue()) }),
  helper.accessor("listCount", {
    id: "lists",
    header: "Lists",
    enableSorting: false,
    meta: { label: "Lists", numeric: true, hint: "How many lead lists the deal arrived on; 2 or more is a stacked lead" },
    cell: (info) => formatCount(info.getValue() ?? null),
  }),
  helper.accessor("intentScore", { id: "intent", header: "Intent", meta: { label: "Intent", numeric: true, hint: "The seller's intent score (0-100) from recent signals" }, cell: (info) => formatCount(info.getValue()) }),
  helper.accessor("market", { header: "Market", enableSorting: false, meta: { label: "Market" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("ownerName", { id: "owner", header: "Owner", enableSorting: false, meta: { label: "Owner" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("contactPhone", {
    id: "phone",
    header: "Phone",
    enableSorting: false,
    meta: { label: "Phone" },
    // A phone number is read as one word: its cell never wraps.
    cell: (info) => (info.getValue() ? <a href={`tel:${info.getValue()}`}>{formatPhone(info.getValue())}</a> : DASH),
  }),
  helper.accessor("intake", {
    id: "createdAt",
    header: "Intake",
    meta: { label: "Intake date", numeric: true },
    cell: (info) => info.getValue(),
  }),
  // Sortable columns are exactly those in SORT_BY_COLUMN (table-url.ts); ids match PROSPECT_COLUMN_IDS.
]);
