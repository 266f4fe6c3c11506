/**
 * Who a privacy request is about, in the forms the tables hold: phones in E.164, emails
 * lower-cased, names and street addresses as words. Pure.
 */
import { createHmac } from "node:crypto";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { privacyHashKey } from "./keys";

/** Everything known to identify the person; erasure widens it with what their rows hold. */
export interface PersonIdentity {
  phones: string[];
  emails: string[];
  names: string[];
  /** Street lines ("12 Elm St") of a request made by name and address. */
  streets: string[];
  /** Deals found to be theirs (by contact, or by name and address). */
  dealIds: string[];
}

export function emptyIdentity(): PersonIdentity {
  return { phones: [], emails: [], names: [], streets: [], dealIds: [] };
}

const unique = (values: Iterable<string>) => [...new Set([...values].filter(Boolean))];

/** Adds what rows revealed (another phone of the same person, their deals) to an identity. */
export function widenIdentity(identity: PersonIdentity, more: Partial<PersonIdentity>): PersonIdentity {
  return {
    phones: unique([...identity.phones, ...(more.phones ?? []).map((p) => normalizePhone(p) ?? "")]),
    emails: unique([...identity.emails, ...(more.emails ?? []).map((e) => normalizeEmail(e) ?? "")]),
    names: unique([...identity.names, ...(more.names ?? []).map(normalizeName)]),
    streets: unique([...identity.streets, ...(more.streets ?? []).map(normalizeName)]),
    dealIds: unique([...identity.dealIds, ...(more.dealIds ?? [])]),
  };
}

/** " Jane   DOE " → "jane doe": names compare by words, not case or spacing. */
export function normalizeName(text: string | null | undefined): string {
  return typeof text === "string" ? text.trim().replace(/\s+/g, " ").toLowerCase() : "";
}

/** HMAC-SHA256 under the installation's privacy hash key, hex. */
export function keyedHash(subject: string): string {
  return createHmac("sha256", privacyHashKey()).update(subject, "utf8").digest("hex");
}

export const phoneSubject = (e164: string) => `phone:${e164}`;
export const emailSubject = (email: string) => `email:${email}`;
/** A record that holds personal data without a contact of its own: "Deal:<id>", "FollowUpTask:<id>". */
export const recordSubject = (entity: string, id: string) => `${entity}:${id}`;

/** The suppression hashes of a phone and an email as given (null when not a valid one). */
export function suppressionHashes(contact: { phone?: string | null; email?: string | null }) {
  const phone = normalizePhone(contact.phone);
  const email = normalizeEmail(contact.email);
  return {
    phone: phone ? keyedHash(phoneSubject(phone)) : null,
    email: email ? keyedHash(emailSubject(email)) : null,
  };
}

/** Every key subject of a person: their phones, emails and the records tied to them. */
export function identitySubjects(identity: PersonIdentity, records: readonly string[] = []): string[] {
  return unique([
    ...identity.phones.map(phoneSubject),
    ...identity.emails.map(emailSubject),
    ...identity.dealIds.map((id) => recordSubject("Deal", id)),
    ...records,
  ]);
}

const SEPARATORS = "[\\s().\\-+/]*";

/** A phone written any way: "+1 (416) 555-0100", "416.555.0100", "4165550100". */
function phonePattern(e164: string): RegExp {
  const digits = e164.replace(/\D/g, "");
  const national = digits.startsWith("1") && digits.length === 11 ? digits.slice(1) : digits;
  // With or without the country code: "+1 416 555 0199" as well as "416-555-0199".
  return new RegExp(`(?<!\\d)(?:1${SEPARATORS})?${national.split("").join(SEPARATORS)}(?!\\d)`);
}

/** Does a text (a note, a message, a JSON payload, a CSV line) mention the person? */
export function mentionsPerson(text: string, identity: PersonIdentity): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  if (identity.emails.some((email) => lower.includes(email))) return true;
  if (identity.names.some((name) => name.length >= 3 && lower.replace(/\s+/g, " ").includes(name))) return true;
  return identity.phones.some((phone) => phonePattern(phone).test(text));
}

/** The ways a phone is written, for scans and tests. */
export function phoneSpellings(e164: string): string[] {
  const digits = e164.replace(/\D/g, "");
  const n = digits.startsWith("1") && digits.length === 11 ? digits.slice(1) : digits;
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  return unique([e164, n, `${a}-${b}-${c}`, `(${a}) ${b}-${c}`, `${a}.${b}.${c}`, `${a} ${b} ${c}`, `1-${a}-${b}-${c}`, `+1 ${a} ${b} ${c}`]);
}
