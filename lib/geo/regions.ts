/**
 * The 50 states, DC and the 13 provinces and territories, with every IANA time zone used
 * inside each. The first zone is where most people live; a region with several zones needs
 * a postal code (or the lead's own zone) to know the local time for sure.
 */
export type Country = "US" | "CA";

export interface RegionInfo {
  code: string;
  name: string;
  country: Country;
  timeZones: readonly string[];
}

const us = (code: string, name: string, ...timeZones: string[]): RegionInfo => ({ code, name, country: "US", timeZones });
const ca = (code: string, name: string, ...timeZones: string[]): RegionInfo => ({ code, name, country: "CA", timeZones });

export const REGIONS: readonly RegionInfo[] = [
  us("AL", "Alabama", "America/Chicago"),
  us("AK", "Alaska", "America/Anchorage", "America/Adak"),
  us("AZ", "Arizona", "America/Phoenix", "America/Denver"), // the Navajo Nation observes DST
  us("AR", "Arkansas", "America/Chicago"),
  us("CA", "California", "America/Los_Angeles"),
  us("CO", "Colorado", "America/Denver"),
  us("CT", "Connecticut", "America/New_York"),
  us("DE", "Delaware", "America/New_York"),
  us("DC", "District of Columbia", "America/New_York"),
  us("FL", "Florida", "America/New_York", "America/Chicago"),
  us("GA", "Georgia", "America/New_York"),
  us("HI", "Hawaii", "Pacific/Honolulu"),
  us("ID", "Idaho", "America/Boise", "America/Los_Angeles"),
  us("IL", "Illinois", "America/Chicago"),
  us("IN", "Indiana", "America/Indiana/Indianapolis", "America/Chicago"),
  us("IA", "Iowa", "America/Chicago"),
  us("KS", "Kansas", "America/Chicago", "America/Denver"),
  us("KY", "Kentucky", "America/New_York", "America/Chicago"),
  us("LA", "Louisiana", "America/Chicago"),
  us("ME", "Maine", "America/New_York"),
  us("MD", "Maryland", "America/New_York"),
  us("MA", "Massachusetts", "America/New_York"),
  us("MI", "Michigan", "America/Detroit", "America/Menominee"),
  us("MN", "Minnesota", "America/Chicago"),
  us("MS", "Mississippi", "America/Chicago"),
  us("MO", "Missouri", "America/Chicago"),
  us("MT", "Montana", "America/Denver"),
  us("NE", "Nebraska", "America/Chicago", "America/Denver"),
  us("NV", "Nevada", "America/Los_Angeles", "America/Boise"),
  us("NH", "New Hampshire", "America/New_York"),
  us("NJ", "New Jersey", "America/New_York"),
  us("NM", "New Mexico", "America/Denver"),
  us("NY", "New York", "America/New_York"),
  us("NC", "North Carolina", "America/New_York"),
  us("ND", "North Dakota", "America/Chicago", "America/Denver"),
  us("OH", "Ohio", "America/New_York"),
  us("OK", "Oklahoma", "America/Chicago"),
  us("OR", "Oregon", "America/Los_Angeles", "America/Boise"),
  us("PA", "Pennsylvania", "America/New_York"),
  us("RI", "Rhode Island", "America/New_York"),
  us("SC", "South Carolina", "America/New_York"),
  us("SD", "South Dakota", "America/Chicago", "America/Denver"),
  us("TN", "Tennessee", "America/Chicago", "America/New_York"),
  us("TX", "Texas", "America/Chicago", "America/Denver"),
  us("UT", "Utah", "America/Denver"),
  us("VT", "Vermont", "America/New_York"),
  us("VA", "Virginia", "America/New_York"),
  us("WA", "Washington", "America/Los_Angeles"),
  us("WV", "West Virginia", "America/New_York"),
  us("WI", "Wisconsin", "America/Chicago"),
  us("WY", "Wyoming", "America/Denver"),
  ca("AB", "Alberta", "America/Edmonton"),
  // Most of BC is Pacific; the Peace River region keeps UTC-7 all year, Creston too.
  ca("BC", "British Columbia", "America/Vancouver", "America/Dawson_Creek", "America/Fort_Nelson", "America/Creston"),
  ca("MB", "Manitoba", "America/Winnipeg"),
  ca("NB", "New Brunswick", "America/Moncton"),
  // Newfoundland is UTC-3:30; most of Labrador is on Atlantic time.
  ca("NL", "Newfoundland and Labrador", "America/St_Johns", "America/Goose_Bay"),
  ca("NS", "Nova Scotia", "America/Halifax"),
  ca("NT", "Northwest Territories", "America/Yellowknife"),
  ca("NU", "Nunavut", "America/Iqaluit", "America/Rankin_Inlet", "America/Cambridge_Bay"),
  // Northwestern Ontario (Kenora, Rainy River) is on Central time; Atikokan keeps EST.
  ca("ON", "Ontario", "America/Toronto", "America/Winnipeg", "America/Atikokan"),
  ca("PE", "Prince Edward Island", "America/Halifax"),
  // The Magdalen Islands are on Atlantic time; the Lower North Shore keeps AST all year.
  ca("QC", "Quebec", "America/Toronto", "America/Halifax", "America/Blanc-Sablon"),
  // Saskatchewan keeps CST all year; Lloydminster follows Alberta.
  ca("SK", "Saskatchewan", "America/Regina", "America/Edmonton"),
  // Yukon has stayed on UTC-7 all year since 2020.
  ca("YT", "Yukon", "America/Whitehorse"),
];

const BY_KEY = new Map(REGIONS.map((r) => [`${r.country}:${r.code}`, r]));

/** Looks a region up by its two-letter code; without a country, US wins only where CA has no such code. */
export function getRegion(code: string, country?: Country): RegionInfo | undefined {
  const upper = code.trim().toUpperCase();
  if (country) return BY_KEY.get(`${country}:${upper}`);
  return BY_KEY.get(`US:${upper}`) ?? BY_KEY.get(`CA:${upper}`);
}

export function regionTimeZones(code: string, country?: Country): readonly string[] {
  return getRegion(code, country)?.timeZones ?? [];
}

export const US_REGION_CODES = REGIONS.filter((r) => r.country === "US").map((r) => r.code);
export const CA_REGION_CODES = REGIONS.filter((r) => r.country === "CA").map((r) => r.code);
