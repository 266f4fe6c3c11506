import { describe, expect, it } from "vitest";
import { applyPursuitMove } from "@/components/govcon/pursuits/board-state";
import { PURSUIT_STAGES, type PursuitStageName } from "@/lib/govcon/codes";
import { DEFAULT_STAGE_PROBABILITIES, effectiveProbability, pipelineTotals, STAGE_LABELS, weightedValueCents } from "@/lib/govcon/pipeline";
import type { PursuitBoard, PursuitCard } from "@/lib/govcon/pursuit-board";

const card = (id: string, stage: PursuitStageName, valueDollars: number | null, pWin: number | null = null): PursuitCard => {
  const weighable = { stage, valueDollars, pWin, pGo: null };
  return {
    id, title: `Pursuit ${id}`, stage, opportunityId: null, noticeId: null, valueDollars, pWin, pGo: null,
    effective: effectiveProbability(weighable, DEFAULT_STAGE_PROBABILITIES),
    weightedValueCents: weightedValueCents(weighable, DEFAULT_STAGE_PROBABILITIES),
    deadline: null, runway: null, ownerId: null, notes: null, stageChangedAt: "2026-12-01T00:00:00.000Z",
  };
};

function boardOf(cards: PursuitCard[]): PursuitBoard {
  const totals = pipelineTotals(cards, DEFAULT_STAGE_PROBABILITIES);
  return {
    probabilities: DEFAULT_STAGE_PROBABILITIES,
    total: { count: totals.count, valueCents: totals.valueCents, weightedCents: totals.weightedCents },
    columns: PURSUIT_STAGES.map((stage, i) => ({
      stage, label: STAGE_LABELS[stage], probability: DEFAULT_STAGE_PROBABILITIES[stage],
      count: totals.stages[i].count, valueCents: totals.stages[i].valueCents, weightedCents: totals.stages[i].weightedCents,
      cards: cards.filter((c) => c.stage === stage),
    })),
  };
}

describe("a pursuit moved on the board before the server answers", () => {
  const cards = [card("a", "IDENTIFIED", 1_000_000), card("b", "PROPOSAL", 200_000), card("c", "IDENTIFIED", 500_000, 0.5)];

  it("goes to the end of the target, weighed at its new stage, and the sums match a board built from scratch", () => {
    const moved = applyPursuitMove(boardOf(cards), { pursuitId: "a", to: "PROPOSAL" });
    const expected = boardOf([cards[1], { ...card("a", "PROPOSAL", 1_000_000) }, cards[2]]);
    expect(moved.columns.find((c) => c.stage === "PROPOSAL")!.cards.map((c) => c.id)).toEqual(["b", "a"]);
    expect(moved.columns.map((c) => [c.count, c.valueCents, c.weightedCents])).toEqual(expected.columns.map((c) => [c.count, c.valueCents, c.weightedCents]));
    expect(moved.total.weightedCents).toBe(expected.total.weightedCents);
    expect(moved.total.weightedCents).toBe(7_200_000 + 36_000_000 + 12_500_000); // b and a at 0.4 x 0.9, c at 0.5 x 0.5
  });

  it("keeps its own p(win) in the new stage", () => {
    const moved = applyPursuitMove(boardOf(cards), { pursuitId: "c", to: "SUBMITTED" });
    expect(moved.columns.find((c) => c.stage === "SUBMITTED")!.cards[0].weightedValueCents).toBe(25_000_000); // 500,000 x 0.5 x 1
  });

  it("to No bid weighs nothing; an unknown card or its own column changes nothing", () => {
    const board = boardOf(cards);
    expect(applyPursuitMove(board, { pursuitId: "b", to: "NO_BID" }).total.weightedCents).toBe(board.total.weightedCents - 7_200_000);
    expect(applyPursuitMove(board, { pursuitId: "zz", to: "WON" })).toBe(board);
    expect(applyPursuitMove(board, { pursuitId: "a", to: "IDENTIFIED" })).toBe(board);
  });
});
