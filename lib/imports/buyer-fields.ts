/**
 * The columns of a cash-buyer list: which BuyerInput field each can fill, and the header
 * spellings seen in buyer spreadsheets. Client-safe (the wizard's mapping step reads it).
 */
import type { BuyerInput } from "@/lib/buyers/schema";
import { byHeader, normalizeHeader } from "./mapping";

/** The BuyerInput fields a column can fill (the owner is a member, chosen in the app). */
export type BuyerImportField = Exclude<keyof BuyerInput, "ownerId">;

export interface BuyerFieldInfo {
  field: BuyerImportField;
  label: string;
  required?: boolean;
  /** Several columns may fill it ("Phone" and "Cell"); their values are combined. */
  multiColumn?: boolean;
}

/** In the order the mapping select lists them. */
export const BUYER_FIELDS: readonly BuyerFieldInfo[] = [
  { field: "name", label: "Buyer name", required: true },
  { field: "company", label: "Company" },
  { field: "phones", label: "Phone(s)", multiColumn: true },
  { field: "emails", label: "Email(s)", multiColumn: true },
  { field: "status", label: "Status (active, inactive, do not use)" },
  { field: "proofOfFundsAmount", label: "Proof of funds amount" },
  { field: "proofOfFundsVerifiedAt", label: "Proof of funds verified on" },
  { field: "closingDays", label: "Typical closing days" },
  { field: "tags", label: "Tags", multiColumn: true },
  { field: "notes", label: "Notes" },
  { field: "markets", label: "Markets (TX:Houston; TX:Katy)" },
  { field: "postalCodes", label: "ZIPs / FSAs" },
  { field: "priceMin", label: "Minimum price" },
  { field: "priceMax", label: "Maximum price" },
  { field: "propertyTypes", label: "Property types" },
  { field: "strategies", label: "Strategies (flip, rental, wholesale)" },
  { field: "rehabAppetite", label: "Rehab appetite (light, medium, heavy, any)" },
  { field: "minSpread", label: "Minimum spread" },
];

export const BUYER_FIELD_NAMES = BUYER_FIELDS.map((f) => f.field) as [BuyerImportField, ...BuyerImportField[]];
export const BUYER_FIELD_LABELS = Object.fromEntries(BUYER_FIELDS.map((f) => [f.field, f.label])) as Record<BuyerImportField, string>;
export const MULTI_COLUMN_BUYER_FIELDS: ReadonlySet<string> = new Set(BUYER_FIELDS.filter((f) => f.multiColumn).map((f) => f.field));

export type BuyerHeaderMapping = Record<string, BuyerImportField | null>;

/** Header spellings, compared after `normalizeHeader`; earlier spellings win ties. */
const SYNONYMS: Record<BuyerImportField, readonly string[]> = {
  name: ["buyer name", "name", "full name", "buyer", "contact name", "contact", "investor name", "investor", "buyer full name"],
  company: ["company", "company name", "business", "business name", "entity", "entity name", "llc", "organization"],
  phones: ["phone", "phones", "phone number", "cell", "cell phone", "mobile", "mobile phone", "phone 1", "phone 2", "phone 3", "work phone", "office phone", "telephone", "tel"],
  emails: ["email", "emails", "email address", "e mail", "email 1", "email 2", "work email"],
  status: ["status", "buyer status"],
  proofOfFundsAmount: ["proof of funds", "pof", "pof amount", "proof of funds amount", "funds available", "cash available"],
  proofOfFundsVerifiedAt: ["pof verified", "pof date", "pof verified at", "pof verified on", "proof of funds verified", "proof of funds date"],
  closingDays: ["closing days", "days to close", "close days", "typical closing days", "close in days"],
  tags: ["tags", "tag", "labels", "label", "lists", "list"],
  notes: ["notes", "note", "comments", "comment"],
  markets: ["markets", "market", "buying markets", "target markets", "areas", "metros", "metro"],
  postalCodes: ["zips", "zip codes", "zipcodes", "zip", "zip code", "postal codes", "postal code", "target zips", "buying zips", "fsas", "fsa"],
  priceMin: ["min price", "minimum price", "price min", "min purchase price", "min budget", "price from"],
  priceMax: ["max price", "maximum price", "price max", "max purchase price", "max budget", "price to", "budget"],
  propertyTypes: ["property types", "property type", "types", "type", "asset types", "asset type"],
  strategies: ["strategies", "strategy", "exit strategy", "exit strategies", "investment strategy"],
  rehabAppetite: ["rehab appetite", "rehab", "rehab level", "rehab tolerance", "rehab type"],
  minSpread: ["min spread", "minimum spread", "spread", "min profit", "minimum profit"],
};

const LOOKUP = new Map<string, { field: BuyerImportField; rank: number }>();
for (const [field, spellings] of Object.entries(SYNONYMS) as [BuyerImportField, readonly string[]][]) {
  spellings.forEach((spelling, rank) => {
    if (!LOOKUP.has(spelling)) LOOKUP.set(spelling, { field, rank });
  });
}

/**
 * Guesses the field of each column of a buyer list from its header. A field takes one column
 * (the best-named wins), except phones, emails and tags, which take every column named so.
 */
export function guessBuyerMapping(headers: readonly string[]): BuyerHeaderMapping {
  const mapping = byHeader<BuyerImportField | null>();
  for (const header of headers) mapping[header] = null;
  const candidates = headers
    .map((header, order) => ({ header, order, hit: LOOKUP.get(normalizeHeader(header)) }))
    .filter((c): c is { header: string; order: number; hit: { field: BuyerImportField; rank: number } } => c.hit !== undefined)
    .sort((a, b) => a.hit.rank - b.hit.rank || a.order - b.order);
  const taken = new Set<BuyerImportField>();
  for (const { header, hit } of candidates) {
    if (mapping[header] !== null) continue; // a repeated header: its first column is the one read
    if (taken.has(hit.field) && !MULTI_COLUMN_BUYER_FIELDS.has(hit.field)) continue;
    mapping[header] = hit.field;
    taken.add(hit.field);
  }
  return mapping;
}

/** The required buyer fields no column fills yet. */
export function unmappedRequiredBuyerFields(mapping: BuyerHeaderMapping): BuyerFieldInfo[] {
  const used = new Set(Object.values(mapping));
  return BUYER_FIELDS.filter((f) => f.required && !used.has(f.field));
}

/**
 * A buyer row keyed by header becomes the BuyerInput-shaped object of strings the mapping
 * describes. The cells of a field filled by several columns are joined with "; ", which the
 * schema splits again ("713-555-0100; 832-555-0101").
 */
export function applyBuyerMapping(record: Readonly<Record<string, string | undefined>>, mapping: BuyerHeaderMapping): Partial<Record<BuyerImportField, string>> {
  const values: Partial<Record<BuyerImportField, string>> = {};
  for (const [header, field] of Object.entries(mapping)) {
    if (!field) continue;
    const value = record[header];
    if (value === undefined) continue;
    const before = values[field];
    if (before === undefined) values[field] = value;
    else if (MULTI_COLUMN_BUYER_FIELDS.has(field) && value.trim() !== "") values[field] = before.trim() === "" ? value : `${before}; ${value}`;
  }
  return values;
}
