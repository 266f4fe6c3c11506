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
import { Checkbox } from "@/components/ui/checkbox";
import type { ProspectRow } from "@/lib/prospects/query";
import { cn } from "@/lib/ui/cn";
import { StatusBadge, StrategyBadge } from "./deal-badges";
import { DASH, formatCount, formatMoney, formatPercent, formatPhone, humanize, spreadTone } from "./format";

/** A row as the server hands it over: the intake date is already in the workspace zone, the owner resolved to a name. */
export type ProspectTableRow = ProspectRow & { intake: string; ownerName: string | null };

interface ProspectColumnMeta {
  label: string;
  numeric?: boolean;
  /** A header tooltip, e.g. what a sort on this column orders by. */
  hint?: string;
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
  const street = streetOf(row);
  const locality = [row.city, [row.region, row.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    // Long addresses wrap (even a long single word) rather than push the table past the screen.
    <div className="min-w-28 whitespace-normal [overflow-wrap:anywhere]">
      <Link href={`/deals/${row.id}`} className="font-medium hover:underline focus-visible:underline">{street}</Link>
      <div className="text-xs text-muted-foreground">{locality || DASH}</div>
    </div>
  );
}

const money = (value: number | null) => <span className="tabular-nums">{formatMoney(value)}</span>;

export const prospectColumns = helper.columns([
  helper.display({
    id: "select",
    enableHiding: false,
    meta: { label: "Select" },
    header: ({ table }) => (
      <Checkbox
        aria-label="Select every deal on this page"
        checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
        onCheckedChange={(checked) => table.toggleAllPageRowsSelected(checked === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox aria-label={`Select ${streetOf(row.original)}`} checked={row.getIsSelected()} onCheckedChange={(checked) => row.toggleSelected(checked === true)} />
    ),
  }),
  helper.accessor((row) => row.city, {
    id: "address",
    header: "Address",
    enableHiding: false,
    sortDescFirst: false,
    meta: { label: "Address", hint: "Sorts by city" },
    cell: (info) => <Address row={info.row.original} />,
  }),
  helper.accessor("status", { header: "Status", enableSorting: false, meta: { label: "Status" }, cell: (info) => <StatusBadge status={info.getValue()} className="whitespace-normal text-center" /> }),
  helper.accessor("strategy", { header: "Strategy", enableSorting: false, meta: { label: "Strategy" }, cell: (info) => <StrategyBadge strategy={info.getValue()} /> }),
  helper.accessor("source", { header: "Source", enableSorting: false, meta: { label: "Source" }, cell: (info) => humanize(info.getValue()) }),
  helper.accessor("askingPrice", { header: "Asking", meta: { label: "Asking price", numeric: true }, cell: (info) => money(info.getValue()) }),
  helper.accessor("arv", { header: "ARV", meta: { label: "ARV", numeric: true }, cell: (info) => money(info.getValue()) }),
  helper.accessor("mao", { header: "MAO", meta: { label: "MAO", numeric: true }, cell: (info) => money(info.getValue()) }),
  helper.accessor("spread", {
    header: "Spread",
    meta: { label: "Spread", numeric: true },
    cell: (info) => <span className={cn("font-medium tabular-nums", spreadTone(info.getValue()))}>{formatMoney(info.getValue())}</span>,
  }),
  helper.accessor("spreadRatio", {
    header: "Spread %",
    meta: { label: "Spread %", numeric: true },
    cell: (info) => <span className={cn("tabular-nums", spreadTone(info.row.original.spread))}>{formatPercent(info.getValue())}</span>,
  }),
  helper.accessor("score", { header: "Score", meta: { label: "Lead score", numeric: true }, cell: (info) => formatCount(info.getValue()) }),
  helper.accessor("market", { header: "Market", enableSorting: false, meta: { label: "Market" }, cell: (info) => <span className="whitespace-normal">{info.getValue() ?? DASH}</span> }),
  helper.accessor("ownerName", { id: "owner", header: "Owner", enableSorting: false, meta: { label: "Owner" }, cell: (info) => <span className="whitespace-normal">{info.getValue() ?? DASH}</span> }),
  helper.accessor("contactPhone", {
    id: "phone",
    header: "Phone",
    enableSorting: false,
    meta: { label: "Phone" },
    // A phone number is read as one word: it never breaks between its digits.
    cell: (info) => (info.getValue() ? <a href={`tel:${info.getValue()}`} className="whitespace-nowrap tabular-nums hover:underline">{formatPhone(info.getValue())}</a> : DASH),
  }),
  helper.accessor("createdAt", {
    header: "Intake",
    meta: { label: "Intake date", numeric: true },
    cell: (info) => <span className="whitespace-nowrap tabular-nums">{info.row.original.intake}</span>,
  }),
  // Sortable columns are exactly those in SORT_BY_COLUMN (table-url.ts); ids match PROSPECT_COLUMN_IDS.
]);
