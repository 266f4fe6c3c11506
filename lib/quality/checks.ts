/**
 * Data-quality checks on a deal's numbers and address (issue 16 item 4). Pure: the caller hands
 * in the deal, its market's baseline (loadQualityBaselines) and the clock. Each issue carries
 * its reason in plain words; nothing here changes a value, it only says what looks wrong.
 */
import type { Country } from "@/generated/prisma/enums";
import { lookupUsZip, lookupUsZipPrefix, normalizeCountry, normalizeRegion, parsePostalCode, provinceForFsa } from "@/lib/geo";
import type { MarketBaseline, QualityIssue } from "./types";

export interface QualityInput {
  askingPrice: number | null;
  arv: number | null;
  repairs: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  postalCode: string | null;
  region: string | null;
  country: Country | string | null;
  market: string | null;
}

/**
 * A value further than this many median absolute deviations from its market's median is an
 * outlier. The raw MAD (not scaled to a standard deviation): 4 raw MADs is about 2.7 standard
 * deviations of a normal market, wide enough that ordinary spread never trips it.
 */
export const OUTLIER_MADS = 4;
/** Below this many priced deals in a market its median says too little to judge others by. */
export const MIN_BASELINE_DEALS = 10;

/** Fixed sanity bounds, whatever the market: no house trades outside them. */
export const PRICE_BOUNDS = { min: 1_000, max: 50_000_000 } as const;
export const SQFT_BOUNDS = { min: 100, max: 30_000 } as const;
/** The oldest plausible year built; the newest is next year (a house under construction). */
export const OLDEST_YEAR_BUILT = 1700;

function dollars(amount: number): string {
  return `$${Math.round(amount).toLocaleString("en-US")}`;
}

function deviations(value: number, median: number, mad: number): string {
  return (Math.abs(value - median) / mad).toFixed(1);
}

type PriceField = "askingPrice" | "arv";

function priceIssues(
  field: PriceField,
  value: number | null,
  stats: { median: number; mad: number; count: number } | null,
): QualityIssue[] {
  if (value === null) return [];
  const label = field === "askingPrice" ? "Asking" : "ARV";
  const boundsCode = field === "askingPrice" ? "asking_out_of_bounds" : "arv_out_of_bounds";
  if (value < PRICE_BOUNDS.min || value > PRICE_BOUNDS.max) {
    return [
      {
        code: boundsCode,
        field,
        reason: `${label} ${dollars(value)} is outside the plausible range for a house (${dollars(PRICE_BOUNDS.min)} to ${dollars(PRICE_BOUNDS.max)})`,
      },
    ];
  }
  if (!stats || stats.count < MIN_BASELINE_DEALS || stats.mad <= 0) return [];
  if (Math.abs(value - stats.median) <= OUTLIER_MADS * stats.mad) return [];
  const direction = value > stats.median ? "above" : "below";
  return [
    {
      code: field === "askingPrice" ? "asking_outlier" : "arv_outlier",
      field,
      reason: `${label} ${dollars(value)} is ${deviations(value, stats.median, stats.mad)} median absolute deviations ${direction} this market's deals (median ${dollars(stats.median)})`,
    },
  ];
}

/** The state or province a postal code belongs to; null when the code does not say. */
export function regionOfPostalCode(postalCode: string): { country: Country; region: string } | null {
  const parsed = parsePostalCode(postalCode);
  if (!parsed) return null;
  if (parsed.country === "CA") {
    const province = provinceForFsa(parsed.fsa);
    return province ? { country: "CA", region: province } : null;
  }
  // A ZIP the dataset knows gives its state; an unknown one only when its whole 3-digit
  // prefix lies in one state (a few prefixes straddle a state line).
  const region = lookupUsZip(parsed.zip)?.region ?? lookupUsZipPrefix(parsed.zip)?.region ?? null;
  return region ? { country: "US", region } : null;
}

const COUNTRY_NAMES: Record<Country, string> = { US: "the United States", CA: "Canada" };

function postalIssues(postalCode: string | null, region: string | null, country: string | null): QualityIssue[] {
  if (!postalCode) return [];
  const expected = regionOfPostalCode(postalCode);
  if (!expected) return [];
  const kind = expected.country === "US" ? "ZIP" : "Postal code";
  const statedCountry = normalizeCountry(country);
  if (statedCountry && statedCountry !== expected.country) {
    return [
      {
        code: "postal_code_region_mismatch",
        field: "postalCode",
        reason: `${kind} ${postalCode.trim().toUpperCase()} is in ${COUNTRY_NAMES[expected.country]}, but the deal's country is ${COUNTRY_NAMES[statedCountry]}`,
      },
    ];
  }
  if (!region) return [];
  // A region the deal's country does not have (ON with a ZIP) is still a mismatch; a region
  // nobody recognizes says nothing either way.
  const stated = normalizeRegion(region, expected.country) ?? normalizeRegion(region);
  if (!stated || (stated.code === expected.region && stated.country === expected.country)) return [];
  const where = expected.country === "US" ? "state" : "province";
  return [
    {
      code: "postal_code_region_mismatch",
      field: "postalCode",
      reason: `${kind} ${postalCode.trim().toUpperCase()} is in ${expected.region}, but the deal's ${where} is ${stated.code}`,
    },
  ];
}

/** Every quality issue of one deal, in a stable order (price, relations, size, year, address). */
export function checkDealQuality(deal: QualityInput, baseline: MarketBaseline | null, now: Date): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const stats = baseline && deal.market && baseline.market === deal.market ? baseline : null;
  issues.push(...priceIssues("askingPrice", deal.askingPrice, stats?.asking ?? null));
  issues.push(...priceIssues("arv", deal.arv, stats?.arv ?? null));

  if (deal.arv !== null && deal.askingPrice !== null && deal.arv > 0 && deal.arv < deal.askingPrice) {
    issues.push({
      code: "arv_below_asking",
      field: "arv",
      reason: `ARV ${dollars(deal.arv)} is below the asking price ${dollars(deal.askingPrice)}: there is no spread to buy`,
    });
  }
  if (deal.repairs !== null && deal.arv !== null && deal.arv > 0 && deal.repairs > deal.arv) {
    issues.push({
      code: "repairs_above_arv",
      field: "repairs",
      reason: `Repairs ${dollars(deal.repairs)} exceed the ARV ${dollars(deal.arv)}`,
    });
  }
  if (deal.sqft !== null && (deal.sqft < SQFT_BOUNDS.min || deal.sqft > SQFT_BOUNDS.max)) {
    issues.push({
      code: "sqft_impossible",
      field: "sqft",
      reason: `${deal.sqft.toLocaleString("en-US")} sq ft is not a plausible house size (${SQFT_BOUNDS.min} to ${SQFT_BOUNDS.max.toLocaleString("en-US")})`,
    });
  }
  const newestYear = now.getUTCFullYear() + 1;
  if (deal.yearBuilt !== null && (deal.yearBuilt < OLDEST_YEAR_BUILT || deal.yearBuilt > newestYear)) {
    issues.push({
      code: "year_built_impossible",
      field: "yearBuilt",
      reason:
        deal.yearBuilt > newestYear
          ? `Built in ${deal.yearBuilt} is in the future`
          : `Built in ${deal.yearBuilt} is before ${OLDEST_YEAR_BUILT}`,
    });
  }
  issues.push(...postalIssues(deal.postalCode, deal.region, deal.country));
  return issues;
}
