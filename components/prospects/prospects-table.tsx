"use client";

import type { ProspectQuery } from "@/lib/prospects/query-params";
import type { SavedViewSummary } from "@/lib/prospects/views";
import { useRef } from "react";
import { BulkActionsBar, type ProspectBulkActions } from "./bulk-actions-bar";
import { streetOf, type ProspectTableRow } from "./prospect-columns";
import { ProspectFilters, type OwnerOption } from "./prospect-filters";
import { ProspectResults } from "./prospect-results";
import { ProspectsToolbar } from "./prospects-toolbar";
import type { SavedViewActions } from "./saved-views-menu";
import { ALL_COLUMNS_SHOWN, clearFiltersPatch } from "./table-url";
import { useProspectTable } from "./use-prospect-table";
import { useProspectUrl } from "./use-prospect-url";

export interface ProspectsTableProps {
  rows: ProspectTableRow[];
  total: number;
  /** False when the count stopped at a limit: the total is shown as "10,000+". */
  totalIsExact: boolean;
  /** The database's estimate of every match when the count stopped short: "about 1.2M". */
  estimatedTotal?: number;
  pageCount: number;
  query: ProspectQuery;
  hiddenColumns: string[];
  /** e.g. "EDT": intake dates are shown in the workspace zone. */
  zoneLabel: string;
  views: SavedViewSummary[];
  currentViewId: string | null;
  /** The page's save and delete actions for saved views; without them views can only be applied. */
  viewActions?: SavedViewActions;
  /** The workspace's members: the owner filter and the owner bulk action. */
  owners: OwnerOption[];
  /** The bulk actions the user's role may run; without any, rows cannot be selected. */
  bulkActions?: ProspectBulkActions;
  /** The role may export every match of the filter (deals:export). */
  canExport?: boolean;
}

export function ProspectsTable(props: ProspectsTableProps) {
  const { rows, total, totalIsExact, estimatedTotal, pageCount, query, hiddenColumns, zoneLabel, views, currentViewId, viewActions, owners, bulkActions, canExport } = props;
  const { navigate, go, pending, pathname, searchParams } = useProspectUrl();
  const selectable = Boolean(bulkActions);
  const { table, columnToggles, selectedIds, setRowSelection } = useProspectTable({ rows, total, query, hiddenColumns: selectable ? hiddenColumns : [...hiddenColumns, "select"], navigate });
  // Addresses of every row seen, so a refusal names a selected deal from an earlier page.
  const labels = useRef(new Map<string, string>());
  for (const row of rows) labels.current.set(row.id, streetOf(row));

  return (
    <div className="grid grid-cols-1 gap-4">
      <ProspectsToolbar
        total={total}
        totalIsExact={totalIsExact}
        estimatedTotal={estimatedTotal}
        pending={pending}
        query={query}
        navigate={navigate}
        views={views}
        currentViewId={currentViewId}
        viewActions={viewActions}
        queryString={searchParams.toString()}
        onApplyView={(view) => go(view.query ? `${pathname}?${view.query}` : pathname)}
        columnToggles={columnToggles}
        onShowAllColumns={() => navigate({ cols: ALL_COLUMNS_SHOWN, page: query.page }, { replace: true })}
        exportHref={canExport ? `/api/prospects/export?${searchParams.toString()}` : undefined}
      />
      <ProspectFilters query={query} navigate={navigate} owners={owners} />
      {bulkActions && selectedIds.length > 0 && (
        <BulkActionsBar
          selectedIds={selectedIds}
          actions={bulkActions}
          owners={owners}
          labelOf={(id) => labels.current.get(id) ?? "A deal no longer listed"}
          onClear={() => setRowSelection({})}
        />
      )}
      <ProspectResults
        table={table}
        total={total}
        totalIsExact={totalIsExact}
        estimatedTotal={estimatedTotal}
        pageCount={pageCount}
        query={query}
        zoneLabel={zoneLabel}
        pending={pending}
        onClearFilters={() => navigate(clearFiltersPatch())}
        onOpenDeal={(dealId) => go(`/deals/${dealId}`, { scroll: true })}
      />
    </div>
  );
}
