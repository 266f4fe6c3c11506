/**
 * Per postal area figures from the workspace's own data, in one SQL statement: deals (live,
 * by their area code), the seller conversations on them (Message rows without a buyer) and
 * the buyer offers on them. Reads only; the tables stay their owners' to write. Aggregating
 * in the database keeps a pass over 200k deals to one scan instead of 200k rows in memory.
 */
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { WINDOW_DAYS, type AreaMetrics } from "./types";

type Db = TenantDb | TenantTransaction;

const DAY_MS = 86_400_000;

/** An area's metrics and what its deals say about where it is. */
export interface AreaFigures {
  metrics: AreaMetrics;
  /** The most common region and market among its deals; null without deals. */
  region: string | null;
  market: string | null;
  /** The mean of its deals' coordinates, for areas the postal dataset does not know. */
  latitude: number | null;
  longitude: number | null;
}

interface FigureRow {
  areaCode: string;
  total: number;
  d4: number;
  d12: number;
  medianSpread: number | null;
  medianSpreadRatio: number | null;
  underwritten: number;
  contracts: number;
  closes: number;
  medianDaysToContract: number | null;
  lastDealAt: number | null;
  region: string | null;
  market: string | null;
  latitude: number | null;
  longitude: number | null;
  outbound: number;
  replies: number;
  offers: number;
}

/** The window edges for `now`: each window is (edge, now]. */
export function windowEdges(now: Date) {
  return {
    short: new Date(now.getTime() - WINDOW_DAYS.short * DAY_MS),
    long: new Date(now.getTime() - WINDOW_DAYS.long * DAY_MS),
    contracts: new Date(now.getTime() - WINDOW_DAYS.contracts * DAY_MS),
  };
}

// Timestamps are stored as UTC wall time (timestamp(3)), as Prisma writes them.
const at = (n: number) => `$${n}::timestamp(3)`;

/** One statement: deal aggregates, joined with message and offer aggregates over the same deals. */
function figuresSql(withCodes: boolean): string {
  const [now, short, long, contracts] = [at(2), at(3), at(4), at(5)];
  const codes = withCodes ? ` AND d."areaCode" = ANY($6::text[])` : "";
  const liveDeals = `d."tenantId" = $1 AND d."deletedAt" IS NULL AND d."areaCode" IS NOT NULL AND d."createdAt" <= ${now}${codes}`;
  const inLong = `d."createdAt" > ${long}`;
  const contracted = `d."contractedAt" > ${contracts} AND d."contractedAt" <= ${now}`;
  return `SELECT a.*, coalesce(m.outbound, 0)::int AS outbound, coalesce(m.replies, 0)::int AS replies, coalesce(o.offers, 0)::int AS offers
FROM (
  SELECT d."areaCode",
    count(*)::int AS total,
    count(*) FILTER (WHERE d."createdAt" > ${short})::int AS d4,
    count(*) FILTER (WHERE ${inLong})::int AS d12,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY d."spread") FILTER (WHERE ${inLong}) AS "medianSpread",
    percentile_cont(0.5) WITHIN GROUP (ORDER BY d."spreadRatio") FILTER (WHERE ${inLong}) AS "medianSpreadRatio",
    count(*) FILTER (WHERE ${inLong} AND d."underwrittenAt" IS NOT NULL)::int AS underwritten,
    count(*) FILTER (WHERE ${contracted})::int AS contracts,
    count(*) FILTER (WHERE d."closedAt" > ${contracts} AND d."closedAt" <= ${now})::int AS closes,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."contractedAt" - d."createdAt")::float8 / 86400) FILTER (WHERE ${contracted}) AS "medianDaysToContract",
    (extract(epoch FROM max(d."createdAt")) * 1000)::float8 AS "lastDealAt",
    mode() WITHIN GROUP (ORDER BY d."region") AS region,
    mode() WITHIN GROUP (ORDER BY d."market") AS market,
    avg(d."latitude")::float8 AS latitude,
    avg(d."longitude")::float8 AS longitude
  FROM "Deal" d WHERE ${liveDeals}
  GROUP BY d."areaCode"
) a
LEFT JOIN (
  SELECT d."areaCode",
    count(*) FILTER (WHERE msg."direction" = 'OUTBOUND' AND msg."status" IN ('SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED')) AS outbound,
    count(*) FILTER (WHERE msg."direction" = 'INBOUND' AND msg."status" = 'RECEIVED') AS replies
  FROM "Message" msg JOIN "Deal" d ON d."id" = msg."dealId" AND ${liveDeals}
  WHERE msg."tenantId" = $1 AND msg."buyerId" IS NULL AND msg."createdAt" > ${long} AND msg."createdAt" <= ${now}
  GROUP BY d."areaCode"
) m ON m."areaCode" = a."areaCode"
LEFT JOIN (
  SELECT d."areaCode", count(*) AS offers
  FROM "BuyerOffer" bo JOIN "Deal" d ON d."id" = bo."dealId" AND ${liveDeals}
  WHERE bo."tenantId" = $1 AND bo."createdAt" > ${long} AND bo."createdAt" <= ${now}
  GROUP BY d."areaCode"
) o ON o."areaCode" = a."areaCode"`;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundOrNull = (value: number | null, digits: number) => (value === null ? null : round(Number(value), digits));

/** The metrics of an area with no deals as of `now`. */
export function emptyMetrics(now: Date): AreaMetrics {
  return metricsOf(null, now);
}

function metricsOf(row: FigureRow | null, now: Date): AreaMetrics {
  const d4 = row?.d4 ?? 0;
  const d12 = row?.d12 ?? 0;
  const outbound = row?.outbound ?? 0;
  const replies = row?.replies ?? 0;
  return {
    asOf: now.toISOString(),
    deals4w: d4,
    deals12w: d12,
    dealsTotal: row?.total ?? 0,
    velocity4w: round(d4 / 4, 2),
    velocity12w: round(d12 / 12, 2),
    // (d4 / 4) / (d12 / 12), from the counts so rounding the velocities does not skew it.
    trend: d12 > 0 ? round((3 * d4) / d12, 3) : null,
    medianSpread: roundOrNull(row?.medianSpread ?? null, 0),
    medianSpreadRatio: roundOrNull(row?.medianSpreadRatio ?? null, 4),
    underwrittenShare: d12 > 0 ? round((row?.underwritten ?? 0) / d12, 3) : null,
    outbound,
    replies,
    replyRate: outbound > 0 ? round(Math.min(1, replies / outbound), 4) : null,
    buyerOffers: row?.offers ?? 0,
    contracts: row?.contracts ?? 0,
    closes: row?.closes ?? 0,
    medianDaysToContract: roundOrNull(row?.medianDaysToContract ?? null, 1),
    lastDealAt: row?.lastDealAt != null ? new Date(Number(row.lastDealAt)).toISOString() : null,
  };
}

/**
 * Figures per area. With `areaCodes`, every one of them has an entry (empty metrics when it
 * has no deals); without (null), every area with a live deal does.
 */
export async function computeAreaFigures(db: Db, options: { now: Date; areaCodes?: readonly string[] | null }): Promise<Map<string, AreaFigures>> {
  const { now } = options;
  const codes = options.areaCodes ? [...new Set(options.areaCodes)] : null;
  const result = new Map<string, AreaFigures>();
  if (codes && codes.length === 0) return result;
  const edges = windowEdges(now);
  const params: unknown[] = [db.tenantId, now.toISOString(), edges.short.toISOString(), edges.long.toISOString(), edges.contracts.toISOString()];
  if (codes) params.push(codes);
  const rows = await selectInTenant<FigureRow>(db, figuresSql(codes !== null), params);
  for (const row of rows) {
    result.set(row.areaCode, {
      metrics: metricsOf(row, now),
      region: row.region,
      market: row.market,
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
    });
  }
  for (const code of codes ?? []) {
    if (!result.has(code)) result.set(code, { metrics: emptyMetrics(now), region: null, market: null, latitude: null, longitude: null });
  }
  return result;
}

/** The metrics of each area as of `now` (every area with a live deal, or the ones named). */
export async function computeAreaMetrics(db: Db, options: { now: Date; areaCodes?: readonly string[] | null }): Promise<Map<string, AreaMetrics>> {
  const figures = await computeAreaFigures(db, options);
  return new Map([...figures].map(([code, f]) => [code, f.metrics]));
}
