/**
 * The ladder's message templates: plain text with {{placeholder}} fields filled from the lead.
 * Unknown placeholders are refused when a template is saved, so a send never shows "{{x}}".
 */
export const TEMPLATE_FIELDS = ["firstName", "fullName", "street", "city", "senderName"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];
export type TemplateValues = Record<TemplateField, string>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholders a template uses that the renderer does not know. */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(TEMPLATE_FIELDS);
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) if (!known.has(match[1])) unknown.add(match[1]);
  return [...unknown];
}

export function renderTemplate(template: string, values: TemplateValues): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as TemplateField] : whole))
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export interface LeadForTemplate {
  contactName: string | null;
  street: string | null;
  city: string | null;
}

/** What the placeholders say for a lead; a missing name or street reads naturally. */
export function templateValues(lead: LeadForTemplate, senderName: string): TemplateValues {
  const fullName = lead.contactName?.trim() || "";
  return {
    firstName: fullName.split(/\s+/)[0] || "there",
    fullName: fullName || "there",
    street: lead.street?.trim() || "your property",
    city: lead.city?.trim() || "your area",
    senderName,
  };
}
