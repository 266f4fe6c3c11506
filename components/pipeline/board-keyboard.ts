import { KeyboardCode, type Announcements, type KeyboardCoordinateGetter } from "@dnd-kit/core";
import type { DealStatus } from "@/lib/deals/rules";
import { statusLabel, type BoardColumn } from "./board-state";

/**
 * Left and right arrows jump a lifted card to the previous or next column instead of
 * nudging it 25 px at a time, so a keyboard move is one key press per column.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects } = context;
  if (!collisionRect) return undefined;
  const direction = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (direction === 0) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const candidates = [...droppableRects.values()]
    .map((rect) => ({ rect, offset: rect.left + rect.width / 2 - centre }))
    .filter(({ offset }) => offset * direction > 1)
    .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset));
  const target = candidates[0]?.rect;
  if (!target) return currentCoordinates;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: Math.max(collisionRect.top, target.top + 8) };
};

export const boardInstructions = {
  draggable:
    "To move a deal to another status, press space or enter to pick it up, the left and right arrow keys to choose a column, then space or enter to drop it there, or escape to cancel.",
};

/** What a screen reader hears while a card moves: the deal by its address, the columns by status. */
export function boardAnnouncements(columns: readonly BoardColumn[]): Announcements {
  const addressOf = (id: string | number) => {
    for (const column of columns) for (const card of column.cards) if (card.id === id) return card.address;
    return "The deal";
  };
  const columnName = (id: string | number | undefined) => (id === undefined ? "" : statusLabel(String(id) as DealStatus));
  return {
    onDragStart: ({ active }) => `Picked up ${addressOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${addressOf(active.id)} is over ${columnName(over.id)}.` : `${addressOf(active.id)} is no longer over a column.`),
    onDragEnd: ({ active, over }) => (over ? `${addressOf(active.id)} dropped on ${columnName(over.id)}.` : `${addressOf(active.id)} was dropped outside the columns and stays where it was.`),
    onDragCancel: ({ active }) => `Moving ${addressOf(active.id)} was cancelled; it stays where it was.`,
  };
}
