/**
 * Market intel per postal area: recomputing the areas (incrementally or in full), reading
 * them, a person's blacklist mark, rollups by market and region, and the workspace's
 * thresholds. The figures come from lib/market/metrics.ts, the rank from lib/market/rank.ts.
 */
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { locateDeals } from "@/lib/deals/location";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { areaCentroid } from "@/lib/geo/area";
import { AREA_STATE_SELECT, placeOf, rankOfRow, rerankStoredAreas, touchedAreaCodes, writeAreas } from "./areas";
import { computeAreaFigures, emptyMetrics, windowEdges } from "./metrics";
import { RANK_ORDER } from "./rank";
import { AreaBlacklistInput, normalizeAreaCode, type AreaListQuery } from "./schema";
import { RankThresholds, thresholdsFrom } from "./thresholds";
import { MARKET_RANKS, type AreaMetrics, type ComputedRank, type MarketRank } from "./types";

type Db = TenantDb | TenantTransaction;

export interface MarketAreaView {
  areaCode: string;
  country: "US" | "CA";
  region: string | null;
  market: string | null;
  city: string | null;
  latitude: number;
  longitude: number;
  rank: MarketRank;
  computedRank: ComputedRank;
  reasons: string[];
  metrics: AreaMetrics;
  blacklisted: boolean;
  blacklistReason: string | null;
  blacklistedAt: string | null;
  /** The member who set the mark, by name or email; null when they have left the workspace. */
  blacklistedBy: string | null;
  computedAt: string;
  rankChangedAt: string | null;
}

export interface AreaRollup {
  key: string;
  areas: number;
  counts: Record<MarketRank, number>;
  deals4w: number;
  deals12w: number;
  /** The median spread of the last 12 weeks' deals in these areas; null without spreads. */
  medianSpread: number | null;
}

export interface RecomputeReport {
  /** Areas recomputed. */
  areas: number;
  /** Areas whose rank changed (new areas included). */
  changed: number;
  /** Areas that became HOT in this pass; their owners were notified. */
  newlyHot: string[];
  /** Deals given coordinates before the pass. */
  located: number;
}

const VIEW_SELECT = {
  areaCode: true, country: true, region: true, market: true, city: true, latitude: true, longitude: true,
  rank: true, computedRank: true, reasons: true, metrics: true, blacklisted: true, blacklistReason: true,
  blacklistedAt: true, blacklistedById: true, computedAt: true, rankChangedAt: true,
} as const satisfies Prisma.MarketAreaSelect;
type ViewRow = Prisma.MarketAreaGetPayload<{ select: typeof VIEW_SELECT }>;

/** Rows as the pages, the API and the command line show them. */
async function viewsOf(db: Db, rows: ViewRow[]): Promise<MarketAreaView[]> {
  const markers = [...new Set(rows.map((r) => r.blacklistedById).filter((id): id is string => !!id))];
  const members = markers.length
    ? await db.membership.findMany({ where: { userId: { in: markers } }, select: { userId: true, user: { select: { name: true, email: true } } } })
    : [];
  const who = new Map(members.map((m) => [m.userId, m.user.name || m.user.email]));
  return rows.map((row) => ({
    areaCode: row.areaCode,
    country: row.country,
    region: row.region,
    market: row.market,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    rank: row.rank,
    computedRank: row.computedRank as ComputedRank,
    reasons: row.reasons,
    // A pass that found nothing new only stamps computedAt: the figures hold as of then.
    metrics: { ...(row.metrics as unknown as AreaMetrics), asOf: row.computedAt.toISOString() },
    blacklisted: row.blacklisted,
    blacklistReason: row.blacklistReason,
    blacklistedAt: row.blacklistedAt?.toISOString() ?? null,
    blacklistedBy: row.blacklistedById ? (who.get(row.blacklistedById) ?? null) : null,
    computedAt: row.computedAt.toISOString(),
    rankChangedAt: row.rankChangedAt?.toISOString() ?? null,
  }));
}

/**
 * Recomputes the workspace's areas as of `now`. A full pass covers every area; an
 * incremental one (given `since`, the previous pass's `now`) only the areas touched since,
 * which yields the same rows. Deals still without coordinates are located first. Owners are
 * notified of each area that turned HOT.
 */
export async function recomputeAreas(db: TenantDb, options: { full?: boolean; since?: Date | null; now?: Date } = {}): Promise<RecomputeReport> {
  const now = options.now ?? new Date();
  const since = options.since ?? null;
  const full = options.full === true || since === null;
  const { located } = await locateDeals(db);
  const thresholds = await getMarketSettings(db);
  const codes = full ? null : await touchedAreaCodes(db, since, now);
  if (codes && codes.length === 0) return { areas: 0, changed: 0, newlyHot: [], located };
  const figures = await computeAreaFigures(db, { now, areaCodes: codes });
  const rows = await db.marketArea.findMany({ where: codes ? { areaCode: { in: codes } } : {}, select: AREA_STATE_SELECT });
  // Areas whose last deal left still get their (empty) figures in a full pass.
  for (const row of rows) {
    if (!figures.has(row.areaCode)) figures.set(row.areaCode, { metrics: emptyMetrics(now), region: null, market: null, latitude: null, longitude: null });
  }
  const report = await writeAreas(db, figures, new Map(rows.map((r) => [r.areaCode, r])), thresholds, now, { notify: true });
  return { ...report, located };
}

/** The areas matching the filters, hottest first (rank, then new deals in 4 weeks). */
export async function listAreas(db: Db, query: AreaListQuery & { limit?: number }): Promise<MarketAreaView[]> {
  const limit = Math.min(Math.max(query.limit ?? 1_000, 1), 5_000);
  const q = query.q?.trim();
  const qCode = q ? q.replace(/\s+/g, "").toUpperCase() : "";
  const where: Prisma.MarketAreaWhereInput = {
    ...(query.rank && { rank: query.rank }),
    ...(query.region && { region: { equals: query.region, mode: "insensitive" } }),
    ...(query.market && { market: { equals: query.market, mode: "insensitive" } }),
    ...(q && { OR: [{ areaCode: { startsWith: qCode } }, { city: { contains: q, mode: "insensitive" } }] }),
  };
  const rows = await db.marketArea.findMany({ where, select: VIEW_SELECT });
  const deals4w = (row: ViewRow) => (row.metrics as unknown as AreaMetrics | null)?.deals4w ?? 0;
  rows.sort((a, b) => RANK_ORDER[a.rank] - RANK_ORDER[b.rank] || deals4w(b) - deals4w(a) || a.areaCode.localeCompare(b.areaCode));
  return viewsOf(db, rows.slice(0, limit));
}

/** One area by its code (a full postal code is read as its area); null when the workspace has no row for it. */
export async function getArea(db: Db, areaCode: string): Promise<MarketAreaView | null> {
  const code = normalizeAreaCode(areaCode.trim());
  if (!code) return null;
  const row = await db.marketArea.findFirst({ where: { areaCode: code }, select: VIEW_SELECT });
  return row ? (await viewsOf(db, [row]))[0] : null;
}

function invalid(error: { issues: { message: string; path: PropertyKey[] }[] }, fallbackField: string): ExpectedError {
  const issue = error.issues[0];
  return new ExpectedError("invalid", issue.message, issue.path.length ? String(issue.path[0]) : fallbackField);
}

/**
 * Sets or lifts a person's blacklist mark on an area, with why; the ranking never overrides
 * it, and lifting it gives the area back its computed rank. An area the workspace has no
 * deals in yet gets its row. Audited.
 */
export async function setAreaBlacklist(db: TenantDb, areaCode: string, input: AreaBlacklistInput, actor: AuditContext): Promise<MarketAreaView> {
  const code = normalizeAreaCode(String(areaCode ?? "").trim());
  if (!code || !areaCentroid(code)) throw new ExpectedError("not_found", `${String(areaCode).trim() || "That code"} is not a US ZIP or Canadian FSA we know`);
  const parsed = AreaBlacklistInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, "reason");
  const { blacklisted, reason } = parsed.data;
  const now = new Date();
  const thresholds = await getMarketSettings(db);

  await db.$transaction(async (tx) => {
    let row = await tx.marketArea.findFirst({ where: { areaCode: code }, select: AREA_STATE_SELECT });
    if (!row) {
      const figures = (await computeAreaFigures(tx, { now, areaCodes: [code] })).get(code)!;
      const result = rankOfRow(figures.metrics, thresholds, null);
      row = await tx.marketArea.create({
        data: {
          areaCode: code, ...placeOf(code, figures)!, metrics: figures.metrics as unknown as Prisma.InputJsonObject,
          rank: result.rank, computedRank: result.computedRank, reasons: result.reasons, rankChangedAt: now, computedAt: now,
        },
        select: AREA_STATE_SELECT,
      });
    }
    // Nothing to lift.
    if (!blacklisted && !row.blacklisted) return;
    const mark = blacklisted ? { blacklisted: true, blacklistReason: reason! } : null;
    const result = rankOfRow(row.metrics as unknown as AreaMetrics, thresholds, mark);
    await tx.marketArea.update({
      where: { id: row.id },
      data: {
        blacklisted,
        blacklistReason: mark?.blacklistReason ?? null,
        blacklistedAt: blacklisted ? now : null,
        blacklistedById: blacklisted ? actor.actorId : null,
        rank: result.rank,
        computedRank: result.computedRank,
        reasons: result.reasons,
        ...(row.rank !== result.rank && { rankChangedAt: now }),
      },
    });
    await recordAudit(
      tx,
      {
        action: blacklisted ? "market.area_blacklisted" : "market.area_unblacklisted",
        entity: "MarketArea",
        entityId: code,
        before: { blacklisted: row.blacklisted, reason: row.blacklistReason, rank: row.rank },
        after: { blacklisted, reason: mark?.blacklistReason ?? null, rank: result.rank },
      },
      actor,
    );
  });
  return (await getArea(db, code))!;
}

const ROLLUP_COLUMN = { market: '"market"', region: '"region"' } as const;
const UNASSIGNED = "Unassigned";

/** The areas summed up by market or by region: how many of each rank, new deals, and the median spread. */
export async function areaRollups(db: Db, by: "market" | "region", now = new Date()): Promise<AreaRollup[]> {
  const rows = await db.marketArea.findMany({ select: { region: true, market: true, rank: true, metrics: true } });
  const rollups = new Map<string, AreaRollup>();
  for (const row of rows) {
    const key = row[by] ?? UNASSIGNED;
    let rollup = rollups.get(key);
    if (!rollup) {
      rollup = { key, areas: 0, counts: Object.fromEntries(MARKET_RANKS.map((r) => [r, 0])) as Record<MarketRank, number>, deals4w: 0, deals12w: 0, medianSpread: null };
      rollups.set(key, rollup);
    }
    const metrics = row.metrics as unknown as AreaMetrics | null;
    rollup.areas += 1;
    rollup.counts[row.rank] += 1;
    rollup.deals4w += metrics?.deals4w ?? 0;
    rollup.deals12w += metrics?.deals12w ?? 0;
  }
  if (rollups.size === 0) return [];
  // The median over the deals themselves: a median of the areas' medians would weigh a one-deal area like a busy one.
  const column = ROLLUP_COLUMN[by];
  const medians = await selectInTenant<{ key: string | null; median: number | null }>(
    db,
    `SELECT ma.${column} AS key, percentile_cont(0.5) WITHIN GROUP (ORDER BY d."spread") AS median
     FROM "Deal" d JOIN "MarketArea" ma ON ma."areaCode" = d."areaCode" AND ma."tenantId" = $1
     WHERE d."tenantId" = $1 AND d."deletedAt" IS NULL AND d."createdAt" > $2::timestamp(3) AND d."createdAt" <= $3::timestamp(3)
     GROUP BY ma.${column}`,
    [db.tenantId, windowEdges(now).long.toISOString(), now.toISOString()],
  );
  for (const { key, median } of medians) {
    const rollup = rollups.get(key ?? UNASSIGNED);
    if (rollup && median !== null) rollup.medianSpread = Math.round(Number(median));
  }
  return [...rollups.values()].sort((a, b) => b.deals4w - a.deals4w || b.areas - a.areas || a.key.localeCompare(b.key));
}

/** The workspace's ranking thresholds; the documented defaults for any field never saved. */
export async function getMarketSettings(db: Db): Promise<RankThresholds> {
  const row = await db.marketIntelSettings.findFirst({ select: { thresholds: true } });
  return thresholdsFrom(row?.thresholds);
}

/** Saves the thresholds (audited with what changed), then ranks every area under them. */
export async function saveMarketSettings(db: TenantDb, input: RankThresholds, actor: AuditContext): Promise<RankThresholds> {
  const parsed = RankThresholds.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, "thresholds");
  const thresholds = parsed.data;
  await db.$transaction(async (tx) => {
    const before = await getMarketSettings(tx);
    const row = await tx.marketIntelSettings.upsert({
      where: { tenantId: tx.tenantId },
      create: { thresholds, updatedById: actor.actorId },
      update: { thresholds, updatedById: actor.actorId },
      select: { id: true },
    });
    const changed = (Object.keys(thresholds) as (keyof RankThresholds)[]).filter((k) => before[k] !== thresholds[k]);
    await recordAudit(
      tx,
      {
        action: "market.settings_updated",
        entity: "MarketIntelSettings",
        entityId: row.id,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, thresholds[k]])),
      },
      actor,
    );
  });
  await rerankStoredAreas(db, thresholds, new Date());
  return thresholds;
}
