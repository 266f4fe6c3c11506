/**
 * The buyers to offer one deal to: a SQL prefilter (./candidateBuyersSql), then the pure
 * rules of ./match, which alone decide admission and rank.
 */
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { liquidityKeyOfDeal, getLiquidityScore } from "./liquidity";
import { dealMarketKey, dealPostalKey, matchBuyers } from "./match";
import { BUYER_STRATEGIES, type BuyerStatus, type BuyerStrategy, type BuyerTier, type PropertyTypeCode, type RehabAppetite } from "./schema";
import type { BuyerMatch, LiquiditySnapshot, MatchBuyer, MatchDeal } from "./types";

export interface MatchedBuyer {
  id: string;
  name: string;
  company: string | null;
  phones: string[];
  emails: string[];
  tier: BuyerTier;
  tierIsNew: boolean;
}

export interface DealBuyerMatches {
  deal: {
    id: string;
    region: string | null;
    market: string | null;
    postalCode: string | null;
    propertyType: MatchDeal["propertyType"];
    askingPrice: number | null;
    arv: number | null;
    repairs: number | null;
    spread: number | null;
  };
  liquidity: LiquiditySnapshot | null;
  matches: (BuyerMatch & { buyer: MatchedBuyer })[];
}

/** A prefiltered buyer as the SELECT returns it: what a match shows, and what the rules read. */
interface CandidateRow extends MatchedBuyer {
  status: BuyerStatus;
  postalHit: boolean;
  markets: string[];
  priceMin: number | null;
  priceMax: number | null;
  propertyTypes: PropertyTypeCode[];
  strategies: string[];
  rehabAppetite: RehabAppetite;
  minSpread: number | null;
  lastActivityMs: number | null;
}

/**
 * A LIKE pattern that finds "REGION:Market" anywhere in a market list's text, whatever the
 * case: a superset of the rules' match, never narrower. Characters the array's text form
 * escapes (a quote, a backslash) and letters outside ASCII match any run (so the database's
 * locale cannot make a case differ), and LIKE's own wildcards are escaped.
 */
export function marketPattern(key: string): string {
  const body = [...key].map((c) => (c === '"' || c === "\\" ? "%" : c === "%" || c === "_" ? `\\${c}` : c.charCodeAt(0) > 127 ? "%" : c)).join("");
  return `%${body}%`;
}

/**
 * The prefilter as one SELECT: active, not deleted, located (the deal's postal code or
 * market in the box), priced, typed and spread as the rules of ./match say, without an
 * index (10,000 buyers scan in a few milliseconds); rehab stays with the rules, which judge
 * every row again. Markets are compared without case: lower-casing and re-reading each
 * buyer's market list costs more than the rest of the scan, so the scan looks for the key
 * in the list's text (a superset: "TX:Houston Heights" passes too) and the rules decide. A
 * buy box's postal codes (up to 2,000) come back as whether they hold the deal's code, all
 * the rules need of them. The deal's values are parameters, never text in the statement.
 */
export function candidateBuyersSql(tenantId: string, deal: MatchDeal): { sql: string; params: unknown[] } | null {
  const postal = dealPostalKey(deal);
  const market = dealMarketKey(deal);
  if (!postal && !market) return null;
  const params: unknown[] = [tenantId];
  const param = (value: unknown, cast: string) => `$${params.push(value)}::${cast}`;
  const postalHit = postal ? `"postalCodes" @> ARRAY[${param(postal, "text")}]` : "false";
  const marketNear = market ? `"markets"::text ILIKE ${param(marketPattern(`${deal.region}:${deal.market}`), "text")}` : "false";
  const conditions = ['"tenantId" = $1', '"deletedAt" IS NULL', `"status" = 'ACTIVE'`, `(${postalHit} OR ${marketNear})`];
  if (deal.askingPrice == null) conditions.push('"priceMin" IS NULL AND "priceMax" IS NULL');
  else {
    const price = param(deal.askingPrice, "int");
    conditions.push(`("priceMin" IS NULL OR "priceMin" <= ${price}) AND ("priceMax" IS NULL OR "priceMax" >= ${price})`);
  }
  conditions.push(deal.propertyType ? `(cardinality("propertyTypes") = 0 OR ${param(deal.propertyType, '"PropertyType"')} = ANY("propertyTypes"))` : `cardinality("propertyTypes") = 0`);
  conditions.push(deal.strategy ? `(cardinality("strategies") = 0 OR ${param(deal.strategy, '"Strategy"')} = ANY("strategies"))` : `cardinality("strategies") = 0`);
  if (deal.spread != null) conditions.push(`("minSpread" IS NULL OR "minSpread" <= ${param(deal.spread, "int")})`);
  const sql = `SELECT "id", "name", "company", "phones", "emails", "tier"::text AS "tier", "tierIsNew", "status"::text AS "status",
      ${postalHit} AS "postalHit", "markets", "priceMin", "priceMax", "propertyTypes"::text[] AS "propertyTypes",
      "strategies"::text[] AS "strategies", "rehabAppetite"::text AS "rehabAppetite", "minSpread",
      (extract(epoch FROM "lastActivityAt") * 1000)::float8 AS "lastActivityMs"
    FROM "Buyer" WHERE ${conditions.join(" AND ")}`;
  return { sql, params };
}

/** The rules' view of a prefiltered buyer: its postal codes cut to the deal's own, if held. */
function matchBuyerOf(row: CandidateRow, deal: MatchDeal): MatchBuyer {
  const postal = dealPostalKey(deal);
  return {
    id: row.id,
    status: row.status,
    postalCodes: row.postalHit && postal ? [postal] : [],
    markets: row.markets,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    propertyTypes: row.propertyTypes,
    // A TRASH strategy is the deal's own; buy boxes name FLIP, RENTAL or WHOLESALE only.
    strategies: row.strategies.filter((s): s is BuyerStrategy => (BUYER_STRATEGIES as readonly string[]).includes(s)),
    rehabAppetite: row.rehabAppetite,
    minSpread: row.minSpread,
    tier: row.tier,
    lastActivityAt: row.lastActivityMs == null ? null : new Date(row.lastActivityMs),
  };
}

/** The deal's admitted buyers, best first, with each one's reasons and contact details. */
export async function findBuyerMatches(db: TenantDb, dealId: string, options: { limit?: number; now?: Date } = {}): Promise<DealBuyerMatches> {
  // One transaction: the tenant is entered once for the three reads.
  return db.$transaction(async (tx) => {
    const deal = await tx.deal.findFirst({
      where: { id: dealId, deletedAt: null },
      select: { id: true, region: true, market: true, postalCode: true, propertyType: true, askingPrice: true, arv: true, repairs: true, spread: true, strategy: true },
    });
    if (!deal) throw new ExpectedError("not_found", "Deal not found");
    const { strategy, ...shown } = deal;
    const matchDeal: MatchDeal = { ...shown, strategy };

    const key = liquidityKeyOfDeal(deal);
    const liquidity = key ? await getLiquidityScore(tx, key, options.now) : null;

    const prefilter = candidateBuyersSql(tx.tenantId, matchDeal);
    const rows = prefilter ? await selectInTenant<CandidateRow>(tx, prefilter.sql, prefilter.params) : [];
    const matches = matchBuyers(matchDeal, rows.map((row) => matchBuyerOf(row, matchDeal)), { liquidityScore: liquidity?.score ?? null, now: options.now, limit: options.limit });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      deal: shown,
      liquidity,
      matches: matches.map((match) => {
        const row = byId.get(match.buyerId)!;
        return { ...match, buyer: { id: row.id, name: row.name, company: row.company, phones: row.phones, emails: row.emails, tier: row.tier, tierIsNew: row.tierIsNew } };
      }),
    };
  });
}
