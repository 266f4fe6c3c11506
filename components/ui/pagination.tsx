import * as React from "react";
import Link from "next/link";
import { ChevronLeftIcon, ChevronRightIcon } from "lucide-react";

import { cn } from "@/lib/ui/cn";
import { buttonVariants } from "@/components/ui/button";

type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  className?: string;
};

function Pagination({ page, pageCount, hrefFor, className }: PaginationProps) {
  const total = Math.max(1, Math.floor(pageCount));
  const current = Math.min(Math.max(1, Math.floor(page)), total);
  const hasPrev = current > 1;
  const hasNext = current < total;

  const linkClass = buttonVariants({ variant: "outline", size: "sm" });
  const disabledClass = cn(linkClass, "pointer-events-none opacity-50");

  return (
    <nav
      role="navigation"
      aria-label="Pagination"
      data-slot="pagination"
      className={cn("flex items-center justify-between gap-4", className)}
    >
      {hasPrev ? (
        <Link href={hrefFor(current - 1)} rel="prev" className={linkClass} data-slot="pagination-previous">
          <ChevronLeftIcon aria-hidden="true" />
          Previous
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass} data-slot="pagination-previous">
          <ChevronLeftIcon aria-hidden="true" />
          Previous
        </span>
      )}

      <p className="text-sm text-muted-foreground" aria-live="polite" data-slot="pagination-status">
        Page <span className="font-medium text-foreground">{current}</span> of{" "}
        <span className="font-medium text-foreground">{total}</span>
      </p>

      {hasNext ? (
        <Link href={hrefFor(current + 1)} rel="next" className={linkClass} data-slot="pagination-next">
          Next
          <ChevronRightIcon aria-hidden="true" />
        </Link>
      ) : (
        <span aria-disabled="true" className={disabledClass} data-slot="pagination-next">
          Next
          <ChevronRightIcon aria-hidden="true" />
        </span>
      )}
    </nav>
  );
}

export { Pagination };
export type { PaginationProps };
