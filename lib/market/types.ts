/** Market intel's vocabulary (DESIGN E2): postal areas, their metrics and their ranks. */
export const MARKET_RANKS = ["HOT", "NORMAL", "COLD", "BLACKLIST"] as const;
export type MarketRank = (typeof MARKET_RANKS)[number];
/** What the ranking can compute; BLACKLIST is only ever set by a person. */
export type ComputedRank = Exclude<MarketRank, "BLACKLIST">;

export const RANK_LABELS: Record<MarketRank, string> = { HOT: "Hot", NORMAL: "Normal", COLD: "Cold", BLACKLIST: "Blacklist" };

/**
 * A postal area's figures from the workspace's own data, as of `asOf`. Windows end at
 * `asOf`: 4 weeks and 12 weeks of new deals, 12 weeks of messages, 52 weeks of contracts.
 */
export interface AreaMetrics {
  asOf: string;
  /** Deals created in the last 4 and 12 weeks (not deleted). */
  deals4w: number;
  deals12w: number;
  /** Every live deal in the area. */
  dealsTotal: number;
  /** New deals per week over 4 and 12 weeks. */
  velocity4w: number;
  velocity12w: number;
  /** velocity4w / velocity12w: above 1 the area is speeding up; null without 12-week deals. */
  trend: number | null;
  /** Over deals with a spread (12 weeks). */
  medianSpread: number | null;
  medianSpreadRatio: number | null;
  /** Share of the 12 weeks' deals that were underwritten; null without deals. */
  underwrittenShare: number | null;
  /** Outbound messages to the area's leads in 12 weeks, replies received, and their ratio (null under 1 message). */
  outbound: number;
  replies: number;
  replyRate: number | null;
  /** Buyer offers on the area's deals in 12 weeks. */
  buyerOffers: number;
  /** Deals put under contract and closed in the last 52 weeks. */
  contracts: number;
  closes: number;
  /** Median days from intake to contract over those contracts; null without one. */
  medianDaysToContract: number | null;
  /** The newest deal's intake time, ISO; null without deals. */
  lastDealAt: string | null;
}

export interface RankResult {
  rank: MarketRank;
  /** The computed rank, whatever the blacklist says. */
  computedRank: ComputedRank;
  /** One line per reason, the first the headline ("HOT: 9 deals in 4 weeks, 2.1x the 12-week rate, median spread 38k"). */
  reasons: string[];
}

/** The week windows the metrics use, in days. */
export const WINDOW_DAYS = { short: 28, long: 84, contracts: 364 } as const;
