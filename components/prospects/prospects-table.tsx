"use client";

import { functionalUpdate, useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import { SearchX } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ProspectQuery } from "@/lib/prospects/query";
import type { SavedViewSummary } from "@/lib/prospects/views";
import { cn } from "@/lib/ui/cn";
import { ColumnMenu } from "./column-menu";
import { formatDealCount } from "./format";
import { ProspectCards } from "./prospect-cards";
import { prospectColumns, prospectFeatures, type ProspectTableRow } from "./prospect-columns";
import { ProspectFilters } from "./prospect-filters";
import { SavedViewsMenu } from "./saved-views-menu";
import { MobileSort, SortHeader } from "./sort-controls";
import { TablePagination } from "./table-pagination";
import {
  clearFiltersPatch,
  hiddenColumnsValue,
  hiddenFromVisibility,
  sortPatch,
  sortingFromQuery,
  visibilityFromHidden,
} from "./table-url";
import { useProspectUrl } from "./use-prospect-url";

export interface ProspectsTableProps {
  rows: ProspectTableRow[];
  total: number;
  /** False when the count stopped at a limit: the total is shown as "10,000+". */
  totalIsExact: boolean;
  pageCount: number;
  query: ProspectQuery;
  hiddenColumns: string[];
  /** e.g. "EDT": intake dates are shown in the workspace zone. */
  zoneLabel: string;
  views: SavedViewSummary[];
  currentViewId: string | null;
}

export function ProspectsTable({ rows, total, totalIsExact, pageCount, query, hiddenColumns, zoneLabel, views, currentViewId }: ProspectsTableProps) {
  const { navigate, go, pending, pathname, searchParams } = useProspectUrl();

  // Table state is derived from the URL; every change goes back out through `navigate`.
  const sorting = useMemo(() => sortingFromQuery(query), [query]);
  const columnVisibility = useMemo(() => visibilityFromHidden(hiddenColumns), [hiddenColumns]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: query.page - 1, pageSize: query.pageSize }), [query.page, query.pageSize]);

  const table = useTable({
    features: prospectFeatures,
    columns: prospectColumns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, columnVisibility, pagination },
    onSortingChange: (updater) => navigate(sortPatch(functionalUpdate(updater, sorting as SortingState))),
    onColumnVisibilityChange: (updater) =>
      navigate({ cols: hiddenColumnsValue(hiddenFromVisibility(functionalUpdate(updater, columnVisibility))), page: query.page }, { replace: true }),
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      navigate(next.pageSize !== pagination.pageSize ? { pageSize: next.pageSize } : { page: next.pageIndex + 1 });
    },
  });

  const columnToggles = table
    .getAllLeafColumns()
    .filter((column) => column.getCanHide())
    .map((column) => ({ id: column.id, label: column.columnDef.meta?.label ?? column.id, visible: column.getIsVisible(), toggle: (visible: boolean) => column.toggleVisibility(visible) }));

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {pending ? "Loading…" : formatDealCount(total, totalIsExact)}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <MobileSort query={query} navigate={navigate} />
          <SavedViewsMenu views={views} currentViewId={currentViewId} queryString={searchParams.toString()} onApply={(view) => go(view.query ? `${pathname}?${view.query}` : pathname)} />
          <ColumnMenu columns={columnToggles} onShowAll={() => navigate({ cols: undefined, page: query.page }, { replace: true })} />
        </div>
      </div>
      <ProspectFilters query={query} navigate={navigate} />

      <div className="relative grid grid-cols-1 gap-4 rounded-lg border bg-card p-3 sm:p-4" aria-busy={pending}>
        {/* A thin bar, not a spinner: the previous rows stay readable while the next page loads. */}
        <div className={cn("absolute inset-x-0 top-0 h-0.5 overflow-hidden rounded-t-lg transition-opacity", pending ? "opacity-100" : "opacity-0")}>
          <div className="h-full w-1/3 animate-pulse bg-primary" />
        </div>
        {total === 0 ? (
          <EmptyState
            icon={SearchX}
            title="No deals match these filters"
            description="Widen the spread range or the dates, or clear the filters to see every deal."
            action={<Button variant="outline" onClick={() => navigate(clearFiltersPatch())}>Clear filters</Button>}
          />
        ) : (
          <div className={cn("grid grid-cols-1 gap-4 transition-opacity", pending && "opacity-60")}>
            <ProspectCards rows={rows} />
            <div className="hidden md:block">
              <Table>
                <TableHeader>
                  {table.getHeaderGroups().map((group) => (
                    <TableRow key={group.id}>
                      {group.headers.map((header) => {
                        const meta = header.column.columnDef.meta;
                        const sorted = header.column.getIsSorted();
                        const label = header.column.id === "createdAt" ? `Intake (${zoneLabel})` : String(header.column.columnDef.header ?? header.column.id);
                        return (
                          <TableHead
                            key={header.id}
                            className={cn(meta?.numeric && "text-right")}
                            aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                          >
                            {header.column.getCanSort() ? (
                              <SortHeader label={label} sorted={sorted} hint={meta?.hint} onToggle={header.column.getToggleSortingHandler()} />
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
                    <TableRow
                      key={row.id}
                      data-testid="prospect-row"
                      className="cursor-pointer"
                      onClick={(event) => {
                        // The address is a real link (new tab, keyboard); a click anywhere else opens the deal too.
                        if ((event.target as HTMLElement).closest("a,button")) return;
                        go(`/deals/${row.id}`, { scroll: true });
                      }}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <TableCell key={cell.id} className={cn(cell.column.columnDef.meta?.numeric && "text-right")}>
                          <table.FlexRender cell={cell} />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <TablePagination
              page={query.page}
              pageCount={pageCount}
              pageSize={query.pageSize}
              total={total}
              totalIsExact={totalIsExact}
              onPage={(page) => table.setPageIndex(page - 1)}
              onPageSize={(pageSize) => table.setPageSize(pageSize)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
