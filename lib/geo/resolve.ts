/**
 * Resolves what is known about a lead's location to a country, region, market and time zone
 * (DESIGN D2). A postal code wins; with only a region (and maybe a city) the answer may be
 * several candidate zones, all of which a fail-closed contact gate has to respect.
 */
import zipcodes from "zipcodes";
import { regionTimeZones, type Country } from "./regions";
import { foldText, normalizeCountry, normalizeRegion } from "./region-names";
import { parseFsa, parsePostalCode } from "./postal";
import { lookupUsZip, lookupUsZipPrefix } from "./us-zip";
import { metroForZip } from "./us-metros";
import { caMarketForCity, caMarketTimeZone, caProvinceTimeZones, lookupCanadianPostal, provinceName, type CaProvince } from "./canada-fsa";
import { titleCase } from "./address";

export interface GeoInput {
  postalCode?: string | null;
  /** State or province: a code or a name. */
  region?: string | null;
  city?: string | null;
  country?: "US" | "CA" | null;
}

export interface GeoResolution {
  country: Country | null;
  region: string | null;
  market: string | null;
  /** The lead's zone when it is known for sure; null when there are several candidates or none. */
  timeZone: string | null;
  /** Every zone the lead may be in (one when timeZone is set; empty when nothing is known). */
  candidateTimeZones: string[];
  source: "postal" | "region" | "none";
}

export interface GeoLookup {
  country: Country;
  region: string | null;
  market: string | null;
  timeZone: string | null;
}

const NONE = (country: Country | null): GeoResolution => ({
  country,
  region: null,
  market: null,
  timeZone: null,
  candidateTimeZones: [],
  source: "none",
});

/**
 * All zones a region may be in: the zones regions.ts lists plus any other zone this module
 * gives for a postal code there (British Columbia's East Kootenay is on America/Edmonton,
 * which regions.ts does not list).
 */
export function regionCandidateTimeZones(region: string, country: Country): string[] {
  const zones = new Set(regionTimeZones(region, country));
  if (country === "CA") for (const z of caProvinceTimeZones(region as CaProvince)) zones.add(z);
  return [...zones];
}

function fromPostal(postalCode: string): GeoResolution | null {
  const parsed = parsePostalCode(postalCode);
  const fsa = parsed ? null : parseFsa(postalCode);
  if (!parsed && !fsa) return null;
  if (!parsed || parsed.country === "CA") {
    // A full Canadian postal code, or only its FSA ("M5V").
    const ca = lookupCanadianPostal(parsed ? parsed.postalCode : fsa!);
    if (!ca) return null;
    return {
      country: "CA",
      region: ca.region,
      market: ca.market,
      timeZone: ca.timeZone,
      candidateTimeZones: [ca.timeZone],
      source: "postal",
    };
  }
  // A ZIP is a US code whatever the country field says: the postal code wins.
  const info = lookupUsZip(parsed.zip);
  if (info) {
    const candidates = info.timeZone ? [info.timeZone] : regionCandidateTimeZones(info.region, "US");
    return { country: "US", region: info.region, market: info.market, timeZone: info.timeZone, candidateTimeZones: candidates, source: "postal" };
  }
  const prefix = lookupUsZipPrefix(parsed.zip);
  if (!prefix || (!prefix.region && !prefix.timeZone)) return null;
  const candidates = prefix.timeZone ? [prefix.timeZone] : prefix.region ? regionCandidateTimeZones(prefix.region, "US") : [];
  return {
    country: "US",
    region: prefix.region,
    market: prefix.market,
    timeZone: prefix.timeZone,
    candidateTimeZones: candidates,
    source: "postal",
  };
}

/** US city within a state: market and zones from the dataset's ZIPs for that city. */
function usCity(city: string, region: string): { market: string; zones: string[] } | null {
  let rows: ReturnType<typeof zipcodes.lookupByName>;
  try {
    rows = zipcodes.lookupByName(city, region);
  } catch {
    return null;
  }
  if (!rows || rows.length === 0) {
    // "St Louis" / "Saint Louis", "Ft Worth" / "Fort Worth": retry with the long forms.
    const long = foldText(city)
      .replace(/\bST\b/g, "SAINT")
      .replace(/\bFT\b/g, "FORT")
      .replace(/\bMT\b/g, "MOUNT");
    if (long === foldText(city)) return null;
    rows = zipcodes.lookupByName(long, region);
    if (!rows || rows.length === 0) return null;
  }
  const zones = new Set<string>();
  const markets = new Map<string, number>();
  for (const row of rows) {
    const info = lookupUsZip(row.zip);
    if (info?.timeZone) zones.add(info.timeZone);
    const metro = metroForZip(row.zip, row.latitude, row.longitude);
    if (metro) markets.set(metro.name, (markets.get(metro.name) ?? 0) + 1);
  }
  const top = [...markets.entries()].sort((a, b) => b[1] - a[1])[0];
  return { market: top ? top[0] : titleCase(rows[0].city), zones: [...zones] };
}

/** Canadian city: the market it is in ("Mississauga" -> Toronto) and that market's zone. */
function caCity(city: string, region: CaProvince): { market: string; zones: string[] } {
  const market = caMarketForCity(city, region);
  const zone = market ? caMarketTimeZone(market) : null;
  return { market: market ?? provinceName(region), zones: zone ? [zone] : [] };
}

export function resolveGeo(input: GeoInput): GeoResolution {
  const hint = normalizeCountry(input?.country ?? null);
  const postal = typeof input?.postalCode === "string" ? input.postalCode.trim() : "";
  if (postal) {
    const hit = fromPostal(postal);
    if (hit) return hit;
  }

  const region = normalizeRegion(input?.region ?? null, hint);
  if (!region) return NONE(hint);

  const all = regionCandidateTimeZones(region.code, region.country);
  const city = typeof input?.city === "string" && input.city.trim() ? input.city.trim() : null;

  let market: string | null = null;
  let zones = all;
  if (city && region.country === "US") {
    const found = usCity(city, region.code);
    if (found) {
      market = found.market;
      if (found.zones.length > 0) zones = found.zones;
    } else {
      market = titleCase(city);
    }
  } else if (city) {
    const found = caCity(city, region.code as CaProvince);
    market = found.market;
    if (found.zones.length > 0) zones = found.zones;
  }

  // With only a region, the zone is known only when the region has exactly one.
  const timeZone = zones.length === 1 ? zones[0] : null;
  return {
    country: region.country,
    region: region.code,
    market,
    timeZone,
    candidateTimeZones: [...zones],
    source: "region",
  };
}

/** For `dealflow geo <code>`: a bare ZIP, Canadian postal code or FSA. */
export function geoLookup(code: string): GeoLookup | null {
  if (typeof code !== "string") return null;
  const hit = fromPostal(code);
  if (!hit || !hit.country) return null;
  return { country: hit.country, region: hit.region, market: hit.market, timeZone: hit.timeZone };
}
