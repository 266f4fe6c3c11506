/**
 * Places deals that came in before deals had a location: a deal with a postal code or an
 * area but no coordinates gets its area's centroid (lib/geo, shipped data, no network), and
 * its area code when it lacks one. New deals are placed at intake (lib/geo placeAddress);
 * this catches the rest, area by area, so a workspace of 200k deals takes one statement per
 * area rather than one per deal.
 */
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import { areaCentroid, areaCodeOf } from "@/lib/geo/area";

const AREAS_PER_TRANSACTION = 100;

export interface LocateReport {
  /** Deals that received coordinates. */
  located: number;
  /** Deals that received an area code. */
  areaCodesSet: number;
}

/**
 * Locates deals without coordinates, up to about `limit` deals per call (whole areas at a
 * time, so the last area may take it past the limit). Deals whose area the dataset does
 * not know keep no coordinates; they are the map's "unplaced" deals.
 */
export async function locateDeals(db: TenantDb, options: { limit?: number } = {}): Promise<LocateReport> {
  const limit = options.limit ?? 50_000;
  const report: LocateReport = { located: 0, areaCodesSet: 0 };

  // Deals with a postal code the area-code backfill could not read yet (older rows).
  const unassigned = await selectInTenant<{ id: string; postalCode: string }>(
    db,
    `SELECT "id", "postalCode" FROM "Deal" WHERE "tenantId" = $1 AND "areaCode" IS NULL AND "postalCode" IS NOT NULL ORDER BY "id" LIMIT $2`,
    [db.tenantId, limit],
  );
  const idsByArea = new Map<string, string[]>();
  for (const deal of unassigned) {
    const code = areaCodeOf(deal.postalCode);
    if (!code) continue;
    const ids = idsByArea.get(code) ?? [];
    ids.push(deal.id);
    idsByArea.set(code, ids);
  }
  for (const [areaCode, ids] of idsByArea) {
    const { count } = await db.deal.updateMany({ where: { id: { in: ids }, areaCode: null }, data: { areaCode } });
    report.areaCodesSet += count;
  }

  const pending = await selectInTenant<{ areaCode: string; n: number }>(
    db,
    `SELECT "areaCode", count(*)::int AS n FROM "Deal" WHERE "tenantId" = $1 AND "latitude" IS NULL AND "areaCode" IS NOT NULL GROUP BY "areaCode" ORDER BY "areaCode"`,
    [db.tenantId],
  );
  // The areas the dataset knows, up to the limit; a transaction per batch enters the tenant once for all of them.
  const batch: { areaCode: string; latitude: number; longitude: number }[] = [];
  let planned = 0;
  for (const { areaCode, n } of pending) {
    if (planned >= limit) break;
    const centroid = areaCentroid(areaCode);
    if (!centroid) continue;
    batch.push({ areaCode, latitude: centroid.latitude, longitude: centroid.longitude });
    planned += n;
  }
  for (let i = 0; i < batch.length; i += AREAS_PER_TRANSACTION) {
    report.located += await db.$transaction(
      async (tx) => {
        let located = 0;
        for (const { areaCode, latitude, longitude } of batch.slice(i, i + AREAS_PER_TRANSACTION)) {
          located += (await tx.deal.updateMany({ where: { areaCode, latitude: null }, data: { latitude, longitude, locationSource: "centroid" } })).count;
        }
        return located;
      },
      { timeout: 120_000 },
    );
  }
  return report;
}
