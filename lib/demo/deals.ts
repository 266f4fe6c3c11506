import type { DealInput } from "@/lib/intake/schema";

/** Places the demo deals are spread over: real ZIPs and postal codes, US and Canada. */
export const PLACES = [
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
    // Sellers ask 70-110% of what a 70% offer would be, so three deals in four pencil out.
    const roughMao = arv * 0.7 - repairs - 2_500;
    const askingPrice = Math.max(25_000, Math.round((roughMao * (0.7 + next() * 0.4)) / 1000) * 1000);
    const beds = 2 + Math.floor(next() * 4);
    const deal = {
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
    };
    // Two sellers in three gave an email address too (reserved example.com addresses).
    const contactEmail = i % 3 === 2 ? undefined : `${deal.contactName.toLowerCase().replace(/\W+/g, ".")}.${i + 1}@example.com`;
    return { ...deal, contactEmail } as DealInput;
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

/**
 * Real postal areas around each demo city, the city's own first: US ZIPs and Canadian FSAs
 * of the `zipcodes` dataset, so the market map and the area ranks have several areas per
 * market (tests/unit/demo-areas.test.ts checks each one against the dataset).
 */
export const DEMO_AREAS: Record<(typeof PLACES)[number][0], readonly string[]> = {
  Springfield: ["62704", "62702", "62703", "62701"], Columbus: ["43215", "43205", "43206", "43211"], Memphis: ["38104", "38106", "38112", "38114"],
  Dallas: ["75208", "75203", "75211", "75216"], "El Paso": ["79902", "79903", "79905", "79915"], Phoenix: ["85008", "85006", "85009", "85017"],
  Atlanta: ["30310", "30314", "30315", "30318"], Tampa: ["33604", "33603", "33605", "33610"], Pensacola: ["32501", "32503", "32505", "32507"],
  Detroit: ["48205", "48213", "48224", "48227"], Cleveland: ["44105", "44104", "44127", "44120"], "Kansas City": ["64130", "64110", "64128", "64127"],
  Birmingham: ["35211", "35208", "35204", "35206"], Indianapolis: ["46218", "46201", "46205", "46222"], Charlotte: ["28208", "28205", "28206", "28216"],
  Baltimore: ["21215", "21216", "21217", "21218"], Toronto: ["M6H", "M6G", "M6K", "M4L"], Hamilton: ["L8L", "L8M", "L8N", "L8P"],
  Calgary: ["T2E", "T2M", "T2G", "T2K"], Edmonton: ["T5B", "T5G", "T5A", "T5H"], Winnipeg: ["R2W", "R2V", "R2X", "R2K"], Regina: ["S4R", "S4T", "S4N", "S4P"],
  Halifax: ["B3K", "B3L", "B3J", "B3H"], "St. John's": ["A1C", "A1A", "A1B", "A1E"], Montreal: ["H1W", "H2K", "H2H", "H1X"], Vancouver: ["V5L", "V6A", "V5N", "V5M"],
};
/** Local delivery units for the Canadian demo addresses (any real-looking one: areas go by FSA). */
const LDUS = ["1A1", "2B4", "3C6", "4E8", "5G2", "6H9", "7J3", "8K5", "9L7"];
/** Days the demo's intake history spans: 16 weeks. */
export const DEMO_HISTORY_DAYS = 112;
/**
 * The days new deals arrived in a hot demo area: a burst of 4-8 in the last 3 weeks, with
 * good spreads, and up to 3 earlier ones; each city's own, so their lines on the velocity
 * chart differ. A Canadian one gets the smallest burst that is hot (4 deals, nothing
 * earlier), for the free plan's quota.
 */
function hotAreaDays(cityIndex: number, canadian: boolean): { burst: number[]; earlier: number[] } {
  const size = canadian ? 4 : 5 + (cityIndex % 4);
  const burst = Array.from({ length: size }, (_, k) => 1 + Math.floor((k * 20) / size) + (cityIndex % 3));
  const earlier = canadian ? [] : Array.from({ length: 1 + (cityIndex % 3) }, (_, k) => 35 + k * 17 + (cityIndex % 5));
  return { burst, earlier };
}

export interface DemoAreaRole {
  city: string;
  hot: string | null;
  cold: string | null;
  canadian: boolean;
}

/**
 * Which area of each demo city is hot (a third of the US cities, and Montreal: the Canadian
 * workspace is on the free plan, whose 100 properties a month the seed must stay within) and
 * which is cold (a quarter of the cities).
 */
export function demoAreaRoles(): DemoAreaRole[] {
  return PLACES.map(([city], i) => {
    const codes = DEMO_AREAS[city];
    const canadian = !/^\d{5}$/.test(codes[0]);
    const hot = i % 3 === 0 && (!canadian || city === "Montreal");
    return { city, hot: hot ? codes[1] : null, cold: i % 4 === 2 ? codes[codes.length - 1] : null, canadian };
  });
}

const withPostalCode = (deal: DealInput, area: string, n: number): DealInput =>
  ({ ...deal, postalCode: /^\d{5}$/.test(area) ? area : area === areaOf(deal.postalCode) ? deal.postalCode : `${area} ${LDUS[n % LDUS.length]}` }) as DealInput;
const areaOf = (postalCode: string | null | undefined) => (postalCode && /^\d{5}/.test(postalCode) ? postalCode.slice(0, 5) : (postalCode ?? "").slice(0, 3).toUpperCase());

/**
 * Spreads the demo deals over their city's postal areas and 16 weeks of intake, so the map
 * shows hot and cold areas on first start: each city's deals go round its normal areas,
 * arriving evenly over the 16 weeks (the generator's recent-heavy dates, made uniform); a hot
 * area gets a burst of recent deals priced with a good spread; a cold area one old deal.
 * Returns the deals and histories to seed, the given ones first, in the same order.
 */
export function planDemoAreas(deals: readonly DealInput[], history: readonly DemoHistory[], seed = 23): { deals: DealInput[]; history: DemoHistory[] } {
  const roles = new Map(demoAreaRoles().map((r) => [r.city, r]));
  const seen = new Map<string, number>();
  const lastOfCity = new Map(deals.map((deal, i) => [deal.city ?? "", i]));
  const planned = deals.map((deal, i) => {
    const role = roles.get(deal.city ?? "");
    if (!role) return { deal, history: history[i] };
    // A cold area: the city's last deal, arrived over 13 weeks ago.
    if (role.cold && lastOfCity.get(role.city) === i) return { deal: withPostalCode(deal, role.cold, i), history: { ...history[i], daysAgo: 96 + (i % 12) } };
    // Three areas a city at most, so each normal one keeps a few deals a quarter.
    const normal = DEMO_AREAS[role.city as keyof typeof DEMO_AREAS].slice(0, 3).filter((code) => code !== role.hot && code !== role.cold);
    const n = seen.get(role.city) ?? 0;
    seen.set(role.city, n + 1);
    // history daysAgo is 45 * r^1.6 for a uniform r: undo the power to spread it evenly. Deals
    // under contract or closed (and the first seven, which the seed puts at every status) keep
    // their date, so buyers still close within weeks of an offer.
    const uniform = Math.min(1, (history[i].daysAgo + 0.5) / 45) ** (1 / 1.6);
    const sold = history[i].status === "UNDER_CONTRACT" || history[i].status === "CLOSED" || i < 7;
    const daysAgo = sold ? history[i].daysAgo : Math.floor(uniform * (DEMO_HISTORY_DAYS - 1));
    return { deal: withPostalCode(deal, normal[n % normal.length], i), history: { ...history[i], daysAgo } };
  });
  const extras = [...roles.values()].flatMap((role, cityIndex) => {
    if (!role.hot) return [];
    const { burst, earlier } = hotAreaDays(cityIndex, role.canadian);
    return [...burst.map((daysAgo) => ({ role, area: role.hot!, daysAgo, hot: true })), ...earlier.map((daysAgo) => ({ role, area: role.hot!, daysAgo, hot: false }))];
  });
  const generated = demoDeals(extras.length, seed);
  const next = random(seed + 1);
  const added = extras.map((extra, k) => {
    const place = PLACES.find(([city]) => city === extra.role.city)!;
    const base = generated[k];
    const mao = base.arv! * 0.7 - base.repairs! - 2_500;
    // A hot area's sellers ask 20-45k under the 70% offer, so its median spread is good.
    const askingPrice = extra.hot ? Math.max(15_000, Math.round((mao - 20_000 - next() * 25_000) / 1000) * 1000) : base.askingPrice;
    const deal = withPostalCode(
      { ...base, street: `${2_000 + k * 11} ${base.street!.split(" ").slice(1).join(" ")}`, city: place[0], region: place[1], postalCode: place[2], country: /\d{5}/.test(place[2]) ? "US" : "CA", askingPrice } as DealInput,
      extra.area,
      k,
    );
    const status: DemoHistory["status"] = extra.hot ? (k % 3 === 0 ? "CONTACTED" : "UNDERWRITTEN") : k % 2 === 0 ? "DEAD" : "UNDERWRITTEN";
    return { deal, history: { source: SOURCES[k % SOURCES.length], status, daysAgo: extra.daysAgo } };
  });
  const all = [...planned, ...added];
  return { deals: all.map((p) => p.deal), history: all.map((p) => p.history) };
}
