/**
 * The ranking's thresholds: documented defaults (README "Market intel") a workspace may edit
 * on Settings -> Market intel. One schema for the form, the action and the API.
 */
import { z } from "zod";

const count = (label: string) => z.coerce.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`).min(0, "Cannot be negative").max(10_000, "At most 10,000");
const ratio = (label: string, max: number) => z.coerce.number({ error: `${label} must be a number` }).min(0, "Cannot be negative").max(max, `At most ${max}`);
const dollars = (label: string) => z.coerce.number({ error: `${label} must be an amount` }).int(`${label} must be whole dollars`).min(-1_000_000, "Too low").max(10_000_000, "Too high");

export const RankThresholds = z.object({
  /** HOT needs at least this many new deals in 4 weeks... */
  hotMinDeals4w: count("Hot: deals in 4 weeks"),
  /** ...arriving at least this many times the 12-week weekly rate... */
  hotMinTrend: ratio("Hot: trend", 20),
  /** ...with a median spread of at least this (areas without spreads yet pass). */
  hotMinMedianSpread: dollars("Hot: median spread"),
  /** COLD: fewer new deals than this in 12 weeks... */
  coldMinDeals12w: count("Cold: deals in 12 weeks"),
  /** ...or a median spread under this... */
  coldMaxMedianSpread: dollars("Cold: median spread"),
  /** ...or, after at least `replyRateMinOutbound` messages, a reply rate under this. */
  coldMaxReplyRate: ratio("Cold: reply rate", 1),
  replyRateMinOutbound: count("Messages before the reply rate counts"),
});
export type RankThresholds = z.infer<typeof RankThresholds>;

export const DEFAULT_RANK_THRESHOLDS: RankThresholds = {
  hotMinDeals4w: 4,
  hotMinTrend: 1.25,
  hotMinMedianSpread: 15_000,
  coldMinDeals12w: 2,
  coldMaxMedianSpread: 0,
  coldMaxReplyRate: 0.02,
  replyRateMinOutbound: 50,
};

/** Stored thresholds over the defaults: a field missing or invalid in storage takes its default. */
export function thresholdsFrom(stored: unknown): RankThresholds {
  const base = { ...DEFAULT_RANK_THRESHOLDS };
  if (!stored || typeof stored !== "object") return base;
  for (const key of Object.keys(base) as (keyof RankThresholds)[]) {
    const value = (stored as Record<string, unknown>)[key];
    // Coercion would read null or "" as 0: only a number (or its text) is a stored value.
    if (typeof value !== "number" && (typeof value !== "string" || value.trim() === "")) continue;
    const parsed = RankThresholds.shape[key].safeParse(value);
    if (parsed.success) base[key] = parsed.data;
  }
  return base;
}
