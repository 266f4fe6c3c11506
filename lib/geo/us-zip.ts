/**
 * US ZIP code lookups: state, city, market (metro) and IANA time zone.
 *
 * Sources: the `zipcodes` package (city, state, centroid) and `zipcode-to-timezone` (zone),
 * with the verified fixes in us-tz-corrections.ts. Order for the zone:
 *   1. a single-ZIP correction, 2. a whole-prefix correction, 3. the dataset's zone (mapped to
 *   the zone regions.ts lists for the state when the rules are the same), 4. the zone every
 *   known ZIP in the same 3-digit prefix shares, 5. the state's zone if it has only one, else null.
 */
import zipcodes from "zipcodes";
import zipcodeToTimezone from "zipcode-to-timezone";
import { regionTimeZones } from "./regions";
import {
  US_DEPRECATED_ZONES,
  US_EQUIVALENT_ZONES,
  US_TERRITORY_ZONES,
  US_TZ_PREFIX_CORRECTIONS,
  US_TZ_ZIP_CORRECTIONS,
} from "./us-tz-corrections";
import { metroForZip, metroForZip3 } from "./us-metros";

export interface UsZipInfo {
  zip: string;
  /** Two-letter USPS state (or territory / military) code. */
  region: string;
  city: string;
  market: string;
  timeZone: string | null;
  latitude: number;
  longitude: number;
}

const ZIP_RE = /^\d{5}$/;

function isUsRecord(rec: { country?: string } | undefined): boolean {
  return !!rec && rec.country === "US";
}

/** Maps a dataset zone to the state's listed zone with the same rules; drops deprecated links. */
export function canonicalUsZone(zone: string, region: string): string {
  const listed = regionTimeZones(region, "US");
  if (listed.includes(zone)) return zone;
  const group = US_EQUIVALENT_ZONES.find((g) => g.includes(zone));
  if (group) {
    const match = listed.find((z) => group.includes(z));
    if (match) return match;
  }
  return US_DEPRECATED_ZONES[zone] ?? zone;
}

/** The zone for a known ZIP before any prefix-level fallback; null when nothing says. */
function directZone(zip: string, region: string): string | null {
  const exact = US_TZ_ZIP_CORRECTIONS[zip];
  if (exact) return exact;
  const prefix = US_TZ_PREFIX_CORRECTIONS[zip.slice(0, 3)];
  if (prefix) return prefix;
  const territory = US_TERRITORY_ZONES[region];
  if (territory) return territory;
  const fromDataset = zipcodeToTimezone.lookup(zip);
  return fromDataset ? canonicalUsZone(fromDataset, region) : null;
}

interface Zip3Summary {
  /** The state when every known ZIP with this prefix is in one state. */
  region: string | null;
  /** The zone when every known ZIP with this prefix that has a zone shares it. */
  timeZone: string | null;
}

let zip3Summaries: Map<string, Zip3Summary> | undefined;

/** Built once, lazily: per 3-digit prefix, the single state and single zone if there is one. */
function zip3Summary(zip3: string): Zip3Summary | undefined {
  if (!zip3Summaries) {
    const acc = new Map<string, { regions: Set<string>; zones: Set<string> }>();
    for (const [zip, rec] of Object.entries(zipcodes.codes)) {
      if (!ZIP_RE.test(zip) || !isUsRecord(rec)) continue;
      const key = zip.slice(0, 3);
      let entry = acc.get(key);
      if (!entry) acc.set(key, (entry = { regions: new Set(), zones: new Set() }));
      entry.regions.add(rec.state);
      const zone = directZone(zip, rec.state);
      if (zone) entry.zones.add(zone);
    }
    zip3Summaries = new Map();
    for (const [key, { regions, zones }] of acc) {
      zip3Summaries.set(key, {
        region: regions.size === 1 ? [...regions][0] : null,
        timeZone: zones.size === 1 ? [...zones][0] : null,
      });
    }
  }
  return zip3Summaries.get(zip3);
}

function singleRegionZone(region: string): string | null {
  const zones = regionTimeZones(region, "US");
  return zones.length === 1 ? zones[0] : null;
}

/** The zone for a ZIP in a given state, with every fallback applied. */
function zoneFor(zip: string, region: string): string | null {
  const direct = directZone(zip, region);
  if (direct) return direct;
  // Only a prefix-wide zone the state can be in: a prefix may reach into another state.
  const byPrefix = zip3Summary(zip.slice(0, 3))?.timeZone;
  const listed = regionTimeZones(region, "US");
  if (byPrefix && (listed.length === 0 || listed.includes(byPrefix))) return byPrefix;
  return singleRegionZone(region);
}

/** Looks a 5-digit ZIP up; null when it is malformed or not in the dataset. */
export function lookupUsZip(zip: string): UsZipInfo | null {
  if (typeof zip !== "string" || !ZIP_RE.test(zip)) return null;
  const rec = zipcodes.lookup(zip);
  if (!rec || !isUsRecord(rec)) return null;
  const region = rec.state;
  const metro = metroForZip(zip, rec.latitude, rec.longitude);
  return {
    zip,
    region,
    city: rec.city,
    market: metro ? metro.name : rec.city,
    timeZone: zoneFor(zip, region),
    latitude: rec.latitude,
    longitude: rec.longitude,
  };
}

export interface UsZipPrefixInfo {
  region: string | null;
  market: string | null;
  timeZone: string | null;
}

/**
 * What the 3-digit prefix alone tells about a ZIP the dataset does not know (new or unique
 * ZIPs): the state and zone when the whole prefix agrees, and the metro the prefix belongs to.
 */
export function lookupUsZipPrefix(zip: string): UsZipPrefixInfo | null {
  if (typeof zip !== "string" || !ZIP_RE.test(zip)) return null;
  const zip3 = zip.slice(0, 3);
  const summary = zip3Summary(zip3);
  const metro = metroForZip3(zip3);
  if (!summary && !metro) return null;
  const region = summary?.region ?? null;
  let timeZone: string | null = US_TZ_ZIP_CORRECTIONS[zip] ?? US_TZ_PREFIX_CORRECTIONS[zip3] ?? summary?.timeZone ?? null;
  if (!timeZone && region) timeZone = singleRegionZone(region);
  return { region, market: metro?.name ?? null, timeZone };
}
