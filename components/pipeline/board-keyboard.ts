import type { Announcements } from "@dnd-kit/core";
import { columnBoardAnnouncements, columnBoardInstructions } from "@/components/board/column-board";
import type { DealStatus } from "@/lib/deals/rules";
import { statusLabel, type BoardColumn } from "./board-state";

export { columnKeyboardCoordinates } from "@/components/board/column-board";

export const boardInstructions = columnBoardInstructions("a deal to another status");

/** What a screen reader hears while a card moves: the deal by its address, the columns by status. */
export function boardAnnouncements(columns: readonly BoardColumn[]): Announcements {
  return columnBoardAnnouncements({
    card: (id) => {
      for (const column of columns) for (const card of column.cards) if (card.id === id) return card.address;
      return "The deal";
    },
    column: (id) => statusLabel(id as DealStatus),
  });
}
