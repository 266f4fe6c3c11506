/**
 * SAM.gov played locally from the shipped feed: a fetch-compatible function that answers
 * `GET {any base}/opportunities/v2/search?...` and the notices' noticedesc links the way
 * SAM.gov does, with its validation and error bodies. The workspace without a SAM.gov key
 * syncs through it, so the client, parsing, dedupe, amendments and quota all run for real.
 * What it serves depends on `now`: see fixture-feed.ts and fixture-clock.ts.
 */
import { NOTICE_TYPES, type NoticeType } from "@/lib/govcon/codes";
import { dayNumber } from "./fixture-clock";
import { descriptionAt, noticesPostedIn } from "./fixture-feed";
import type { SamNotice, SamSearchResponse } from "./types";

const MAX_LIMIT = 1000;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** SAM.gov's own 400 body. */
function badRequest(message: string): Response {
  return json(400, { errorCode: "400", errorMessage: message });
}

/** The api.data.gov gateway's answer to a request without a key. */
function missingKey(): Response {
  return json(403, { error: { code: "API_KEY_MISSING", message: "No api_key was supplied. Get one at https://api.sam.gov:443" } });
}

/** MM/dd/yyyy as a UTC day number, or null. */
function queryDay(value: string | null): number | null {
  const match = value ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim()) : null;
  if (!match) return null;
  const [, mm, dd, yyyy] = match;
  const day = `${yyyy}-${mm}-${dd}`;
  const parsed = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== day) return null;
  return dayNumber(day);
}

function yearAfter(day: number): number {
  const date = new Date(day * 86_400_000);
  return Math.floor(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate()) / 86_400_000);
}

const TYPE_BY_CODE = new Map(Object.entries(NOTICE_TYPES).map(([name, code]) => [code as string, name as NoticeType]));

type Filter = (notice: SamNotice) => boolean;

/** The narrowing parameters SAM.gov applies to a window, or the 400 it answers. */
function filtersOf(params: URLSearchParams): Filter[] | Response {
  const filters: Filter[] = [];
  const ptype = params.get("ptype");
  if (ptype) {
    const names = ptype.split(",").map((code) => TYPE_BY_CODE.get(code.trim().toLowerCase()));
    if (names.some((name) => !name)) return badRequest("Invalid ptype value. Valid values are p, o, k, r, s, a, u, g, i.");
    filters.push((notice) => names.includes(notice.type as NoticeType));
  }
  const equals = (param: string, read: (notice: SamNotice) => string | null | undefined) => {
    const wanted = params.get(param)?.trim().toLowerCase();
    if (wanted) filters.push((notice) => (read(notice) ?? "").toLowerCase() === wanted);
  };
  equals("ncode", (notice) => notice.naicsCode);
  equals("ccode", (notice) => notice.classificationCode);
  equals("typeOfSetAside", (notice) => notice.typeOfSetAside);
  equals("state", (notice) => notice.placeOfPerformance?.state?.code);
  equals("zip", (notice) => notice.placeOfPerformance?.zip);
  equals("solnum", (notice) => notice.solicitationNumber);
  equals("noticeid", (notice) => notice.noticeId);
  const title = params.get("title")?.trim().toLowerCase();
  if (title) filters.push((notice) => (notice.title ?? "").toLowerCase().includes(title));

  const rdlfrom = params.get("rdlfrom");
  const rdlto = params.get("rdlto");
  if (rdlfrom || rdlto) {
    const from = rdlfrom ? queryDay(rdlfrom) : Number.NEGATIVE_INFINITY;
    const to = rdlto ? queryDay(rdlto) : Number.POSITIVE_INFINITY;
    if (from === null || to === null) return badRequest("Invalid Date Entered. Expected date format is MM/dd/yyyy");
    filters.push((notice) => {
      if (!notice.responseDeadLine) return false;
      const day = dayNumber(notice.responseDeadLine.slice(0, 10));
      return day >= from && day <= to;
    });
  }
  return filters;
}

function search(url: URL, now: Date): Response {
  const params = url.searchParams;
  const postedFrom = params.get("postedFrom");
  const postedTo = params.get("postedTo");
  if (!postedFrom || !postedTo) return badRequest("PostedFrom and PostedTo are mandatory");
  const fromDay = queryDay(postedFrom);
  const toDay = queryDay(postedTo);
  if (fromDay === null || toDay === null) return badRequest("Invalid Date Entered. Expected date format is MM/dd/yyyy");
  if (fromDay > toDay) return badRequest("PostedFrom date must be earlier than PostedTo date");
  if (toDay > yearAfter(fromDay)) return badRequest("Date range must be 1 year(s) apart");

  const limit = params.has("limit") ? Number(params.get("limit")) : 1;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) return badRequest(`Limit valid range is 0-${MAX_LIMIT}. Please provide valid input.`);
  const offset = params.has("offset") ? Number(params.get("offset")) : 0;
  if (!Number.isInteger(offset) || offset < 0) return badRequest("Offset must be a positive number.");

  const filters = filtersOf(params);
  if (filters instanceof Response) return filters;
  const matching = noticesPostedIn({ fromDay, toDay }, now).filter((notice) => filters.every((filter) => filter(notice)));

  const self = new URL(url);
  self.searchParams.delete("api_key");
  const body: SamSearchResponse = {
    totalRecords: matching.length,
    limit,
    offset,
    opportunitiesData: matching.slice(offset, offset + limit),
    links: [{ rel: "self", href: self.toString() }],
  };
  return json(200, body);
}

function noticeDescription(url: URL, now: Date): Response {
  const noticeId = url.searchParams.get("noticeid")?.trim();
  if (!noticeId) return badRequest("noticeid is mandatory");
  const description = descriptionAt(noticeId, now);
  if (description === null) return json(404, { errorCode: "404", errorMessage: "Description Not Found" });
  return json(200, { description });
}

function requestUrl(input: RequestInfo | URL): URL {
  if (input instanceof URL) return input;
  if (typeof input === "string") return new URL(input);
  return new URL(input.url);
}

/**
 * A fetch that plays SAM.gov from the shipped feed as of `now()`. Any base URL is accepted
 * (the client's SAM_GOV_API_URL or api.sam.gov), so it stands in for the network only.
 */
export function fixtureSamGovFetch(now: () => Date = () => new Date()): typeof fetch {
  return async (input, init) => {
    const url = requestUrl(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const path = url.pathname.replace(/\/+$/, "");
    const isSearch = path.endsWith("/opportunities/v2/search");
    const isDescription = path.endsWith("/opportunities/v1/noticedesc");
    if (!isSearch && !isDescription) return json(404, { error: { code: "NOT_FOUND", message: `No API found for ${path}` } });
    if (method !== "GET") return json(405, { errorCode: "405", errorMessage: `Method ${method} is not allowed` });
    if (!url.searchParams.get("api_key")?.trim()) return missingKey();
    return isSearch ? search(url, now()) : noticeDescription(url, now());
  };
}
