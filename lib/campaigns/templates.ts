/**
 * Campaign templates: the merge fields a variant may use, their values for one lead, and the
 * HTML part built from the text. Pure and client-safe: the form previews with it, the schema
 * refuses unknown fields with it, and the runner merges every message with it.
 */
import { escapeHtml } from "@/lib/security/escape-html";

/** Fields filled per lead. */
export const CAMPAIGN_MERGE_FIELDS = ["first_name", "address", "city"] as const;
export type CampaignMergeField = (typeof CAMPAIGN_MERGE_FIELDS)[number];
export type CampaignMergeValues = Record<CampaignMergeField, string>;

/** Fields the outbound core fills in (the compliance footer placed by the body itself). */
export const FOOTER_FIELDS = ["unsubscribe_link", "postal_address"] as const;

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set<string>([...CAMPAIGN_MERGE_FIELDS, ...FOOTER_FIELDS]);

/** The error a template's unknown fields make, in words; null when every field exists. */
export function campaignTemplateError(template: string): string | null {
  const unknown: string[] = [];
  for (const match of template.matchAll(FIELD)) if (!KNOWN.has(match[1]) && !unknown.includes(match[1])) unknown.push(match[1]);
  if (unknown.length === 0) return null;
  const all = [...KNOWN].map((f) => `{{${f}}}`).join(", ");
  return `Unknown merge field${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `{{${n}}}`).join(", ")}: use ${all}`;
}

/** Whether the body places its own footer: both footer fields written, so the core fills them in. */
export function placesOwnFooter(body: string): boolean {
  return body.includes("{{unsubscribe_link}}") && body.includes("{{postal_address}}");
}

/** Exactly one of the two footer fields: the body would lose either its link or its address. */
export function hasHalfFooter(body: string): boolean {
  return body.includes("{{unsubscribe_link}}") !== body.includes("{{postal_address}}");
}

/** Lead fields filled in; the footer fields are left for the outbound core. */
export function mergeCampaignTemplate(template: string, values: CampaignMergeValues): string {
  return template.replace(FIELD, (whole, name: string) => ((CAMPAIGN_MERGE_FIELDS as readonly string[]).includes(name) ? values[name as CampaignMergeField] : whole));
}

/** A lead's values: the first word of the contact's name ("there" without one), the street and the city. */
export function leadMergeValues(lead: { contactName: string | null; street: string | null; city: string | null }): CampaignMergeValues {
  const first = (lead.contactName ?? "").trim().split(/\s+/)[0];
  return { first_name: first || "there", address: lead.street?.trim() || "your property", city: lead.city?.trim() || "your area" };
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+|\{\{unsubscribe_link\}\}/g;
/** Punctuation that ends a sentence rather than a link ("see https://x.test."). */
const TRAILING = /[.,;:!?)]+$/;

/**
 * The email's HTML part from its text: paragraphs at blank lines, line breaks kept, links made
 * anchors (so they can be tracked), and {{unsubscribe_link}} an "Unsubscribe" anchor the core fills.
 */
export function textToHtml(text: string): string {
  const paragraphs = text.trim().split(/\n\s*\n/);
  const body = paragraphs.map((p) => `<p>${linkify(p).replace(/\n/g, "<br>")}</p>`).join("\n");
  return `<!doctype html><html><body>${body}</body></html>`;
}

function linkify(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    html += escapeHtml(text.slice(last, start));
    if (match[0] === "{{unsubscribe_link}}") {
      html += '<a href="{{unsubscribe_link}}">Unsubscribe</a>';
      last = start + match[0].length;
      continue;
    }
    const url = match[0].replace(TRAILING, "");
    html += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}
