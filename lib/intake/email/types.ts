/**
 * Public shapes of the deal-email parser. Kept in their own file so every helper can import
 * them without pulling in the orchestration code (and without import cycles).
 */
export type PropertyType = "SFR" | "MULTI" | "CONDO" | "TOWNHOUSE" | "LAND" | "MOBILE" | "COMMERCIAL";

export interface ParsedDealFields {
  street: string | null;
  unit: string | null;
  city: string | null;
  /** 2-letter state or province code, uppercase. */
  region: string | null;
  /** US "12345" (the +4 is dropped) or Canada "A1A 1A1" (uppercase, one space). */
  postalCode: string | null;
  country: "US" | "CA" | null;
  /** Whole dollars. */
  askingPrice: number | null;
  arv: number | null;
  repairs: number | null;
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  propertyType: PropertyType | null;
  contactName: string | null;
  /** E.164 ("+15551234567"): one spelling for every "(555) 123-4567" / "555.123.4567" variant. */
  contactPhone: string | null;
  /** Lowercased. */
  contactEmail: string | null;
}

export type FieldName = keyof ParsedDealFields;

export interface FieldProvenance {
  /** 0..1: ~0.95 for a labeled value, lower for unlabeled, inferred or fallback values. */
  confidence: number;
  /** The exact text the value was read from. */
  source: string;
}

export interface ParsedDeal {
  fields: ParsedDealFields;
  provenance: Partial<Record<FieldName, FieldProvenance>>;
}

export interface EmailInput {
  subject?: string;
  text?: string;
  html?: string;
  from?: string;
}

export interface ParseResult {
  deals: ParsedDeal[];
  warnings: string[];
}

export const FIELD_NAMES: readonly FieldName[] = [
  "street",
  "unit",
  "city",
  "region",
  "postalCode",
  "country",
  "askingPrice",
  "arv",
  "repairs",
  "beds",
  "baths",
  "sqft",
  "yearBuilt",
  "propertyType",
  "contactName",
  "contactPhone",
  "contactEmail",
];

export function emptyFields(): ParsedDealFields {
  return {
    street: null,
    unit: null,
    city: null,
    region: null,
    postalCode: null,
    country: null,
    askingPrice: null,
    arv: null,
    repairs: null,
    beds: null,
    baths: null,
    sqft: null,
    yearBuilt: null,
    propertyType: null,
    contactName: null,
    contactPhone: null,
    contactEmail: null,
  };
}
