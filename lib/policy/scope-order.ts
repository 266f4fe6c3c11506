import { getRegion } from "@/lib/geo/regions";

/**
 * Policies in the order people look for them: the "All regions" fallback first, then
 * regions by name (Alabama, Alaska, Alberta...), and within a region its own policy before
 * its markets, markets by name. Sorting by code would put "ALL" between AL and AR.
 */
export function compareScopes(a: { region: string; market: string }, b: { region: string; market: string }): number {
  const regionRank = (region: string) => (region === "ALL" ? 0 : 1);
  const name = (region: string) => getRegion(region)?.name ?? region;
  return (
    regionRank(a.region) - regionRank(b.region) ||
    name(a.region).localeCompare(name(b.region), "en") ||
    a.region.localeCompare(b.region) ||
    (a.market === "ALL" ? 0 : 1) - (b.market === "ALL" ? 0 : 1) ||
    a.market.localeCompare(b.market, "en")
  );
}

export function sortByScope<T extends { region: string; market: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(compareScopes);
}
