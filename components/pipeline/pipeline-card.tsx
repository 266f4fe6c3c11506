"use client";

import { useDraggable } from "@dnd-kit/core";
import { GripVertical } from "lucide-react";
import Link from "next/link";
import { formatMoney, formatPercent, spreadTone } from "@/components/prospects/format";
import { cn } from "@/lib/ui/cn";
import type { BoardCard } from "./board-state";

/** The card's face, shared by the card in its column and the copy that follows the pointer. */
export function PipelineCardBody({ card, handle }: { card: BoardCard; handle?: React.ReactNode }) {
  return (
    <div className="flex items-start gap-1.5">
      {handle}
      <div className="grid min-w-0 flex-1 gap-1">
        <Link href={`/deals/${card.id}`} className="line-clamp-2 text-sm font-medium break-words hover:underline focus-visible:underline">{card.address}</Link>
        {card.locality && <p className="truncate text-xs text-muted-foreground">{card.locality}</p>}
        <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs">
          <span className={cn("font-medium tabular-nums", spreadTone(card.spread))}>
            {formatMoney(card.spread)} <span className="font-normal">({formatPercent(card.spreadRatio)})</span>
          </span>
          {card.score !== null && <span className="text-muted-foreground tabular-nums">Score {card.score}</span>}
        </div>
        <p className="truncate text-xs text-muted-foreground">{card.ownerName ? `Owner: ${card.ownerName}` : "No owner"}</p>
      </div>
    </div>
  );
}

/** A card in its column. Only the grip is draggable, so the address stays an ordinary link. */
export function PipelineCard({ card, movable }: { card: BoardCard; movable: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, disabled: !movable });
  const handle = movable ? (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="-ml-1 flex h-8 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted-foreground hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing"
      aria-label={`Move ${card.address}`}
      {...attributes}
      {...listeners}
    >
      <GripVertical className="size-4" aria-hidden />
    </button>
  ) : undefined;
  return (
    <li ref={setNodeRef} data-testid="pipeline-card" data-deal-id={card.id} className={cn("rounded-md border bg-card p-2 shadow-xs", isDragging && "opacity-40")}>
      <PipelineCardBody card={card} handle={handle} />
    </li>
  );
}
