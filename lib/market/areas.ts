/**
 * Writing MarketArea rows from computed figures: which areas a pass covers, their rank under
 * the workspace's thresholds (BLACKLIST while a person's mark stands), and the owners told
 * when an area turns HOT. lib/market owns MarketArea; nothing else writes it.
 */
import type { Prisma } from "@/generated/prisma/client";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import { areaCentroid, resolveGeo } from "@/lib/geo";
import { notifyRoles } from "@/lib/notifications/service";
import { windowEdges, type AreaFigures } from "./metrics";
import { rankArea } from "./rank";
import type { RankThresholds } from "./thresholds";
import type { AreaMetrics, RankResult } from "./types";

/** What a pass reads of an existing row. */
export const AREA_STATE_SELECT = {
  id: true,
  areaCode: true,
  rank: true,
  computedRank: true,
  reasons: true,
  metrics: true,
  region: true,
  market: true,
  rankChangedAt: true,
  blacklisted: true,
  blacklistReason: true,
} as const satisfies Prisma.MarketAreaSelect;
export type AreaState = Prisma.MarketAreaGetPayload<{ select: typeof AREA_STATE_SELECT }>;

/** Updates per transaction: each one enters the tenant once for all of them. */
const WRITE_CHUNK = 200;

/**
 * The areas whose figures may have changed between `since` and `now`: deals created,
 * updated or deleted, messages and offers recorded, anything crossing a window's edge, and
 * areas a deal left (their live count no longer matches the stored one). Recomputing just
 * these gives the figures a full pass would.
 */
export async function touchedAreaCodes(db: TenantDb, since: Date, now: Date): Promise<string[]> {
  const then = windowEdges(since);
  const edges = windowEdges(now);
  const params = [
    db.tenantId, since.toISOString(), now.toISOString(),
    then.short.toISOString(), edges.short.toISOString(),
    then.long.toISOString(), edges.long.toISOString(),
    then.contracts.toISOString(), edges.contracts.toISOString(),
  ];
  const t = (n: number) => `$${n}::timestamp(3)`;
  // A time left a window (edge at since, edge at now], or entered it since the last pass: from
  // `since` itself on, as a row stamped at that instant may have been written just after the pass.
  const crossed = (column: string, from: number, to: number) => `(${column} > ${t(from)} AND ${column} <= ${t(to)})`;
  const entered = (column: string) => `${column} >= ${t(2)}`;
  const sql = `SELECT "areaCode" FROM "Deal" d WHERE d."tenantId" = $1 AND d."areaCode" IS NOT NULL AND (
    ${entered('d."updatedAt"')} OR ${entered('d."createdAt"')}
    OR ${crossed('d."createdAt"', 4, 5)} OR ${crossed('d."createdAt"', 6, 7)}
    OR ${entered('d."contractedAt"')} OR ${crossed('d."contractedAt"', 8, 9)}
    OR ${entered('d."closedAt"')} OR ${crossed('d."closedAt"', 8, 9)})
UNION SELECT d."areaCode" FROM "Message" msg JOIN "Deal" d ON d."id" = msg."dealId" AND d."tenantId" = $1
  WHERE msg."tenantId" = $1 AND d."areaCode" IS NOT NULL
    AND (${entered('msg."updatedAt"')} OR ${entered('msg."createdAt"')} OR ${crossed('msg."createdAt"', 6, 7)})
UNION SELECT d."areaCode" FROM "BuyerOffer" bo JOIN "Deal" d ON d."id" = bo."dealId" AND d."tenantId" = $1
  WHERE bo."tenantId" = $1 AND d."areaCode" IS NOT NULL AND (${entered('bo."createdAt"')} OR ${crossed('bo."createdAt"', 6, 7)})
UNION SELECT ma."areaCode" FROM "MarketArea" ma LEFT JOIN (
    SELECT d."areaCode", count(*)::int AS n FROM "Deal" d
    WHERE d."tenantId" = $1 AND d."deletedAt" IS NULL AND d."areaCode" IS NOT NULL AND d."createdAt" <= ${t(3)}
    GROUP BY d."areaCode"
  ) live ON live."areaCode" = ma."areaCode"
  WHERE ma."tenantId" = $1 AND coalesce(live.n, 0) <> coalesce((ma."metrics"->>'dealsTotal')::int, 0)`;
  const rows = await selectInTenant<{ areaCode: string }>(db, sql, params);
  return rows.map((r) => r.areaCode).sort();
}

/** Where an area is: the postal dataset's centre, else the mean of its deals' coordinates. */
export function placeOf(areaCode: string, figures: Pick<AreaFigures, "region" | "market" | "latitude" | "longitude">) {
  const centroid = areaCentroid(areaCode);
  const latitude = centroid?.latitude ?? figures.latitude;
  const longitude = centroid?.longitude ?? figures.longitude;
  if (latitude === null || longitude === null) return null;
  const country = centroid?.country ?? (/^\d{5}$/.test(areaCode) ? "US" : "CA");
  const geo = figures.region && figures.market ? null : resolveGeo({ postalCode: areaCode, country });
  return {
    country,
    region: figures.region ?? geo?.region ?? null,
    market: figures.market ?? geo?.market ?? null,
    city: centroid?.city ?? null,
    latitude,
    longitude,
  } as const;
}

/** The stored metrics without their time stamp: two passes agree when these do. */
export function comparableMetrics(metrics: unknown): Omit<AreaMetrics, "asOf"> | null {
  if (!metrics || typeof metrics !== "object") return null;
  const { asOf: _asOf, ...rest } = metrics as AreaMetrics;
  return rest;
}

/** JSON with its keys in order: jsonb hands stored objects back with their keys reordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export interface WriteReport {
  areas: number;
  changed: number;
  newlyHot: string[];
}

/** The rank of an area as its row stands: BLACKLIST under a mark, the computed one otherwise. */
export function rankOfRow(metrics: AreaMetrics, thresholds: RankThresholds, row: Pick<AreaState, "blacklisted" | "blacklistReason"> | null): RankResult {
  return rankArea(metrics, thresholds, row?.blacklisted ? { reason: row.blacklistReason ?? "Blacklisted" } : null);
}

/**
 * Writes the areas' figures and ranks. New areas are created, changed ones updated, and the
 * rest only stamped as computed now. An update is conditional on the blacklist mark it was
 * ranked under, so a mark set meanwhile is never overwritten by a stale rank.
 */
export async function writeAreas(
  db: TenantDb,
  figures: Map<string, AreaFigures>,
  existing: Map<string, AreaState>,
  thresholds: RankThresholds,
  now: Date,
  options: { notify: boolean },
): Promise<WriteReport> {
  const creates: Prisma.MarketAreaCreateManyInput[] = [];
  const updates: { row: AreaState; figures: AreaFigures; result: RankResult }[] = [];
  const unchanged: string[] = [];
  const newlyHot: string[] = [];
  let changed = 0;

  for (const [areaCode, f] of figures) {
    const row = existing.get(areaCode) ?? null;
    if (!row && f.metrics.dealsTotal === 0) continue;
    const result = rankOfRow(f.metrics, thresholds, row);
    if (!row) {
      const place = placeOf(areaCode, f);
      if (!place) continue;
      creates.push({
        tenantId: db.tenantId, areaCode, ...place, metrics: f.metrics as unknown as Prisma.InputJsonObject,
        rank: result.rank, computedRank: result.computedRank, reasons: result.reasons, rankChangedAt: now, computedAt: now,
      });
      changed += 1;
      if (result.rank === "HOT") newlyHot.push(areaCode);
      continue;
    }
    const same =
      row.rank === result.rank && row.computedRank === result.computedRank && sameJson(row.reasons, result.reasons) &&
      sameJson(comparableMetrics(row.metrics), comparableMetrics(f.metrics)) && (f.region ?? row.region) === row.region && (f.market ?? row.market) === row.market;
    if (same) {
      unchanged.push(row.id);
      continue;
    }
    updates.push({ row, figures: f, result });
    if (row.rank !== result.rank) {
      changed += 1;
      if (result.rank === "HOT") newlyHot.push(areaCode);
    }
  }

  if (creates.length > 0) {
    // Skips an area a person blacklisted (creating its row) while this pass ran.
    for (let i = 0; i < creates.length; i += WRITE_CHUNK) await db.marketArea.createMany({ data: creates.slice(i, i + WRITE_CHUNK), skipDuplicates: true });
  }
  const raced: AreaState[] = [];
  for (let i = 0; i < updates.length; i += WRITE_CHUNK) {
    const chunk = updates.slice(i, i + WRITE_CHUNK);
    await db.$transaction(
      async (tx) => {
        for (const { row, figures: f, result } of chunk) {
          const { count } = await tx.marketArea.updateMany({
            where: { id: row.id, blacklisted: row.blacklisted },
            data: {
              metrics: f.metrics as unknown as Prisma.InputJsonObject,
              rank: result.rank,
              computedRank: result.computedRank,
              reasons: result.reasons,
              region: f.region ?? row.region,
              market: f.market ?? row.market,
              computedAt: now,
              ...(row.rank !== result.rank && { rankChangedAt: now }),
            },
          });
          if (count === 0) raced.push(row);
        }
      },
      { timeout: 60_000 },
    );
  }
  // The mark changed under this pass: rank those again under the mark as it is now.
  for (const stale of raced) {
    const row = await db.marketArea.findUnique({ where: { id: stale.id }, select: AREA_STATE_SELECT });
    const f = figures.get(stale.areaCode);
    if (!row || !f) continue;
    const result = rankOfRow(f.metrics, thresholds, row);
    await db.marketArea.update({
      where: { id: row.id },
      data: {
        metrics: f.metrics as unknown as Prisma.InputJsonObject, rank: result.rank, computedRank: result.computedRank, reasons: result.reasons, computedAt: now,
        ...(row.rank !== result.rank && { rankChangedAt: now }),
      },
    });
  }
  for (let i = 0; i < unchanged.length; i += 5_000) {
    await db.marketArea.updateMany({ where: { id: { in: unchanged.slice(i, i + 5_000) } }, data: { computedAt: now } });
  }

  if (options.notify) {
    for (const areaCode of newlyHot) {
      const f = figures.get(areaCode)!;
      const headline = rankArea(f.metrics, thresholds).reasons[0];
      await notifyRoles(db, ["owner"], { kind: "market.hot", title: `${areaCode} is hot`, body: headline, data: { areaCode } });
    }
  }
  return { areas: creates.length + updates.length + unchanged.length, changed, newlyHot };
}

/** Re-ranks stored areas under new thresholds, from their stored metrics. */
export async function rerankStoredAreas(db: TenantDb, thresholds: RankThresholds, now: Date): Promise<number> {
  const rows = await db.marketArea.findMany({ select: AREA_STATE_SELECT });
  let changed = 0;
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    changed += await db.$transaction(
      async (tx) => {
        let n = 0;
        for (const row of chunk) {
          const result = rankOfRow(row.metrics as unknown as AreaMetrics, thresholds, row);
          if (row.rank === result.rank && row.computedRank === result.computedRank && sameJson(row.reasons, result.reasons)) continue;
          const { count } = await tx.marketArea.updateMany({
            where: { id: row.id, blacklisted: row.blacklisted },
            data: { rank: result.rank, computedRank: result.computedRank, reasons: result.reasons, ...(row.rank !== result.rank && { rankChangedAt: now }) },
          });
          if (count > 0 && row.rank !== result.rank) n += 1;
        }
        return n;
      },
      { timeout: 60_000 },
    );
  }
  return changed;
}
