/**
 * Canadian forward sortation areas (FSA, the first three characters of a postal code):
 * province or territory, market and IANA time zone. A shipped table, built from public facts:
 *
 * - Province by first letter: Canada Post's postal code structure ("Canada Postal Guide",
 *   addressing guidelines). X is split between Nunavut (X0A, X0B, X0C) and the Northwest
 *   Territories (X0E, X0G, X1A). A second character 0 marks a rural FSA.
 * - Time zones: provincial time statutes as modelled by the IANA tz database (zone.tab
 *   comments for Canada) and the NRC's official time zone map, with the real exceptions below.
 * - Markets: Statistics Canada census metropolitan areas (CMAs) with roughly 100,000+ people,
 *   mapped to FSAs from Canada Post's FSA names. Rural FSAs and FSAs outside those CMAs get the
 *   province's name as their market.
 *
 * Checked by looking up each of 1,620 FSA centroids (from the `zipcodes` dataset) in the
 * timezone-boundary-builder polygons. FSAs that straddle a zone line keep the zone of most of
 * their people, and the few full postal codes that can be pinned are in POSTAL_CODE_TIME_ZONES.
 * Known straddlers left on the majority zone: V0B (Elk Valley on Mountain time with DST; the
 * Creston valley keeps MST, pinned by V0B 1G0 for Creston itself), G0G (Côte-Nord; the Lower
 * North Shore east of Natashquan keeps AST all year, America/Blanc-Sablon), P0T (Lake Superior
 * north shore, Eastern; Atikokan pinned; Ignace is on Central), X0A (Baffin, Eastern; Resolute
 * is on Central), X0C (Kivalliq, Central; Coral Harbour keeps EST). Creighton (S0P)
 * unofficially follows Manitoba.
 */
import { getRegion } from "./regions";
import { parseFsa, parsePostalCode } from "./postal";
import { foldText } from "./region-names";

export type CaProvince = "AB" | "BC" | "MB" | "NB" | "NL" | "NS" | "NT" | "NU" | "ON" | "PE" | "QC" | "SK" | "YT";

/** First letter of an FSA -> province; X is resolved per FSA (TERRITORY_FSAS). */
export const FSA_FIRST_LETTER: Readonly<Record<string, CaProvince | "X">> = {
  A: "NL",
  B: "NS",
  C: "PE",
  E: "NB",
  G: "QC",
  H: "QC",
  J: "QC",
  K: "ON",
  L: "ON",
  M: "ON",
  N: "ON",
  P: "ON",
  R: "MB",
  S: "SK",
  T: "AB",
  V: "BC",
  X: "X",
  Y: "YT",
};

/** The six X FSAs (Canada Post): three in Nunavut, three in the Northwest Territories. */
export const TERRITORY_FSAS: Readonly<Record<string, "NT" | "NU">> = {
  X0A: "NU", // Qikiqtaaluk (Baffin): Iqaluit, Pangnirtung, Pond Inlet...
  X0B: "NU", // Kitikmeot: Cambridge Bay, Kugluktuk, Gjoa Haven...
  X0C: "NU", // Kivalliq: Rankin Inlet, Arviat, Baker Lake...
  X0E: "NT", // central and northern NWT: Inuvik, Hay River, Fort Smith...
  X0G: "NT", // southwestern NWT: Fort Liard, Fort Simpson...
  X1A: "NT", // Yellowknife
};

/** The zone of most of each province's people. */
export const PROVINCE_TIME_ZONE: Readonly<Record<CaProvince, string>> = {
  NL: "America/St_Johns", // UTC-3:30 / -2:30
  NS: "America/Halifax",
  PE: "America/Halifax",
  NB: "America/Moncton",
  QC: "America/Toronto",
  ON: "America/Toronto",
  MB: "America/Winnipeg",
  SK: "America/Regina", // CST all year (The Time Act, Saskatchewan)
  AB: "America/Edmonton",
  BC: "America/Vancouver",
  NT: "America/Yellowknife",
  NU: "America/Iqaluit",
  YT: "America/Whitehorse", // UTC-7 all year since 2020 (Yukon Time Act amendment)
};

/** FSAs whose zone differs from their province's. */
export const FSA_TIME_ZONES: Readonly<Record<string, string>> = {
  // Labrador keeps Atlantic time, except the southeast coast (in A0K, with the Northern
  // Peninsula), which keeps Newfoundland time.
  A0P: "America/Goose_Bay", // Happy Valley-Goose Bay, the north coast
  A0R: "America/Goose_Bay", // Churchill Falls, western Labrador
  A2V: "America/Goose_Bay", // Labrador City, Wabush
  // The Magdalen Islands are on Atlantic time (tzdb: "Magdalen Islands" under America/Halifax).
  G4T: "America/Halifax", // Cap-aux-Meules
  G0B: "America/Halifax", // the rest of the islands (Havre-Aubert, Grande-Entrée...)
  // Northwestern Ontario west of about 90°W is on Central time (Ontario Time Act; tzdb
  // America/Winnipeg "Rainy River, Kenora"). Thunder Bay (P7) and Lake Superior (P0T) are Eastern.
  P0V: "America/Winnipeg", // Red Lake, Ear Falls, Pickle Lake, Savant Lake, the far north-west
  P0W: "America/Winnipeg", // Rainy River district: Emo, Rainy River
  P0X: "America/Winnipeg", // Keewatin, Sioux Narrows, Vermilion Bay
  P0Y: "America/Winnipeg", // Lake of the Woods east shore
  P8N: "America/Winnipeg", // Dryden
  P8T: "America/Winnipeg", // Sioux Lookout
  P9A: "America/Winnipeg", // Fort Frances
  P9N: "America/Winnipeg", // Kenora
  // Lloydminster straddles the Alberta border and keeps Alberta time on both sides
  // (Lloydminster Charter; tzdb America/Edmonton "SK (W)").
  S9V: "America/Edmonton",
  // The East Kootenay and Columbia Valley keep Mountain time with DST (tzdb America/Edmonton
  // "BC (E)"): Golden, Invermere (V0A), Fernie, Sparwood, Elkford (V0B), Kimberley, Cranbrook.
  V0A: "America/Edmonton",
  V0B: "America/Edmonton",
  V1A: "America/Edmonton",
  V1C: "America/Edmonton",
  // The Peace River region keeps MST (UTC-7) all year (tzdb America/Dawson_Creek
  // "BC (Dawson Cr, Ft St John)"); V0C is mostly Peace River (Chetwynd, Hudson's Hope,
  // Tumbler Ridge, Taylor, Pouce Coupe, and Fort Nelson, pinned below).
  V0C: "America/Dawson_Creek",
  V1G: "America/Dawson_Creek", // Dawson Creek
  V1J: "America/Dawson_Creek", // Fort St. John
  // Nunavut's three zones follow its three regions (tzdb Iqaluit / Rankin_Inlet / Cambridge_Bay).
  X0B: "America/Cambridge_Bay", // Mountain
  X0C: "America/Rankin_Inlet", // Central
};

/** Full postal codes (one community each) that differ from their FSA's zone. */
export const POSTAL_CODE_TIME_ZONES: Readonly<Record<string, string>> = {
  "V0C 1R0": "America/Fort_Nelson", // Fort Nelson: MST all year since 2015 (tzdb)
  "V0C 1L0": "America/Vancouver", // Dease Lake (Stikine Region, Pacific time)
  "V0C 2Z0": "America/Vancouver", // Good Hope Lake (Stikine Region)
  "V0C 1W0": "America/Vancouver", // Lower Post (Stikine Region)
  "V0B 1G0": "America/Creston", // Creston: MST all year (tzdb America/Creston "MST - BC (Creston)")
  "P0T 1C0": "America/Atikokan", // Atikokan: EST all year (tzdb America/Atikokan)
};

/**
 * Markets: CMA name -> FSAs. Tokens are a whole first letter ("M"), a two-character prefix
 * ("K1"), one FSA ("B3A") or an inclusive range of FSAs sharing two characters ("L4T-L4Z").
 * A longer token wins over a shorter one; a token appears in one market only.
 */
export const CA_MARKETS: ReadonlyArray<readonly [market: string, spec: string]> = [
  // Greater Toronto Area: Toronto, Peel (Mississauga, Brampton, Caledon), York (Markham,
  // Vaughan, Richmond Hill, Newmarket, Aurora), Halton (Oakville, Milton, Halton Hills) and
  // Durham (Pickering, Ajax, Whitby, Oshawa, Clarington, Uxbridge, Scugog).
  ["Toronto", "M, L1B-L1Z, L3P-L3T, L3X, L3Y, L4A-L4L, L4P, L4S, L4T-L4Z, L5, L6, L7A-L7K, L9L, L9N, L9P, L9T"],
  ["Hamilton", "L8, L9A-L9C, L9G, L9H, L9K, L7L-L7T"], // Hamilton CMA includes Burlington
  ["St. Catharines-Niagara", "L2, L3B, L3C, L3K, L3M"],
  ["Barrie", "L4M, L4N, L9S"],
  ["Kitchener-Waterloo", "N2A-N2V, N1P-N1T, N3A-N3H"], // with Cambridge
  ["Guelph", "N1C-N1L"],
  ["London", "N5V-N5Z, N6"],
  ["Windsor", "N8N-N8Y, N9A-N9K, N9V"],
  ["Brantford", "N3P-N3V"],
  ["Ottawa", "K1, K2, K4A-K4C, K4K, K4M, K4P, K4R"],
  ["Ottawa-Gatineau", "J8L-J8Z, J9A, J9B, J9H, J9J"], // the Quebec side (Gatineau, Chelsea)
  ["Kingston", "K7K-K7P"],
  ["Peterborough", "K9H-K9L"],
  ["Sudbury", "P3"],
  ["Thunder Bay", "P7"],
  // Montreal CMA: the island and Laval (H), the South Shore (Longueuil, Brossard...) and the
  // North Shore (Terrebonne, Repentigny, Blainville, Mirabel...), Vaudreuil, Châteauguay.
  [
    "Montreal",
    "H, J3E, J3G, J3H, J3L, J3N, J3V-J3Z, J4, J5A, J5B, J5R, J5W-J5Z, J6A, J6J, J6K, J6N, J6R, J6V-J6Z, J7A-J7V",
  ],
  ["Quebec City", "G1, G2, G3A, G3E, G3G, G3J, G3K, G6C, G6J, G6K, G6V-G6Z, G7A"], // with Lévis
  ["Saguenay", "G7B-G7Z, G8A"],
  ["Trois-Rivières", "G8T-G8Z, G9A-G9C"],
  ["Sherbrooke", "J1E-J1N"],
  ["Halifax", "B3, B2V-B2Z, B4A-B4G"], // Halifax Regional Municipality: Dartmouth, Bedford, Sackville
  ["Moncton", "E1A-E1G"], // with Dieppe and Riverview
  ["Saint John", "E2E-E2S"], // with Rothesay and Quispamsis
  ["Fredericton", "E3A-E3G"],
  ["St. John's", "A1A-A1N, A1S, A1W, A1X"], // with Mount Pearl, Paradise, Conception Bay South
  ["Charlottetown", "C1A-C1E"],
  ["Winnipeg", "R2, R3, R4A, R4H, R4J"],
  ["Regina", "S4L-S4Z"],
  ["Saskatoon", "S7"],
  ["Calgary", "T2, T3, T1X, T1Y, T4A-T4C"], // with Chestermere, Airdrie, Cochrane
  ["Edmonton", "T5, T6, T8A-T8H, T8L, T8N, T8R, T7X-T7Z, T9E, T9G, T4X"], // Sherwood Park, St. Albert, Spruce Grove, Leduc...
  ["Red Deer", "T4N-T4R"],
  ["Lethbridge", "T1H-T1K"],
  // Metro Vancouver: Vancouver, Burnaby, Richmond, the North Shore, Surrey, Delta, Langley,
  // the Tri-Cities, New Westminster, Maple Ridge, Pitt Meadows.
  ["Vancouver", "V5, V6, V7, V3A-V3E, V3H-V3Y, V4A-V4P, V4R, V4W, V1M, V2W-V2Z"],
  ["Abbotsford-Mission", "V2S, V2T, V2V, V3G, V4S, V4X"],
  ["Chilliwack", "V2P, V2R, V4Z"],
  ["Victoria", "V8L-V8Z, V9A-V9E"],
  ["Nanaimo", "V9R-V9V, V9X"],
  ["Kelowna", "V1P, V1V-V1Z, V4T, V4V"],
  ["Kamloops", "V1S, V2B, V2C, V2E, V2H"],
  ["Prince George", "V2K-V2N"],
  ["Whitehorse", "Y1A"],
  ["Yellowknife", "X1A"],
];

/** Letters used in the third position of an FSA, in order. */
const THIRD = "ABCEGHJKLMNPRSTVWXYZ";

function expandMarketToken(token: string): string[] {
  const range = /^([A-Z]\d)([A-Z])-\1([A-Z])$/.exec(token);
  if (range) {
    const from = THIRD.indexOf(range[2]);
    const to = THIRD.indexOf(range[3]);
    if (from < 0 || to < from) throw new Error(`bad FSA range ${token}`);
    return [...THIRD.slice(from, to + 1)].map((c) => range[1] + c);
  }
  if (/^[A-Z](\d([A-Z])?)?$/.test(token)) return [token];
  throw new Error(`bad FSA token ${token}`);
}

let marketIndex: Map<string, string> | undefined;

/** token (1-3 characters) -> market; built once. */
export function caMarketIndex(): ReadonlyMap<string, string> {
  if (!marketIndex) {
    marketIndex = new Map();
    for (const [market, spec] of CA_MARKETS) {
      for (const raw of spec.split(",")) {
        for (const key of expandMarketToken(raw.trim())) {
          const prior = marketIndex.get(key);
          if (prior && prior !== market) throw new Error(`FSA ${key} is in both ${prior} and ${market}`);
          marketIndex.set(key, market);
        }
      }
    }
  }
  return marketIndex;
}

export function provinceForFsa(fsa: string): CaProvince | null {
  const first = FSA_FIRST_LETTER[fsa[0]];
  if (!first) return null;
  if (first === "X") return TERRITORY_FSAS[fsa] ?? null;
  return first;
}

export function provinceName(code: CaProvince): string {
  return getRegion(code, "CA")?.name ?? code;
}

export interface CaPostalInfo {
  fsa: string;
  /** Present when a full postal code was given. */
  postalCode: string | null;
  region: CaProvince;
  market: string;
  timeZone: string;
  rural: boolean;
}

/**
 * Looks up a Canadian FSA ("M5V") or full postal code ("M5V 3L9", "m5v3l9"). Null when the
 * input is malformed or its FSA is not in any province (an X FSA other than the six).
 */
export function lookupCanadianPostal(input: string): CaPostalInfo | null {
  const parsed = parsePostalCode(input);
  const fsa = parsed?.country === "CA" ? parsed.fsa : parseFsa(input);
  if (!fsa) return null;
  const postalCode = parsed?.country === "CA" ? parsed.postalCode : null;
  const region = provinceForFsa(fsa);
  if (!region) return null;
  const rural = fsa[1] === "0";
  const index = caMarketIndex();
  const market = (rural ? undefined : (index.get(fsa) ?? index.get(fsa.slice(0, 2)) ?? index.get(fsa[0]))) ?? provinceName(region);
  const timeZone =
    (postalCode ? POSTAL_CODE_TIME_ZONES[postalCode] : undefined) ?? FSA_TIME_ZONES[fsa] ?? PROVINCE_TIME_ZONE[region];
  return { fsa, postalCode, region, market, timeZone, rural };
}

/** Every zone this table can give for a province (its default, FSA and postal-code exceptions). */
export function caProvinceTimeZones(region: CaProvince): string[] {
  const zones = new Set<string>([PROVINCE_TIME_ZONE[region]]);
  for (const [fsa, zone] of Object.entries(FSA_TIME_ZONES)) if (provinceForFsa(fsa) === region) zones.add(zone);
  for (const [code, zone] of Object.entries(POSTAL_CODE_TIME_ZONES)) if (provinceForFsa(code.slice(0, 3)) === region) zones.add(zone);
  return [...zones];
}

/**
 * Municipalities inside a market that do not share its name, for leads with a city but no
 * postal code (Statistics Canada CMA components).
 */
export const CA_CITY_MARKETS: Readonly<Record<string, string>> = {
  MISSISSAUGA: "Toronto", BRAMPTON: "Toronto", MARKHAM: "Toronto", VAUGHAN: "Toronto", "RICHMOND HILL": "Toronto",
  OAKVILLE: "Toronto", MILTON: "Toronto", PICKERING: "Toronto", AJAX: "Toronto", WHITBY: "Toronto", OSHAWA: "Toronto",
  SCARBOROUGH: "Toronto", ETOBICOKE: "Toronto", "NORTH YORK": "Toronto", NEWMARKET: "Toronto", AURORA: "Toronto",
  CALEDON: "Toronto", BURLINGTON: "Hamilton", "ST CATHARINES": "St. Catharines-Niagara",
  "NIAGARA FALLS": "St. Catharines-Niagara", WELLAND: "St. Catharines-Niagara", KITCHENER: "Kitchener-Waterloo",
  WATERLOO: "Kitchener-Waterloo", CAMBRIDGE: "Kitchener-Waterloo", GATINEAU: "Ottawa-Gatineau",
  LAVAL: "Montreal", LONGUEUIL: "Montreal", BROSSARD: "Montreal", TERREBONNE: "Montreal", REPENTIGNY: "Montreal",
  BLAINVILLE: "Montreal", MIRABEL: "Montreal", QUEBEC: "Quebec City", LEVIS: "Quebec City", DARTMOUTH: "Halifax",
  BEDFORD: "Halifax", DIEPPE: "Moncton", RIVERVIEW: "Moncton", "MOUNT PEARL": "St. John's", "ST JOHNS": "St. John's",
  SURREY: "Vancouver", BURNABY: "Vancouver", RICHMOND: "Vancouver", COQUITLAM: "Vancouver", DELTA: "Vancouver",
  LANGLEY: "Vancouver", "NORTH VANCOUVER": "Vancouver", "WEST VANCOUVER": "Vancouver", "NEW WESTMINSTER": "Vancouver",
  "MAPLE RIDGE": "Vancouver", "PORT COQUITLAM": "Vancouver", ABBOTSFORD: "Abbotsford-Mission", MISSION: "Abbotsford-Mission",
  SAANICH: "Victoria", LANGFORD: "Victoria", "ST ALBERT": "Edmonton", "SHERWOOD PARK": "Edmonton",
  "SPRUCE GROVE": "Edmonton", LEDUC: "Edmonton", AIRDRIE: "Calgary", CHESTERMERE: "Calgary", "GREATER SUDBURY": "Sudbury",
};

let marketProvinces: Map<string, CaProvince> | undefined;

/** The province of each market (from its first FSA token). */
export function caMarketProvince(market: string): CaProvince | null {
  if (!marketProvinces) {
    marketProvinces = new Map();
    for (const [name, spec] of CA_MARKETS) {
      const first = spec.split(",")[0].trim();
      const province = provinceForFsa(first.length >= 3 ? first.slice(0, 3) : `${first[0]}1A`);
      if (province) marketProvinces.set(name, province);
    }
  }
  return marketProvinces.get(market) ?? null;
}

/** The market a Canadian city is in, when it is a market's name or a known part of one. */
export function caMarketForCity(city: string, region: CaProvince): string | null {
  const folded = foldText(city)
    .replace(/['’]/g, "")
    .replace(/-/g, " ")
    .replace(/\bSAINT\b/g, "ST")
    .replace(/\s+/g, " ")
    .trim();
  if (!folded) return null;
  const candidates: string[] = [];
  const alias = CA_CITY_MARKETS[folded];
  if (alias) candidates.push(alias);
  for (const [market] of CA_MARKETS) {
    const name = foldText(market).replace(/['’]/g, "").replace(/-/g, " ").replace(/\bSAINT\b/g, "ST");
    if (name === folded || name.split(" ").includes(folded)) candidates.push(market);
  }
  return candidates.find((m) => caMarketProvince(m) === region) ?? null;
}

let marketZones: Map<string, string | null> | undefined;

/**
 * The zone of every FSA in a market, or null if they differ. A one- or two-character token
 * takes its province's zone unless an FSA exception falls under it.
 */
export function caMarketTimeZone(market: string): string | null {
  if (!marketZones) {
    marketZones = new Map();
    const zonesByMarket = new Map<string, Set<string>>();
    for (const [token, name] of caMarketIndex()) {
      const zones = zonesByMarket.get(name) ?? new Set<string>();
      zonesByMarket.set(name, zones);
      const province = provinceForFsa(token.length === 3 ? token : `${token[0]}1A`);
      if (!province) continue;
      if (token.length === 3) {
        zones.add(FSA_TIME_ZONES[token] ?? PROVINCE_TIME_ZONE[province]);
      } else {
        zones.add(PROVINCE_TIME_ZONE[province]);
        for (const [fsa, zone] of Object.entries(FSA_TIME_ZONES)) if (fsa.startsWith(token)) zones.add(zone);
      }
    }
    for (const [name, zones] of zonesByMarket) marketZones.set(name, zones.size === 1 ? [...zones][0] : null);
  }
  return marketZones.get(market) ?? null;
}
