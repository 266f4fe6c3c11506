/**
 * The merge fields of the drafting templates (lib/signals/settings-schema.ts) and how a
 * template is filled. Client-safe: the settings page lists the fields from here.
 */

export const MERGE_FIELDS = [
  { name: "first_name", description: "The person's first name (\"there\" when unknown)" },
  { name: "property", description: "The property's street address" },
  { name: "city", description: "The property's city (or state)" },
  { name: "recent_activity", description: "What they did last, e.g. \"your text\", \"your offer\"" },
  { name: "deal_numbers", description: "The deal's asking price and ARV, when known" },
  { name: "sender_phone", description: "The sender's phone number" },
  { name: "sender_first_name", description: "The sender's first name" },
  { name: "sender_name", description: "The sender's full name" },
  { name: "company", description: "The workspace's business name (the footer's sender)" },
] as const;

export type MergeField = (typeof MERGE_FIELDS)[number]["name"];

/** Left in the body for the outbound core, which fills them in when it sends. */
export const FOOTER_TOKENS = ["postal_address", "unsubscribe_link"] as const;

const TOKEN = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** A sentence part that only makes sense with a phone number, dropped when there is none. */
const CALL_ME = /,?\s*or call me at \{\{\s*sender_phone\s*\}\}/g;

export interface FilledTemplate {
  text: string;
  /** Tokens the template used that are neither merge fields nor footer tokens (left out). */
  unknown: string[];
}

/**
 * Replaces each merge field with its value. A missing phone drops "or call me at ..." so the
 * sentence still reads; footer tokens stay for the outbound core; unknown tokens are removed.
 */
export function fillTemplate(template: string, values: Record<MergeField, string | null>): FilledTemplate {
  const unknown = new Set<string>();
  const source = values.sender_phone ? template : template.replace(CALL_ME, "");
  const text = source.replace(TOKEN, (token, name: string) => {
    if ((FOOTER_TOKENS as readonly string[]).includes(name)) return `{{${name}}}`;
    if (name in values) return values[name as MergeField] ?? "";
    unknown.add(name);
    return "";
  });
  return { text, unknown: [...unknown] };
}

/** True when the body still holds both footer tokens the outbound core needs. */
export function keepsFooterTokens(body: string): boolean {
  return FOOTER_TOKENS.every((token) => body.includes(`{{${token}}}`));
}
