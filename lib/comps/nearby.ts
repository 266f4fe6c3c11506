import zipcodes from "zipcodes";
import { areaCountry } from "@/lib/geo/area";
import { distanceKm } from "@/lib/geo/us-metros";

const cache = new Map<string, string[]>();

/**
 * The postal areas (US ZIPs, Canadian FSAs) whose centre lies within `km` of a point, from
 * the shipped dataset: the areas a comp query reads, so it stays on the (tenant, area, sold
 * date) index instead of scanning the workspace's sales. Memoized per rounded point.
 */
export function areasNear(latitude: number, longitude: number, km: number): string[] {
  const key = `${latitude.toFixed(3)},${longitude.toFixed(3)},${km}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const found: string[] = [];
  for (const [code, row] of Object.entries(zipcodes.codes)) {
    if (!Number.isFinite(row.latitude) || !Number.isFinite(row.longitude)) continue;
    // A cheap box first: a degree of latitude is ~111 km, of longitude at least ~40 km this far north.
    if (Math.abs(row.latitude - latitude) > km / 100 || Math.abs(row.longitude - longitude) > km / 35) continue;
    if (!areaCountry(code)) continue;
    if (distanceKm(latitude, longitude, row.latitude, row.longitude) <= km) found.push(code);
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, found);
  return found;
}
