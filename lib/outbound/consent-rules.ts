/**
 * Pure rules of a consent record: which channels a contact's consent covers, and the legal
 * basis it is recorded with. No I/O, so the API, the forms and the import agree.
 */
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";

export const CONSENT_BASES = ["PRIOR_EXPRESS_WRITTEN", "ESTABLISHED_RELATIONSHIP", "NONE"] as const;
export type ConsentBasisValue = (typeof CONSENT_BASES)[number];

export const CONSENT_CHANNELS = ["SMS", "EMAIL", "CALL"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const BASIS_LABELS: Record<ConsentBasisValue, string> = {
  PRIOR_EXPRESS_WRITTEN: "Prior express written consent",
  ESTABLISHED_RELATIONSHIP: "Established relationship",
  NONE: "No basis",
};

export type ContactAddress = { kind: "phone"; address: string } | { kind: "email"; address: string };

/** "+1 (416) 555-0100" → a phone in E.164, "Jane@X.com" → a lower-case email, else null. */
export function parseContact(text: string | null | undefined): ContactAddress | null {
  if (typeof text !== "string") return null;
  if (text.includes("@")) {
    const email = normalizeEmail(text);
    return email ? { kind: "email", address: email } : null;
  }
  const phone = normalizePhone(text);
  return phone ? { kind: "phone", address: phone } : null;
}

/** The channels a phone number is reached on: texts, and the ladder's calls. */
const PHONE_CHANNELS: readonly ConsentChannel[] = ["SMS", "CALL"];

/**
 * The channels one consent record applies to: an email address is EMAIL; a phone number
 * is SMS and CALL unless one of them is named. A channel the contact cannot be reached on
 * is null.
 */
export function channelsForContact(kind: ContactAddress["kind"], channel?: ConsentChannel | null): ConsentChannel[] | null {
  const fitting = kind === "email" ? (["EMAIL"] as ConsentChannel[]) : [...PHONE_CHANNELS];
  if (!channel) return fitting;
  return fitting.includes(channel) ? [channel] : null;
}

/**
 * The basis a consent is recorded with. An opt-out has none. An explicit choice wins;
 * otherwise consent given to written words is prior express written consent, and consent
 * without recorded words has no basis.
 */
export function resolveConsentBasis(input: {
  status: "OPTED_IN" | "OPTED_OUT";
  basis?: ConsentBasisValue | null;
  wording?: string | null;
}): ConsentBasisValue {
  if (input.status === "OPTED_OUT") return "NONE";
  if (input.basis) return input.basis;
  return input.wording?.trim() ? "PRIOR_EXPRESS_WRITTEN" : "NONE";
}

const BASIS_WORDS: Record<string, ConsentBasisValue> = {
  prior_express_written: "PRIOR_EXPRESS_WRITTEN",
  prior_express_written_consent: "PRIOR_EXPRESS_WRITTEN",
  pewc: "PRIOR_EXPRESS_WRITTEN",
  written: "PRIOR_EXPRESS_WRITTEN",
  express_written: "PRIOR_EXPRESS_WRITTEN",
  established_relationship: "ESTABLISHED_RELATIONSHIP",
  established_business_relationship: "ESTABLISHED_RELATIONSHIP",
  ebr: "ESTABLISHED_RELATIONSHIP",
  relationship: "ESTABLISHED_RELATIONSHIP",
  none: "NONE",
  no_basis: "NONE",
};

/** A basis written in a CSV cell ("PEWC", "Prior express written", "EBR", "none"); blank → null. */
export function parseBasisCell(cell: string | null | undefined): ConsentBasisValue | null | "invalid" {
  const key = (cell ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z]+/g, "_")
    .replace(/^_|_$/g, "");
  if (key === "") return null;
  return BASIS_WORDS[key] ?? "invalid";
}
