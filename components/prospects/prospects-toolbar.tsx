"use client";

import type { ProspectQuery } from "@/lib/prospects/query-params";
import type { SavedViewSummary } from "@/lib/prospects/views";
import { ColumnMenu, type ColumnToggle } from "./column-menu";
import { ExportAllButton } from "./export-all-button";
import { formatDealCount } from "./format";
import { SavedViewsMenu, type SavedViewActions } from "./saved-views-menu";
import { MobileSort } from "./sort-controls";
import type { UrlPatch } from "./table-url";

interface ProspectsToolbarProps {
  total: number;
  totalIsExact: boolean;
  /** The database's estimate of every match when the count stopped short. */
  estimatedTotal?: number;
  pending: boolean;
  query: ProspectQuery;
  navigate: (patch: UrlPatch) => void;
  views: SavedViewSummary[];
  currentViewId: string | null;
  viewActions?: SavedViewActions;
  /** The table's current query string, what "Save view" keeps. */
  queryString: string;
  onApplyView: (view: SavedViewSummary) => void;
  columnToggles: ColumnToggle[];
  onShowAllColumns: () => void;
  /** The link exporting every match with the visible columns; absent when the role may not export. */
  exportHref?: string;
}

/** Above the table: how many deals match, and the sort, saved views and column menus. */
export function ProspectsToolbar(props: ProspectsToolbarProps) {
  const { total, totalIsExact, estimatedTotal, pending, query, navigate, views, currentViewId, viewActions, queryString, onApplyView, columnToggles, onShowAllColumns, exportHref } = props;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {pending ? "Loading…" : formatDealCount(total, totalIsExact, estimatedTotal)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <MobileSort query={query} navigate={navigate} />
        <SavedViewsMenu views={views} currentViewId={currentViewId} queryString={queryString} onApply={onApplyView} actions={viewActions} />
        <ColumnMenu columns={columnToggles} onShowAll={onShowAllColumns} />
        {exportHref && <ExportAllButton href={exportHref} total={total} totalIsExact={totalIsExact} estimatedTotal={estimatedTotal} />}
      </div>
    </div>
  );
}
