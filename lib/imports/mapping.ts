import type { DealInput } from "@/lib/intake/schema";

/** The DealInput fields a column of a lead list can fill. */
export type DealField = keyof DealInput;

/** The consent a row records for its contact (see lib/imports/consent.ts). */
export const CONSENT_FIELD_NAMES = ["consentGiven", "consentSource", "consentGivenAt", "consentWording", "consentBasis", "consentEvidence"] as const;
export type ConsentField = (typeof CONSENT_FIELD_NAMES)[number];

/** A column of a lead list maps to a deal field, a consent field, or to nothing. */
export type ImportField = DealField | ConsentField;

export interface DealFieldInfo<F extends ImportField = DealField> {
  field: F;
  label: string;
  required?: boolean;
}

/** Every DealInput field, in the order the mapping select lists them. */
export const DEAL_FIELDS: readonly DealFieldInfo[] = [
  { field: "street", label: "Street address", required: true },
  { field: "unit", label: "Unit" },
  { field: "city", label: "City" },
  { field: "region", label: "State / province" },
  { field: "postalCode", label: "ZIP / postal code" },
  { field: "country", label: "Country" },
  { field: "askingPrice", label: "Asking price" },
  { field: "arv", label: "ARV" },
  { field: "repairs", label: "Repairs" },
  { field: "beds", label: "Beds" },
  { field: "baths", label: "Baths" },
  { field: "sqft", label: "Square feet" },
  { field: "yearBuilt", label: "Year built" },
  { field: "propertyType", label: "Property type" },
  { field: "score", label: "Lead score" },
  { field: "contactName", label: "Owner / contact name" },
  { field: "contactPhone", label: "Owner / contact phone" },
  { field: "contactEmail", label: "Owner / contact email" },
];

export const CONSENT_FIELDS: readonly DealFieldInfo<ConsentField>[] = [
  { field: "consentGiven", label: "Consent given (yes/no)" },
  { field: "consentSource", label: "Consent source" },
  { field: "consentGivenAt", label: "Consent date" },
  { field: "consentWording", label: "Consent wording" },
  { field: "consentBasis", label: "Consent basis (written, relationship, none)" },
  { field: "consentEvidence", label: "Consent evidence (IP or document)" },
];

/** Every field a column can fill, in the order the mapping select lists them. */
export const IMPORT_FIELDS: readonly DealFieldInfo<ImportField>[] = [...DEAL_FIELDS, ...CONSENT_FIELDS];

export const DEAL_FIELD_NAMES = DEAL_FIELDS.map((f) => f.field) as [DealField, ...DealField[]];
export const IMPORT_FIELD_NAMES = IMPORT_FIELDS.map((f) => f.field) as [ImportField, ...ImportField[]];
export const DEAL_FIELD_LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.field, f.label])) as Record<ImportField, string>;

/** Header of the file -> the field it fills (null: the column is not imported). */
export type HeaderMapping = Record<string, ImportField | null>;

/**
 * An empty object keyed by CSV headers. Headers are user data: with a plain `{}`, a column
 * named "__proto__" or "constructor" would hit Object.prototype instead of its own entry.
 */
export function byHeader<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * Header spellings seen in lead lists (PropStream, BatchLeads, DealMachine, county lists,
 * hand-made sheets), compared after `normalizeHeader`. Earlier spellings win ties.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  street: ["address", "street address", "property address", "site address", "situs address", "street", "address 1", "address line 1", "full address"],
  unit: ["unit", "unit number", "apt", "apartment", "suite", "address 2", "address line 2"],
  city: ["city", "town", "municipality"],
  region: ["state", "province", "state province", "state code", "st", "prov", "region"],
  postalCode: ["zip", "zip code", "zipcode", "postal code", "postcode", "postal", "zip5"],
  country: ["country", "country code"],
  latitude: ["latitude", "lat", "property latitude"],
  longitude: ["longitude", "lng", "lon", "long", "property longitude"],
  askingPrice: ["asking price", "asking", "ask", "price", "list price", "listing price", "asking amount"],
  arv: ["arv", "after repair value", "after repaired value", "estimated arv", "est arv"],
  repairs: ["est repairs", "repairs", "estimated repairs", "repair cost", "repair costs", "repair estimate", "rehab", "rehab cost", "rehab estimate"],
  beds: ["beds", "bedrooms", "bed", "br", "bd"],
  baths: ["baths", "bathrooms", "bath", "ba"],
  sqft: ["sqft", "sq ft", "square feet", "square footage", "living area", "living sqft", "building sqft", "building area"],
  yearBuilt: ["year built", "yr built", "built"],
  propertyType: ["property type", "type", "prop type", "home type", "property use"],
  score: ["lead score", "score"],
  contactName: ["owner name", "owner full name", "owner 1 full name", "owner", "contact name", "contact", "seller name", "seller", "name"],
  contactPhone: ["owner phone", "phone", "phone number", "phone 1", "contact phone", "seller phone", "mobile", "cell", "cell phone"],
  contactEmail: ["owner email", "email", "email address", "e mail", "contact email", "seller email"],
  consentGiven: ["consent", "consent given", "sms consent", "text consent", "tcpa consent", "opt in", "opted in", "optin", "consented"],
  consentSource: ["consent source", "opt in source", "optin source", "consent method"],
  consentGivenAt: ["consent date", "consent given at", "consented at", "opt in date", "optin date", "consent timestamp"],
  consentWording: ["consent wording", "consent text", "consent language", "opt in text", "opt in wording", "consent statement"],
  consentBasis: ["consent basis", "legal basis", "consent type", "tcpa basis", "basis"],
  consentEvidence: ["consent evidence", "consent ip", "opt in ip", "optin ip", "ip address", "consent document", "evidence"],
};

const ADDRESS_FIELDS = new Set<ImportField>(["street", "unit", "city", "region", "postalCode", "country"]);
// "Property Zip" is the property's ZIP; these prefixes only say so.
const PROPERTY_PREFIX = /^(property|prop|site|subject|situs) /;
// "Mailing Zip" is where the owner gets mail: a different address than the deal's.
const MAILING_PREFIX = /^(owner mailing|mailing|mail|owner) /;

const LOOKUP = new Map<string, { field: ImportField; rank: number }>();
for (const [field, spellings] of Object.entries(SYNONYMS) as [ImportField, readonly string[]][]) {
  spellings.forEach((spelling, rank) => {
    if (!LOOKUP.has(spelling)) LOOKUP.set(spelling, { field, rank });
  });
}

/** "Est. Repairs ($)" -> "est repairs"; case, punctuation and spacing do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[#$%()]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

interface Candidate {
  header: string;
  field: ImportField;
  mailing: boolean;
  score: number;
  order: number;
}

function candidateFor(header: string, order: number): Candidate | null {
  const name = normalizeHeader(header);
  const exact = LOOKUP.get(name);
  if (exact) return { header, field: exact.field, mailing: false, score: 100 - exact.rank, order };
  const property = PROPERTY_PREFIX.exec(name);
  const afterProperty = property && LOOKUP.get(name.slice(property[0].length));
  if (afterProperty && ADDRESS_FIELDS.has(afterProperty.field)) {
    return { header, field: afterProperty.field, mailing: false, score: 90 - afterProperty.rank, order };
  }
  const mailing = MAILING_PREFIX.exec(name);
  const afterMailing = mailing && LOOKUP.get(name.slice(mailing[0].length));
  if (afterMailing && ADDRESS_FIELDS.has(afterMailing.field)) {
    return { header, field: afterMailing.field, mailing: true, score: 10 - afterMailing.rank / 100, order };
  }
  return null;
}

/**
 * Guesses which field each column fills from its header. Each field is used at most once
 * (the best-named column wins). Mailing-address columns are used only when the file has
 * no property-address column at all: mixing a property street with the owner's mailing
 * city would place the deal somewhere that does not exist.
 */
export function guessMapping(headers: readonly string[]): HeaderMapping {
  const mapping: HeaderMapping = byHeader();
  for (const header of headers) mapping[header] = null;
  let candidates = headers.map(candidateFor).filter((c): c is Candidate => c !== null);
  if (candidates.some((c) => !c.mailing && ADDRESS_FIELDS.has(c.field))) candidates = candidates.filter((c) => !c.mailing);
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const taken = new Set<ImportField>();
  const assigned = new Set<string>();
  for (const candidate of candidates) {
    if (taken.has(candidate.field) || assigned.has(candidate.header)) continue;
    mapping[candidate.header] = candidate.field;
    taken.add(candidate.field);
    assigned.add(candidate.header);
  }
  return mapping;
}

/** A row keyed by header becomes the DealInput-shaped object the mapping describes. */
export function applyMapping(record: Readonly<Record<string, string | undefined>>, mapping: HeaderMapping): Partial<Record<ImportField, string>> {
  const deal: Partial<Record<ImportField, string>> = {};
  for (const [header, field] of Object.entries(mapping)) {
    if (!field || deal[field] !== undefined) continue;
    const value = record[header];
    if (value !== undefined) deal[field] = value;
  }
  return deal;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * The user picks a field for a column. A field already filled by another column moves to
 * this one: each field takes its value from one column, the rule the server enforces.
 */
export function assignColumn<F extends string>(
  mapping: Readonly<Record<string, F | null>>,
  header: string,
  field: F | null,
  /** Fields several columns may fill together (a buyer's phones): never moved. */
  multiColumn: ReadonlySet<string> = NO_FIELDS,
): Record<string, F | null> {
  const next = byHeader<F | null>();
  const moves = field !== null && !multiColumn.has(field);
  for (const [key, value] of Object.entries(mapping)) next[key] = moves && value === field ? null : value;
  next[header] = field;
  return next;
}

/** The fields no column fills yet, required ones first: what the mapping step warns about. */
export function unmappedRequiredFields(mapping: HeaderMapping): DealFieldInfo[] {
  const used = new Set(Object.values(mapping));
  return DEAL_FIELDS.filter((f) => f.required && !used.has(f.field));
}
