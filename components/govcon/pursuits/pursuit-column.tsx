"use client";

import { useDroppable } from "@dnd-kit/core";
import { formatCount, formatMoney } from "@/components/prospects/format";
import { formatProbability } from "@/lib/govcon/pipeline";
import type { PursuitColumn as PursuitColumnData } from "@/lib/govcon/pursuit-board";
import { cn } from "@/lib/ui/cn";
import { PursuitCard, type CardActions } from "./pursuit-card";

export function PursuitColumn({ column, actions }: { column: PursuitColumnData; actions: CardActions }) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const headingId = `pursuit-column-${column.stage}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid="pursuit-column"
      data-stage={column.stage}
      className={cn("flex w-60 shrink-0 flex-col gap-2 rounded-lg border bg-muted/40 p-2 transition-colors", isOver && "border-primary bg-primary/5")}
    >
      <header className="grid gap-0.5 px-1">
        <h2 id={headingId} className="flex items-baseline justify-between gap-2 text-sm font-semibold">
          {column.label}
          <span className="text-xs font-medium text-muted-foreground tabular-nums" data-testid="pursuit-count" aria-label={`${formatCount(column.count)} pursuits`}>
            {formatCount(column.count)}
          </span>
        </h2>
        <p className="text-xs text-muted-foreground tabular-nums">
          p(win) {formatProbability(column.probability.pWin)} · p(go) {formatProbability(column.probability.pGo)}
        </p>
        <p className="text-xs tabular-nums" data-testid="pursuit-stage-weighted">
          <span className="text-muted-foreground">Weighted </span>
          <span className="font-medium">{formatMoney(column.weightedCents / 100)}</span>
          <span className="text-muted-foreground"> of {formatMoney(column.valueCents / 100)}</span>
        </p>
      </header>
      <ul className="grid min-h-24 content-start gap-2" aria-label={`${column.label} pursuits`}>
        {column.cards.map((card) => <PursuitCard key={card.id} card={card} actions={actions} />)}
        {column.count === 0 && <li className="rounded-md border border-dashed p-3 text-center text-xs text-muted-foreground">No pursuits</li>}
      </ul>
    </section>
  );
}
