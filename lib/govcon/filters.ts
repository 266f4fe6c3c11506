/**
 * The opportunities table's filters as its URL holds them, shared by the page, GET
 * /api/v1/govcon/opportunities and saved searches (which store the filters without paging
 * or sort). Imported by client components, so it stays free of anything server-side.
 */
import { z } from "zod";
import { storableText } from "@/lib/validation/text";
import { parseLenientQuery, searchParamsOf, type RawQuery } from "@/lib/validation/url-query";
import { NOTICE_TYPE_NAMES, OPPORTUNITY_STATUSES, SET_ASIDE_CODES } from "./codes";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
/** A parameter that may repeat (?status=NEW&status=TRACKING) or hold a comma list. */
const multi = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : String(v).split(",")).map((x) => String(x).trim()).filter(Boolean)),
    z.array(z.enum(values)).optional(),
  );
const optionalDay = z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD").optional());
const flag = z.preprocess((v) => (v === "1" || v === "true" || v === true ? true : v === "0" || v === "false" || v === false ? false : blank(v)), z.boolean().optional());

export const OPPORTUNITY_SORTS = ["fit", "deadline", "posted"] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

/** What narrows the list: the part a saved search keeps. */
export const OpportunityFilters = z.object({
  q: z.preprocess(blank, storableText().trim().max(100).optional()),
  /** NAICS codes or prefixes: a notice matches when its code starts with one of them. */
  naics: z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : (Array.isArray(v) ? v : String(v).split(",")).map((x) => String(x).trim()).filter(Boolean)),
    z.array(z.string().regex(/^\d{2,6}$/, "A NAICS code or prefix is 2 to 6 digits")).max(50).optional(),
  ),
  setAside: multi(SET_ASIDE_CODES),
  noticeType: multi(NOTICE_TYPE_NAMES),
  /** Words in the department, sub-tier or office. */
  agency: z.preprocess(blank, storableText().trim().max(100).optional()),
  state: z.preprocess(blank, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "Use a two-letter state code").optional()),
  /** Response deadline on or after / on or before these days (UTC). */
  deadlineFrom: optionalDay,
  deadlineTo: optionalDay,
  /** Response deadline within this many days from now (past deadlines excluded). */
  deadlineWithinDays: z.preprocess(blank, z.coerce.number().int().min(1).max(365).optional()),
  fitMin: z.preprocess(blank, z.coerce.number().int().min(0).max(100).optional()),
  status: multi(OPPORTUNITY_STATUSES),
  excludeNoBid: flag,
});
export type OpportunityFilters = z.infer<typeof OpportunityFilters>;

export const OpportunityQuery = OpportunityFilters.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(25),
  sort: z.enum(OPPORTUNITY_SORTS).default("fit"),
  dir: z.enum(["asc", "desc"]).default("desc"),
});
export type OpportunityQuery = z.infer<typeof OpportunityQuery>;

export const OPPORTUNITY_QUERY_DEFAULTS = { page: 1, pageSize: 25, sort: "fit", dir: "desc" } as const;

/** Parses search params leniently: a malformed parameter is dropped, the page still opens. */
export function parseOpportunityQuery(raw: RawQuery): OpportunityQuery {
  return parseLenientQuery(OpportunityQuery, raw);
}

export function opportunitySearchParams(query: Partial<OpportunityQuery>): URLSearchParams {
  return searchParamsOf(query, OPPORTUNITY_QUERY_DEFAULTS);
}

/** The filters of a query: what a saved search stores. */
export function filtersOf(query: OpportunityQuery): OpportunityFilters {
  const { page: _page, pageSize: _pageSize, sort: _sort, dir: _dir, ...filters } = query;
  return OpportunityFilters.parse(filters);
}
