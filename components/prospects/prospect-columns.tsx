import {
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import type { ProspectRow } from "@/lib/prospects/query";
import { cn } from "@/lib/ui/cn";
import { StatusBadge, StrategyBadge } from "./deal-badges";
import { DASH, formatCount, formatMoney, formatPercent, humanize, spreadTone } from "./format";

/** A row as the server hands it over: the intake date is already in the workspace zone. */
export type ProspectTableRow = ProspectRow & { intake: string };

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
  columnMeta: metaHelper<ProspectColumnMeta>(),
});

const helper = createColumnHelper<typeof prospectFeatures, ProspectTableRow>();

function Address({ row }: { row: ProspectTableRow }) {
  const street = [row.street, row.unit && `Unit ${row.unit}`].filter(Boolean).join(", ") || "Address unknown";
  const locality = [row.city, [row.region, row.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <div className="min-w-48">
      <Link href={`/deals/${row.id}`} className="font-medium hover:underline focus-visible:underline">{street}</Link>
      <div className="text-xs text-muted-foreground">{locality || DASH}</div>
    </div>
  );
}

const money = (value: number | null) => <span className="tabular-nums">{formatMoney(value)}</span>;

export const prospectColumns = helper.columns([
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
  helper.accessor("market", { header: "Market", enableSorting: false, meta: { label: "Market" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("createdAt", {
    header: "Intake",
    meta: { label: "Intake date", numeric: true },
    cell: (info) => <span className="whitespace-nowrap tabular-nums">{info.row.original.intake}</span>,
  }),
  // Sortable columns are exactly those in SORT_BY_COLUMN (table-url.ts); ids match PROSPECT_COLUMN_IDS.
]);
