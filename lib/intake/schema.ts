import { z } from "zod";

export const PROPERTY_TYPES = ["SFR", "MULTI", "CONDO", "TOWNHOUSE", "LAND", "MOBILE", "COMMERCIAL"] as const;
// The pipeline is lib/deals' to define; re-exported for the readers that already import it here.
export { DEAL_STATUSES } from "@/lib/deals/rules";
export const DEAL_SOURCES = ["EMAIL", "CSV", "API", "MANUAL", "DRIVING"] as const;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());

/** Amounts written the way people write them: "$245,000", "245k", "1.2M". */
export function parseMoney(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const cleaned = value.trim().replace(/[$,\s]/g, "").toLowerCase();
  if (cleaned === "") return undefined;
  const match = /^(\d+(?:\.\d+)?)([km])?$/.exec(cleaned);
  if (!match) return value;
  const multiplier = match[2] === "m" ? 1_000_000 : match[2] === "k" ? 1_000 : 1;
  return Math.round(Number(match[1]) * multiplier);
}

const money = (label: string) =>
  z.preprocess(
    (v) => parseMoney(blankToUndefined(v)),
    z
      .number({ error: `${label} must be an amount like 150000 or $150k` })
      .int()
      .min(0, `${label} cannot be negative`)
      .max(1_000_000_000, `${label} is too large`)
      .optional(),
  );

const number = (label: string, min: number, max: number, integer = true) => {
  const base = z.number({ error: `${label} must be a number` }).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`);
  return z.preprocess(
    (v) => {
      const value = typeof v === "string" ? blankToUndefined(v.replace(/,/g, "").trim()) : blankToUndefined(v);
      return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    },
    (integer ? base.int(`${label} must be a whole number`) : base).optional(),
  );
};

/**
 * One deal as it enters the system (API, CSV row, form). An address is required: it is
 * what dedupes deals. Numbers accept the usual human spellings.
 */
export const DealInput = z
  .object({
    street: z.preprocess(blankToUndefined, z.string({ error: "Street address is required" }).trim().min(3, "Street address is required").max(200)),
    unit: text(40),
    city: text(100),
    region: z.preprocess(
      (v) => (typeof v === "string" ? blankToUndefined(v.trim().toUpperCase()) : v),
      z.string().regex(/^[A-Z]{2}$/, "Use the 2-letter state or province code").optional(),
    ),
    postalCode: text(12),
    country: z.preprocess(
      (v) => (typeof v === "string" ? blankToUndefined(v.trim().toUpperCase()) : v),
      z.enum(["US", "CA"], { error: "Country must be US or CA" }).optional(),
    ),
    /** The property's own coordinates when the source has them (else its postal area's centre). */
    latitude: number("Latitude", -90, 90, false),
    longitude: number("Longitude", -180, 180, false),
    askingPrice: money("Asking price"),
    arv: money("ARV"),
    repairs: money("Repairs"),
    beds: number("Beds", 0, 100),
    baths: number("Baths", 0, 100, false),
    sqft: number("Square feet", 1, 1_000_000),
    yearBuilt: number("Year built", 1600, 2100),
    propertyType: z.preprocess(
      (v) => (typeof v === "string" ? blankToUndefined(v.trim().toUpperCase()) : v),
      z.enum(PROPERTY_TYPES, { error: `Property type must be one of ${PROPERTY_TYPES.join(", ")}` }).optional(),
    ),
    score: number("Score", 0, 100),
    contactName: text(120),
    contactPhone: text(40),
    contactEmail: z.preprocess(blankToUndefined, z.email("Enter a valid email").optional()),
  })
  .refine((d) => d.postalCode || (d.city && d.region), {
    message: "Give a ZIP/postal code, or a city and a state/province",
    path: ["postalCode"],
  })
  .refine((d) => (d.latitude === undefined) === (d.longitude === undefined), {
    message: "Give both latitude and longitude, or neither",
    path: ["longitude"],
  });
export type DealInput = z.infer<typeof DealInput>;

export const DealBatchInput = z.object({
  deals: z.array(DealInput).min(1, "Send at least one deal").max(1000, "At most 1000 deals per request"),
});
