"use client";

import { useDroppable } from "@dnd-kit/core";
import Link from "next/link";
import { formatCount, formatMoney } from "@/components/prospects/format";
import { cn } from "@/lib/ui/cn";
import { statusLabel, type BoardColumn } from "./board-state";
import { PipelineCard } from "./pipeline-card";

interface PipelineColumnProps {
  column: BoardColumn;
  movable: boolean;
  /** The prospects table filtered to this status, for the cards past the first ones. */
  listHref: string;
}

export function PipelineColumn({ column, movable, listHref }: PipelineColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: column.status });
  const label = statusLabel(column.status);
  const headingId = `pipeline-column-${column.status}`;
  const hidden = column.count - column.cards.length;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid="pipeline-column"
      data-status={column.status}
      className={cn("flex w-64 shrink-0 flex-col gap-2 rounded-lg border bg-muted/40 p-2 transition-colors lg:w-auto lg:min-w-0 lg:flex-1", isOver && "border-primary bg-primary/5")}
    >
      <header className="grid gap-0.5 px-1">
        <h2 id={headingId} className="flex items-baseline justify-between gap-2 text-sm font-semibold">
          {label}
          <span className="text-xs font-medium text-muted-foreground tabular-nums" data-testid="pipeline-count" aria-label={`${formatCount(column.count)} deals`}>
            {formatCount(column.count)}
          </span>
        </h2>
        <p className="text-xs text-muted-foreground tabular-nums" data-testid="pipeline-spread">Spread {formatMoney(column.totalSpread)}</p>
      </header>
      <ul className="grid min-h-24 content-start gap-2" aria-label={`${label} deals`}>
        {column.cards.map((card) => <PipelineCard key={card.id} card={card} movable={movable} />)}
        {column.count === 0 && <li className="rounded-md border border-dashed p-3 text-center text-xs text-muted-foreground">No deals</li>}
      </ul>
      {hidden > 0 && (
        <Link href={listHref} className="px-1 text-xs font-medium text-primary hover:underline focus-visible:underline">
          {formatCount(hidden)} more in Prospects
        </Link>
      )}
    </section>
  );
}
