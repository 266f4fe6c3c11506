/**
 * Blast templates: the merge fields a wholesaler writes (`{{price}}`) and their values for one
 * deal and one buyer. Pure and client-safe: the blast form previews with it, the schema
 * rejects unknown fields with it, and the sender merges every message with it.
 */

/** Every merge field, in the order the form lists them. */
export const MERGE_FIELDS = ["address", "area", "price", "arv", "repairs", "link", "buyer_first_name"] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Record<MergeField, string>;

/** What each field becomes, for the form's help text. */
export const MERGE_FIELD_HELP: Record<MergeField, string> = {
  address: "the street and city when buyer pages show the street (buyer settings), else the area",
  area: "city, region and postal code",
  price: "the asking price",
  arv: "the after-repair value",
  repairs: "the repair estimate",
  link: "the buyer's own link to the deal page",
  buyer_first_name: "the buyer's first name",
};

/**
 * The default templates. Short SMS (one segment before the link), the same facts in the email,
 * and the link in both, since the buyer's answers (interested, pass, offer) happen on its page.
 */
export const DEFAULT_SMS_TEMPLATE = "Hi {{buyer_first_name}}, new deal in {{area}}: asking {{price}}, ARV {{arv}}, repairs {{repairs}}. Details: {{link}}";
export const DEFAULT_EMAIL_SUBJECT = "New deal: {{address}} at {{price}}";
export const DEFAULT_EMAIL_TEMPLATE = [
  "Hi {{buyer_first_name}},",
  "",
  "A property in your buy box just came under contract:",
  "",
  "{{address}}",
  "Asking: {{price}}",
  "ARV: {{arv}}",
  "Repairs: {{repairs}}",
  "",
  "Photos, terms and the closing date are on the deal page, where you can say you are interested, pass, or make an offer:",
  "{{link}}",
].join("\n");

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(MERGE_FIELDS);

/** The fields a template names that do not exist, each once, in order. */
export function unknownMergeFields(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(FIELD)) {
    const name = match[1];
    if (!KNOWN.has(name) && !unknown.includes(name)) unknown.push(name);
  }
  return unknown;
}

/** The error a template's unknown fields make, in words; null when every field exists. */
export function templateError(template: string): string | null {
  const unknown = unknownMergeFields(template);
  if (unknown.length === 0) return null;
  const named = unknown.map((name) => `{{${name}}}`).join(", ");
  return `Unknown merge field${unknown.length > 1 ? "s" : ""} ${named}: use ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(", ")}`;
}

/** The template with every field replaced; an unknown field is left as written (the schema refuses those first). */
export function mergeTemplate(template: string, values: MergeValues): string {
  return template.replace(FIELD, (whole, name: string) => (KNOWN.has(name) ? values[name as MergeField] : whole));
}

export interface MergeDeal {
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  askingPrice: number | null;
  arv: number | null;
  repairs: number | null;
}

const money = (amount: number | null) => (amount == null ? "ask" : `$${Math.round(amount).toLocaleString("en-US")}`);

/** "Houston, TX 77002": the deal's area, without the street. */
export function dealArea(deal: Pick<MergeDeal, "city" | "region" | "postalCode">): string {
  const place = [deal.region, deal.postalCode].filter(Boolean).join(" ");
  return [deal.city, place].filter(Boolean).join(", ") || "your market";
}

/** The deal's values for every field but the buyer's own (link, first name). */
export function dealMergeValues(deal: MergeDeal, options: { showStreet: boolean }): Omit<MergeValues, "link" | "buyer_first_name"> {
  const area = dealArea(deal);
  return {
    address: options.showStreet && deal.street ? [deal.street, deal.city].filter(Boolean).join(", ") : area,
    area,
    price: money(deal.askingPrice),
    arv: money(deal.arv),
    repairs: money(deal.repairs),
  };
}

/** The first word of the buyer's name, or "there" ("Hi there") when the name gives none. */
export function buyerFirstName(name: string | null | undefined): string {
  const first = (name ?? "").trim().split(/\s+/)[0];
  return first || "there";
}
