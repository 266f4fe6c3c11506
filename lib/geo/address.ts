/**
 * Address normalization and a deterministic address key (DESIGN D2).
 *
 * The display fields are cleaned (spaces collapsed, title case, no periods) but keep the words
 * as written. The key is upper-case, accent-free, with street suffixes, directionals and unit
 * designators abbreviated (USPS Publication 28 appendices C1 and C2; Canada Post addressing
 * guidelines for CRES, CH, BOUL...), so that "123 North Main Street, Apt. 3" and
 * "123 N Main St #3" give the same key:
 *
 *   123 N MAIN ST|UNIT 3|SPRINGFIELD|IL|62704
 *
 * Every unit designator (Apt, Suite, #, Unit...) becomes UNIT in the key: the same door written
 * with another designator is the same property. Canadian "3-123 Main St" (unit, hyphen, civic
 * number) is read as unit 3 only for Canadian addresses, since in Queens, NY "123-45" is a
 * house number. Nothing here throws.
 */
import { type Country } from "./regions";
import { foldText, normalizeCountry, normalizeRegion } from "./region-names";
import { parsePostalCode, postalKey } from "./postal";
import { lookupUsZip, lookupUsZipPrefix } from "./us-zip";
import { lookupCanadianPostal } from "./canada-fsa";

export interface AddressInput {
  street: string;
  unit?: string | null;
  city?: string | null;
  /** State or province: a code or a name. */
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}

export interface NormalizedAddress {
  street: string;
  unit: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: Country | null;
  addressKey: string;
}

/** Street suffixes (USPS Pub 28 C1, plus Canada Post forms) -> key abbreviation. */
export const STREET_SUFFIXES: Readonly<Record<string, string>> = {
  ALLEY: "ALY", ALLEE: "ALY", ANNEX: "ANX", ARCADE: "ARC", AVENUE: "AVE", AV: "AVE", AVEN: "AVE", AVENU: "AVE",
  AVN: "AVE", AVNUE: "AVE", BAYOU: "BYU", BEACH: "BCH", BEND: "BND", BLUFF: "BLF", BOTTOM: "BTM",
  BOULEVARD: "BLVD", BOUL: "BLVD", BOULV: "BLVD", BRANCH: "BR", BRIDGE: "BRG", BROOK: "BRK", BYPASS: "BYP",
  CANYON: "CYN", CAPE: "CPE", CAUSEWAY: "CSWY", CENTER: "CTR", CENTRE: "CTR", CENTR: "CTR", CHEMIN: "CH",
  CIRCLE: "CIR", CIRC: "CIR", CIRCL: "CIR", CRCL: "CIR", CLIFF: "CLF", CLIFFS: "CLFS", CLUB: "CLB",
  COMMON: "CMN", CORNER: "COR", CORNERS: "CORS", COURSE: "CRSE", COURT: "CT", CRT: "CT", COURTS: "CTS",
  COVE: "CV", CREEK: "CRK", CRESCENT: "CRES", CRESC: "CRES", CRSENT: "CRES", CREST: "CRST",
  CROSSING: "XING", CRSSNG: "XING", DALE: "DL", DAM: "DM", DIVIDE: "DV", DRIVE: "DR", DRIV: "DR", DRV: "DR",
  ESTATES: "ESTS", EXPRESSWAY: "EXPY", EXPRESS: "EXPY", EXPWY: "EXPY", EXTENSION: "EXT", EXTN: "EXT",
  FALLS: "FLS", FERRY: "FRY", FIELD: "FLD", FIELDS: "FLDS", FLAT: "FLT", FLATS: "FLTS", FORD: "FRD",
  FOREST: "FRST", FORGE: "FRG", FORK: "FRK", FORKS: "FRKS", FORT: "FT", FREEWAY: "FWY", FRWY: "FWY",
  GARDEN: "GDN", GARDENS: "GDNS", GATEWAY: "GTWY", GLEN: "GLN", GREEN: "GRN", GROVE: "GRV", HARBOR: "HBR",
  HARBOUR: "HBR", HAVEN: "HVN", HEIGHTS: "HTS", HT: "HTS", HIGHWAY: "HWY", HIGHWY: "HWY", HIWAY: "HWY",
  HILL: "HL", HILLS: "HLS", HOLLOW: "HOLW", ISLAND: "IS", ISLANDS: "ISS", JUNCTION: "JCT", KEY: "KY",
  KNOLL: "KNL", LAKE: "LK", LAKES: "LKS", LANDING: "LNDG", LANE: "LN", LIGHT: "LGT", LOCK: "LCK",
  LODGE: "LDG", MANOR: "MNR", MEADOW: "MDW", MEADOWS: "MDWS", MILL: "ML", MILLS: "MLS", MISSION: "MSN",
  MOTORWAY: "MTWY", MOUNT: "MT", MOUNTAIN: "MTN", ORCHARD: "ORCH", PARKWAY: "PKWY", PARKWY: "PKWY",
  PKY: "PKWY", PINES: "PNES", PLACE: "PL", PLAIN: "PLN", PLAINS: "PLNS", PLAZA: "PLZ", POINT: "PT",
  POINTS: "PTS", PORT: "PRT", PRAIRIE: "PR", RANCH: "RNCH", RAPIDS: "RPDS", RIDGE: "RDG", RIVER: "RIV",
  ROAD: "RD", ROUTE: "RTE", SHORE: "SHR", SHORES: "SHRS", SPRING: "SPG", SPRINGS: "SPGS", SQUARE: "SQ",
  STATION: "STA", STREAM: "STRM", STREET: "ST", STR: "ST", STRT: "ST", SUMMIT: "SMT", TERRACE: "TER",
  TERR: "TER", TRACE: "TRCE", TRAIL: "TRL", TRAILS: "TRL", TUNNEL: "TUNL", TURNPIKE: "TPKE",
  VALLEY: "VLY", VIADUCT: "VIA", VIEW: "VW", VILLAGE: "VLG", VILLE: "VL", VISTA: "VIS",
};

/** Directionals (Pub 28 C1 / B; Canada Post French forms) -> key abbreviation. */
export const DIRECTIONALS: Readonly<Record<string, string>> = {
  NORTH: "N", SOUTH: "S", EAST: "E", WEST: "W",
  NORTHEAST: "NE", NORTHWEST: "NW", SOUTHEAST: "SE", SOUTHWEST: "SW",
  NORD: "N", SUD: "S", OUEST: "O",
};

/** Secondary unit designators (Pub 28 C2; Canada Post APP, BUREAU) -> display form. */
const UNIT_DESIGNATORS: Readonly<Record<string, string>> = {
  APARTMENT: "Apt", APT: "Apt", UNIT: "Unit", SUITE: "Ste", STE: "Ste", ROOM: "Rm", RM: "Rm",
  FLOOR: "Fl", BUILDING: "Bldg", BLDG: "Bldg", LOT: "Lot", SPACE: "Spc", SPC: "Spc", TRAILER: "Trlr",
  TRLR: "Trlr", PENTHOUSE: "Ph", PH: "Ph", DEPARTMENT: "Dept", DEPT: "Dept", OFFICE: "Ofc", OFC: "Ofc",
  APPARTEMENT: "App", APP: "App", BUREAU: "Bureau",
};

const DESIGNATOR_ALT = Object.keys(UNIT_DESIGNATORS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A unit id: has a digit ("3", "3B", "PH1", "B-2") or is one letter ("B"). */
const UNIT_ID = "(?:[A-Z0-9]*\\d[A-Z0-9]*(?:-[A-Z0-9]+)*|[A-Z])";
const TRAILING_UNIT_RE = new RegExp(`(?:\\s(${DESIGNATOR_ALT})\\.?\\s*#?\\s*|\\s*#\\s*)(${UNIT_ID})$`, "i");
const LEADING_UNIT_RE = new RegExp(`^(?:(${DESIGNATOR_ALT})\\.?\\s*#?\\s*|#\\s*)(${UNIT_ID})\\s*,?\\s+(?=\\d)`, "i");
const WHOLE_UNIT_RE = new RegExp(`^(?:(${DESIGNATOR_ALT})\\.?\\s*#?\\s*|(#)\\s*)?(${UNIT_ID})$`, "i");
/** Road words after which "#7" is a route number, not a unit: "Hwy #7", "County Rd #5". */
const ROUTE_WORDS = new Set(["HWY", "HIGHWAY", "ROUTE", "RTE", "RD", "ROAD", "SR", "CR", "FM", "US", "RR"]);
/** Canadian "unit-civic number": "3-123 Main St", "12B-45 King St". */
const CA_UNIT_DASH_RE = /^([A-Z]?\d+[A-Z]?|[A-Z])\s*-\s*(\d+[A-Z]?\s+\S.*)$/i;

interface Unit {
  designator: string | null;
  id: string;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** A unit on its own ("Apt 3", "#3", or, unless a designator is required, "3"). */
function parseUnit(text: string, requireDesignator = false): Unit | null {
  const m = WHOLE_UNIT_RE.exec(collapse(text.replace(/\./g, " ")));
  if (!m || (requireDesignator && !m[1] && !m[2])) return null;
  return { designator: m[1] ? m[1].toUpperCase() : null, id: m[3].toUpperCase() };
}

function unitFromMatch(m: RegExpExecArray): Unit {
  return { designator: m[1] ? m[1].toUpperCase() : null, id: m[2].toUpperCase() };
}

/**
 * Strips every unit written at the end of a piece of street ("10 Main St Bldg 2 Apt 3") and
 * returns what is left with the units in reading order. "Hwy #7" keeps its route number.
 */
function stripTrailingUnits(text: string): { rest: string; units: Unit[] } {
  let rest = collapse(text.replace(/\.(?=\s|$)/g, ""));
  const units: Unit[] = [];
  for (;;) {
    const m = TRAILING_UNIT_RE.exec(rest);
    if (!m) break;
    const before = rest.slice(0, m.index).trim();
    if (!before) break;
    if (!m[1] && ROUTE_WORDS.has(foldText(before.split(" ").pop() ?? ""))) break;
    units.unshift(unitFromMatch(m));
    rest = before;
  }
  return { rest, units };
}

/** One or more units making up the whole text ("Apt 3", "Bldg 2 Apt 3", "3"); null otherwise. */
function parseUnits(text: string): Unit[] | null {
  let rest = collapse(text.replace(/\./g, " "));
  const units: Unit[] = [];
  for (;;) {
    const whole = parseUnit(rest);
    if (whole) return [whole, ...units];
    const m = TRAILING_UNIT_RE.exec(rest);
    const before = m ? rest.slice(0, m.index).trim() : "";
    if (!m || !before) return null;
    units.unshift(unitFromMatch(m));
    rest = before;
  }
}

function unitDisplay(unit: Unit, country: Country | null): string {
  if (unit.designator) return `${UNIT_DESIGNATORS[unit.designator] ?? unit.designator} ${unit.id}`;
  return country === "CA" ? `Unit ${unit.id}` : `#${unit.id}`;
}

const KEEP_UPPER = new Set(["N", "S", "E", "W", "NE", "NW", "SE", "SW", "NO", "SO", "US", "PO", "RR", "HC"]);

function titleWord(word: string): string {
  if (/[a-z]/.test(word) && /[A-Z]/.test(word)) return word; // deliberate mixed case: McDonald
  const upper = word.toUpperCase();
  if (KEEP_UPPER.has(upper)) return upper;
  if (/^\d+(ST|ND|RD|TH)$/.test(upper)) return upper.slice(0, -2) + upper.slice(-2).toLowerCase();
  if (/\d/.test(word)) return upper;
  return word.toLowerCase().replace(/(^|[-'’\s/])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Title-cases each space-separated word; drops periods; collapses spaces. */
export function titleCase(text: string): string {
  return collapse(text.replace(/\./g, " "))
    .split(" ")
    .filter(Boolean)
    .map(titleWord)
    .join(" ");
}

/** Suffix and directional lookups that also know the abbreviations themselves ("ST", "E"). */
const SUFFIX_LOOKUP: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.values(STREET_SUFFIXES).map((v) => [v, v])),
  ...Object.fromEntries(["PARK", "WAY", "LOOP", "MALL", "PASS", "PATH", "PIKE", "ROW", "RUN", "WALK", "OVAL", "GATE"].map((v) => [v, v])),
  ...STREET_SUFFIXES,
};
const DIRECTION_LOOKUP: Readonly<Record<string, string>> = {
  ...Object.fromEntries(["N", "S", "E", "W", "NE", "NW", "SE", "SW", "O", "NO", "SO"].map((v) => [v, v])),
  ...DIRECTIONALS,
};
/** Street types that also lead a name: "Boulevard Saint-Laurent", "Avenue of the Americas". */
const LEADING_TYPES = new Set(["AVENUE", "AV", "AVE", "AVEN", "BOULEVARD", "BOUL", "BOULV", "BLVD", "CHEMIN", "CH", "HIGHWAY", "HWY", "ROUTE", "RTE"]);

/** Words shortened wherever they appear in a street or city name. */
const NAME_WORDS: Readonly<Record<string, string>> = { SAINT: "ST", SAINTE: "STE", MOUNT: "MT", FORT: "FT" };

/** House number ("123", "123A", "123-45"), and a fraction that may follow it ("1/2"). */
const HOUSE_NUMBER_RE = /^\d[\dA-Z/-]*$/;
const FRACTION_RE = /^\d+\/\d+$/;

/**
 * Upper-case, accent-free street key in the USPS standardized form: the street type
 * (last word, or the word before a post-directional) and the directionals before and after
 * the name are abbreviated; a leading type word ("Boulevard Saint-Laurent", "Avenue of the
 * Americas") is abbreviated too, so French and English orders both normalize. Other words
 * stay, except Saint/Mount/Fort, which are written both ways.
 */
export function streetKey(street: string): string {
  const folded = foldText(str(street))
    .replace(/#/g, " ")
    .replace(/(\p{L})-(?=\p{L})/gu, "$1 ")
    .replace(/[^A-Z0-9/\- ]/g, " ");
  const tokens = collapse(folded)
    .split(" ")
    .filter((t) => t && t !== "-")
    .map((t) => NAME_WORDS[t] ?? t);
  let start = 0;
  if (start < tokens.length && HOUSE_NUMBER_RE.test(tokens[start])) start++;
  if (start < tokens.length && FRACTION_RE.test(tokens[start])) start++;
  let end = tokens.length; // name words are tokens[start..end)
  if (end - start >= 2 && DIRECTION_LOOKUP[tokens[end - 1]]) {
    tokens[end - 1] = DIRECTION_LOOKUP[tokens[end - 1]];
    end--;
  }
  if (end - start >= 2 && SUFFIX_LOOKUP[tokens[end - 1]]) {
    tokens[end - 1] = SUFFIX_LOOKUP[tokens[end - 1]];
    end--;
  }
  if (end - start >= 2 && DIRECTION_LOOKUP[tokens[start]]) {
    tokens[start] = DIRECTION_LOOKUP[tokens[start]];
    start++;
  }
  if (end - start >= 2 && LEADING_TYPES.has(tokens[start])) tokens[start] = SUFFIX_LOOKUP[tokens[start]];
  return tokens.join(" ");
}

/** City key: as a street key, but only SAINT/SAINTE/FORT/MOUNT style words are shortened. */
export function cityKey(city: string): string {
  const folded = foldText(str(city))
    .replace(/(\p{L})-(?=\p{L})/gu, "$1 ")
    .replace(/[^A-Z0-9 ]/g, " ");
  return collapse(folded)
    .split(" ")
    .filter(Boolean)
    .map((t) => NAME_WORDS[t] ?? t)
    .join(" ");
}

/** The unit part of the key: UNIT and the ids, whatever the designators. */
function unitKey(units: Unit[] | null, display: string): string {
  if (units && units.length > 0) return `UNIT ${units.map((u) => u.id).join(" ")}`;
  const folded = collapse(foldText(display).replace(/[^A-Z0-9\- ]/g, " "));
  return folded ? `UNIT ${folded}` : "";
}

/** Splits a street line into the street proper and the units written into it. */
function splitStreet(line: string, country: Country | null): { street: string; units: Unit[] } {
  // Quebec style "123, rue Principale": the comma after a civic number is not a separator.
  const input = collapse(line.replace(/^[\s,]+/, ""));
  let text = input.replace(/^(\d+[A-Za-z]?)\s*,\s*/, "$1 ");
  const units: Unit[] = [];

  const leading = LEADING_UNIT_RE.exec(text);
  if (leading) {
    units.push(unitFromMatch(leading));
    text = text.slice(leading[0].length);
  }

  const kept: string[] = [];
  const segments = text
    .split(",")
    .map((part) => collapse(part))
    .filter(Boolean);
  segments.forEach((segment, i) => {
    if (i > 0) {
      const whole = parseUnit(segment, true);
      if (whole) {
        units.push(whole);
        return;
      }
    }
    const stripped = stripTrailingUnits(segment);
    let seg = stripped.rest;
    if (i === 0 && country === "CA") {
      const dash = CA_UNIT_DASH_RE.exec(seg);
      if (dash) {
        units.push({ designator: null, id: dash[1].toUpperCase() });
        seg = dash[2];
      }
    }
    units.push(...stripped.units);
    if (seg) kept.push(seg);
  });
  const street = kept.join(" ");
  // Joining the pieces may expose another unit: repeat until the street no longer changes, so
  // a normalized street never holds a unit (this is what makes normalizing idempotent). Each
  // round removes commas or text, so it ends.
  if (street !== input) {
    const again = splitStreet(street, country);
    return { street: again.street, units: [...units, ...again.units] };
  }
  return { street, units };
}

export function normalizeAddress(input: AddressInput): NormalizedAddress {
  const rawPostal = collapse(str(input?.postalCode));
  const parsedPostal = rawPostal ? parsePostalCode(rawPostal) : null;

  let country: Country | null = normalizeCountry(str(input?.country)) ?? parsedPostal?.country ?? null;
  const regionHit = normalizeRegion(str(input?.region), country);
  country ??= regionHit?.country ?? null;

  let region: string | null = regionHit?.code ?? null;
  let city: string | null = collapse(str(input?.city)) ? titleCase(str(input?.city)) : null;

  if (parsedPostal?.country === "US" && (!region || !city)) {
    const info = lookupUsZip(parsedPostal.zip);
    region ??= info?.region ?? lookupUsZipPrefix(parsedPostal.zip)?.region ?? null;
    if (!city && info) city = titleCase(info.city);
  } else if (parsedPostal?.country === "CA" && !region) {
    region = lookupCanadianPostal(parsedPostal.postalCode)?.region ?? null;
  }
  // An unknown region is kept as written (folded), minus anything that could break the key.
  if (!region) region = collapse(foldText(str(input?.region)).replace(/[^A-Z0-9 ]/g, " ")) || null;

  // A unit given on its own wins over one written into the street line.
  const split = splitStreet(str(input?.street), country);
  const rawUnit = collapse(str(input?.unit));
  const units = rawUnit ? parseUnits(rawUnit) : split.units.length > 0 ? split.units : null;
  const unitText = (units ? units.map((u) => unitDisplay(u, country)).join(" ") : titleCase(rawUnit)) || null;

  const street = titleCase(split.street);
  const postalCode = parsedPostal
    ? parsedPostal.country === "US"
      ? parsedPostal.zip
      : parsedPostal.postalCode
    : rawPostal
      ? rawPostal.toUpperCase()
      : null;
  const postalPart = parsedPostal ? postalKey(parsedPostal) : collapse(foldText(rawPostal).replace(/[^A-Z0-9]/g, ""));

  const addressKey = [
    streetKey(street),
    unitText ? unitKey(units, unitText) : "",
    city ? cityKey(city) : "",
    region ?? "",
    postalPart,
  ].join("|");

  return { street, unit: unitText, city, region, postalCode, country, addressKey };
}
