/**
 * The underwriting desk's demo data: sold comps around every demo market, leads that came in
 * on several lead lists, a few deals whose data does not add up (each with the story a
 * wholesaler would recognise), and, in the US workspace, a year of decided deals whose
 * outcomes follow the lead's traits, so the scoring engine has a learned model to propose
 * beside the points table from the first start. The generators are pure and deterministic.
 */
import type { CompSaleInput } from "@/lib/comps/schema";
import type { DealInput } from "@/lib/intake/schema";
import type { LeadFeatures } from "@/lib/scoring/types";
import { DEAD_REASONS, DEMO_AREAS, PLACES, random } from "./deals";

type City = (typeof PLACES)[number][0];

/**
 * What a renovated house sells for per square foot in each demo market (USD in the US, CAD
 * in Canada), roughly as 2025-2026 sales ran: the comps scatter around it by +/-12 %.
 */
export const PRICE_PER_SQFT: Record<City, number> = {
  Springfield: 105, Columbus: 175, Memphis: 115, Dallas: 195, "El Paso": 135, Phoenix: 245, Atlanta: 185, Tampa: 230,
  Pensacola: 175, Detroit: 85, Cleveland: 95, "Kansas City": 150, Birmingham: 110, Indianapolis: 140, Charlotte: 205, Baltimore: 155,
  Toronto: 760, Hamilton: 490, Calgary: 340, Edmonton: 265, Winnipeg: 235, Regina: 215, Halifax: 330, "St. John's": 205, Montreal: 430, Vancouver: 860,
};

const COMP_STREETS = ["Birch St", "Walnut Ave", "Chestnut Dr", "Sycamore Ln", "Willow Way", "Ash Ct", "Poplar St", "Magnolia Ave", "Spruce Rd", "Hawthorn Dr"];
const COMP_TYPES = ["SFR", "SFR", "SFR", "SFR", "MULTI", "CONDO", "TOWNHOUSE"] as const;
const LDUS = ["1B2", "3C4", "5D6", "7E8", "9G1", "2H3", "4J5"];
/** Sold comps per postal area: enough that a deal finds 3-6 of its own type and size within 12 months. */
const COMPS_PER_AREA = 9;
const DAY_MS = 86_400_000;

/** Sales of the last 20 months in every postal area of the country's demo markets. */
export function demoCompSales(country: "US" | "CA", now: Date, seed = 31): CompSaleInput[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return PLACES.filter(([, , postal]) => /^\d{5}$/.test(postal) === (country === "US")).flatMap(([city, region]) =>
    DEMO_AREAS[city].flatMap((area, a) =>
      Array.from({ length: COMPS_PER_AREA }, (_, k) => {
        const beds = 2 + Math.floor(next() * 4);
        const sqft = Math.round((700 + beds * 350 + next() * 600) / 10) * 10;
        const perSqft = PRICE_PER_SQFT[city] * (0.88 + next() * 0.24);
        return {
          street: `${300 + a * 100 + k * 9} ${pick(COMP_STREETS)}`,
          city,
          region,
          postalCode: country === "US" ? area : `${area} ${LDUS[(a + k) % LDUS.length]}`,
          country,
          soldPrice: Math.round((perSqft * sqft) / 500) * 500,
          // Most within the year, a few older ones that only a sparse search widens to.
          soldAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - Math.floor(next() ** 1.4 * 600 + 5) * DAY_MS),
          beds,
          baths: Math.max(1, beds - 1),
          sqft,
          yearBuilt: 1925 + Math.floor(next() * 95),
          propertyType: pick(COMP_TYPES),
        } as CompSaleInput;
      }),
    ),
  );
}

/** The demo's lead lists, as a wholesaler names the files they buy and pull. */
export const DEMO_LISTS = ["Probate filings - county records", "Absentee owners, skip-traced", "Driving for dollars - spring route"] as const;

/**
 * Which lists each deal arrived on, by its position: every list-sourced lead is on one, a
 * fifth on two, one in twelve on all three. The same lead on several lists is the stacking
 * the score rewards.
 */
export function demoListsOf(position: number): number[] {
  const first = position % DEMO_LISTS.length;
  if (position % 12 === 5) return [0, 1, 2];
  if (position % 5 === 2) return [first, (first + 1) % DEMO_LISTS.length];
  return [first];
}

/**
 * Deals whose data does not add up, each the way it happens: a typo with an extra zero, a
 * seller asking more than the house is worth, a rehab bid above the value, square feet keyed
 * in thousands. (Intake places a deal's state from its ZIP, so a mismatch comes from edits.)
 */
export function demoQualityDeals(): DealInput[] {
  const base = { contactName: "Casey Data", country: "US", beds: 3, baths: 2, propertyType: "SFR" } as const;
  return [
    { ...base, street: "417 Cedar Ln", city: "Memphis", region: "TN", postalCode: "38104", askingPrice: 1_150_000, arv: 165_000, repairs: 30_000, sqft: 1_450, yearBuilt: 1958, contactPhone: "+15555550101" },
    { ...base, street: "88 Lakeview Rd", city: "Tampa", region: "FL", postalCode: "33604", askingPrice: 265_000, arv: 230_000, repairs: 20_000, sqft: 1_380, yearBuilt: 1972, contactPhone: "+15555550102" },
    { ...base, street: "1290 Pine St", city: "Detroit", region: "MI", postalCode: "48205", askingPrice: 28_000, arv: 95_000, repairs: 120_000, sqft: 1_100, yearBuilt: 1928, contactPhone: "+15555550103" },
    { ...base, street: "52 Hillcrest Dr", city: "Columbus", region: "OH", postalCode: "43215", askingPrice: 120_000, arv: 240_000, repairs: 25_000, sqft: 14, yearBuilt: 1962, contactPhone: "+15555550104" },
  ] as DealInput[];
}

/** A decided demo deal: what came in, its tags and lists, and how it ended. */
export interface DemoOutcome {
  deal: DealInput;
  source: "CSV" | "EMAIL" | "API" | "MANUAL";
  tags: string[];
  lists: number[];
  won: boolean;
  /** Days before the seed that it arrived, and how long it took to be decided. */
  daysAgo: number;
  decidedAfterDays: number;
  /** The traits as the scorer will read them (market and consent aside), for checking the generator. */
  features: LeadFeatures;
}

const OUTCOME_TAGS = [[], [], ["vacant"], ["probate"], ["tired landlord"], ["pre-foreclosure"], ["absentee owner"], ["probate", "vacant"], ["motivated", "tired landlord"]] as const;
const OUTCOME_SOURCES = ["CSV", "CSV", "CSV", "EMAIL", "EMAIL", "API", "MANUAL"] as const;
const US_PLACES = PLACES.filter(([, , postal]) => /^\d{5}$/.test(postal));
/** Decided deals in the US demo workspace: past the 200 a learned model needs, with a held-out fifth to spare. */
export const DEMO_OUTCOMES = 320;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A year of decided deals, 4 to 12 months old (older than the market map's 16 weeks). Whether
 * a deal went under contract follows its traits with noise, as in a real business: the wider
 * the spread, the more motivation words, the more lists, the likelier; an emailed or hand-
 * entered lead a little likelier than a bulk API one. A logistic fit on them lands near 0.75
 * AUC, where real lead scores sit, not a perfect separation.
 */
export function demoOutcomes(count = DEMO_OUTCOMES, seed = 47): DemoOutcome[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const [city, region, postalCode] = pick(US_PLACES);
    const arv = Math.round((110_000 + next() * 330_000) / 1000) * 1000;
    const repairsRatio = 0.03 + next() * 0.25;
    const repairs = Math.round((arv * repairsRatio) / 500) * 500;
    const mao = arv * 0.7 - repairs - 2_500;
    // From 15 % under our offer to 45 % over it.
    const askingPrice = Math.max(20_000, Math.round((mao * (0.85 + next() * 0.6)) / 1000) * 1000);
    const spreadRatio = (mao - askingPrice) / arv;
    const tags = [...pick(OUTCOME_TAGS)];
    const source = pick(OUTCOME_SOURCES);
    const lists = source === "CSV" ? demoListsOf(i) : [];
    const hasEmail = next() < 0.6;
    const hasPhone = next() < 0.9;
    const logit = -0.5 + 16 * spreadRatio + 1.0 * tags.length + 0.9 * Math.max(0, lists.length - 1) + 0.6 * (hasEmail ? 1 : 0) + 0.8 * (hasPhone ? 1 : 0) - 0.5 * (source === "API" ? 1 : 0) + 0.3 * (source === "MANUAL" ? 1 : 0);
    const won = next() < sigmoid(logit - 0.8);
    const beds = 2 + Math.floor(next() * 4);
    const deal = {
      street: `${4_000 + i * 13} ${pick(["Oak Ave", "Elm St", "Maple Dr", "Park Ave", "Cedar Ln", "King St"])}`,
      city, region, postalCode, country: "US", askingPrice, arv, repairs, beds, baths: Math.max(1, beds - 1),
      sqft: Math.round((700 + beds * 350 + next() * 600) / 10) * 10, yearBuilt: 1930 + Math.floor(next() * 90), propertyType: "SFR",
      contactName: pick(["Pat Seller", "Jordan Lee", "Sam Rivera", "Alex Chen", "Morgan Diaz"]),
      ...(hasPhone && { contactPhone: `+1555${String(2_000_000 + i * 3_917).slice(0, 7)}` }),
      ...(hasEmail && { contactEmail: `seller.${i + 1}@example.com` }),
    } as DealInput;
    const features: LeadFeatures = {
      spreadRatio, motivationWords: tags, repairsRatio: repairs / arv, daysSinceIntake: 0, listCount: lists.length, hasPhone, hasEmail,
      hasConsent: false, marketRank: null, source, qualityFlagCount: 0,
    };
    return { deal, source, tags, lists, won, daysAgo: 125 + Math.floor(next() * 240), decidedAfterDays: 12 + Math.floor(next() * 50), features };
  });
}

/** Why a demo deal died, by position. */
export const outcomeDeadReason = (i: number) => DEAD_REASONS[i % DEAD_REASONS.length];
