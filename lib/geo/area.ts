/**
 * Postal areas, the unit of market intel (DESIGN E2): a US 5-digit ZIP or a Canadian forward
 * sortation area (the first three characters of a postal code). Their centres come from the
 * `zipcodes` dataset shipped with the app; nothing is geocoded over the network.
 */
import zipcodes from "zipcodes";
import { parseFsa, parsePostalCode } from "./postal";
import type { Country } from "./regions";
import { distanceKm } from "./us-metros";

export interface AreaCentroid {
  areaCode: string;
  country: Country;
  latitude: number;
  longitude: number;
  /** The dataset's place name: the ZIP's city, or the FSA's neighbourhoods. */
  city: string;
}

/** The postal area of a postal code ("78201-1234" -> "78201", "M5V 2T6" -> "M5V"); null when malformed. */
export function areaCodeOf(postalCode: string | null | undefined): string | null {
  if (!postalCode) return null;
  const parsed = parsePostalCode(postalCode);
  if (parsed) return parsed.country === "US" ? parsed.zip : parsed.fsa;
  return parseFsa(postalCode);
}

/** The country of an area code by its shape; null when it is neither a ZIP nor an FSA. */
export function areaCountry(areaCode: string): Country | null {
  if (/^\d{5}$/.test(areaCode)) return "US";
  return parseFsa(areaCode) ? "CA" : null;
}

/** The centre of a postal area from the shipped dataset; null for an area it does not know. */
export function areaCentroid(areaCode: string): AreaCentroid | null {
  const country = areaCountry(areaCode);
  if (!country) return null;
  const row = zipcodes.lookup(areaCode);
  if (!row || !Number.isFinite(row.latitude) || !Number.isFinite(row.longitude)) return null;
  if ((row.country === "US") !== (country === "US")) return null;
  const city = country === "CA" ? row.city.split(" (")[0] : row.city;
  return { areaCode, country, latitude: row.latitude, longitude: row.longitude, city };
}

const MILITARY_STATES = new Set(["AA", "AE", "AP"]);

/** The nearest known postal area to a point within `maxKm` (a phone's position to its ZIP or FSA). */
export function nearestArea(latitude: number, longitude: number, maxKm = 25): (AreaCentroid & { distanceKm: number }) | null {
  let best: { code: string; d: number } | null = null;
  for (const [code, row] of Object.entries(zipcodes.codes)) {
    if (!Number.isFinite(row.latitude) || !Number.isFinite(row.longitude)) continue;
    // Military mail ZIPs (AA, AE, AP) carry the coordinates of bases abroad: not a place we serve.
    if (MILITARY_STATES.has(row.state)) continue;
    // A cheap box first: a degree of latitude is ~111 km.
    if (Math.abs(row.latitude - latitude) > maxKm / 80 || Math.abs(row.longitude - longitude) > maxKm / 40) continue;
    const d = haversineKm(latitude, longitude, row.latitude, row.longitude);
    if (d <= maxKm && (!best || d < best.d)) best = { code, d };
  }
  if (!best) return null;
  const centroid = areaCentroid(best.code);
  return centroid && { ...centroid, distanceKm: Math.round(best.d * 10) / 10 };
}

/** Great-circle distance in kilometres (the one in us-metros.ts). */
export const haversineKm = distanceKm;

/** Whether a point lies in the rough box of the US (with Alaska, Hawaii, territories) or Canada. */
export function isInServedCountries(latitude: number, longitude: number): boolean {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return false;
  return nearestArea(latitude, longitude, 60) !== null;
}
