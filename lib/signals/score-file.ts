/**
 * The intent score of a file, for `dealflow intent-score --file F`: the formula of score.ts
 * with the weights and half-lives the file gives, at the file's `now`. Pure.
 */
import { z } from "zod";
import { computeIntentScore, type IntentScore } from "./score";

const Instant = z.string({ error: "must be an ISO 8601 instant" }).refine((s) => !Number.isNaN(new Date(s).getTime()), "must be an ISO 8601 instant");

export const IntentScoreFile = z.object({
  now: Instant,
  weights: z.record(z.string(), z.number({ error: "must be a number" }).finite("must be a finite number")),
  halfLifeHours: z.record(z.string(), z.number({ error: "must be a number" }).positive("must be more than 0").finite("must be a finite number")),
  signals: z.array(
    z.object({
      type: z.string({ error: "is required" }).min(1, "is required"),
      at: Instant,
      dedupeKey: z.string().min(1).nullish(),
    }),
    { error: "must be a list of { type, at, dedupeKey? }" },
  ),
});
export type IntentScoreFile = z.infer<typeof IntentScoreFile>;

/** A signal whose type the file gives no weight or half-life for: the file is wrong, not the formula. */
export class IntentScoreFileError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

export interface IntentScoreFileResult {
  score: number;
  contributions: { type: string; at: string; dedupeKey: string | null; ageHours: number; points: number }[];
}

export function scoreIntentFile(file: IntentScoreFile): IntentScoreFileResult {
  // Every signal's type is checked, also those the formula would skip (dated after now).
  for (const [index, signal] of file.signals.entries()) {
    if (!Object.hasOwn(file.weights, signal.type)) throw new IntentScoreFileError(`signals[${index}].type`, `"${signal.type}" has no entry in weights`);
    if (!Object.hasOwn(file.halfLifeHours, signal.type)) throw new IntentScoreFileError(`signals[${index}].type`, `"${signal.type}" has no entry in halfLifeHours`);
  }
  const result: IntentScore = computeIntentScore(
    file.signals.map((s) => ({ type: s.type, occurredAt: new Date(s.at), dedupeKey: s.dedupeKey ?? null })),
    { weights: file.weights, halfLifeHours: file.halfLifeHours },
    new Date(file.now),
  );
  return {
    score: result.score,
    contributions: result.contributions.map((c) => ({ type: c.type, at: c.occurredAt.toISOString(), dedupeKey: c.dedupeKey, ageHours: round(c.ageHours), points: round(c.points) })),
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
