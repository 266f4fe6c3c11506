/**
 * The Market map's deals for one viewport: clusters and single deals, never every point.
 *
 * Choice: `supercluster` (not H3 cells). The map needs clusters that follow the zoom and
 * split on click, and deals located at a postal centroid share one point, which supercluster
 * keeps as one cluster (with its count) at every zoom; H3 would need a resolution per zoom
 * and a second pass for the splits. The index is built in memory from the deals matching the
 * Prospects filters (id, position, status, strategy, spread, a label), once per tenant,
 * filter set and data version, then every pan and zoom is a lookup in it (a few ms at 200k
 * deals). The filter is the Prospects table's own SQL (lib/prospects/query-sql.ts), so the
 * map and the table count the same deals.
 */
import Supercluster from "supercluster";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import type { DealStatus } from "@/lib/deals/rules";
import type { ProspectQuery } from "@/lib/prospects/query-params";
import { prospectFilterSql } from "@/lib/prospects/query-sql";
import type { Strategy } from "@/lib/underwriting/rules";
import { intersectBbox, type Bbox } from "./bbox";
import {
  clusterAccumulatorOf,
  clusterPropertiesOf,
  mergeClusterAccumulators,
  type ClusterAccumulator,
  type DealPoint,
  type ViewportFeature,
  type ViewportResult,
} from "./clusters";

/** Past this zoom deals stop splitting: deals at one postal centroid stay one cluster with a count. */
export const MAX_CLUSTER_ZOOM = 16;
/** The most features one answer carries; a busier view is clustered a zoom lower until it fits. */
export const MAX_FEATURES = 3_000;
/** Cluster radius in pixels of a 512-px tile (MapLibre's). */
const CLUSTER_RADIUS = 60;

interface DealIndex {
  clusters: Supercluster<DealPoint, ClusterAccumulator>;
  points: number;
}

interface CachedIndex {
  version: string;
  builtAt: number;
  points: number;
  index: Promise<DealIndex>;
}

/**
 * A small LRU of indexes: at most a few filter sets of a few tenants and a bounded number of
 * points in memory, each kept a few minutes and rebuilt as soon as the deals change (the
 * data version: the count and the last update of the tenant's deals).
 */
const CACHE_MAX_ENTRIES = 8;
const CACHE_MAX_POINTS = 1_200_000;
const CACHE_TTL_MS = 5 * 60_000;
const cache = new Map<string, CachedIndex>();

/** Forgets every index (tests, and a process that wants its memory back). */
export function clearViewportCache(): void {
  cache.clear();
  versions.clear();
}

export interface ViewportRequest {
  bbox: Bbox;
  zoom: number;
  /** The workspace's time zone, for the `from`/`to` day filters (as the table reads them). */
  timeZone?: string;
  /** How old a data version may be before it is read again (0: now). */
  maxStaleMs?: number;
}

/** The filters that choose the deals; paging, sorting and the box do not change the index. */
function indexKeyOf(tenantId: string, query: ProspectQuery, timeZone: string): string {
  const { page: _page, pageSize: _pageSize, sort: _sort, dir: _dir, after: _after, bbox: _bbox, ...filters } = query;
  const sorted = Object.entries(filters).filter(([, value]) => value !== undefined).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([tenantId, timeZone, sorted]);
}

/**
 * Changes whenever a deal of the tenant is created, edited, deleted or purged. Reading it
 * scans the tenant's deals (about 120 ms at 200k on PGlite), so it is read at most once per
 * `maxStaleMs` per tenant: while someone pans, every move after the first is answered from
 * memory, and a change shows at the first move after that window.
 */
const versions = new Map<string, { version: string; readAt: number }>();
export const VERSION_MAX_STALE_MS = 2_000;

async function dataVersionOf(db: TenantDb, maxStaleMs: number): Promise<string> {
  const known = versions.get(db.tenantId);
  if (known && Date.now() - known.readAt < maxStaleMs) return known.version;
  const [row] = await selectInTenant<{ n: number; at: Date | string | null }>(
    db,
    'SELECT count(*)::int AS n, max("updatedAt") AS at FROM "Deal" WHERE "tenantId" = $1',
    [db.tenantId],
  );
  const version = `${row.n}:${row.at instanceof Date ? row.at.toISOString() : String(row.at)}`;
  versions.set(db.tenantId, { version, readAt: Date.now() });
  return version;
}

interface PointRow {
  id: string;
  longitude: number;
  latitude: number;
  status: DealStatus;
  strategy: Strategy | null;
  spread: number | null;
  label: string | null;
}

async function buildIndex(db: TenantDb, query: ProspectQuery, timeZone: string): Promise<DealIndex> {
  const filter = prospectFilterSql({ ...query, bbox: undefined }, db.tenantId, timeZone);
  const rows = await selectInTenant<PointRow>(
    db,
    `SELECT "id", "longitude", "latitude", "status", "strategy", "spread", coalesce("street", "city", "postalCode") AS "label" FROM "Deal"
     WHERE ${filter.where} AND "longitude" IS NOT NULL AND "latitude" IS NOT NULL`,
    filter.params,
  );
  const clusters = new Supercluster<DealPoint, ClusterAccumulator>({
    radius: CLUSTER_RADIUS,
    extent: 512,
    maxZoom: MAX_CLUSTER_ZOOM,
    map: clusterAccumulatorOf,
    reduce: mergeClusterAccumulators,
  });
  clusters.load(
    rows.map((row) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [Number(row.longitude), Number(row.latitude)] },
      properties: { id: row.id, label: row.label ?? "Deal", status: row.status, strategy: row.strategy, spread: row.spread === null ? null : Number(row.spread) },
    })),
  );
  return { clusters, points: rows.length };
}

function evictOverflow(): void {
  const now = Date.now();
  for (const [key, entry] of cache) if (now - entry.builtAt > CACHE_TTL_MS) cache.delete(key);
  let points = [...cache.values()].reduce((sum, entry) => sum + entry.points, 0);
  // Map keeps insertion order and a hit re-inserts its entry: the first key is the least recently used.
  for (const [key, entry] of cache) {
    if (cache.size <= CACHE_MAX_ENTRIES && points <= CACHE_MAX_POINTS) break;
    cache.delete(key);
    points -= entry.points;
  }
}

/** The cluster index of the deals matching `query`, from the cache while the deals have not changed. */
async function indexFor(db: TenantDb, query: ProspectQuery, timeZone: string, maxStaleMs: number): Promise<DealIndex> {
  const key = indexKeyOf(db.tenantId, query, timeZone);
  const version = await dataVersionOf(db, maxStaleMs);
  const cached = cache.get(key);
  if (cached && cached.version === version && Date.now() - cached.builtAt <= CACHE_TTL_MS) {
    cache.delete(key);
    cache.set(key, cached);
    return cached.index;
  }
  const entry: CachedIndex = { version, builtAt: Date.now(), points: 0, index: buildIndex(db, query, timeZone) };
  cache.delete(key);
  cache.set(key, entry);
  try {
    const index = await entry.index;
    entry.points = index.points;
    evictOverflow();
    return index;
  } catch (error) {
    if (cache.get(key) === entry) cache.delete(key);
    throw error;
  }
}

/**
 * The deals of one viewport, clustered for its zoom: clusters (count, spread sum and mean,
 * dominant status and strategy) and single deals. A box given in the filters too (a
 * selection opened from Prospects) narrows the viewport to where the two meet.
 */
export async function viewportClusters(db: TenantDb, query: ProspectQuery, request: ViewportRequest): Promise<ViewportResult> {
  const index = await indexFor(db, query, request.timeZone ?? "UTC", request.maxStaleMs ?? VERSION_MAX_STALE_MS);
  const bbox = query.bbox ? intersectBbox(request.bbox, query.bbox) : request.bbox;
  let zoom = Math.max(0, Math.min(MAX_CLUSTER_ZOOM, Math.floor(request.zoom)));
  if (!bbox) return { type: "FeatureCollection", features: [], zoom, deals: 0, indexed: index.points };
  let found = index.clusters.getClusters(bbox, zoom);
  while (found.length > MAX_FEATURES && zoom > 0) found = index.clusters.getClusters(bbox, --zoom);
  let deals = 0;
  const features = found.map((feature): ViewportFeature => {
    const properties = feature.properties as { cluster?: boolean; cluster_id?: number; point_count?: number } & (ClusterAccumulator | DealPoint);
    if (properties.cluster && properties.cluster_id !== undefined && properties.point_count !== undefined) {
      deals += properties.point_count;
      const expansionZoom = index.clusters.getClusterExpansionZoom(properties.cluster_id);
      return {
        type: "Feature",
        geometry: feature.geometry,
        properties: clusterPropertiesOf(properties as ClusterAccumulator, { clusterId: properties.cluster_id, count: properties.point_count, expansionZoom }),
      };
    }
    deals += 1;
    const point = properties as DealPoint;
    return { type: "Feature", geometry: feature.geometry, properties: { kind: "deal", id: point.id, label: point.label, status: point.status, strategy: point.strategy, spread: point.spread } };
  });
  return { type: "FeatureCollection", features, zoom, deals, indexed: index.points };
}
