"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/select";
import { formatCount, formatDealCount } from "./format";
import { PAGE_SIZES } from "./table-url";

interface TablePaginationProps {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  totalIsExact: boolean;
  estimatedTotal?: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

export function TablePagination({ page, pageCount, pageSize, total, totalIsExact, estimatedTotal, onPage, onPageSize }: TablePaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const sizes = PAGE_SIZES.includes(pageSize as (typeof PAGE_SIZES)[number]) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {formatCount(first)}–{formatCount(last)} of <span className="font-medium text-foreground">{formatDealCount(total, totalIsExact, estimatedTotal)}</span>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-muted-foreground">
          Rows
          <NativeSelect containerClassName="w-20" className="h-8" value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
            {sizes.map((size) => <option key={size} value={size}>{size}</option>)}
          </NativeSelect>
        </label>
        <span className="px-1 text-muted-foreground">
          Page {formatCount(page)} of {formatCount(pageCount)}
          {totalIsExact ? "" : "+"}
        </span>
        <Button variant="outline" size="icon" className="size-8" disabled={page <= 1} onClick={() => onPage(1)} aria-label="First page">
          <ChevronsLeft className="size-4" aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" disabled={page <= 1} onClick={() => onPage(page - 1)} aria-label="Previous page">
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" disabled={page >= pageCount} onClick={() => onPage(page + 1)} aria-label="Next page">
          <ChevronRight className="size-4" aria-hidden />
        </Button>
        <Button variant="outline" size="icon" className="size-8" disabled={page >= pageCount || !totalIsExact} onClick={() => onPage(pageCount)} aria-label="Last page">
          <ChevronsRight className="size-4" aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
