/**
 * The Pursuits board's arithmetic (X6): each stage's p(win) and p(go), a pursuit's weighted
 * value, the per-stage and total pipeline, and the days left to a deadline. Pure; imported
 * by client components.
 */
import { z } from "zod";
import { PURSUIT_STAGES, type PursuitStageName } from "./codes";

export interface StageProbability {
  /** The chance of winning once the proposal goes in. */
  pWin: number;
  /** The chance the team decides to bid at all. */
  pGo: number;
}
export type StageProbabilities = Record<PursuitStageName, StageProbability>;

/**
 * The defaults a capture team starts from: p(go) rises as the bid decision firms up (a
 * submitted proposal has gone, 1), p(win) rises as capture work narrows the field. A won
 * pursuit counts in full, a lost one for nothing, a no-bid is neither pursued nor won.
 */
export const DEFAULT_STAGE_PROBABILITIES: StageProbabilities = {
  IDENTIFIED: { pWin: 0.1, pGo: 0.5 },
  QUALIFYING: { pWin: 0.2, pGo: 0.6 },
  CAPTURE: { pWin: 0.3, pGo: 0.8 },
  PROPOSAL: { pWin: 0.4, pGo: 0.9 },
  SUBMITTED: { pWin: 0.5, pGo: 1 },
  WON: { pWin: 1, pGo: 1 },
  LOST: { pWin: 0, pGo: 1 },
  NO_BID: { pWin: 0, pGo: 0 },
};

export const STAGE_LABELS: Record<PursuitStageName, string> = {
  IDENTIFIED: "Identified",
  QUALIFYING: "Qualifying",
  CAPTURE: "Capture",
  PROPOSAL: "Proposal",
  SUBMITTED: "Submitted",
  WON: "Won",
  LOST: "Lost",
  NO_BID: "No bid",
};

/** Stages whose deadline still asks for work: past it, the card shows as overdue. */
export const OPEN_STAGES: readonly PursuitStageName[] = ["IDENTIFIED", "QUALIFYING", "CAPTURE", "PROPOSAL"];

/** A probability as a form (text) or the API (number) sends it; blank means "not given". */
export const probability = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.coerce.number({ error: `Enter ${label} as a number from 0 to 1` }).min(0, `${label} is at least 0`).max(1, `${label} is at most 1 (100%)`),
  );

const stageEntry = z.object({ pWin: probability("p(win)"), pGo: probability("p(go)") });

/** Flat form keys ("CAPTURE.pWin") to the nested shape the API sends. */
function nestStageKeys(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const nested: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const [stage, field] = key.split(".");
    if (field) nested[stage] = { ...(nested[stage] as object | undefined), [field]: entry };
    else nested[key] = entry;
  }
  return nested;
}

/** Every stage's p(win) and p(go), 0 to 1; a bad value is named by its stage and field ("CAPTURE.pWin"). */
export const StageProbabilitiesInput = z.preprocess(
  nestStageKeys,
  z.object(Object.fromEntries(PURSUIT_STAGES.map((stage) => [stage, stageEntry])) as Record<PursuitStageName, typeof stageEntry>).strict(),
);
export type StageProbabilitiesInput = z.infer<typeof StageProbabilitiesInput>;

/** The stored edits over the defaults; anything unreadable in them falls back to the default. */
export function resolveStageProbabilities(stored: unknown): StageProbabilities {
  const edits = (stored && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
  const resolved = { ...DEFAULT_STAGE_PROBABILITIES };
  for (const stage of PURSUIT_STAGES) {
    const parsed = stageEntry.partial().safeParse(edits[stage]);
    if (parsed.success) resolved[stage] = { ...resolved[stage], ...parsed.data };
  }
  return resolved;
}

/** Only what differs from the defaults is stored, so a later change of a default reaches everyone who kept it. */
export function stageProbabilityEdits(probabilities: StageProbabilities): Partial<Record<PursuitStageName, Partial<StageProbability>>> {
  const edits: Partial<Record<PursuitStageName, Partial<StageProbability>>> = {};
  for (const stage of PURSUIT_STAGES) {
    const given = probabilities[stage];
    const standard = DEFAULT_STAGE_PROBABILITIES[stage];
    const edit: Partial<StageProbability> = {};
    if (given.pWin !== standard.pWin) edit.pWin = given.pWin;
    if (given.pGo !== standard.pGo) edit.pGo = given.pGo;
    if (Object.keys(edit).length) edits[stage] = edit;
  }
  return edits;
}

export interface WeighablePursuit {
  stage: PursuitStageName;
  valueDollars: number | null;
  /** The pursuit's own probabilities; null means its stage's. */
  pWin: number | null;
  pGo: number | null;
}

/** The probabilities that apply to a pursuit: its own override wins over its stage's. */
export function effectiveProbability(pursuit: WeighablePursuit, probabilities: StageProbabilities): StageProbability {
  const stage = probabilities[pursuit.stage];
  return { pWin: pursuit.pWin ?? stage.pWin, pGo: pursuit.pGo ?? stage.pGo };
}

const toCents = (dollars: number | null) => (dollars === null || !Number.isFinite(dollars) ? 0 : Math.round(dollars * 100));

/** value x p(win) x p(go), in whole cents so the board's sums add up exactly. A pursuit without a value weighs 0. */
export function weightedValueCents(pursuit: WeighablePursuit, probabilities: StageProbabilities): number {
  const { pWin, pGo } = effectiveProbability(pursuit, probabilities);
  return Math.round(toCents(pursuit.valueDollars) * pWin * pGo);
}

export interface StageTotal {
  stage: PursuitStageName;
  count: number;
  valueCents: number;
  weightedCents: number;
}

export interface PipelineTotals {
  stages: StageTotal[];
  count: number;
  valueCents: number;
  weightedCents: number;
}

/** Per-stage sums in board order, and the pipeline total as the sum of the stages. */
export function pipelineTotals(pursuits: readonly WeighablePursuit[], probabilities: StageProbabilities): PipelineTotals {
  const stages = PURSUIT_STAGES.map((stage): StageTotal => ({ stage, count: 0, valueCents: 0, weightedCents: 0 }));
  const byStage = new Map(stages.map((total) => [total.stage, total]));
  for (const pursuit of pursuits) {
    const total = byStage.get(pursuit.stage);
    if (!total) continue;
    total.count += 1;
    total.valueCents += toCents(pursuit.valueDollars);
    total.weightedCents += weightedValueCents(pursuit, probabilities);
  }
  return {
    stages,
    count: stages.reduce((sum, s) => sum + s.count, 0),
    valueCents: stages.reduce((sum, s) => sum + s.valueCents, 0),
    weightedCents: stages.reduce((sum, s) => sum + s.weightedCents, 0),
  };
}

const DAY_MS = 86_400_000;

export interface DeadlineRunway {
  /** Whole days left (or past, when overdue); 0 within the last day. */
  days: number;
  overdue: boolean;
}

export function deadlineRunway(deadline: Date | null, now: Date): DeadlineRunway | null {
  if (!deadline) return null;
  const left = deadline.getTime() - now.getTime();
  return { days: Math.floor(Math.abs(left) / DAY_MS), overdue: left < 0 };
}

export function describeRunway(runway: DeadlineRunway | null): string {
  if (!runway) return "No deadline";
  const days = `${runway.days} ${runway.days === 1 ? "day" : "days"}`;
  if (runway.overdue) return runway.days === 0 ? "Deadline passed today" : `Deadline passed ${days} ago`;
  return runway.days === 0 ? "Due within a day" : `${days} to deadline`;
}

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

/** 0.1 -> "10%", 0.125 -> "12.5%". */
export function formatProbability(probability: number): string {
  return percent.format(probability);
}
