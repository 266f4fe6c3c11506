/**
 * Underwriting rules (D3), pure. Money is whole dollars.
 *
 *   MAO          = ARV x maxArvMultiplier - repairs - feesBuffer      (the classic 70% rule)
 *   spread       = MAO - asking price
 *   spreadRatio  = spread / ARV
 *   recommended  = max(0, MAO - negotiationMargin)                   (what to offer first, Pack J)
 *
 * Strategy, first rule that holds:
 *   TRASH      spread < assignmentFee: even assigning the contract would not earn the fee
 *   FLIP       spreadRatio >= 0.15 and repairs >= 10% of ARV: room for a rehab and a resale
 *   RENTAL     repairs < 10% of ARV and spreadRatio >= 0.10: light work, buy and hold
 *   WHOLESALE  otherwise: a positive spread best assigned to a buyer
 */
export const STRATEGIES = ["FLIP", "RENTAL", "WHOLESALE", "TRASH"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_THRESHOLDS = {
  flipMinSpreadRatio: 0.15,
  rehabHeavyRepairsRatio: 0.1,
  rentalMinSpreadRatio: 0.1,
} as const;

export interface OfferInput {
  arv: number;
  repairs: number;
  askingPrice: number;
}

export interface OfferPolicyTerms {
  maxArvMultiplier: number;
  feesBuffer: number;
  assignmentFee: number;
  /** Room kept below MAO for negotiating; absent counts as none. */
  negotiationMargin?: number;
}

export interface OfferResult {
  mao: number;
  /** MAO minus the negotiation margin, never below zero: the first offer to make. */
  recommendedOffer: number;
  spread: number;
  spreadRatio: number;
  strategy: Strategy;
  reason: string;
}

export const DEFAULT_OFFER_TERMS = { maxArvMultiplier: 0.7, feesBuffer: 2500, assignmentFee: 10_000, negotiationMargin: 5000 } as const satisfies Required<OfferPolicyTerms>;

/** Pure: MAO less the negotiation margin, floored at zero (an offer is never negative). */
export function recommendedOffer(mao: number, negotiationMargin: number | undefined): number {
  return Math.max(0, Math.round(mao - Math.max(0, negotiationMargin ?? 0)));
}

export function pickStrategy(input: OfferInput, spread: number, terms: OfferPolicyTerms): { strategy: Strategy; reason: string } {
  const spreadRatio = spread / input.arv;
  const repairsRatio = input.repairs / input.arv;
  const t = STRATEGY_THRESHOLDS;
  if (spread < terms.assignmentFee) {
    return { strategy: "TRASH", reason: `spread ${spread} is below the ${terms.assignmentFee} assignment fee` };
  }
  if (spreadRatio >= t.flipMinSpreadRatio && repairsRatio >= t.rehabHeavyRepairsRatio) {
    return { strategy: "FLIP", reason: "wide spread and a real rehab: flip" };
  }
  if (repairsRatio < t.rehabHeavyRepairsRatio && spreadRatio >= t.rentalMinSpreadRatio) {
    return { strategy: "RENTAL", reason: "light repairs and a healthy spread: hold as a rental" };
  }
  return { strategy: "WHOLESALE", reason: "positive spread: assign to a buyer" };
}

export function computeOffer(input: OfferInput, terms: OfferPolicyTerms): OfferResult {
  if (!(input.arv > 0)) throw new RangeError("ARV must be a positive amount");
  const mao = Math.round(input.arv * terms.maxArvMultiplier - input.repairs - terms.feesBuffer);
  const spread = mao - Math.round(input.askingPrice);
  const spreadRatio = Math.round((spread / input.arv) * 10_000) / 10_000;
  return { mao, recommendedOffer: recommendedOffer(mao, terms.negotiationMargin), spread, spreadRatio, ...pickStrategy(input, spread, terms) };
}

export interface PolicyCandidate extends OfferPolicyTerms {
  id: string;
  region: string;
  market: string;
  enabled: boolean;
  version: number;
}

/**
 * The most specific ENABLED policy: (region, market), then (region, ALL), then (ALL, ALL).
 * Offers only advise (nothing is sent), so a disabled specific policy yields to an
 * enabled broader one; with none enabled the deal is not underwritten.
 */
export function resolveOfferPolicy<P extends PolicyCandidate>(
  policies: readonly P[],
  region: string | null | undefined,
  market: string | null | undefined,
): P | null {
  const wanted: [string, string][] = [];
  if (region && market) wanted.push([region.toUpperCase(), market.toUpperCase()]);
  if (region) wanted.push([region.toUpperCase(), "ALL"]);
  wanted.push(["ALL", "ALL"]);
  for (const [r, m] of wanted) {
    const match = policies.find((p) => p.enabled && p.region === r && p.market === m);
    if (match) return match;
  }
  return null;
}
