/**
 * The prospects filter as SQL, for the reads Prisma cannot phrase so that an index serves
 * them (lib/prospects/query.ts): the same matches as `prospectWhere`, the Prisma filter the
 * pipeline board keeps using. Pure: text and parameters only.
 */
import { DateTime } from "luxon";
import type { ProspectQuery } from "./query";

/** The `owner` filter value that matches deals without an owner. */
export const UNOWNED = "none";

/** Midnight starting `day` in `timeZone`, or undefined for an impossible day (2026-02-30). */
export function dayStart(day: string, timeZone: string, plusDays = 0): Date | undefined {
  const start = DateTime.fromISO(day, { zone: timeZone });
  return start.isValid ? start.plus({ days: plusDays }).startOf("day").toJSDate() : undefined;
}

export interface FilterSql {
  /** Conditions joined by AND; the first is `"tenantId" = $1`. */
  where: string;
  params: unknown[];
}

/** LIKE's wildcards and its escape character, taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function prospectFilterSql(query: ProspectQuery, tenantId: string, timeZone = "UTC"): FilterSql {
  const params: unknown[] = [tenantId];
  const param = (value: unknown, cast = "") => `$${params.push(value)}${cast}`;
  // Deleted deals wait in Recently deleted; no list, count or chart shows them.
  const conditions = ['"tenantId" = $1', '"deletedAt" IS NULL'];
  const oneOf = (column: string, values: string[] | undefined, type: string) => {
    if (!values?.length) return;
    // One value as an equality, so the planner's statistics for that value apply.
    conditions.push(values.length === 1 ? `"${column}" = ${param(values[0], `::"${type}"`)}` : `"${column}" = ANY(string_to_array(${param(values.join(","), "::text")}, ',')::"${type}"[])`);
  };
  oneOf("status", query.status, "DealStatus");
  oneOf("strategy", query.strategy, "Strategy");
  oneOf("source", query.source, "DealSource");
  if (query.region) conditions.push(`"region" = ${param(query.region, "::text")}`);
  // Markets are typed in any case ("dallas") and stored as geo names them ("Dallas",
  // "Fort Worth"): the casings a person means, as a text equality the index can use.
  if (query.market) conditions.push(`"market" IN (${marketCasings(query.market).map((m) => param(m, "::text")).join(", ")})`);
  if (query.spreadMin !== undefined) conditions.push(`"spread" >= ${param(query.spreadMin, "::int")}`);
  if (query.spreadMax !== undefined) conditions.push(`"spread" <= ${param(query.spreadMax, "::int")}`);
  if (query.scoreMin !== undefined) conditions.push(`"score" >= ${param(query.scoreMin, "::int")}`);
  if (query.listsMin !== undefined) conditions.push(`"listCount" >= ${param(query.listsMin, "::int")}`);
  if (query.quality) conditions.push(query.quality === "any" ? `cardinality("qualityFlags") > 0` : `${param(query.quality, "::text")} = ANY("qualityFlags")`);
  if (query.area?.length) conditions.push(query.area.length === 1 ? `"areaCode" = ${param(query.area[0], "::text")}` : `"areaCode" = ANY(string_to_array(${param(query.area.join(","), "::text")}, ','))`);
  if (query.bbox) {
    // Deals without coordinates are in no box. The (tenantId, longitude, latitude) index serves it.
    const [minLng, minLat, maxLng, maxLat] = query.bbox.map((value) => param(value, "::float8"));
    conditions.push(`"longitude" BETWEEN ${minLng} AND ${maxLng} AND "latitude" BETWEEN ${minLat} AND ${maxLat}`);
  }
  if (query.owner) conditions.push(query.owner === UNOWNED ? '"ownerId" IS NULL' : `"ownerId" = ${param(query.owner, "::text")}`);
  // Timestamps are stored as UTC wall time (timestamp(3)), as Prisma writes them.
  const at = (day: Date) => param(day.toISOString(), "::timestamp(3)");
  const contractedFrom = query.contractedFrom ? dayStart(query.contractedFrom, timeZone) : undefined;
  if (contractedFrom) conditions.push(`"contractedAt" >= ${at(contractedFrom)}`);
  const closedFrom = query.closedFrom ? dayStart(query.closedFrom, timeZone) : undefined;
  if (closedFrom) conditions.push(`"closedAt" >= ${at(closedFrom)}`);
  const from = query.from ? dayStart(query.from, timeZone) : undefined;
  if (from) conditions.push(`"createdAt" >= ${at(from)}`);
  // `to` includes that whole day (23 or 25 hours on DST days).
  const toExclusive = query.to ? dayStart(query.to, timeZone, 1) : undefined;
  if (toExclusive) conditions.push(`"createdAt" < ${at(toExclusive)}`);
  if (query.q) {
    const postal = query.q.toUpperCase();
    if (looksLikePostalCode(postal)) {
      // A byte-wise range: the postal-code index serves it (see the migration on leakproof operators).
      conditions.push(`"postalCode" ~>=~ ${param(postal, "::text")} AND "postalCode" ~<~ ${param(nextPrefix(postal), "::text")}`);
    } else if (looksLikeStreetAddress(query.q)) {
      // A house number and the start of its street ("1234 Oak"): the start of the street as
      // stored, in the casings people type, as byte-wise ranges the street index serves.
      const ranges = marketCasings(query.q).map((start) => `("street" ~>=~ ${param(start, "::text")} AND "street" ~<~ ${param(nextPrefix(start), "::text")})`);
      conditions.push(`(${ranges.join(" OR ")})`);
    } else {
      // A substring of street or city, or the start of a postal code: no index can serve
      // ILIKE under row-level security, so the sort's index is read until the page is full.
      const anywhere = param(`%${escapeLike(query.q)}%`, "::text");
      conditions.push(`("street" ILIKE ${anywhere} OR "city" ILIKE ${anywhere} OR "postalCode" LIKE ${param(`${escapeLike(postal)}%`, "::text")})`);
    }
  }
  return { where: conditions.join(" AND "), params };
}

/** "dallas" -> dallas, DALLAS, Dallas: geo stores markets (and imports streets) with each word capitalized. */
export function marketCasings(market: string): string[] {
  const title = market.toLowerCase().replace(/(^|[\s\-'.])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
  return [...new Set([market, market.toLowerCase(), market.toUpperCase(), title])];
}

/**
 * A Canadian postal code or its forward sortation area ("M6H", "M6H 1A1"), or a whole US
 * ZIP code: searched as a postal-code prefix only. Shorter digit runs may be house numbers.
 */
export function looksLikePostalCode(text: string): boolean {
  return /^[A-Z]\d[A-Z]( ?\d([A-Z]\d?)?)?$/.test(text) || /^\d{5}(-\d{1,4})?$/.test(text);
}

/** The smallest string after every string starting with `prefix` (byte-wise, ASCII prefixes). */
export function nextPrefix(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** A house number, then the start of the street name: "1234 Oak", "12B Elm St". */
export function looksLikeStreetAddress(text: string): boolean {
  return /^\d+[A-Za-z]?\s+\p{L}/u.test(text);
}
