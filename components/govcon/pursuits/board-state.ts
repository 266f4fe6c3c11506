import type { PursuitStageName } from "@/lib/govcon/codes";
import { effectiveProbability, weightedValueCents, type StageProbabilities } from "@/lib/govcon/pipeline";
import type { PursuitBoard, PursuitCard, PursuitColumn } from "@/lib/govcon/pursuit-board";

export interface PursuitMove {
  pursuitId: string;
  to: PursuitStageName;
}

export function findPursuitCard(columns: readonly PursuitColumn[], pursuitId: string): PursuitCard | undefined {
  for (const column of columns) {
    const card = column.cards.find((c) => c.id === pursuitId);
    if (card) return card;
  }
  return undefined;
}

/**
 * The board after a move, before the server confirms it: the card goes to the end of the
 * target column and is weighed again with that stage's probabilities (its own overrides
 * still win); both columns' sums and the total follow. Pure, so a refused move is undone by
 * dropping it.
 */
export function applyPursuitMove(board: PursuitBoard, move: PursuitMove): PursuitBoard {
  const card = findPursuitCard(board.columns, move.pursuitId);
  if (!card || card.stage === move.to || !board.columns.some((c) => c.stage === move.to)) return board;
  const moved = reweigh({ ...card, stage: move.to }, board.probabilities);
  const delta = moved.weightedValueCents - card.weightedValueCents;
  const valueCents = Math.round((card.valueDollars ?? 0) * 100);
  const columns = board.columns.map((column): PursuitColumn => {
    if (column.stage === card.stage) {
      return { ...column, count: column.count - 1, valueCents: column.valueCents - valueCents, weightedCents: column.weightedCents - card.weightedValueCents, cards: column.cards.filter((c) => c.id !== card.id) };
    }
    if (column.stage === move.to) {
      return { ...column, count: column.count + 1, valueCents: column.valueCents + valueCents, weightedCents: column.weightedCents + moved.weightedValueCents, cards: [...column.cards, moved] };
    }
    return column;
  });
  return { ...board, columns, total: { ...board.total, weightedCents: board.total.weightedCents + delta } };
}

function reweigh(card: PursuitCard, probabilities: StageProbabilities): PursuitCard {
  return { ...card, effective: effectiveProbability(card, probabilities), weightedValueCents: weightedValueCents(card, probabilities) };
}
