/**
 * lib/prospects is the read side of the deals area (lib/deals owns and writes Deal): the
 * prospects table, its analytics and the deal page read Deal directly, for their indexes.
 */
import type { DealSource, DealStatus, Prisma, Strategy } from "@/generated/prisma/client";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import { dayStart, escapeLike, looksLikePostalCode, looksLikeStreetAddress, marketCasings, prospectFilterSql, UNOWNED } from "./query-sql";

import type { ProspectQuery, ProspectSort } from "./query-params";

// The URL state lives apart, for client components; server code keeps one import.
export * from "./query-params";

/** `from`/`to` are whole days in `timeZone` (the workspace's, where the UI shows dates). */
export function prospectWhere(query: ProspectQuery, timeZone = "UTC"): Prisma.DealWhereInput {
  // Deleted deals wait in Recently deleted; no list, count or chart shows them.
  const where: Prisma.DealWhereInput = { deletedAt: null };
  if (query.status?.length) where.status = { in: query.status as DealStatus[] };
  if (query.strategy?.length) where.strategy = { in: query.strategy as Strategy[] };
  if (query.source?.length) where.source = { in: query.source as DealSource[] };
  if (query.region) where.region = query.region;
  // The same matches as the list's SQL (lib/prospects/query-sql.ts).
  if (query.market) where.market = { in: marketCasings(query.market) };
  if (query.spreadMin !== undefined || query.spreadMax !== undefined) {
    where.spread = { ...(query.spreadMin !== undefined && { gte: query.spreadMin }), ...(query.spreadMax !== undefined && { lte: query.spreadMax }) };
  }
  if (query.scoreMin !== undefined) where.score = { gte: query.scoreMin };
  if (query.listsMin !== undefined) where.listCount = { gte: query.listsMin };
  if (query.quality) where.qualityFlags = query.quality === "any" ? { isEmpty: false } : { has: query.quality };
  if (query.area?.length) where.areaCode = { in: query.area };
  if (query.bbox) {
    const [minLng, minLat, maxLng, maxLat] = query.bbox;
    where.longitude = { gte: minLng, lte: maxLng };
    where.latitude = { gte: minLat, lte: maxLat };
  }
  if (query.owner) where.ownerId = query.owner === UNOWNED ? null : query.owner;
  const contractedFrom = query.contractedFrom ? dayStart(query.contractedFrom, timeZone) : undefined;
  if (contractedFrom) where.contractedAt = { gte: contractedFrom };
  const closedFrom = query.closedFrom ? dayStart(query.closedFrom, timeZone) : undefined;
  if (closedFrom) where.closedAt = { gte: closedFrom };
  const from = query.from ? dayStart(query.from, timeZone) : undefined;
  // `to` includes that whole day (23 or 25 hours on DST days).
  const toExclusive = query.to ? dayStart(query.to, timeZone, 1) : undefined;
  if (from || toExclusive) where.createdAt = { ...(from && { gte: from }), ...(toExclusive && { lt: toExclusive }) };
  // Prisma puts the text in a LIKE pattern as it is: its wildcards are escaped to be literal.
  if (query.q && looksLikePostalCode(query.q.toUpperCase())) where.postalCode = { startsWith: query.q.toUpperCase() };
  else if (query.q && looksLikeStreetAddress(query.q)) where.OR = marketCasings(query.q).map((start) => ({ street: { startsWith: escapeLike(start) } }));
  else if (query.q) {
    where.OR = [
      { street: { contains: escapeLike(query.q), mode: "insensitive" } },
      { city: { contains: escapeLike(query.q), mode: "insensitive" } },
      { postalCode: { startsWith: escapeLike(query.q.toUpperCase()) } },
    ];
  }
  return where;
}

export const PROSPECT_COLUMNS = {
  id: true, status: true, source: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true,
  market: true, askingPrice: true, arv: true, repairs: true, mao: true, spread: true, spreadRatio: true, strategy: true,
  score: true, beds: true, baths: true, sqft: true, propertyType: true, createdAt: true, underwrittenAt: true,
  ownerId: true, contactPhone: true, intentScore: true, listCount: true, qualityFlags: true,
} as const satisfies Prisma.DealSelect;

export async function listProspects(
  db: TenantDb,
  query: ProspectQuery,
  options: { timeZone?: string; countLimit?: number; searchCountLimit?: number } = {},
) {
  const filter = prospectFilterSql(query, db.tenantId, options.timeZone);
  const offset = (query.page - 1) * query.pageSize;
  // Counting every match of a broad filter costs more than the page itself, so the count
  // stops a little past what the user is looking at, and beyond that the planner's estimate
  // stands in: "about 1.2M deals". A text search counts less far: a substring is matched row
  // by row (no index serves ILIKE under row-level security), and a search that broad is
  // refined rather than paged.
  const limit = query.q ? (options.searchCountLimit ?? SEARCH_COUNT_LIMIT) : (options.countLimit ?? COUNT_LIMIT);
  const countLimit = Math.max(limit, offset + query.pageSize * 2);
  const cursor = query.after ? decodeProspectCursor(query.after) : undefined;
  const [{ rows, nextCursor }, counted] = await Promise.all([pageRows(db, filter, query, offset, cursor), countMatches(db, filter, countLimit + 1)]);
  const totalIsExact = counted <= countLimit;
  const total = Math.min(counted, countLimit);
  const estimate = totalIsExact ? undefined : await estimateMatches(db, filter);
  return {
    rows,
    total,
    totalIsExact,
    /** The planner's estimate of every match when the count stopped short; shown as "about 1.2M". */
    estimatedTotal: estimate !== undefined && estimate > countLimit ? estimate : undefined,
    page: query.page,
    pageSize: query.pageSize,
    // One page more than counted when there are more, so Next keeps going.
    pageCount: Math.max(1, Math.ceil(total / query.pageSize) + (totalIsExact ? 0 : 1)),
    /** Pass as `after` for the page after this one (keyset: as fast at any depth); absent when this page came back short. */
    nextCursor,
  };
}

type Filter = ReturnType<typeof prospectFilterSql>;

/** Where a keyset page starts: just after this sort value and id (`value` null: among the deals without one). */
export interface ProspectCursor {
  value: number | string | null;
  id: string;
}

/** An opaque, URL-safe cursor ("after=..."); undefined for one that was not made here. */
export function decodeProspectCursor(text: string): ProspectCursor | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string") return undefined;
    const [value, id] = parsed as [unknown, string];
    return value === null || typeof value === "number" || typeof value === "string" ? { value, id } : undefined;
  } catch {
    return undefined;
  }
}

export function encodeProspectCursor(cursor: ProspectCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

const SORT_CASTS: Record<ProspectSort, string> = {
  createdAt: "::timestamp(3)", spread: "::int", spreadRatio: "::float8", askingPrice: "::int", arv: "::int", score: "::int", intentScore: "::int", city: "::text",
};

/**
 * The page's ids in order, then its rows by primary key. Ties are broken by id so pages never
 * overlap or skip rows; deals without a value come last in both directions. Each sort's index
 * holds (value DESC NULLS LAST, id DESC): read forwards it serves the descending sort whole;
 * read backwards, from its last value, the ascending one, after which the deals without a
 * value follow in id order. With a cursor the page starts after it (keyset), so a deep page
 * costs what the first one does; without one, it skips `offset` rows.
 */
export async function pageRows(db: TenantDb, filter: Filter, query: ProspectQuery, offset: number, cursor: ProspectCursor | undefined) {
  const column = `"${query.sort}"`;
  const [dir, after] = query.dir === "asc" ? ["ASC", ">"] : ["DESC", "<"];
  const select = async (condition: string, extra: unknown[], order: string, skip: number, take: number) => {
    const params = [...filter.params, ...extra];
    const sql = `SELECT "id", ${column} AS "value" FROM "Deal" WHERE ${filter.where}${condition} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`;
    return selectInTenant<{ id: string; value: unknown }>(db, sql, params);
  };
  // Placeholders for a cursor's value and id, after the filter's own parameters.
  const [valueParam, idParam] = [`$${filter.params.length + 1}${SORT_CASTS[query.sort]}`, `$${filter.params.length + 2}::text`];
  const keyset = cursor ? [cursor.value, cursor.id] : [];
  const valuedAfter = cursor ? ` AND (${column}, "id") ${after} (${valueParam}, ${idParam})` : "";
  let page: { id: string; value: unknown }[];
  if (query.sort === "createdAt") {
    page = await select(valuedAfter, keyset, `"createdAt" ${dir}, "id" ${dir}`, cursor ? 0 : offset, query.pageSize);
  } else if (cursor?.value === null) {
    page = await select(` AND ${column} IS NULL AND "id" ${after} $${filter.params.length + 1}::text`, [cursor.id], `"id" ${dir}`, 0, query.pageSize);
  } else {
    const order = dir === "DESC" ? `${column} DESC NULLS LAST, "id" DESC` : `${column} ASC NULLS FIRST, "id" ASC`;
    const valued = await select(` AND ${column} IS NOT NULL${valuedAfter}`, keyset, order, cursor ? 0 : offset, query.pageSize);
    page = valued;
    if (valued.length < query.pageSize) {
      // Past the last valued deal: how far into the deals without a value this page starts
      // (a cursor among the valued deals: at their start).
      const valuedCount = valued.length > 0 || cursor ? offset + valued.length : await countMatches(db, { ...filter, where: `${filter.where} AND ${column} IS NOT NULL` });
      const skip = cursor ? 0 : Math.max(0, offset - valuedCount);
      page = [...valued, ...(await select(` AND ${column} IS NULL`, [], `"id" ${dir}`, skip, query.pageSize - valued.length))];
    }
  }
  const last = page.length === query.pageSize ? page[page.length - 1] : undefined;
  const nextCursor = last ? encodeProspectCursor({ id: last.id, value: last.value instanceof Date ? last.value.toISOString() : (last.value as number | string | null) }) : undefined;
  if (page.length === 0) return { rows: [], nextCursor };
  const rows = await db.deal.findMany({ where: { id: { in: page.map((row) => row.id) } }, select: PROSPECT_COLUMNS });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { rows: page.flatMap((row) => byId.get(row.id) ?? []), nextCursor };
}

/** Matches up to `cap` (all without one); no ORDER BY, so the planner reads them from whichever index fits. */
async function countMatches(db: TenantDb, filter: Filter, cap?: number): Promise<number> {
  const matches = `SELECT 1 FROM "Deal" WHERE ${filter.where}${cap === undefined ? "" : ` LIMIT ${cap}`}`;
  const [row] = await selectInTenant<{ n: number }>(db, `SELECT count(*)::int AS n FROM (${matches}) AS matches`, filter.params);
  return Number(row.n);
}

/** The planner's estimate of the matches, from the table's statistics (refreshed after imports). */
async function estimateMatches(db: TenantDb, filter: Filter): Promise<number | undefined> {
  const [row] = await selectInTenant<Record<string, unknown>>(db, `EXPLAIN (FORMAT JSON) SELECT 1 FROM "Deal" WHERE ${filter.where}`, filter.params);
  const value = row ? Object.values(row)[0] : undefined;
  const plan = (typeof value === "string" ? JSON.parse(value) : value) as [{ Plan?: { "Plan Rows"?: number } }] | undefined;
  const rows = plan?.[0]?.Plan?.["Plan Rows"];
  return typeof rows === "number" ? Math.round(rows) : undefined;
}

/** Matches are counted exactly up to this many (or further, on deep pages). */
export const COUNT_LIMIT = 10_000;
/** The same for a free-text search: "1,000+ deals match". */
export const SEARCH_COUNT_LIMIT = 1_000;
export type ProspectPage = Awaited<ReturnType<typeof listProspects>>;
export type ProspectRow = ProspectPage["rows"][number];
