/**
 * The buy-box form's data as the buyer schema reads it. Client-safe: the form validates with
 * it before sending, and the server action reads the same object.
 */

/**
 * A buyer's editable fields (name aside), as the form fills them and the read-only summary
 * shows them; `Day` is how the verification date arrives: a Date from the database, text in the form.
 */
export interface BuyerFieldValues<Day> {
  company: string | null;
  phones: string[];
  emails: string[];
  status: string;
  ownerId: string | null;
  tags: string[];
  notes: string | null;
  markets: string[];
  postalCodes: string[];
  priceMin: number | null;
  priceMax: number | null;
  propertyTypes: string[];
  strategies: string[];
  rehabAppetite: string;
  minSpread: number | null;
  proofOfFundsAmount: number | null;
  proofOfFundsVerifiedAt: Day | null;
  closingDays: number | null;
}

/** Amount, date and day fields: an emptied one clears the stored value (null), not "unchanged". */
const CLEARABLE_FIELDS = ["priceMin", "priceMax", "minSpread", "proofOfFundsAmount", "proofOfFundsVerifiedAt", "closingDays"] as const;
/** Checkbox groups carry a blank marker input so that none checked still arrives (as an empty list). */
export const CHECKBOX_LIST_FIELDS = ["propertyTypes", "strategies"] as const;

/** FormData to a plain object: repeated keys become arrays; files and action ids are skipped. */
export function buyerFormObject(formData: FormData, options: { clearBlanks: boolean }): unknown {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = object[key];
    object[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return normalizeBuyerForm(object, options);
}

/** The form's own conventions on a plain object (the server action gets it already converted). */
export function normalizeBuyerForm(input: unknown, options: { clearBlanks: boolean }): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const object: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of CHECKBOX_LIST_FIELDS) {
    if (!(field in object)) continue;
    object[field] = [object[field]].flat().filter((v) => typeof v === "string" && v !== "");
  }
  if (options.clearBlanks) for (const field of CLEARABLE_FIELDS) if (typeof object[field] === "string" && object[field].trim() === "") object[field] = null;
  return object;
}
