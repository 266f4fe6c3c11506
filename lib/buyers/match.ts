/**
 * Which buyers' buy boxes admit a deal, and in what order to offer it to them. Pure: the
 * database prefilter (lib/buyers/candidates.ts), the command line and the tests all end here.
 *
 * Admission, checked in this order (the first refusal is the reason given):
 *   1. status: only an ACTIVE buyer is admitted;
 *   2. location: the deal's postal code (US: the 5-digit ZIP, ZIP+4 cut to 5; CA: the FSA, the
 *      first 3 characters) is in the buyer's postal codes, or the deal's "REGION:Market" is in
 *      the buyer's markets (compared without regard to case); a buyer with neither list
 *      admits no deal;
 *   3. price: askingPrice inside [priceMin, priceMax], an absent bound open; a deal without
 *      an asking price is refused by a buyer who set either bound (nothing to compare), and
 *      admitted by one who set none;
 *   4. property type: in the buyer's list, an empty list admits all (a deal without a type
 *      only by an empty list);
 *   5. strategy: likewise;
 *   6. rehab: repairs / ARV <= 0.10 for LIGHT, <= 0.25 for MEDIUM, anything for HEAVY and
 *      ANY; a deal without repairs or ARV (or an ARV of 0) only by HEAVY and ANY;
 *   7. minimum spread: spread >= minSpread when both are set.
 *
 * Ranking: the score is the sum of the points of the reasons below; best first, ties by
 * buyer id. A reason worth 0 points is not listed.
 *
 * | reason        | when                                                     | points |
 * | ------------- | -------------------------------------------------------- | ------ |
 * | postal_code   | the deal's ZIP / FSA is in the buyer's postal codes      | 30     |
 * | market        | the deal's REGION:Market is in the buyer's markets        | 20     |
 * | price         | both bounds: lower / middle / upper third of the range    | 8/5/2  |
 * |               | a maximum only (price at or under it)                     | 5      |
 * |               | a minimum only (price at or above it)                     | 3      |
 * | property_type | the deal's type is named in the buyer's list              | 10     |
 * | strategy      | the deal's strategy is named in the buyer's list          | 8      |
 * | rehab         | repairs / ARV in the appetite's own band (LIGHT <= 10%,   | 10     |
 * |               | MEDIUM 10-25%, HEAVY over 25%)                            |        |
 * |               | a lighter rehab than the appetite takes (MEDIUM, HEAVY)   | 5      |
 * |               | ANY appetite with repairs and ARV known                   | 3      |
 * | spread        | spread >= minSpread: 5, plus 1 per full $10k above it     | 5-10   |
 * | tier          | A / B / C                                                 | 15/8/0 |
 * | liquidity     | the node's liquidity score / 10, rounded, at most 10      | 0-10   |
 * | recency       | last activity within 7 / 30 / 90 days                     | 10/6/3 |
 *
 * A named list (postal codes, types, strategies) or a set price bound says what the buyer
 * wants, so a hit there counts; an empty list only admits.
 */
import { normalizeBuyBoxPostalCode } from "./schema";
import type { BuyerMatch, MatchBuyer, MatchDeal, MatchOptions, MatchReason } from "./types";

export const MATCH_POINTS = {
  postalCode: 30,
  market: 20,
  priceThirds: [8, 5, 2] as const,
  priceUnderMax: 5,
  priceOverMin: 3,
  propertyType: 10,
  strategy: 8,
  rehabOwnBand: 10,
  rehabLighter: 5,
  rehabAny: 3,
  spreadBase: 5,
  spreadPer10k: 1,
  spreadMax: 10,
  tier: { A: 15, B: 8, C: 0 } as const,
  liquidityMax: 10,
  recency: [
    { days: 7, points: 10 },
    { days: 30, points: 6 },
    { days: 90, points: 3 },
  ] as const,
};

const DAY_MS = 86_400_000;

/** $185k, $1.25M, $950: short enough for a reason's label. */
export function formatMoneyShort(amount: number): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  if (abs >= 1_000_000) return `${sign}$${trimZeros((abs / 1_000_000).toFixed(2))}M`;
  if (abs >= 1_000) return `${sign}$${trimZeros((abs / 1_000).toFixed(1))}k`;
  return `${sign}$${abs}`;
}

const trimZeros = (text: string) => text.replace(/\.?0+$/, "");

/** The deal's postal code as buy boxes store it: "77002" for "77002-1234", "M5V" for "M5V 2T6". */
export function dealPostalKey(deal: MatchDeal): string | null {
  return deal.postalCode ? normalizeBuyBoxPostalCode(deal.postalCode) : null;
}

/** The deal's "REGION:Market", lower-cased for comparison; null without both. */
export function dealMarketKey(deal: MatchDeal): string | null {
  return deal.region && deal.market ? `${deal.region}:${deal.market}`.toLowerCase() : null;
}

const postalLabel = (code: string) => (/^\d/.test(code) ? `ZIP ${code}` : `FSA ${code}`);
const percent = (repairs: number, arv: number) => `${Math.round((repairs / arv) * 100)}%`;

/** The rehab band of a deal, from integers so 10% and 25% exactly fall inside their band. */
function rehabBand(deal: MatchDeal): "LIGHT" | "MEDIUM" | "HEAVY" | null {
  if (deal.repairs == null || deal.arv == null || deal.arv <= 0) return null;
  if (deal.repairs * 100 <= deal.arv * 10) return "LIGHT";
  if (deal.repairs * 100 <= deal.arv * 25) return "MEDIUM";
  return "HEAVY";
}

const BAND_ORDER = { LIGHT: 0, MEDIUM: 1, HEAVY: 2 } as const;

/** Null when the buyer's box admits the deal, else the first rule that refuses it, in words. */
export function admissionFailure(deal: MatchDeal, buyer: MatchBuyer): string | null {
  if (buyer.status !== "ACTIVE") return `the buyer is ${buyer.status.replace(/_/g, " ").toLowerCase()}, not active`;

  if (buyer.postalCodes.length === 0 && buyer.markets.length === 0) return "the buy box names no postal codes or markets";
  const hit = locationHit(deal, buyer);
  if (!hit.postal && !hit.market) {
    const code = dealPostalKey(deal);
    const where = [code ? postalLabel(code) : "no postal code", deal.region && deal.market ? `market ${deal.region}:${deal.market}` : "no market"];
    return `${where.join(" and ")}: outside the buy box`;
  }

  const priceSet = buyer.priceMin != null || buyer.priceMax != null;
  if (priceSet && deal.askingPrice == null) return "no asking price to compare with the buyer's price range";
  if (deal.askingPrice != null) {
    if (buyer.priceMin != null && deal.askingPrice < buyer.priceMin) return `asking price ${formatMoneyShort(deal.askingPrice)} is under the ${formatMoneyShort(buyer.priceMin)} minimum`;
    if (buyer.priceMax != null && deal.askingPrice > buyer.priceMax) return `asking price ${formatMoneyShort(deal.askingPrice)} is over the ${formatMoneyShort(buyer.priceMax)} maximum`;
  }

  if (buyer.propertyTypes.length > 0) {
    if (!deal.propertyType) return `no property type on the deal; the buyer takes only ${buyer.propertyTypes.join(", ")}`;
    if (!buyer.propertyTypes.includes(deal.propertyType)) return `property type ${deal.propertyType} is not among ${buyer.propertyTypes.join(", ")}`;
  }

  if (buyer.strategies.length > 0) {
    if (!deal.strategy) return `no strategy on the deal; the buyer takes only ${buyer.strategies.join(", ")}`;
    if (!(buyer.strategies as readonly string[]).includes(deal.strategy)) return `strategy ${deal.strategy} is not among ${buyer.strategies.join(", ")}`;
  }

  if (buyer.rehabAppetite === "LIGHT" || buyer.rehabAppetite === "MEDIUM") {
    const band = rehabBand(deal);
    if (!band) return `no repairs or ARV to judge against a ${buyer.rehabAppetite} rehab appetite`;
    if (BAND_ORDER[band] > BAND_ORDER[buyer.rehabAppetite]) {
      return `repairs are ${percent(deal.repairs!, deal.arv!)} of ARV, over the ${buyer.rehabAppetite} limit of ${buyer.rehabAppetite === "LIGHT" ? "10%" : "25%"}`;
    }
  }

  if (buyer.minSpread != null && deal.spread != null && deal.spread < buyer.minSpread) {
    return `spread ${formatMoneyShort(deal.spread)} is under the buyer's ${formatMoneyShort(buyer.minSpread)} minimum`;
  }
  return null;
}

function locationHit(deal: MatchDeal, buyer: MatchBuyer): { postal: string | null; market: string | null } {
  const code = dealPostalKey(deal);
  const key = dealMarketKey(deal);
  return {
    postal: code && buyer.postalCodes.includes(code) ? code : null,
    market: key && buyer.markets.some((m) => m.toLowerCase() === key) ? `${deal.region}:${deal.market}` : null,
  };
}

/** The reasons an admitted buyer ranks where it does. */
export function matchReasons(deal: MatchDeal, buyer: MatchBuyer, options: MatchOptions = {}): MatchReason[] {
  const reasons: MatchReason[] = [];
  const add = (code: MatchReason["code"], points: number, label: string) => {
    if (points > 0) reasons.push({ code, points, label: `${label} +${points}` });
  };

  const hit = locationHit(deal, buyer);
  if (hit.postal) add("postal_code", MATCH_POINTS.postalCode, `${postalLabel(hit.postal)} in buy box`);
  if (hit.market) add("market", MATCH_POINTS.market, `market ${hit.market} in buy box`);

  if (deal.askingPrice != null) {
    const price = formatMoneyShort(deal.askingPrice);
    const { priceMin: min, priceMax: max } = buyer;
    if (min != null && max != null) {
      const span = max - min;
      const third = span === 0 ? 0 : Math.min(2, Math.floor(((deal.askingPrice - min) / span) * 3));
      const where = ["lower", "middle", "upper"][third];
      add("price", MATCH_POINTS.priceThirds[third], `price ${price} in the ${where} third of ${formatMoneyShort(min)}-${formatMoneyShort(max)}`);
    } else if (max != null) {
      add("price", MATCH_POINTS.priceUnderMax, `price ${price} under the ${formatMoneyShort(max)} maximum`);
    } else if (min != null) {
      add("price", MATCH_POINTS.priceOverMin, `price ${price} over the ${formatMoneyShort(min)} minimum`);
    }
  }

  if (deal.propertyType && buyer.propertyTypes.includes(deal.propertyType)) {
    add("property_type", MATCH_POINTS.propertyType, `property type ${deal.propertyType} wanted`);
  }
  if (deal.strategy && (buyer.strategies as readonly string[]).includes(deal.strategy)) {
    add("strategy", MATCH_POINTS.strategy, `strategy ${deal.strategy} wanted`);
  }

  const band = rehabBand(deal);
  if (band) {
    const share = `repairs ${percent(deal.repairs!, deal.arv!)} of ARV`;
    if (buyer.rehabAppetite === "ANY") add("rehab", MATCH_POINTS.rehabAny, `${share}, any rehab taken`);
    else if (band === buyer.rehabAppetite) add("rehab", MATCH_POINTS.rehabOwnBand, `${share} fits ${buyer.rehabAppetite} rehab`);
    else add("rehab", MATCH_POINTS.rehabLighter, `${share}, lighter than ${buyer.rehabAppetite} rehab`);
  }

  if (buyer.minSpread != null && deal.spread != null) {
    const above = deal.spread - buyer.minSpread;
    const points = Math.min(MATCH_POINTS.spreadMax, MATCH_POINTS.spreadBase + Math.floor(above / 10_000) * MATCH_POINTS.spreadPer10k);
    add("spread", points, `spread ${formatMoneyShort(deal.spread)} over the ${formatMoneyShort(buyer.minSpread)} minimum`);
  }

  if (buyer.tier) add("tier", MATCH_POINTS.tier[buyer.tier], `tier ${buyer.tier} buyer`);

  if (options.liquidityScore != null && Number.isFinite(options.liquidityScore)) {
    const points = Math.max(0, Math.min(MATCH_POINTS.liquidityMax, Math.round(options.liquidityScore / 10)));
    add("liquidity", points, `market liquidity ${Math.round(options.liquidityScore)}`);
  }

  if (buyer.lastActivityAt) {
    const at = new Date(buyer.lastActivityAt).getTime();
    const days = ((options.now ?? new Date()).getTime() - at) / DAY_MS;
    if (Number.isFinite(days)) {
      const step = MATCH_POINTS.recency.find((r) => days <= r.days);
      if (step) add("recency", step.points, `active in the last ${step.days} days`);
    }
  }
  return reasons;
}

/** The buyers whose box admits the deal, best first (ties by buyer id), each with its reasons. */
export function matchBuyers(deal: MatchDeal, buyers: readonly MatchBuyer[], options: MatchOptions = {}): BuyerMatch[] {
  const now = options.now ?? new Date();
  const matches: BuyerMatch[] = [];
  for (const buyer of buyers) {
    if (admissionFailure(deal, buyer) !== null) continue;
    const reasons = matchReasons(deal, buyer, { ...options, now });
    matches.push({ buyerId: buyer.id, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons });
  }
  matches.sort((a, b) => b.score - a.score || (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : 0));
  return options.limit != null ? matches.slice(0, Math.max(0, options.limit)) : matches;
}
