/**
 * Market intel on the Analytics page: how fast the leading areas take in deals week by week,
 * the hottest and coldest areas, and how ranks spread over markets. Reads the areas the
 * market-intel engine computed (lib/market/service) and the deals' intake dates.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { areaRollups, listAreas, type MarketAreaView } from "./service";
import { MARKET_RANKS, type MarketRank } from "./types";

/** Weeks the velocity chart covers, ending now. */
export const VELOCITY_WEEKS = 16;
/** Lines on the velocity chart: more than this and nobody can tell them apart. */
export const VELOCITY_SERIES = 6;
/** Areas in each of the hot and cold lists. */
export const RANKED_LIST_SIZE = 20;
/** Markets in the rank distribution chart, the ones with the most areas. */
export const RANK_MARKETS = 12;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface RankedArea {
  areaCode: string;
  city: string | null;
  market: string | null;
  region: string | null;
  rank: MarketRank;
  /** The first line of the rank's explanation ("HOT: 9 deals in 4 weeks, ..."). */
  headline: string;
  deals4w: number;
  deals12w: number;
  medianSpread: number | null;
  lastDealAt: string | null;
}

export interface VelocitySeries {
  areaCode: string;
  /** "78201 San Antonio". */
  label: string;
  rank: MarketRank;
  /** New deals per week, oldest week first, one per entry of `weeks`. */
  counts: number[];
}

export interface MarketAnalytics {
  /** The weeks' first days (ISO dates), oldest first; the last week ends at `now`. */
  weeks: string[];
  velocity: VelocitySeries[];
  hot: RankedArea[];
  cold: RankedArea[];
  /** Areas of each rank per market, the markets with the most areas first. */
  ranksByMarket: ({ market: string; areas: number } & Record<MarketRank, number>)[];
  /** Areas of each rank in the whole workspace. */
  totals: Record<MarketRank, number>;
}

function ranked(area: MarketAreaView): RankedArea {
  return {
    areaCode: area.areaCode,
    city: area.city,
    market: area.market,
    region: area.region,
    rank: area.rank,
    headline: area.reasons[0] ?? area.rank,
    deals4w: area.metrics.deals4w,
    deals12w: area.metrics.deals12w,
    medianSpread: area.metrics.medianSpread,
    lastDealAt: area.metrics.lastDealAt,
  };
}

/** The coldest first: fewest deals in 12 weeks, then the longest since the last deal. */
export function coldestFirst(a: RankedArea, b: RankedArea): number {
  if (a.deals12w !== b.deals12w) return a.deals12w - b.deals12w;
  const at = (x: RankedArea) => (x.lastDealAt ? Date.parse(x.lastDealAt) : 0);
  return at(a) - at(b) || a.areaCode.localeCompare(b.areaCode);
}

/** Deals per week over `weeks` weeks ending at `now`, for each area; pure, so it is tested alone. */
export function weeklyCounts(deals: readonly { areaCode: string | null; createdAt: Date }[], areaCodes: readonly string[], now: Date, weeks = VELOCITY_WEEKS) {
  const counts = new Map(areaCodes.map((code) => [code, new Array<number>(weeks).fill(0)]));
  for (const deal of deals) {
    const row = deal.areaCode ? counts.get(deal.areaCode) : undefined;
    const age = now.getTime() - deal.createdAt.getTime();
    if (!row || age < 0) continue;
    const week = weeks - 1 - Math.floor(age / WEEK_MS);
    if (week >= 0) row[week]++;
  }
  const starts = Array.from({ length: weeks }, (_, i) => new Date(now.getTime() - (weeks - i) * WEEK_MS).toISOString().slice(0, 10));
  return { weeks: starts, counts };
}

export async function marketAnalytics(db: TenantDb, options: { now: Date }): Promise<MarketAnalytics> {
  const [areas, rollups] = await Promise.all([listAreas(db, {}), areaRollups(db, "market")]);
  const live = areas.filter((a) => a.rank !== "BLACKLIST");
  // listAreas is hottest first; the leaders are the ones worth a line.
  const leaders = live.filter((a) => a.metrics.deals12w > 0).slice(0, VELOCITY_SERIES);
  const codes = leaders.map((a) => a.areaCode);
  const since = new Date(options.now.getTime() - VELOCITY_WEEKS * WEEK_MS);
  const deals = codes.length
    ? await db.deal.findMany({ where: { areaCode: { in: codes }, deletedAt: null, createdAt: { gte: since, lte: options.now } }, select: { areaCode: true, createdAt: true } })
    : [];
  const { weeks, counts } = weeklyCounts(deals, codes, options.now);
  const totals = Object.fromEntries(MARKET_RANKS.map((rank) => [rank, 0])) as Record<MarketRank, number>;
  for (const area of areas) totals[area.rank]++;
  return {
    weeks,
    velocity: leaders.map((a) => ({ areaCode: a.areaCode, label: a.city ? `${a.areaCode} ${a.city}` : a.areaCode, rank: a.rank, counts: counts.get(a.areaCode)! })),
    hot: live.filter((a) => a.rank === "HOT").slice(0, RANKED_LIST_SIZE).map(ranked),
    cold: live.filter((a) => a.rank === "COLD").map(ranked).sort(coldestFirst).slice(0, RANKED_LIST_SIZE),
    ranksByMarket: [...rollups]
      .sort((a, b) => b.areas - a.areas || a.key.localeCompare(b.key))
      .slice(0, RANK_MARKETS)
      .map((r) => ({ market: r.key, areas: r.areas, ...Object.fromEntries(MARKET_RANKS.map((rank) => [rank, r.counts[rank] ?? 0])) }) as MarketAnalytics["ranksByMarket"][number]),
    totals,
  };
}

/** Areas of each rank in the workspace. */
export async function rankCounts(db: TenantDb): Promise<Record<MarketRank, number>> {
  const groups = await db.marketArea.groupBy({ by: ["rank"], _count: { _all: true } });
  const counts = Object.fromEntries(MARKET_RANKS.map((rank) => [rank, 0])) as Record<MarketRank, number>;
  for (const group of groups) counts[group.rank] = group._count._all;
  return counts;
}
