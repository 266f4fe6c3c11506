/**
 * The buyer liquidity graph's formula (Pack I), pure: which buyers a node counts and what its
 * feedback over the trailing window adds up to. lib/buyers/liquidity.ts reads the rows and
 * stores the result.
 */
import type { FeedbackKind, LiquidityKey, LiquiditySnapshot } from "./types";

/** Feedback older than this no longer moves a node. */
export const LIQUIDITY_WINDOW_DAYS = 90;
/** A node's key for a deal without a property type. */
export const ANY_PROPERTY_TYPE = "ANY";
/** Events that show a buyer is engaged with a node (its response count). */
export const ENGAGED_KINDS: readonly FeedbackKind[] = ["RESPONDED", "OFFERED", "BOUGHT"];

/** A buyer as the node count sees it. Markets as "REGION:Market". */
export interface NodeBuyer {
  id: string;
  status: string;
  markets: readonly string[];
  postalCodes: readonly string[];
  propertyTypes: readonly string[];
}

/** Where a buy-box postal code (ZIP or FSA) lies; null when it is unknown. */
export type PostalMarketOf = (postalCode: string) => { region: string | null; market: string | null } | null;

/** Counts of one buyer's events of one kind in the node, inside the window. */
export interface NodeEventCount {
  buyerId: string;
  kind: string;
  count: number;
}

/** A node's figures with the counts its rates come from. */
export interface LiquidityNodeFigures extends LiquiditySnapshot {
  sentCount: number;
  responseCount: number;
  boughtCount: number;
}

const sameText = (a: string | null | undefined, b: string) => typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Whether a buyer's buy box covers a node: its markets hold "REGION:Market" (market names
 * compared without case), or one of its postal codes lies in that region and market; and its
 * property types are empty (all) or hold the node's. A node of deals without a property type
 * ("ANY") is covered by every buyer whose location covers it: such a deal could be any type.
 */
export function buyerCoversNode(buyer: NodeBuyer, key: LiquidityKey, postalMarketOf: PostalMarketOf): boolean {
  if (key.propertyType !== ANY_PROPERTY_TYPE && buyer.propertyTypes.length > 0 && !buyer.propertyTypes.includes(key.propertyType)) return false;
  const region = key.region.toUpperCase();
  for (const entry of buyer.markets) {
    const colon = entry.indexOf(":");
    if (colon > 0 && entry.slice(0, colon).toUpperCase() === region && sameText(entry.slice(colon + 1), key.market)) return true;
  }
  for (const code of buyer.postalCodes) {
    const place = postalMarketOf(code);
    if (place && place.region?.toUpperCase() === region && sameText(place.market, key.market)) return true;
  }
  return false;
}

/** score = activeBuyerCount * 0.5 + avgResponseRate * 50 + avgCloseRate * 50 (the seed's weights). */
export function liquidityScore(figures: { activeBuyerCount: number; avgResponseRate: number; avgCloseRate: number }): number {
  return figures.activeBuyerCount * 0.5 + figures.avgResponseRate * 50 + figures.avgCloseRate * 50;
}

/** A share as a fraction; more answers than sends (feedback that came without a send) is still at most 1. */
const rate = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

/**
 * The node's figures: `buyerCount` active buyers whose buy box covers it; `activeBuyerCount`
 * of those, the ones with a RESPONDED, OFFERED or BOUGHT event in it; `avgResponseRate`
 * (RESPONDED + OFFERED + BOUGHT) / SENT and `avgCloseRate` BOUGHT / SENT, both 0 when nothing
 * was sent. `events` are the node's events inside the window, counted per buyer and kind.
 */
export function computeLiquidityNode(
  key: LiquidityKey,
  buyers: readonly NodeBuyer[],
  events: readonly NodeEventCount[],
  postalMarketOf: PostalMarketOf,
): LiquidityNodeFigures {
  const covering = new Set(buyers.filter((b) => b.status === "ACTIVE" && buyerCoversNode(b, key, postalMarketOf)).map((b) => b.id));
  let sentCount = 0;
  let responseCount = 0;
  let boughtCount = 0;
  const engaged = new Set<string>();
  for (const event of events) {
    if (event.kind === "SENT") sentCount += event.count;
    if ((ENGAGED_KINDS as readonly string[]).includes(event.kind)) {
      responseCount += event.count;
      if (event.count > 0 && covering.has(event.buyerId)) engaged.add(event.buyerId);
    }
    if (event.kind === "BOUGHT") boughtCount += event.count;
  }
  const figures = {
    ...key,
    buyerCount: covering.size,
    activeBuyerCount: engaged.size,
    avgResponseRate: rate(responseCount, sentCount),
    avgCloseRate: rate(boughtCount, sentCount),
    sentCount,
    responseCount,
    boughtCount,
  };
  return { ...figures, score: liquidityScore(figures) };
}

/** The start of the trailing window ending at `now`. */
export function liquidityWindowStart(now: Date): Date {
  return new Date(now.getTime() - LIQUIDITY_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}
