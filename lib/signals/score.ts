/**
 * The intent score, pure:
 *   score = min(100, round(sum over signals of weight(type) * 0.5 ^ (ageHours / halfLifeHours(type))))
 * where ageHours runs from the signal to `now`. Signals dated after `now` are ignored, and
 * signals sharing a dedupe key count once (the strongest of them, so adding a signal never
 * lowers the score and removing one never raises it).
 */

export interface ScoredSignal {
  type: string;
  occurredAt: Date;
  dedupeKey?: string | null;
}

export interface IntentModel {
  weights: Readonly<Record<string, number>>;
  halfLifeHours: Readonly<Record<string, number>>;
}

export interface SignalContribution {
  type: string;
  occurredAt: Date;
  dedupeKey: string | null;
  ageHours: number;
  /** Points before the total is rounded. */
  points: number;
}

export interface IntentScore {
  score: number;
  /** Counted signals, strongest first. */
  contributions: SignalContribution[];
}

const HOUR_MS = 3_600_000;

/** Thrown for a signal whose type the model has no weight or half-life for. */
export class UnknownSignalTypeError extends Error {
  constructor(
    readonly signalType: string,
    readonly missing: "weights" | "halfLifeHours",
  ) {
    super(`Signal type "${signalType}" has no entry in ${missing}`);
  }
}

/** One signal's points at `now`: its weight halved once per half-life of age. */
export function signalPoints(signal: ScoredSignal, model: IntentModel, now: Date): number {
  const weight = model.weights[signal.type];
  if (weight === undefined || !Number.isFinite(weight)) throw new UnknownSignalTypeError(signal.type, "weights");
  const halfLife = model.halfLifeHours[signal.type];
  if (halfLife === undefined || !Number.isFinite(halfLife) || halfLife <= 0) throw new UnknownSignalTypeError(signal.type, "halfLifeHours");
  const ageHours = (now.getTime() - signal.occurredAt.getTime()) / HOUR_MS;
  return Math.max(0, weight) * 0.5 ** (ageHours / halfLife);
}

export function computeIntentScore(signals: readonly ScoredSignal[], model: IntentModel, now: Date): IntentScore {
  const byKey = new Map<string, SignalContribution>();
  const unkeyed: SignalContribution[] = [];
  for (const signal of signals) {
    if (Number.isNaN(signal.occurredAt.getTime()) || signal.occurredAt.getTime() > now.getTime()) continue;
    const points = signalPoints(signal, model, now);
    const contribution: SignalContribution = {
      type: signal.type,
      occurredAt: signal.occurredAt,
      dedupeKey: signal.dedupeKey ?? null,
      ageHours: (now.getTime() - signal.occurredAt.getTime()) / HOUR_MS,
      points,
    };
    if (!signal.dedupeKey) {
      unkeyed.push(contribution);
      continue;
    }
    const seen = byKey.get(signal.dedupeKey);
    if (!seen || points > seen.points) byKey.set(signal.dedupeKey, contribution);
  }
  const contributions = [...byKey.values(), ...unkeyed].sort((a, b) => b.points - a.points);
  const total = contributions.reduce((sum, c) => sum + c.points, 0);
  return { score: Math.min(100, Math.round(total)), contributions };
}
