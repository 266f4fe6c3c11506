/**
 * The columns of a sold-comps list: which CompSaleInput field each can fill, and the header
 * spellings seen in MLS and county exports. Client-safe (the wizard's mapping step reads it).
 */
import { byHeader, normalizeHeader } from "./mapping";

export const COMP_FIELD_NAMES = [
  "street", "city", "region", "postalCode", "country", "latitude", "longitude",
  "soldPrice", "soldAt", "beds", "baths", "sqft", "yearBuilt", "propertyType",
] as const;
export type CompImportField = (typeof COMP_FIELD_NAMES)[number];

export interface CompFieldInfo {
  field: CompImportField;
  label: string;
  required?: boolean;
}

/** In the order the mapping select lists them. */
export const COMP_FIELDS: readonly CompFieldInfo[] = [
  { field: "street", label: "Street address", required: true },
  { field: "city", label: "City" },
  { field: "region", label: "State / province" },
  { field: "postalCode", label: "ZIP / postal code" },
  { field: "country", label: "Country (US, CA)" },
  { field: "latitude", label: "Latitude" },
  { field: "longitude", label: "Longitude" },
  { field: "soldPrice", label: "Sold price", required: true },
  { field: "soldAt", label: "Sold date", required: true },
  { field: "beds", label: "Beds" },
  { field: "baths", label: "Baths" },
  { field: "sqft", label: "Square feet" },
  { field: "yearBuilt", label: "Year built" },
  { field: "propertyType", label: "Property type" },
];

export const COMP_FIELD_LABELS = Object.fromEntries(COMP_FIELDS.map((f) => [f.field, f.label])) as Record<CompImportField, string>;

export type CompHeaderMapping = Record<string, CompImportField | null>;

/** Header spellings, compared after `normalizeHeader`; earlier spellings win ties. */
const SYNONYMS: Record<CompImportField, readonly string[]> = {
  street: ["street", "street address", "address", "property address", "address line 1", "address1", "site address"],
  city: ["city", "property city", "town"],
  region: ["state", "province", "region", "st", "property state"],
  postalCode: ["zip", "zip code", "zipcode", "postal code", "postcode", "property zip", "fsa"],
  country: ["country"],
  latitude: ["latitude", "lat"],
  longitude: ["longitude", "lng", "lon", "long"],
  soldPrice: ["sold price", "sale price", "close price", "closed price", "sold amount", "sale amount", "price", "last sale price"],
  soldAt: ["sold date", "sale date", "close date", "closed date", "closing date", "date sold", "sold on", "date", "last sale date"],
  beds: ["beds", "bedrooms", "bed", "br", "bd"],
  baths: ["baths", "bathrooms", "bath", "ba"],
  sqft: ["sqft", "square feet", "sq ft", "living area", "living sqft", "building sqft", "size", "square footage"],
  yearBuilt: ["year built", "built", "yr built", "year"],
  propertyType: ["property type", "type", "home type", "style"],
};

const LOOKUP = new Map<string, { field: CompImportField; rank: number }>();
for (const [field, spellings] of Object.entries(SYNONYMS) as [CompImportField, readonly string[]][]) {
  spellings.forEach((spelling, rank) => {
    if (!LOOKUP.has(spelling)) LOOKUP.set(spelling, { field, rank });
  });
}

/** Guesses the field of each column from its header; a field takes one column (the best-named). */
export function guessCompMapping(headers: readonly string[]): CompHeaderMapping {
  const mapping = byHeader<CompImportField | null>();
  for (const header of headers) mapping[header] = null;
  const candidates = headers
    .map((header, order) => ({ header, order, hit: LOOKUP.get(normalizeHeader(header)) }))
    .filter((c): c is { header: string; order: number; hit: { field: CompImportField; rank: number } } => c.hit !== undefined)
    .sort((a, b) => a.hit.rank - b.hit.rank || a.order - b.order);
  const taken = new Set<CompImportField>();
  for (const { header, hit } of candidates) {
    if (mapping[header] !== null || taken.has(hit.field)) continue;
    mapping[header] = hit.field;
    taken.add(hit.field);
  }
  return mapping;
}

/** A row keyed by header becomes the CompSaleInput-shaped object of strings the mapping describes. */
export function applyCompMapping(record: Readonly<Record<string, string | undefined>>, mapping: CompHeaderMapping): Partial<Record<CompImportField, string>> {
  const values: Partial<Record<CompImportField, string>> = {};
  for (const [header, field] of Object.entries(mapping)) {
    if (!field || values[field] !== undefined) continue;
    const value = record[header];
    if (value !== undefined) values[field] = value;
  }
  return values;
}
