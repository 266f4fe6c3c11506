"use client";

import type { ProspectQuery } from "@/lib/prospects/query";
import type { SavedViewSummary } from "@/lib/prospects/views";
import type { ProspectTableRow } from "./prospect-columns";
import { ProspectFilters } from "./prospect-filters";
import { ProspectResults } from "./prospect-results";
import { ProspectsToolbar } from "./prospects-toolbar";
import type { SavedViewActions } from "./saved-views-menu";
import { clearFiltersPatch } from "./table-url";
import { useProspectTable } from "./use-prospect-table";
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
  /** The page's save and delete actions for saved views; without them views can only be applied. */
  viewActions?: SavedViewActions;
}

export function ProspectsTable({ rows, total, totalIsExact, pageCount, query, hiddenColumns, zoneLabel, views, currentViewId, viewActions }: ProspectsTableProps) {
  const { navigate, go, pending, pathname, searchParams } = useProspectUrl();
  const { table, columnToggles } = useProspectTable({ rows, total, query, hiddenColumns, navigate });

  return (
    <div className="grid grid-cols-1 gap-4">
      <ProspectsToolbar
        total={total}
        totalIsExact={totalIsExact}
        pending={pending}
        query={query}
        navigate={navigate}
        views={views}
        currentViewId={currentViewId}
        viewActions={viewActions}
        queryString={searchParams.toString()}
        onApplyView={(view) => go(view.query ? `${pathname}?${view.query}` : pathname)}
        columnToggles={columnToggles}
        onShowAllColumns={() => navigate({ cols: undefined, page: query.page }, { replace: true })}
      />
      <ProspectFilters query={query} navigate={navigate} />
      <ProspectResults
        table={table}
        rows={rows}
        total={total}
        totalIsExact={totalIsExact}
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
