import { z } from "zod";
import { DealInput, parseMoney, PROPERTY_TYPES } from "@/lib/intake/schema";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const deal = DealInput.shape;

/** "2026-03-14", "2026-03-14T10:00:00Z" or the US "3/14/2026": the day a sale closed, at UTC midnight. */
export function parseSoldDate(value: unknown): unknown {
  if (value instanceof Date || typeof value !== "string") return value;
  const text = value.trim();
  if (text === "") return undefined;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  const [year, month, day] = us ? [Number(us[3]), Number(us[1]), Number(us[2])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-31 into March: a date that does not round-trip is not a date.
  if (!Number.isFinite(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  return date;
}

/** The spellings of MLS and county exports ("Single Family", "Condominium", "Duplex") as our property types. */
const PROPERTY_TYPE_ALIASES: Record<string, (typeof PROPERTY_TYPES)[number]> = {
  SINGLE_FAMILY: "SFR", SINGLE_FAMILY_RESIDENCE: "SFR", HOUSE: "SFR", DETACHED: "SFR",
  CONDOMINIUM: "CONDO", APARTMENT: "CONDO",
  TOWNHOME: "TOWNHOUSE", ROWHOUSE: "TOWNHOUSE",
  MULTI_FAMILY: "MULTI", MULTIFAMILY: "MULTI", DUPLEX: "MULTI", TRIPLEX: "MULTI", FOURPLEX: "MULTI",
  MANUFACTURED: "MOBILE", MOBILE_HOME: "MOBILE",
  LOT: "LAND", VACANT_LAND: "LAND",
};

function propertyTypeOf(text: string): string {
  const key = text.trim().toUpperCase().replace(/[\s-]+/g, "_");
  return PROPERTY_TYPE_ALIASES[key] ?? key;
}

/**
 * One sold comparable as it enters: a CSV row of a "sold comps" import, an item of
 * `POST /api/v1/comps`. An address and a postal code (or coordinates) place it; the price
 * and the sale date are what make it a comp.
 */
export const CompSaleInput = z
  .object({
    street: deal.street,
    city: deal.city,
    region: deal.region,
    postalCode: deal.postalCode,
    country: deal.country,
    latitude: deal.latitude,
    longitude: deal.longitude,
    soldPrice: z.preprocess(
      (v) => parseMoney(blankToUndefined(v)),
      z
        .number({ error: "Sold price must be an amount like 250000 or $250k" })
        .int("Sold price is in whole dollars")
        .min(1, "Sold price must be more than zero")
        .max(1_000_000_000, "Sold price is too large"),
    ),
    soldAt: z.preprocess(
      (v) => parseSoldDate(blankToUndefined(v)),
      z
        .date({ error: "Sold date must be a date like 2026-03-14 or 3/14/2026" })
        .refine((d) => d.getTime() <= Date.now() + 86_400_000, "Sold date cannot be in the future")
        .refine((d) => d.getUTCFullYear() >= 1900, "Sold date is before 1900"),
    ),
    beds: deal.beds,
    baths: deal.baths,
    sqft: deal.sqft,
    yearBuilt: deal.yearBuilt,
    propertyType: z.preprocess(
      (v) => (typeof v === "string" ? blankToUndefined(propertyTypeOf(v)) : v),
      z.enum(PROPERTY_TYPES, { error: `Property type must be one of ${PROPERTY_TYPES.join(", ")}` }).optional(),
    ),
  })
  .refine((c) => c.postalCode || c.latitude !== undefined, { message: "Give a ZIP/postal code (or coordinates) to place the sale", path: ["postalCode"] })
  .refine((c) => (c.latitude === undefined) === (c.longitude === undefined), { message: "Give both latitude and longitude, or neither", path: ["longitude"] });
export type CompSaleInput = z.infer<typeof CompSaleInput>;

export const COMP_BATCH_MAX = 1000;

/** `POST /api/v1/comps`: sold comparables in bulk. */
export const AddCompsInput = z.object({
  comps: z.array(CompSaleInput).min(1, "Send at least one comp").max(COMP_BATCH_MAX, `At most ${COMP_BATCH_MAX} comps per request`),
});
export type AddCompsInput = z.infer<typeof AddCompsInput>;

const Candidate = z.object({
  id: z.string().min(1).max(100),
  street: z.string().max(200).nullable().default(null),
  city: z.string().max(100).nullable().default(null),
  postalCode: z.string().max(12).nullable().default(null),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  soldPrice: z.number({ error: "the sold price in whole dollars" }).int("the sold price in whole dollars").positive("the sold price must be more than zero"),
  soldAt: z.iso.date({ error: "the sale date, like 2026-03-14" }).or(z.iso.datetime()),
  beds: z.number().int().min(0).max(100).nullable().default(null),
  baths: z.number().min(0).max(100).nullable().default(null),
  sqft: z.number().int().min(1).max(1_000_000).nullable().default(null),
  yearBuilt: z.number().int().min(1600).max(2100).nullable().default(null),
  propertyType: z.enum(PROPERTY_TYPES).nullable().default(null),
  source: z.string().max(40).default("file"),
});

/** `dealflow comps --file F`: a subject and its candidates, selected offline. */
export const CompsSelectionInput = z.object({
  subject: z.object({
    latitude: z.number().min(-90).max(90).nullable().default(null),
    longitude: z.number().min(-180).max(180).nullable().default(null),
    postalCode: z.string().max(12).nullable().default(null),
    country: z.enum(["US", "CA"]).nullable().default(null),
    sqft: z.number().int().min(1).max(1_000_000).nullable().default(null),
    beds: z.number().int().min(0).max(100).nullable().default(null),
    baths: z.number().min(0).max(100).nullable().default(null),
    propertyType: z.enum(PROPERTY_TYPES).nullable().default(null),
    yearBuilt: z.number().int().min(1600).max(2100).nullable().default(null),
  }),
  candidates: z.array(Candidate).max(10_000, "At most 10,000 candidates"),
  /** The day the selection is made (ISO); today when absent. */
  asOf: z.iso.date().or(z.iso.datetime()).optional(),
});
export type CompsSelectionInput = z.infer<typeof CompsSelectionInput>;
