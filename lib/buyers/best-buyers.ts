/**
 * "Best buyers for this ZIP / FSA", pure: the buyers with a record or a buy box in one postal
 * code, ranked by tier, then purchases, then responses there.
 */
import { normalizeBuyBoxPostalCode, type BuyerTier } from "./schema";

export interface BestBuyerCandidate {
  buyerId: string;
  status: string;
  tier: BuyerTier;
  tierIsNew: boolean;
  /** The buy box's postal codes (ZIPs and FSAs). */
  postalCodes: readonly string[];
  /** Deals in this postal code the buyer bought. */
  purchases: number;
  /** Deals in this postal code the buyer answered (responded, offered or bought). */
  responses: number;
}

export interface BestBuyer extends BestBuyerCandidate {
  rank: number;
  reasons: string[];
}

const TIER_ORDER: Record<BuyerTier, number> = { A: 0, B: 1, C: 2 };

/**
 * Active buyers who bought or answered in the postal code, or whose buy box names it, best
 * first: tier A before B before C, then more purchases, then more responses; ties by id so
 * the order is stable. An unreadable postal code ranks nobody.
 */
export function rankBestBuyers(postalCode: string, buyers: readonly BestBuyerCandidate[], limit = 20): BestBuyer[] {
  const code = normalizeBuyBoxPostalCode(postalCode);
  if (!code) return [];
  return buyers
    .filter((b) => b.status === "ACTIVE" && (b.purchases > 0 || b.responses > 0 || b.postalCodes.includes(code)))
    .sort((x, y) => TIER_ORDER[x.tier] - TIER_ORDER[y.tier] || y.purchases - x.purchases || y.responses - x.responses || (x.buyerId < y.buyerId ? -1 : x.buyerId > y.buyerId ? 1 : 0))
    .slice(0, limit)
    .map((b, i) => ({
      ...b,
      rank: i + 1,
      reasons: [
        b.tierIsNew ? "tier C (new)" : `tier ${b.tier}`,
        `${b.purchases} purchase(s) in ${code}`,
        `${b.responses} response(s) in ${code}`,
        ...(b.postalCodes.includes(code) ? [`buy box names ${code}`] : []),
      ],
    }));
}
