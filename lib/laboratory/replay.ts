/**
 * A person's signals replayed in time order under one configuration, pure: the score at each
 * signal's time (the moments a score can rise), its highest, and when it first reached the
 * threshold. Scores only decay between signals, so checking at each signal is enough.
 */
import { computeIntentScore, type IntentModel, type ScoredSignal } from "@/lib/signals/score";

export interface ReplayResult {
  /** The highest score the person reached in the window. */
  peak: number;
  /** When the score first reached the threshold, or null when it never did. */
  reachedAt: Date | null;
}

export function replaySignals(signals: readonly ScoredSignal[], model: IntentModel & { highIntentThreshold: number }): ReplayResult {
  const ordered = [...signals].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  let peak = 0;
  let reachedAt: Date | null = null;
  for (let i = 0; i < ordered.length; i++) {
    const at = ordered[i]!.occurredAt;
    // Signals dated the same instant all count at that instant.
    if (i + 1 < ordered.length && ordered[i + 1]!.occurredAt.getTime() === at.getTime()) continue;
    const { score } = computeIntentScore(ordered.slice(0, i + 1), model, at);
    peak = Math.max(peak, score);
    if (reachedAt === null && score >= model.highIntentThreshold) reachedAt = at;
  }
  return { peak, reachedAt };
}
