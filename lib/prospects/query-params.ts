/**
 * The Prospects table's state as its URL holds it: the schema, its defaults and the links
 * built from it. Imported by client components, so it stays free of anything server-side.
 */
import { z } from "zod";
import { DEAL_SOURCES, DEAL_STATUSES } from "@/lib/intake/schema";
import { STRATEGIES } from "@/lib/underwriting/rules";
import { AreaCodesParam, BboxParam } from "@/lib/map/bbox";
import { storableText } from "@/lib/validation/text";
import { QUALITY_CODES } from "@/lib/quality/types";
import { parseLenientQuery, searchParamsOf, type RawQuery } from "@/lib/validation/url-query";

export { UNOWNED } from "./query-sql";

/**
 * Every sort has an index that reads its first page in order (Deal's indexes, migration
 * prospects_query_indexes). MAO has none, so it is not offered: it follows ARV less repairs,
 * and spread (MAO less the asking price) ranks the same deals by what they are worth to us.
 */
export const PROSPECT_SORTS = ["createdAt", "spread", "spreadRatio", "askingPrice", "arv", "score", "intentScore", "city"] as const;
export type ProspectSort = (typeof PROSPECT_SORTS)[number];

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
  /** Deals on at least this many lead lists (list stacking). */
  listsMin: z.preprocess(blank, z.coerce.number().int().min(1).max(1000).optional()),
  /** Deals with a data-quality flag: "any", or one flag's code. */
  quality: z.preprocess(blank, z.enum(["any", ...QUALITY_CODES]).optional()),
  from: optionalDay,
  to: optionalDay,
  /** Deals put under contract (or closed) from this day on, as the dashboard's month figures link. */
  contractedFrom: optionalDay,
  closedFrom: optionalDay,
  /** A member's user id, or "none" for deals nobody owns yet. */
  owner: z.preprocess(blank, storableText().trim().max(64).optional()),
  /** Deals located in this box (minLng,minLat,maxLng,maxLat), as a selection on the Market map opens them. */
  bbox: BboxParam,
  /** Deals in these postal areas (US ZIPs, Canadian FSAs), as the Market map's area card links them. */
  area: AreaCodesParam,
  /** A keyset cursor (a page's `nextCursor`): the page starts after it, whatever `page` says. */
  after: z.preprocess(blank, z.string().regex(/^[A-Za-z0-9_-]{1,400}$/).optional()),
});
export type ProspectQuery = z.infer<typeof ProspectQuery>;

/** The values a URL may leave out; `prospectSearchParams` omits them to keep links short. */
export const PROSPECT_QUERY_DEFAULTS = { page: 1, pageSize: 25, sort: "createdAt", dir: "desc" } as const;

/** Parses search params leniently (see `parseLenientQuery`): hand-edited links still open. */
export function parseProspectQuery(raw: RawQuery): ProspectQuery {
  return parseLenientQuery(ProspectQuery, raw);
}

/** The inverse of `ProspectQuery.parse`: only non-default values, lists comma-joined. */
export function prospectSearchParams(query: Partial<ProspectQuery>): URLSearchParams {
  return searchParamsOf(query, PROSPECT_QUERY_DEFAULTS);
}

/** A query string with readable commas (status=NEW,DEAD): commas are legal in a query. */
export function prospectQueryString(params: URLSearchParams): string {
  return params.toString().replaceAll("%2C", ",");
}
