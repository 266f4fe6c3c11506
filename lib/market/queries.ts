/** Market intel as other areas read it: which postal areas are blacklisted or hot. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { areaCodeOf } from "@/lib/geo/area";
import type { MarketRank } from "./types";

type Db = TenantDb | TenantTransaction;

/** The distinct area codes among these (blanks dropped). */
function presentCodes(areaCodes: readonly (string | null | undefined)[]): string[] {
  return [...new Set(areaCodes.filter((c): c is string => typeof c === "string" && c.length > 0))];
}

export interface AreaBlacklist {
  areaCode: string;
  reason: string;
}

/** The blacklisted areas among these codes (all of them when codes is omitted), by code. */
export async function blacklistedAreas(db: Db, areaCodes?: readonly (string | null | undefined)[]): Promise<Map<string, AreaBlacklist>> {
  const codes = areaCodes && presentCodes(areaCodes);
  if (codes && codes.length === 0) return new Map();
  const rows = await db.marketArea.findMany({
    where: { blacklisted: true, ...(codes && { areaCode: { in: codes } }) },
    select: { areaCode: true, blacklistReason: true },
  });
  return new Map(rows.map((r) => [r.areaCode, { areaCode: r.areaCode, reason: r.blacklistReason ?? "Blacklisted" }]));
}

/** The blacklist mark of one deal's area (by its area code, or its postal code), or null. */
export async function areaBlacklistOf(db: Db, deal: { areaCode?: string | null; postalCode?: string | null }): Promise<AreaBlacklist | null> {
  const code = deal.areaCode ?? areaCodeOf(deal.postalCode);
  if (!code) return null;
  return (await blacklistedAreas(db, [code])).get(code) ?? null;
}

/** The codes of the workspace's HOT areas. */
export async function hotAreaCodes(db: Db): Promise<Set<string>> {
  const rows = await db.marketArea.findMany({ where: { rank: "HOT" }, select: { areaCode: true } });
  return new Set(rows.map((r) => r.areaCode));
}

/** The market-intel rank of each of these areas that is ranked, by code. */
export async function areaRanks(db: Db, areaCodes: readonly (string | null | undefined)[]): Promise<Map<string, MarketRank>> {
  const codes = presentCodes(areaCodes);
  if (codes.length === 0) return new Map();
  const rows = await db.marketArea.findMany({ where: { areaCode: { in: codes } }, select: { areaCode: true, rank: true } });
  return new Map(rows.map((r) => [r.areaCode, r.rank]));
}
