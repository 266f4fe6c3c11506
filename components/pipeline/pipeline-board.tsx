"use client";

import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { useOptimistic, useState, useTransition } from "react";
import { columnCollisionDetection } from "@/components/board/column-board";
import type { DirectAction } from "@/components/forms/action-types";
import { toast } from "@/components/ui/toaster";
import { canChangeStatus, DEAL_STATUS_LABELS, statusNeedsReason, type DealStatus } from "@/lib/deals/rules";
import { cn } from "@/lib/ui/cn";
import { boardAnnouncements, boardInstructions, columnKeyboardCoordinates } from "./board-keyboard";
import { applyMove, findCard, type BoardCard, type BoardColumn, type BoardMove } from "./board-state";
import { DeadReasonDialog } from "./dead-reason-dialog";
import { PipelineCardBody } from "./pipeline-card";
import { PipelineColumn } from "./pipeline-column";

export interface MoveDealInput {
  dealIds: string[];
  to: DealStatus;
  reason?: string;
}
export interface MoveDealResult {
  changed: string[];
  refused: { dealId: string; reason: string }[];
}

interface PipelineBoardProps {
  columns: BoardColumn[];
  /** Without it (a viewer) the cards cannot be moved. */
  moveDeal?: DirectAction<MoveDealInput, MoveDealResult>;
  /** The prospects table filtered to a status, keeping the board's other filters. */
  listHrefs: Record<DealStatus, string>;
}

type Feedback = { tone: "error" | "success"; text: string } | null;

export function PipelineBoard({ columns, moveDeal, listHrefs }: PipelineBoardProps) {
  const [optimistic, addMove] = useOptimistic(columns, (state: BoardColumn[], move: BoardMove) => applyMove(state, move));
  const [, startTransition] = useTransition();
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [askReason, setAskReason] = useState<{ card: BoardCard; to: DealStatus } | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const refuse = (card: BoardCard, to: DealStatus, reason: string) => {
    const text = `${card.address} stays ${DEAL_STATUS_LABELS[card.status]}: ${reason}`;
    setFeedback({ tone: "error", text });
    toast.error(text);
  };

  const commit = (card: BoardCard, to: DealStatus, reason?: string) => {
    if (!moveDeal) return;
    startTransition(async () => {
      addMove({ dealId: card.id, to });
      const result = await moveDeal(null, { dealIds: [card.id], to, ...(reason && { reason }) });
      if (!result.ok) return refuse(card, to, result.error);
      const refusal = result.data.refused[0];
      if (refusal) return refuse(card, to, refusal.reason);
      setFeedback({ tone: "success", text: `${card.address} moved to ${DEAL_STATUS_LABELS[to]}.` });
    });
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setFeedback(null);
    setDragging(findCard(optimistic, String(active.id)) ?? null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const card = findCard(optimistic, String(active.id));
    const to = over ? (String(over.id) as DealStatus) : null;
    if (!card || !to || card.status === to) return;
    // Refused here, the card springs back at once; the server checks again all the same.
    if (!canChangeStatus(card.status, to)) {
      return refuse(card, to, `a deal cannot move from ${DEAL_STATUS_LABELS[card.status]} to ${DEAL_STATUS_LABELS[to]}.`);
    }
    if (statusNeedsReason(to)) return setAskReason({ card, to });
    commit(card, to);
  };

  return (
    <div className="grid min-w-0 gap-3">
      <p
        role="status"
        data-testid="pipeline-feedback"
        className={cn("min-h-5 text-sm", feedback?.tone === "error" ? "text-destructive" : "text-muted-foreground")}
      >
        {feedback?.text}
      </p>
      <DndContext
        id="pipeline-board"
        sensors={sensors}
        collisionDetection={columnCollisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{ announcements: boardAnnouncements(optimistic), screenReaderInstructions: boardInstructions }}
      >
        {/* Seven columns scroll sideways inside the board on narrow screens; the page itself never does. */}
        <div className="-mx-1 flex gap-3 overflow-x-auto px-1 pb-2" data-testid="pipeline-board">
          {optimistic.map((column) => (
            <PipelineColumn key={column.status} column={column} movable={Boolean(moveDeal)} listHref={listHrefs[column.status]} />
          ))}
        </div>
        <DragOverlay>
          {dragging && (
            <div className="w-60 rounded-md border bg-card p-2 shadow-lg">
              <PipelineCardBody card={dragging} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      <DeadReasonDialog
        address={askReason?.card.address ?? null}
        onCancel={() => setAskReason(null)}
        onConfirm={(reason) => {
          if (askReason) commit(askReason.card, askReason.to, reason);
          setAskReason(null);
        }}
      />
    </div>
  );
}
