/**
 * lib/prospects is the read side of the deals area (lib/deals owns and writes Deal): the
 * prospects table, its analytics and the deal page read Deal directly, for their indexes.
 */
import { DateTime } from "luxon";
import { z } from "zod";
import type { DealSource, DealStatus, Prisma, Strategy } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { DEAL_SOURCES, DEAL_STATUSES } from "@/lib/intake/schema";
import { STRATEGIES } from "@/lib/underwriting/rules";
import { storableText } from "@/lib/validation/text";

export const PROSPECT_SORTS = ["createdAt", "spread", "spreadRatio", "askingPrice", "arv", "mao", "score", "city"] as const;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
/** A URL parameter that may repeat (?status=NEW&status=DEAD) or hold a comma list. */
const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : String(v).split(",")).filter(Boolean)),
    z.array(z.enum(values)).optional(),
  );
const optionalInt = z.preprocess(blank, z.coerce.number().int().optional());
const optionalDay = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD").optional());
/** Far past any page a person reads; keeps the row offset a number the database accepts. */
export const MAX_PAGE = 100_000;

/** The prospects table's state, as found in its URL (and accepted by GET /api/v1/deals). */
export const ProspectQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(25),
  sort: z.enum(PROSPECT_SORTS).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  q: z.preprocess(blank, storableText().trim().max(100).optional()),
  status: multi(DEAL_STATUSES as unknown as readonly [string, ...string[]]),
  strategy: multi(STRATEGIES as unknown as readonly [string, ...string[]]),
  source: multi(DEAL_SOURCES as unknown as readonly [string, ...string[]]),
  region: z.preprocess(blank, storableText().trim().toUpperCase().max(3).optional()),
  market: z.preprocess(blank, storableText().trim().max(80).optional()),
  spreadMin: optionalInt,
  spreadMax: optionalInt,
  scoreMin: optionalInt,
  from: optionalDay,
  to: optionalDay,
  /** Deals put under contract (or closed) from this day on, as the dashboard's month figures link. */
  contractedFrom: optionalDay,
  closedFrom: optionalDay,
  /** A member's user id, or "none" for deals nobody owns yet. */
  owner: z.preprocess(blank, storableText().trim().max(64).optional()),
});
export type ProspectQuery = z.infer<typeof ProspectQuery>;

/** The `owner` filter value that matches deals without an owner. */
export const UNOWNED = "none";

/** The values a URL may leave out; `prospectSearchParams` omits them to keep links short. */
export const PROSPECT_QUERY_DEFAULTS = { page: 1, pageSize: 25, sort: "createdAt", dir: "desc" } as const;

/**
 * Parses search params leniently: a malformed parameter (spreadMin=abc) is dropped rather
 * than failing the whole page, since URLs are hand-edited and shared.
 */
export function parseProspectQuery(raw: Record<string, string | string[] | undefined>): ProspectQuery {
  const input: Record<string, unknown> = { ...raw };
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = ProspectQuery.safeParse(input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) delete input[String(issue.path[0])];
  }
  return ProspectQuery.parse({});
}

/** The inverse of `ProspectQuery.parse`: only non-default values, lists comma-joined. */
export function prospectSearchParams(query: Partial<ProspectQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
      continue;
    }
    if (PROSPECT_QUERY_DEFAULTS[key as keyof typeof PROSPECT_QUERY_DEFAULTS] === value) continue;
    params.set(key, String(value));
  }
  return params;
}

/** A query string with readable commas (status=NEW,DEAD): commas are legal in a query. */
export function prospectQueryString(params: URLSearchParams): string {
  return params.toString().replaceAll("%2C", ",");
}

/** Midnight starting `day` in `timeZone`, or undefined for an impossible day (2026-02-30). */
function dayStart(day: string, timeZone: string, plusDays = 0): Date | undefined {
  const start = DateTime.fromISO(day, { zone: timeZone });
  return start.isValid ? start.plus({ days: plusDays }).startOf("day").toJSDate() : undefined;
}

/** `from`/`to` are whole days in `timeZone` (the workspace's, where the UI shows dates). */
export function prospectWhere(query: ProspectQuery, timeZone = "UTC"): Prisma.DealWhereInput {
  // Deleted deals wait in Recently deleted; no list, count or chart shows them.
  const where: Prisma.DealWhereInput = { deletedAt: null };
  if (query.status?.length) where.status = { in: query.status as DealStatus[] };
  if (query.strategy?.length) where.strategy = { in: query.strategy as Strategy[] };
  if (query.source?.length) where.source = { in: query.source as DealSource[] };
  if (query.region) where.region = query.region;
  if (query.market) where.market = { equals: query.market, mode: "insensitive" };
  if (query.spreadMin !== undefined || query.spreadMax !== undefined) {
    where.spread = { ...(query.spreadMin !== undefined && { gte: query.spreadMin }), ...(query.spreadMax !== undefined && { lte: query.spreadMax }) };
  }
  if (query.scoreMin !== undefined) where.score = { gte: query.scoreMin };
  if (query.owner) where.ownerId = query.owner === UNOWNED ? null : query.owner;
  const contractedFrom = query.contractedFrom ? dayStart(query.contractedFrom, timeZone) : undefined;
  if (contractedFrom) where.contractedAt = { gte: contractedFrom };
  const closedFrom = query.closedFrom ? dayStart(query.closedFrom, timeZone) : undefined;
  if (closedFrom) where.closedAt = { gte: closedFrom };
  const from = query.from ? dayStart(query.from, timeZone) : undefined;
  // `to` includes that whole day (23 or 25 hours on DST days).
  const toExclusive = query.to ? dayStart(query.to, timeZone, 1) : undefined;
  if (from || toExclusive) where.createdAt = { ...(from && { gte: from }), ...(toExclusive && { lt: toExclusive }) };
  if (query.q) {
    where.OR = [
      { street: { contains: query.q, mode: "insensitive" } },
      { city: { contains: query.q, mode: "insensitive" } },
      { postalCode: { startsWith: query.q.toUpperCase() } },
    ];
  }
  return where;
}

export const PROSPECT_COLUMNS = {
  id: true, status: true, source: true, street: true, unit: true, city: true, region: true, postalCode: true, country: true,
  market: true, askingPrice: true, arv: true, repairs: true, mao: true, spread: true, spreadRatio: true, strategy: true,
  score: true, beds: true, baths: true, sqft: true, propertyType: true, createdAt: true, underwrittenAt: true,
  ownerId: true, contactPhone: true,
} as const satisfies Prisma.DealSelect;

export async function listProspects(
  db: TenantDb,
  query: ProspectQuery,
  options: { timeZone?: string; countLimit?: number; searchCountLimit?: number } = {},
) {
  const where = prospectWhere(query, options.timeZone);
  // Ties (and nulls) are broken by id so pages never overlap or skip rows.
  const orderBy: Prisma.DealOrderByWithRelationInput[] = [
    (query.sort === "createdAt" ? { createdAt: query.dir } : { [query.sort]: { sort: query.dir, nulls: "last" } }) as Prisma.DealOrderByWithRelationInput,
    { id: query.dir },
  ];
  const offset = (query.page - 1) * query.pageSize;
  // Counting every match of a broad filter costs more than the page itself, so the count
  // stops a little past what the user is looking at: "10,000+ deals". A text search counts
  // less far: filters count from their indexes alone, but each search match is rechecked in
  // the table itself, and a search that broad is refined rather than paged through.
  const limit = query.q ? (options.searchCountLimit ?? SEARCH_COUNT_LIMIT) : (options.countLimit ?? COUNT_LIMIT);
  const countLimit = Math.max(limit, offset + query.pageSize * 2);
  const [rows, counted] = await Promise.all([
    db.deal.findMany({ where, orderBy, skip: offset, take: query.pageSize, select: PROSPECT_COLUMNS }),
    db.deal.count({ where, take: countLimit + 1 }),
  ]);
  const totalIsExact = counted <= countLimit;
  const total = Math.min(counted, countLimit);
  return {
    rows,
    total,
    totalIsExact,
    page: query.page,
    pageSize: query.pageSize,
    // One page more than counted when there are more, so Next keeps going.
    pageCount: Math.max(1, Math.ceil(total / query.pageSize) + (totalIsExact ? 0 : 1)),
  };
}

/** Matches are counted exactly up to this many (or further, on deep pages). */
export const COUNT_LIMIT = 10_000;
/** The same for a free-text search: "1,000+ deals match". */
export const SEARCH_COUNT_LIMIT = 1_000;
export type ProspectPage = Awaited<ReturnType<typeof listProspects>>;
export type ProspectRow = ProspectPage["rows"][number];
