"use client";

import { createColumnHelper, functionalUpdate, metaHelper, rowSortingFeature, tableFeatures, useTable, FlexRender, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OpportunityStatusName } from "@/lib/govcon/codes";
import { OPPORTUNITY_SORTS, type OpportunitySort } from "@/lib/govcon/filters";
import { FitBadge, OpportunityStatusBadge } from "./opportunity-badges";

/** A row as the server hands it over: dates already written in the workspace zone. */
export interface OpportunityTableRow {
  id: string;
  noticeId: string;
  title: string;
  agency: string | null;
  noticeType: string;
  setAside: string | null;
  naicsCode: string | null;
  placeState: string | null;
  posted: string | null;
  deadline: string | null;
  /** "12 days to deadline", "Deadline passed 3 days ago". */
  runway: string | null;
  deadlinePassed: boolean;
  fitScore: number | null;
  status: OpportunityStatusName;
}

const features = tableFeatures({ rowSortingFeature, columnMeta: metaHelper<{ label: string }>() });
const helper = createColumnHelper<typeof features, OpportunityTableRow>();
const DASH = "—";

const columns = helper.columns([
  helper.accessor("fitScore", { id: "fit", header: "Fit", meta: { label: "Fit" }, cell: (info) => <FitBadge score={info.getValue()} /> }),
  helper.accessor("title", {
    header: "Title",
    enableSorting: false,
    meta: { label: "Title" },
    cell: (info) => (
      <Link href={`/govcon/${encodeURIComponent(info.row.original.noticeId)}`} className="font-medium underline-offset-4 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("agency", { header: "Agency", enableSorting: false, meta: { label: "Agency" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("noticeType", { header: "Type", enableSorting: false, meta: { label: "Notice type" } }),
  helper.accessor("setAside", { header: "Set-aside", enableSorting: false, meta: { label: "Set-aside" }, cell: (info) => info.getValue() ?? "None" }),
  helper.accessor("naicsCode", { header: "NAICS", enableSorting: false, meta: { label: "NAICS" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("placeState", { header: "State", enableSorting: false, meta: { label: "State" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("posted", { id: "posted", header: "Posted", sortDescFirst: true, meta: { label: "Posted" }, cell: (info) => info.getValue() ?? DASH }),
  helper.accessor("deadline", {
    id: "deadline",
    header: "Deadline",
    sortDescFirst: false,
    meta: { label: "Deadline" },
    cell: (info) => {
      const row = info.row.original;
      if (!row.deadline) return DASH;
      return (
        <span className={row.deadlinePassed ? "text-muted-foreground" : undefined}>
          <span className="block whitespace-nowrap">{row.deadline}</span>
          <span className="block text-xs text-muted-foreground">{row.runway}</span>
        </span>
      );
    },
  }),
  helper.accessor("status", { header: "Status", enableSorting: false, meta: { label: "Status" }, cell: (info) => <OpportunityStatusBadge status={info.getValue()} /> }),
]);

/** Long titles and agency names wrap; the short columns stay on one line. */
const WRAPPING: Record<string, string | undefined> = { title: "min-w-56 whitespace-normal", agency: "min-w-32 whitespace-normal" };

interface OpportunitiesTableProps {
  rows: OpportunityTableRow[];
  sort: OpportunitySort;
  dir: "asc" | "desc";
  /** e.g. "EDT": posted and deadline dates are in the workspace zone. */
  zoneLabel: string;
}

/** One server page of opportunities; sorting changes the URL, which the page reads. */
export function OpportunitiesTable({ rows, sort, dir, zoneLabel }: OpportunitiesTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const sorting = useMemo<SortingState>(() => [{ id: sort, desc: dir === "desc" }], [sort, dir]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (!next || !OPPORTUNITY_SORTS.includes(next.id as OpportunitySort)) return;
      const params = new URLSearchParams(searchParams.toString());
      params.set("sort", next.id);
      params.set("dir", next.desc ? "desc" : "asc");
      params.delete("page");
      router.push(`${pathname}?${params.toString()}`);
    },
  });

  return (
    <Table aria-label="Opportunities" className="min-w-[880px]">
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              const label = header.column.id === "posted" || header.column.id === "deadline" ? `${String(header.column.columnDef.header)} (${zoneLabel})` : String(header.column.columnDef.header);
              const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
              return (
                <TableHead key={header.id} aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}>
                  {header.column.getCanSort() ? (
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded-sm font-medium hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none">
                      {label}
                      <Icon className="size-3.5" aria-hidden />
                      <span className="sr-only">{sorted ? `, sorted ${sorted === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                    </button>
                  ) : (
                    label
                  )}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {table.getRowModel().rows.map((row) => (
          <TableRow key={row.id} data-testid="opportunity-row" data-status={row.original.status}>
            {row.getAllCells().map((cell) => (
              <TableCell key={cell.id} className={WRAPPING[cell.column.id]}>
                <FlexRender cell={cell} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
