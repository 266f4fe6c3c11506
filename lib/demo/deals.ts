import type { DealInput } from "@/lib/intake/schema";

/** Places the demo deals are spread over: real ZIPs and postal codes, US and Canada. */
const PLACES = [
  ["Springfield", "IL", "62704"], ["Columbus", "OH", "43215"], ["Memphis", "TN", "38104"], ["Dallas", "TX", "75208"],
  ["El Paso", "TX", "79902"], ["Phoenix", "AZ", "85008"], ["Atlanta", "GA", "30310"], ["Tampa", "FL", "33604"],
  ["Pensacola", "FL", "32501"], ["Detroit", "MI", "48205"], ["Cleveland", "OH", "44105"], ["Kansas City", "MO", "64130"],
  ["Birmingham", "AL", "35211"], ["Indianapolis", "IN", "46218"], ["Charlotte", "NC", "28208"], ["Baltimore", "MD", "21215"],
  ["Toronto", "ON", "M6H 2T3"], ["Hamilton", "ON", "L8L 4S6"], ["Calgary", "AB", "T2E 3K8"], ["Edmonton", "AB", "T5B 1K2"],
  ["Winnipeg", "MB", "R2W 3M4"], ["Regina", "SK", "S4R 1H6"], ["Halifax", "NS", "B3K 4X9"], ["St. John's", "NL", "A1C 2R4"],
  ["Montreal", "QC", "H1W 2K5"], ["Vancouver", "BC", "V5L 3X7"],
] as const;
const STREETS = ["Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Elm St", "Park Ave", "Lakeview Rd", "Pine St", "Hillcrest Dr", "Washington Blvd", "King St", "Queen St"];
const TYPES = ["SFR", "SFR", "SFR", "MULTI", "CONDO", "TOWNHOUSE"] as const;

/** A small deterministic generator (mulberry32), so every demo workspace looks the same. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoDeals(count: number, seed = 7): DealInput[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const [city, region, postalCode] = pick(PLACES);
    const arv = Math.round((120_000 + next() * 380_000) / 1000) * 1000;
    const repairs = Math.round((arv * (0.03 + next() * 0.22)) / 500) * 500;
    // Sellers ask around what a 70% offer would be, so about half the deals pencil out.
    const roughMao = arv * 0.7 - repairs - 2_500;
    const askingPrice = Math.max(25_000, Math.round((roughMao * (0.75 + next() * 0.5)) / 1000) * 1000);
    const beds = 2 + Math.floor(next() * 4);
    return {
      street: `${100 + i * 7 + Math.floor(next() * 5)} ${pick(STREETS)}`,
      city,
      region,
      postalCode,
      country: /\d{5}/.test(postalCode) ? "US" : "CA",
      askingPrice,
      arv,
      repairs,
      beds,
      baths: Math.max(1, beds - 1 - Math.floor(next() * 2) + (next() < 0.3 ? 0.5 : 0)),
      sqft: Math.round((700 + beds * 350 + next() * 600) / 10) * 10,
      yearBuilt: 1920 + Math.floor(next() * 95),
      propertyType: pick(TYPES),
      score: Math.floor(40 + next() * 60),
      contactName: pick(["Pat Seller", "Jordan Lee", "Sam Rivera", "Alex Chen", "Morgan Diaz"]),
      contactPhone: `+1555${String(1_000_000 + Math.floor(next() * 8_999_999)).slice(0, 7)}`,
    } as DealInput;
  });
}

const SOURCES = ["CSV", "CSV", "CSV", "EMAIL", "EMAIL", "API", "MANUAL"] as const;
/** Where demo deals stand, weighted like a real funnel: most are still being worked. */
const STAGES = [
  ["NEW", 6], ["UNDERWRITTEN", 36], ["CONTACTED", 25], ["NEGOTIATING", 12], ["UNDER_CONTRACT", 7], ["CLOSED", 5], ["DEAD", 13],
] as const;

export interface DemoHistory {
  source: (typeof SOURCES)[number];
  status: (typeof STAGES)[number][0];
  /** Days before the seed run that the deal arrived. */
  daysAgo: number;
}

/** How each demo deal arrived and how far it got, so the dashboard and charts have a shape. */
export function demoHistory(count: number, seed = 11): DemoHistory[] {
  const next = random(seed);
  const total = STAGES.reduce((sum, [, weight]) => sum + weight, 0);
  return Array.from({ length: count }, () => {
    let roll = next() * total;
    const stage = STAGES.find(([, weight]) => (roll -= weight) < 0) ?? STAGES[0];
    // Older deals are further along; new arrivals cluster in the last weeks.
    const daysAgo = Math.floor(next() ** 1.6 * 45);
    return { source: SOURCES[Math.floor(next() * SOURCES.length)], status: stage[0], daysAgo };
  });
}

/** Tags a team puts on leads; a demo deal carries none, one or two of them. */
export const DEMO_TAGS = ["probate", "vacant", "absentee owner", "tired landlord", "pre-foreclosure", "motivated"] as const;

export const DEMO_NOTES = [
  "Seller wants to close before the school year; flexible on price if we cover closing costs.",
  "Walked the property: roof is 20+ years, kitchen original. Repairs estimate looks right.",
  "Spoke with the daughter, she handles the estate. Call back Thursday after 5.",
  "Buyer list: two flippers interested in this zip at our number.",
] as const;

export const DEAD_REASONS = ["Seller listed with an agent", "Price too high for our numbers", "Wrong number, no other contact", "Seller decided to keep it"] as const;
