"use client";

import { useDraggable } from "@dnd-kit/core";
import { GripVertical, Pencil } from "lucide-react";
import Link from "next/link";
import { formatMoney } from "@/components/prospects/format";
import { describeRunway, formatProbability, OPEN_STAGES } from "@/lib/govcon/pipeline";
import type { PursuitCard as PursuitCardData } from "@/lib/govcon/pursuit-board";
import { cn } from "@/lib/ui/cn";

export interface CardActions {
  movable: boolean;
  ownerName: (ownerId: string | null) => string | null;
  onEdit?: (card: PursuitCardData) => void;
}

/** The card's face, shared by the card in its column and the copy that follows the pointer. */
export function PursuitCardBody({ card, ownerName, handle, edit }: { card: PursuitCardData; ownerName: string | null; handle?: React.ReactNode; edit?: React.ReactNode }) {
  const overdue = Boolean(card.runway?.overdue) && OPEN_STAGES.includes(card.stage);
  const overridden = card.pWin !== null || card.pGo !== null;
  return (
    <div className="flex items-start gap-1.5">
      {handle}
      <div className="grid min-w-0 flex-1 gap-1">
        {card.noticeId ? (
          <Link href={`/govcon/${encodeURIComponent(card.noticeId)}`} className="line-clamp-2 text-sm font-medium break-words hover:underline focus-visible:underline">
            {card.title}
          </Link>
        ) : (
          <p className="line-clamp-2 text-sm font-medium break-words">{card.title}</p>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs tabular-nums">
          <dt className="text-muted-foreground">Value</dt>
          <dd className="text-right">{formatMoney(card.valueDollars)}</dd>
          <dt className="text-muted-foreground">Weighted</dt>
          <dd className="text-right font-medium" data-testid="pursuit-weighted">{formatMoney(card.weightedValueCents / 100)}</dd>
        </dl>
        {overridden && (
          <p className="text-xs text-muted-foreground">
            Own {card.pWin !== null && `p(win) ${formatProbability(card.pWin)}`}
            {card.pWin !== null && card.pGo !== null && ", "}
            {card.pGo !== null && `p(go) ${formatProbability(card.pGo)}`}
          </p>
        )}
        <p className={cn("text-xs", overdue ? "font-medium text-destructive" : "text-muted-foreground")} data-testid="pursuit-deadline">
          {describeRunway(card.runway)}
        </p>
        <div className="flex items-center justify-between gap-2">
          <p className="truncate text-xs text-muted-foreground">{ownerName ? `Owner: ${ownerName}` : "No owner"}</p>
          {edit}
        </div>
      </div>
    </div>
  );
}

/** A card in its column. Only the grip drags, so the title stays an ordinary link. */
export function PursuitCard({ card, actions }: { card: PursuitCardData; actions: CardActions }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: card.id, disabled: !actions.movable });
  const handle = actions.movable ? (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="-ml-1 flex h-8 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-muted-foreground hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing"
      aria-label={`Move ${card.title}`}
      {...attributes}
      {...listeners}
    >
      <GripVertical className="size-4" aria-hidden />
    </button>
  ) : undefined;
  const edit = actions.onEdit ? (
    <button
      type="button"
      onClick={() => actions.onEdit?.(card)}
      className="flex size-8 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      aria-label={`Edit ${card.title}`}
    >
      <Pencil className="size-3.5" aria-hidden />
    </button>
  ) : undefined;
  return (
    <li ref={setNodeRef} data-testid="pursuit-card" data-pursuit-id={card.id} className={cn("rounded-md border bg-card p-2 shadow-xs", isDragging && "opacity-40")}>
      <PursuitCardBody card={card} ownerName={actions.ownerName(card.ownerId)} handle={handle} edit={edit} />
    </li>
  );
}
