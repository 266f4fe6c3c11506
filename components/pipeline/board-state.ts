import { DEAL_STATUS_LABELS, type DealStatus } from "@/lib/deals/rules";

/** A deal card as the board shows it: the server formats addresses and resolves the owner's name. */
export interface BoardCard {
  id: string;
  status: DealStatus;
  address: string;
  locality: string;
  spread: number | null;
  spreadRatio: number | null;
  score: number | null;
  ownerName: string | null;
}

export interface BoardColumn {
  status: DealStatus;
  count: number;
  totalSpread: number;
  cards: BoardCard[];
}

export interface BoardMove {
  dealId: string;
  to: DealStatus;
}

export function findCard(columns: readonly BoardColumn[], dealId: string): BoardCard | undefined {
  for (const column of columns) {
    const card = column.cards.find((c) => c.id === dealId);
    if (card) return card;
  }
  return undefined;
}

/**
 * The board after a move, before the server confirms it: the card leaves its column for the
 * top of the target, and both columns' counts and spread totals follow. Pure, so a refused
 * move is undone by simply dropping it.
 */
export function applyMove(columns: readonly BoardColumn[], move: BoardMove): BoardColumn[] {
  const card = findCard(columns, move.dealId);
  if (!card || card.status === move.to || !columns.some((c) => c.status === move.to)) return [...columns];
  const spread = card.spread ?? 0;
  return columns.map((column) => {
    if (column.status === card.status) {
      return { ...column, count: column.count - 1, totalSpread: column.totalSpread - spread, cards: column.cards.filter((c) => c.id !== card.id) };
    }
    if (column.status === move.to) {
      return { ...column, count: column.count + 1, totalSpread: column.totalSpread + spread, cards: [{ ...card, status: move.to }, ...column.cards] };
    }
    return column;
  });
}

export const statusLabel = (status: DealStatus) => DEAL_STATUS_LABELS[status];
