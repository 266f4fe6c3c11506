/**
 * The Buyers table's state as its URL holds it: the schema, its defaults and the links built
 * from it. Imported by client components and saved in buyer segments, so it stays free of
 * anything server-side.
 */
import { z } from "zod";
import { PROPERTY_TYPES } from "@/lib/intake/schema";
import { storableText } from "@/lib/validation/text";
import { parseLenientQuery, searchParamsOf, type RawQuery } from "@/lib/validation/url-query";

export const BUYER_SORTS = ["name", "company", "tier", "status", "proofOfFunds", "lastActivity", "intentScore", "createdAt"] as const;
export type BuyerSort = (typeof BUYER_SORTS)[number];

/** Kept beside the query so client components need not import the buyer schema (and lib/geo with it). */
const STATUSES = ["ACTIVE", "INACTIVE", "DO_NOT_USE"] as const;
const TIERS = ["A", "B", "C"] as const;
const STRATEGIES = ["FLIP", "RENTAL", "WHOLESALE"] as const;

/** The owner filter's value for buyers nobody owns. */
export const UNOWNED_BUYERS = "none";
export const MAX_BUYER_PAGE = 100_000;

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
/** A parameter that may repeat (?status=ACTIVE&status=INACTIVE) or hold a comma list. */
const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : String(v).split(",")).map((s) => String(s).trim().toUpperCase()).filter(Boolean)),
    z.array(z.enum(values)).optional(),
  );
const text = (max: number) => z.preprocess(blank, storableText().trim().max(max).optional());

export const BuyerQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_BUYER_PAGE).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(25),
  sort: z.enum(BUYER_SORTS).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  /** Name, company, phone or email. */
  q: text(100),
  status: multi(STATUSES),
  tier: multi(TIERS),
  /** "TX:Houston": buyers whose buy box lists that market. */
  market: text(120),
  /** A ZIP or FSA in the buyer's buy box. */
  postalCode: z.preprocess(blank, storableText().trim().toUpperCase().max(10).optional()),
  propertyType: multi(PROPERTY_TYPES),
  strategy: multi(STRATEGIES),
  tag: text(40),
  /** A member's user id, or "none". */
  owner: text(64),
  /** A keyset cursor (a page's `nextCursor`, the API's): the page starts after that buyer. */
  after: z.preprocess(blank, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()),
});
export type BuyerQuery = z.infer<typeof BuyerQuery>;

export const BUYER_QUERY_DEFAULTS = { page: 1, pageSize: 25, sort: "createdAt", dir: "desc" } as const;

/** Lenient: a malformed parameter is dropped rather than failing the page (URLs are hand-edited). */
export function parseBuyerQuery(raw: RawQuery): BuyerQuery {
  return parseLenientQuery(BuyerQuery, raw);
}

/** The inverse of `parseBuyerQuery`: only non-default values, lists comma-joined. */
export function buyerSearchParams(query: Partial<BuyerQuery>): URLSearchParams {
  return searchParamsOf(query, BUYER_QUERY_DEFAULTS);
}

/** A query string with readable commas (status=ACTIVE,INACTIVE). */
export function buyerQueryString(query: Partial<BuyerQuery>): string {
  return buyerSearchParams(query).toString().replaceAll("%2C", ",");
}

/** Parses a stored query string (a segment's) back into a query. */
export function parseBuyerQueryString(queryString: string): BuyerQuery {
  const source = new URLSearchParams(queryString.replace(/^\?/, ""));
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(source.keys())) {
    const values = source.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  return parseBuyerQuery(raw);
}

/** Whether any filter narrows the list (sort and paging aside). */
export function hasBuyerFilters(query: BuyerQuery): boolean {
  const { page: _p, pageSize: _s, sort: _o, dir: _d, after: _a, ...filters } = query;
  return Object.values(filters).some((v) => v !== undefined && (!Array.isArray(v) || v.length > 0));
}
