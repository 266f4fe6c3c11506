"use client";

import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from "@dnd-kit/core";
import { useOptimistic, useState, useTransition } from "react";
import { columnBoardAnnouncements, columnBoardInstructions, columnCollisionDetection, columnKeyboardCoordinates } from "@/components/board/column-board";
import type { DirectAction, FormAction } from "@/components/forms/action-types";
import { formatCount, formatMoney } from "@/components/prospects/format";
import { toast } from "@/components/ui/toaster";
import type { PursuitStageName } from "@/lib/govcon/codes";
import { STAGE_LABELS } from "@/lib/govcon/pipeline";
import type { PursuitBoard, PursuitCard } from "@/lib/govcon/pursuit-board";
import type { MovePursuitInput } from "@/lib/govcon/pursuit-schema";
import { cn } from "@/lib/ui/cn";
import { applyPursuitMove, findPursuitCard, type PursuitMove } from "./board-state";
import { PursuitCardBody } from "./pursuit-card";
import { PursuitColumn } from "./pursuit-column";
import { PursuitDialog, type Member } from "./pursuit-dialog";

interface PursuitsBoardProps {
  board: PursuitBoard;
  members: Member[];
  /** Without them (a member who may only read) the cards neither move nor edit. */
  movePursuit?: DirectAction<MovePursuitInput, { id: string }>;
  savePursuit?: FormAction<{ id: string }>;
}

type Feedback = { tone: "error" | "success"; text: string } | null;

export function PursuitsBoard({ board, members, movePursuit, savePursuit }: PursuitsBoardProps) {
  const [optimistic, addMove] = useOptimistic(board, (state: PursuitBoard, move: PursuitMove) => applyPursuitMove(state, move));
  const [, startTransition] = useTransition();
  const [dragging, setDragging] = useState<PursuitCard | null>(null);
  const [editing, setEditing] = useState<PursuitCard | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const ownerName = (ownerId: string | null) => (ownerId ? (names.get(ownerId) ?? "Former member") : null);
  const actions = { movable: Boolean(movePursuit), ownerName, onEdit: savePursuit ? setEditing : undefined };

  const commit = (card: PursuitCard, to: PursuitStageName) => {
    if (!movePursuit) return;
    startTransition(async () => {
      addMove({ pursuitId: card.id, to });
      // The optimistic board falls back to the server's when the transition ends: a refusal undoes the move by itself.
      const result = await movePursuit(null, { pursuitId: card.id, stage: to });
      if (!result.ok) {
        const text = `${card.title} stays in ${STAGE_LABELS[card.stage]}: ${result.error}`;
        setFeedback({ tone: "error", text });
        toast.error(text);
        return;
      }
      setFeedback({ tone: "success", text: `${card.title} moved to ${STAGE_LABELS[to]}.` });
    });
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setFeedback(null);
    setDragging(findPursuitCard(optimistic.columns, String(active.id)) ?? null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const card = findPursuitCard(optimistic.columns, String(active.id));
    const to = over ? (String(over.id) as PursuitStageName) : null;
    if (card && to && card.stage !== to) commit(card, to);
  };

  return (
    <div className="grid min-w-0 gap-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-lg border bg-card px-4 py-3">
        <p className="text-sm text-muted-foreground">Weighted pipeline</p>
        <p className="text-2xl font-semibold tabular-nums" data-testid="pursuits-weighted-total">{formatMoney(optimistic.total.weightedCents / 100)}</p>
        <p className="text-sm text-muted-foreground tabular-nums">
          of {formatMoney(optimistic.total.valueCents / 100)} in {formatCount(optimistic.total.count)} {optimistic.total.count === 1 ? "pursuit" : "pursuits"}
        </p>
      </div>
      <p role="status" data-testid="pursuits-feedback" className={cn("min-h-5 text-sm", feedback?.tone === "error" ? "text-destructive" : "text-muted-foreground")}>
        {feedback?.text}
      </p>
      <DndContext
        id="pursuits-board"
        sensors={sensors}
        collisionDetection={columnCollisionDetection}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
        accessibility={{
          announcements: columnBoardAnnouncements({
            card: (id) => findPursuitCard(optimistic.columns, id)?.title ?? "The pursuit",
            column: (id) => STAGE_LABELS[id as PursuitStageName] ?? id,
          }),
          screenReaderInstructions: columnBoardInstructions("a pursuit to another stage"),
        }}
      >
        {/* Eight columns scroll sideways inside the board; the page itself never does. */}
        <div className="-mx-1 flex gap-3 overflow-x-auto px-1 pb-2" data-testid="pursuits-board">
          {optimistic.columns.map((column) => <PursuitColumn key={column.stage} column={column} actions={actions} />)}
        </div>
        <DragOverlay>
          {dragging && (
            <div className="w-56 rounded-md border bg-card p-2 shadow-lg">
              <PursuitCardBody card={dragging} ownerName={ownerName(dragging.ownerId)} />
            </div>
          )}
        </DragOverlay>
      </DndContext>
      {savePursuit && <PursuitDialog pursuit={editing} members={members} probabilities={optimistic.probabilities} save={savePursuit} onClose={() => setEditing(null)} />}
    </div>
  );
}
