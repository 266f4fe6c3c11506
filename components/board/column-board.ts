import { KeyboardCode, pointerWithin, rectIntersection, type Announcements, type CollisionDetection, type KeyboardCoordinateGetter } from "@dnd-kit/core";

/*
 * What every column board (the deals Pipeline, the GovCon Pursuits) shares about moving a
 * card with @dnd-kit: one key press per column, where a drop lands, and what a screen reader
 * hears. The boards differ only in how they name a card and a column.
 */

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

/**
 * The pointer decides where a mouse drop lands; a keyboard drag has no pointer, so the
 * lifted card's overlap with the columns decides instead.
 */
export const columnCollisionDetection: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length ? under : rectIntersection(args);
};

/** The instructions a screen reader reads when a card's grip gets focus. */
export function columnBoardInstructions(moving: string): { draggable: string } {
  return {
    draggable: `To move ${moving}, press space or enter to pick it up, the left and right arrow keys to choose a column, then space or enter to drop it there, or escape to cancel.`,
  };
}

/** What a screen reader hears while a card moves, in the board's own words for cards and columns. */
export function columnBoardAnnouncements(names: { card: (id: string) => string; column: (id: string) => string }): Announcements {
  const card = (id: string | number) => names.card(String(id));
  const column = (id: string | number | undefined) => (id === undefined ? "" : names.column(String(id)));
  return {
    onDragStart: ({ active }) => `Picked up ${card(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${card(active.id)} is over ${column(over.id)}.` : `${card(active.id)} is no longer over a column.`),
    onDragEnd: ({ active, over }) => (over ? `${card(active.id)} dropped on ${column(over.id)}.` : `${card(active.id)} was dropped outside the columns and stays where it was.`),
    onDragCancel: ({ active }) => `Moving ${card(active.id)} was cancelled; it stays where it was.`,
  };
}
