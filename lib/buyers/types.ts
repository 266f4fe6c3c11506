/**
 * The shapes matching reads and returns. Pure data: no database types, so the rules run the
 * same in the app, the command line and the tests.
 */
import type { BuyerStatus, BuyerStrategy, BuyerTier, PropertyTypeCode, RehabAppetite } from "./schema";

/** The deal as matching sees it. Postal code as stored on the deal (ZIP or full Canadian code). */
export interface MatchDeal {
  postalCode?: string | null;
  region?: string | null;
  market?: string | null;
  askingPrice?: number | null;
  arv?: number | null;
  repairs?: number | null;
  spread?: number | null;
  propertyType?: PropertyTypeCode | null;
  strategy?: string | null;
}

/** A buyer as matching sees it; markets as "REGION:MARKET". */
export interface MatchBuyer {
  id: string;
  status: BuyerStatus;
  postalCodes: readonly string[];
  markets: readonly string[];
  priceMin?: number | null;
  priceMax?: number | null;
  propertyTypes: readonly PropertyTypeCode[];
  strategies: readonly BuyerStrategy[];
  rehabAppetite: RehabAppetite;
  minSpread?: number | null;
  tier?: BuyerTier | null;
  /** Last view, answer, offer or purchase. */
  lastActivityAt?: Date | string | null;
}

/** One reason a buyer ranks where it does, and the points it gave. */
export interface MatchReason {
  code: "postal_code" | "market" | "price" | "property_type" | "strategy" | "rehab" | "spread" | "tier" | "liquidity" | "recency";
  label: string;
  points: number;
}

export interface BuyerMatch {
  buyerId: string;
  score: number;
  reasons: MatchReason[];
}

export interface MatchOptions {
  /** The liquidity score (0-100+) of the deal's node, when known. */
  liquidityScore?: number | null;
  /** The instant recency is judged at; defaults to now. */
  now?: Date;
  /** Keep the best N (all when absent). */
  limit?: number;
}

/** What can happen between a buyer and a deal (BuyerFeedbackEvent.kind). */
export const FEEDBACK_KINDS = ["SENT", "VIEWED", "RESPONDED", "OFFERED", "BOUGHT", "PASSED"] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** A liquidity node's key: the deal's region, market and property type ("ANY" when it has none). */
export interface LiquidityKey {
  region: string;
  market: string;
  propertyType: string;
}

/** A node's figures over the trailing 90 days and its score (Pack I). */
export interface LiquiditySnapshot extends LiquidityKey {
  buyerCount: number;
  activeBuyerCount: number;
  avgResponseRate: number;
  avgCloseRate: number;
  score: number;
}
