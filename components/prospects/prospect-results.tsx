"use client";

import { SearchX } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { ProspectQuery } from "@/lib/prospects/query-params";
import { cn } from "@/lib/ui/cn";
import { ProspectDataTable } from "./prospect-data-table";
import { TablePagination } from "./table-pagination";
import type { ProspectTable } from "./use-prospect-table";

interface ProspectResultsProps {
  table: ProspectTable;
  total: number;
  totalIsExact: boolean;
  estimatedTotal?: number;
  pageCount: number;
  query: ProspectQuery;
  zoneLabel: string;
  /** The next page is on its way: the current rows stay, dimmed. */
  pending: boolean;
  onClearFilters: () => void;
  onOpenDeal: (dealId: string) => void;
}

/** One page of deals (a table, laid out as cards on small screens) with its pager, or what to do when none match. */
export function ProspectResults({ table, total, totalIsExact, estimatedTotal, pageCount, query, zoneLabel, pending, onClearFilters, onOpenDeal }: ProspectResultsProps) {
  return (
    <div className="relative grid grid-cols-1 gap-4 rounded-lg border bg-card p-3 sm:p-4" aria-busy={pending}>
      <LoadingBar visible={pending} />
      {total === 0 ? (
        <EmptyState
          icon={SearchX}
          title="No deals match these filters"
          description="Widen the spread range or the dates, or clear the filters to see every deal."
          action={<Button variant="outline" onClick={onClearFilters}>Clear filters</Button>}
        />
      ) : (
        <div className={cn("grid grid-cols-1 gap-4 transition-opacity", pending && "opacity-60")}>
          <ProspectDataTable table={table} zoneLabel={zoneLabel} onOpenDeal={onOpenDeal} />
          <TablePagination
            page={query.page}
            pageCount={pageCount}
            pageSize={query.pageSize}
            total={total}
            totalIsExact={totalIsExact}
            estimatedTotal={estimatedTotal}
            onPage={(page) => table.setPageIndex(page - 1)}
            onPageSize={(pageSize) => table.setPageSize(pageSize)}
          />
        </div>
      )}
    </div>
  );
}

/** A thin bar, not a spinner: the previous rows stay readable while the next page loads. */
function LoadingBar({ visible }: { visible: boolean }) {
  return (
    <div className={cn("absolute inset-x-0 top-0 h-0.5 overflow-hidden rounded-t-lg transition-opacity", visible ? "opacity-100" : "opacity-0")}>
      <div className="h-full w-1/3 animate-pulse bg-primary" />
    </div>
  );
}
