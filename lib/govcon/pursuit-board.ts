/**
 * The Pursuits board as the page and GET /api/v1/govcon/pursuits read it: every pursuit in
 * its stage's column, in order, with its weighted value, and the per-stage and total sums.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { PURSUIT_STAGES, type PursuitStageName } from "./codes";
import {
  deadlineRunway,
  effectiveProbability,
  pipelineTotals,
  STAGE_LABELS,
  weightedValueCents,
  type DeadlineRunway,
  type StageProbabilities,
  type StageProbability,
} from "./pipeline";
import { loadStageProbabilities } from "./stage-probabilities";

export interface PursuitCard {
  id: string;
  title: string;
  stage: PursuitStageName;
  /** The SAM.gov notice it pursues; null for a manual pursuit. */
  opportunityId: string | null;
  noticeId: string | null;
  valueDollars: number | null;
  /** The pursuit's own probabilities (null: its stage's) and the ones that apply. */
  pWin: number | null;
  pGo: number | null;
  effective: StageProbability;
  weightedValueCents: number;
  deadline: string | null;
  runway: DeadlineRunway | null;
  ownerId: string | null;
  notes: string | null;
  stageChangedAt: string;
}

export interface PursuitColumn {
  stage: PursuitStageName;
  label: string;
  probability: StageProbability;
  count: number;
  valueCents: number;
  weightedCents: number;
  cards: PursuitCard[];
}

export interface PursuitBoard {
  columns: PursuitColumn[];
  total: { count: number; valueCents: number; weightedCents: number };
  probabilities: StageProbabilities;
}

type PursuitRow = Awaited<ReturnType<TenantDb["pursuit"]["findMany"]>>[number];

function toCard(pursuit: PursuitRow, noticeId: string | null, probabilities: StageProbabilities, now: Date): PursuitCard {
  const weighable = { stage: pursuit.stage, valueDollars: pursuit.valueDollars, pWin: pursuit.pWin, pGo: pursuit.pGo };
  return {
    id: pursuit.id,
    title: pursuit.title,
    stage: pursuit.stage,
    opportunityId: pursuit.opportunityId,
    noticeId,
    valueDollars: pursuit.valueDollars,
    pWin: pursuit.pWin,
    pGo: pursuit.pGo,
    effective: effectiveProbability(weighable, probabilities),
    weightedValueCents: weightedValueCents(weighable, probabilities),
    deadline: pursuit.deadline?.toISOString() ?? null,
    runway: deadlineRunway(pursuit.deadline, now),
    ownerId: pursuit.ownerId,
    notes: pursuit.notes,
    stageChangedAt: pursuit.stageChangedAt.toISOString(),
  };
}

async function noticeIdsOf(db: TenantDb, pursuits: readonly PursuitRow[]): Promise<Map<string, string>> {
  const opportunityIds = pursuits.flatMap((p) => (p.opportunityId ? [p.opportunityId] : []));
  if (!opportunityIds.length) return new Map();
  const opportunities = await db.opportunity.findMany({ where: { id: { in: opportunityIds } }, select: { id: true, noticeId: true } });
  return new Map(opportunities.map((o) => [o.id, o.noticeId]));
}

export async function listPursuitBoard(db: TenantDb, now = new Date()): Promise<PursuitBoard> {
  const [pursuits, probabilities] = await Promise.all([
    db.pursuit.findMany({ orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] }),
    loadStageProbabilities(db),
  ]);
  const noticeIds = await noticeIdsOf(db, pursuits);
  const cards = pursuits.map((p) => toCard(p, p.opportunityId ? (noticeIds.get(p.opportunityId) ?? null) : null, probabilities, now));
  const totals = pipelineTotals(cards, probabilities);
  const columns = PURSUIT_STAGES.map((stage, index): PursuitColumn => ({
    stage,
    label: STAGE_LABELS[stage],
    probability: probabilities[stage],
    count: totals.stages[index].count,
    valueCents: totals.stages[index].valueCents,
    weightedCents: totals.stages[index].weightedCents,
    cards: cards.filter((card) => card.stage === stage),
  }));
  return { columns, total: { count: totals.count, valueCents: totals.valueCents, weightedCents: totals.weightedCents }, probabilities };
}

export async function getPursuit(db: TenantDb, pursuitId: string, now = new Date()): Promise<PursuitCard> {
  const pursuit = await db.pursuit.findFirst({ where: { id: pursuitId } });
  if (!pursuit) throw new ExpectedError("not_found", "This pursuit does not exist", "id");
  const [noticeIds, probabilities] = await Promise.all([noticeIdsOf(db, [pursuit]), loadStageProbabilities(db)]);
  return toCard(pursuit, pursuit.opportunityId ? (noticeIds.get(pursuit.opportunityId) ?? null) : null, probabilities, now);
}

const dollarsOf = (cents: number) => cents / 100;

/** A pursuit as the API answers it: dollars rather than cents, the probabilities that apply beside its own. */
export function pursuitJson(card: PursuitCard) {
  const { effective, weightedValueCents: weighted, runway, ...rest } = card;
  return {
    ...rest,
    effectivePWin: effective.pWin,
    effectivePGo: effective.pGo,
    weightedValueDollars: dollarsOf(weighted),
    daysToDeadline: runway ? (runway.overdue ? -runway.days : runway.days) : null,
    overdue: runway?.overdue ?? false,
  };
}

/** GET /api/v1/govcon/pursuits: every pursuit, each stage's probabilities and sums, and the total. */
export function pursuitBoardJson(board: PursuitBoard) {
  return {
    stages: board.columns.map((column) => ({
      stage: column.stage,
      label: column.label,
      pWin: column.probability.pWin,
      pGo: column.probability.pGo,
      count: column.count,
      valueDollars: dollarsOf(column.valueCents),
      weightedValueDollars: dollarsOf(column.weightedCents),
    })),
    total: { count: board.total.count, valueDollars: dollarsOf(board.total.valueCents), weightedValueDollars: dollarsOf(board.total.weightedCents) },
    pursuits: board.columns.flatMap((column) => column.cards.map(pursuitJson)),
  };
}
