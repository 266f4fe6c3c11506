/**
 * Buyer performance tiers (A / B / C), pure. Over the last 180 days: the response rate (deals
 * the buyer answered, offered on or bought / deals sent), the close rate (deals bought / deals
 * sent) and the closing velocity (median days from an accepted offer to the close).
 */
import type { BuyerTier } from "./schema";
import type { BuyerSettingsValues } from "./settings-schema";

/** How far back a tier looks. */
export const TIER_WINDOW_DAYS = 180;

export interface BuyerPerformanceStats {
  /** Deals sent to the buyer. */
  sent: number;
  /** Deals the buyer answered (a response, an offer or a purchase counts once per deal). */
  responded: number;
  /** Deals the buyer made an offer on. */
  offered: number;
  /** Deals the buyer bought. */
  bought: number;
  /** Median days from an accepted offer to the close; null without one. */
  closingVelocityDays: number | null;
}

export type TierThresholds = Pick<
  BuyerSettingsValues,
  "tierAResponseRate" | "tierACloseRate" | "tierAVelocityDays" | "tierBResponseRate" | "tierBCloseRate" | "tierBVelocityDays" | "tierMinSent"
>;

export interface BuyerTierResult {
  tier: BuyerTier;
  /** Too little history to judge: shown as "new". */
  isNew: boolean;
  responseRate: number;
  closeRate: number;
  /** Why, in words, one line per criterion. */
  reasons: string[];
}

const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;
const ratio = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

/** Whether the stats reach a tier's bar, and the reason of each criterion. */
function judge(label: BuyerTier, responseRate: number, closeRate: number, velocity: number | null, bar: { response: number; close: number; velocityDays: number }) {
  const reasons: string[] = [];
  const responseOk = responseRate >= bar.response;
  const closeOk = closeRate >= bar.close;
  // An unknown velocity (purchases recorded without an accepted offer) does not count against the buyer.
  const velocityOk = velocity === null || velocity <= bar.velocityDays;
  reasons.push(`response rate ${pct(responseRate)} ${responseOk ? "reaches" : "is below"} tier ${label}'s ${pct(bar.response)}`);
  reasons.push(`close rate ${pct(closeRate)} ${closeOk ? "reaches" : "is below"} tier ${label}'s ${pct(bar.close)}`);
  reasons.push(
    velocity === null
      ? "closing velocity unknown (no accepted offer closed)"
      : `closes in ${velocity} days, ${velocityOk ? "within" : "slower than"} tier ${label}'s ${bar.velocityDays}`,
  );
  return { ok: responseOk && closeOk && velocityOk, reasons };
}

/**
 * The buyer's tier: A when every tier-A bar is reached, else B when every tier-B bar is, else C.
 * Fewer deals sent than `tierMinSent` is C marked new, whatever the rates.
 */
export function computeBuyerTier(stats: BuyerPerformanceStats, thresholds: TierThresholds): BuyerTierResult {
  const responseRate = ratio(stats.responded, stats.sent);
  const closeRate = ratio(stats.bought, stats.sent);
  if (stats.sent < thresholds.tierMinSent) {
    return {
      tier: "C",
      isNew: true,
      responseRate,
      closeRate,
      reasons: [`${stats.sent} deal(s) sent in ${TIER_WINDOW_DAYS} days, fewer than the ${thresholds.tierMinSent} a tier needs`],
    };
  }
  const a = judge("A", responseRate, closeRate, stats.closingVelocityDays, { response: thresholds.tierAResponseRate, close: thresholds.tierACloseRate, velocityDays: thresholds.tierAVelocityDays });
  if (a.ok) return { tier: "A", isNew: false, responseRate, closeRate, reasons: a.reasons };
  const b = judge("B", responseRate, closeRate, stats.closingVelocityDays, { response: thresholds.tierBResponseRate, close: thresholds.tierBCloseRate, velocityDays: thresholds.tierBVelocityDays });
  return { tier: b.ok ? "B" : "C", isNew: false, responseRate, closeRate, reasons: b.reasons };
}

/** The median of a list of day counts (null when empty), rounded to a tenth of a day. */
export function medianDays(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.round(median * 10) / 10;
}
