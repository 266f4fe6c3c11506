/**
 * USAspending played locally from the shipped awards (fixtures/usaspending/awards.json,
 * generated with the SAM.gov feed so its incumbents match the feed's solicitations): a
 * fetch-compatible function answering POST {any base}/api/v2/search/spending_by_award/ with
 * USAspending's filters, sorting, paging and validation messages. Dates move with the SAM.gov
 * feed's cycle (lib/providers/samgov/fixture-clock.ts), so a feed notice's incumbent and its
 * five years of similar awards line up whatever the day.
 */
import awardsFile from "@/fixtures/usaspending/awards.json";
import { cycleAt, shiftDate } from "@/lib/providers/samgov/fixture-clock";
import { AWARD_FIELDS } from "./client";
import type { FixtureAward, FixtureAwardsFile } from "./fixture-types";

const FEED = awardsFile as unknown as FixtureAwardsFile;
const MAX_LIMIT = 100;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function unprocessable(detail: string): Response {
  return json(422, { detail });
}

/** naics_codes and psc_codes come as a list, or as { require: [...] } (PSC as paths of codes). */
function codeList(value: unknown): string[] | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(String);
  if (value && typeof value === "object" && Array.isArray((value as { require?: unknown }).require)) {
    return ((value as { require: unknown[] }).require).map((entry) => (Array.isArray(entry) ? String(entry[entry.length - 1]) : String(entry)));
  }
  return [];
}

type Filter = (award: FixtureAward) => boolean;

function filtersOf(filters: Record<string, unknown>): Filter[] | Response {
  const types = filters.award_type_codes;
  if (!Array.isArray(types) || types.length === 0) return unprocessable("Missing value: 'filters|award_type_codes' is a required field");
  const list: Filter[] = [(award) => types.includes(award.award_type_code)];

  const naics = codeList(filters.naics_codes);
  if (naics) list.push((award) => naics.some((code) => award.NAICS.code.startsWith(code)));
  const psc = codeList(filters.psc_codes);
  if (psc) list.push((award) => psc.some((code) => award.PSC.code.startsWith(code)));

  if (filters.agencies !== undefined) {
    if (!Array.isArray(filters.agencies)) return unprocessable("Invalid value in 'filters|agencies': expected a list");
    const awarding = (filters.agencies as { type?: string; tier?: string; name?: string }[]).filter((agency) => agency.type === "awarding");
    if (awarding.length) {
      list.push((award) => awarding.some((agency) => (agency.tier === "subtier" ? award["Awarding Sub Agency"] : award["Awarding Agency"]).toLowerCase() === String(agency.name ?? "").toLowerCase()));
    }
  }

  if (filters.time_period !== undefined) {
    if (!Array.isArray(filters.time_period)) return unprocessable("Invalid value in 'filters|time_period': expected a list");
    const periods = filters.time_period as { start_date?: string; end_date?: string }[];
    // An award is in a period when its period of performance overlaps it.
    list.push((award) => periods.some((period) => (!period.end_date || award["Start Date"] <= period.end_date) && (!period.start_date || award["End Date"] >= period.start_date)));
  }

  if (filters.keywords !== undefined) {
    if (!Array.isArray(filters.keywords)) return unprocessable("Invalid value in 'filters|keywords': expected a list");
    const words = (filters.keywords as unknown[]).map((word) => String(word).toLowerCase()).filter(Boolean);
    if (words.some((word) => word.length < 3)) return unprocessable("Keywords must be at least 3 characters long");
    list.push((award) => {
      const haystack = [award["Award ID"], award["Recipient Name"], award.Description, award.solicitation_identifier ?? ""].join(" ").toLowerCase();
      return words.some((word) => haystack.includes(word));
    });
  }
  return list;
}

function shifted(award: FixtureAward, days: number): FixtureAward {
  return { ...award, "Start Date": shiftDate(award["Start Date"], days), "End Date": shiftDate(award["End Date"], days) };
}

function compare(field: string, order: "asc" | "desc") {
  return (a: FixtureAward, b: FixtureAward) => {
    const left = a[field as keyof FixtureAward] as unknown;
    const right = b[field as keyof FixtureAward] as unknown;
    const result = typeof left === "number" && typeof right === "number" ? left - right : String(left ?? "").localeCompare(String(right ?? ""));
    return (order === "asc" ? result : -result) || a.internal_id - b.internal_id;
  };
}

function searchAwards(body: Record<string, unknown>, now: Date): Response {
  const fields = body.fields;
  if (!Array.isArray(fields) || fields.length === 0) return unprocessable("Missing value: 'fields' is a required field");
  const unknownField = fields.find((field) => !(AWARD_FIELDS as readonly string[]).includes(String(field)) && !["internal_id", "Description", "Contract Award Type"].includes(String(field)));
  if (unknownField !== undefined) return unprocessable(`Unknown field in 'fields': ${String(unknownField)}`);
  if (!body.filters || typeof body.filters !== "object") return unprocessable("Missing value: 'filters' is a required field");
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return unprocessable(`Field 'limit' value '${String(body.limit)}' is above max '${MAX_LIMIT}' or below min '1'`);
  const page = body.page === undefined ? 1 : Number(body.page);
  if (!Number.isInteger(page) || page < 1) return unprocessable(`Field 'page' value '${String(body.page)}' is below min '1'`);
  const sort = typeof body.sort === "string" ? body.sort : "Award Amount";
  if (!fields.includes(sort)) return unprocessable("Sort value not found in requested fields");
  const order = body.order === "asc" ? "asc" : "desc";

  const filters = filtersOf(body.filters as Record<string, unknown>);
  if (filters instanceof Response) return filters;
  const days = cycleAt(FEED, now) * FEED.cycleDays;
  const matching = FEED.awards.map((award) => shifted(award, days)).filter((award) => filters.every((filter) => filter(award))).sort(compare(sort, order));

  const start = (page - 1) * limit;
  const rows = matching.slice(start, start + limit).map((award) => {
    const row: Record<string, unknown> = { internal_id: award.internal_id, generated_internal_id: award.generated_internal_id, agency_slug: award.agency_slug };
    for (const field of fields) row[String(field)] = award[String(field) as keyof FixtureAward];
    return row;
  });
  return json(200, { limit, results: rows, page_metadata: { page, hasNext: start + limit < matching.length }, messages: [] });
}

/** A fetch that plays USAspending's award search from the shipped awards as of `now()`. */
export function fixtureUsaSpendingFetch(now: () => Date = () => new Date()): typeof fetch {
  return async (input, init) => {
    const url = input instanceof URL ? input : new URL(typeof input === "string" ? input : input.url);
    if (url.pathname.replace(/\/+$/, "") !== "/api/v2/search/spending_by_award") return json(404, { detail: "Not found." });
    if ((init?.method ?? "GET").toUpperCase() !== "POST") return json(405, { detail: `Method "${init?.method ?? "GET"}" not allowed.` });
    let body: unknown;
    try {
      body = JSON.parse(typeof init?.body === "string" ? init.body : "");
    } catch {
      return json(400, { detail: "JSON parse error" });
    }
    if (!body || typeof body !== "object") return json(400, { detail: "JSON parse error" });
    return searchAwards(body as Record<string, unknown>, now());
  };
}
