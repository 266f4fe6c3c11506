"use client";

import { functionalUpdate, useTable, type PaginationState, type RowSelectionState, type SortingState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { ProspectQuery } from "@/lib/prospects/query-params";
import type { ColumnToggle } from "./column-menu";
import { prospectColumns, prospectFeatures, type ProspectTableRow } from "./prospect-columns";
import { hiddenColumnsValue, hiddenFromVisibility, sortPatch, sortingFromQuery, visibilityFromHidden } from "./table-url";
import type { useProspectUrl } from "./use-prospect-url";

interface ProspectTableInput {
  rows: ProspectTableRow[];
  total: number;
  query: ProspectQuery;
  hiddenColumns: string[];
  navigate: ReturnType<typeof useProspectUrl>["navigate"];
}

/** The TanStack table over one server page, and the column switches the column menu shows. */
export function useProspectTable({ rows, total, query, hiddenColumns, navigate }: ProspectTableInput) {
  // Table state is derived from the URL; every change goes back out through `navigate`.
  const sorting = useMemo(() => sortingFromQuery(query), [query]);
  const columnVisibility = useMemo(() => visibilityFromHidden(hiddenColumns), [hiddenColumns]);
  const pagination = useMemo<PaginationState>(() => ({ pageIndex: query.page - 1, pageSize: query.pageSize }), [query.page, query.pageSize]);
  // Selection is by deal id and survives paging, so a selection can span pages.
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});

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
    enableRowSelection: true,
    state: { sorting, columnVisibility, pagination, rowSelection },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater) => navigate(sortPatch(functionalUpdate(updater, sorting as SortingState))),
    onColumnVisibilityChange: (updater) =>
      // The selection column is hidden by role, not by choice: it never goes into the URL.
      navigate({ cols: hiddenColumnsValue(hiddenFromVisibility(functionalUpdate(updater, columnVisibility)).filter((id) => id !== "select")), page: query.page }, { replace: true }),
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      navigate(next.pageSize !== pagination.pageSize ? { pageSize: next.pageSize } : { page: next.pageIndex + 1 });
    },
  });

  const columnToggles: ColumnToggle[] = table
    .getAllLeafColumns()
    .filter((column) => column.getCanHide())
    .map((column) => ({ id: column.id, label: column.columnDef.meta?.label ?? column.id, visible: column.getIsVisible(), toggle: (visible: boolean) => column.toggleVisibility(visible) }));

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  return { table, columnToggles, selectedIds, setRowSelection };
}

export type ProspectTable = ReturnType<typeof useProspectTable>["table"];
