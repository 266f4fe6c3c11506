/**
 * Which parts of an audit event are a person's data, and how they are put back. Pure.
 * Personal fields (names, phones, emails, street addresses, message bodies, notes, raw
 * payloads) and any text holding a phone number or email address are lifted out of
 * before/after; an entity id or a non-member actor naming a contact is too. What is left
 * is stored readable; the lifted values are sealed (lib/privacy/seal.ts).
 */
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { emailSubject, phoneSubject, recordSubject } from "@/lib/privacy/identity";

/** Keys whose values are a person's data wherever they appear. */
export const PERSONAL_KEYS = new Set([
  "contactName", "contactPhone", "contactEmail", "contact", "phone", "street", "unit",
  "body", "notes", "note", "raw", "provenance", "form", "text", "html", "rfc822",
  "toAddress", "fromAddress", "address", "value", "wording", "evidence", "excerpt", "statusReason",
]);

const EMAIL_IN_TEXT = /[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[a-z]{2,}/gi;
const PHONE_IN_TEXT = /(?<![\w])\+?1?[\s.-]?\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)/g;

/** The phones and emails a text holds, normalized. */
export function contactsInText(text: string): { phones: string[]; emails: string[] } {
  const emails = [...text.matchAll(EMAIL_IN_TEXT)].map((m) => normalizeEmail(m[0])).filter((e): e is string => Boolean(e));
  const phones = [...text.matchAll(PHONE_IN_TEXT)].map((m) => normalizePhone(m[0])).filter((p): p is string => Boolean(p));
  return { phones, emails };
}

export type SealedColumn = "before" | "after" | "entityId" | "actorEmail";
export type JsonPath = (string | number)[];
export interface LiftedValue {
  column: SealedColumn;
  path: JsonPath;
  value: unknown;
}

export const SEALED_MARK = "[sealed]";
export const ERASED_MARK = "[erased]";
export const SEALED_FIELD = "$sealed";

export interface AuditFields {
  entity: string;
  entityId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  before: unknown;
  after: unknown;
}

export interface PersonalSplit {
  fields: AuditFields;
  lifted: LiftedValue[];
  /** The key subjects the lifted values belong to; empty when nothing was lifted. */
  subjects: string[];
}

function contactSubjects(value: unknown, into: Set<string>) {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? null);
  const found = contactsInText(text);
  for (const phone of found.phones) into.add(phoneSubject(phone));
  for (const email of found.emails) into.add(emailSubject(email));
}

/**
 * Whether an entity id is a contact key ("EMAIL:jane@example.com", "SMS:+14165550199", a list
 * of them). Only whole parts count: a record's UUID can hold a run of ten digits that reads
 * as a phone number, and sealing it would make the record's own audit lines unfindable.
 */
function namesContact(entityId: string): boolean {
  return entityId.split(",").some((part) => {
    const address = part.trim().replace(/^[A-Z_]+:/, "");
    return address.includes("@") ? normalizeEmail(address) !== null : /^[+\d\s().-]{10,}$/.test(address) && normalizePhone(address) !== null;
  });
}

function holdsContact(text: string): boolean {
  const found = contactsInText(text);
  return found.phones.length > 0 || found.emails.length > 0;
}

/** Walks a JSON value; personal parts are replaced by the sealed mark and collected. */
function liftJson(value: unknown, column: SealedColumn, path: JsonPath, lifted: LiftedValue[], personal = false): unknown {
  if (value === null || value === undefined) return value;
  if (personal || (typeof value === "string" && holdsContact(value))) {
    lifted.push({ column, path, value });
    return SEALED_MARK;
  }
  if (Array.isArray(value)) return value.map((item, index) => liftJson(item, column, [...path, index], lifted));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[key] = liftJson(inner, column, [...path, key], lifted, PERSONAL_KEYS.has(key) && inner !== null && inner !== "");
    }
    return out;
  }
  return value;
}

/** Words (a string with a space) not yet sealed, in an event already known to be about a contact. */
function liftFreeText(value: unknown, column: SealedColumn, path: JsonPath, lifted: LiftedValue[]): unknown {
  if (typeof value === "string") {
    if (value === SEALED_MARK || !/\S\s+\S/.test(value)) return value;
    lifted.push({ column, path, value });
    return SEALED_MARK;
  }
  if (Array.isArray(value)) return value.map((item, index) => liftFreeText(item, column, [...path, index], lifted));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, liftFreeText(inner, column, [...path, key], lifted)]));
  }
  return value;
}

function dealIdOf(value: unknown): string | null {
  const dealId = (value as { dealId?: unknown } | null)?.dealId;
  return typeof value === "object" && typeof dealId === "string" ? dealId : null;
}

/** Splits an event into what stays readable and what is sealed, with the subjects it concerns. */
export function splitPersonal(event: AuditFields): PersonalSplit {
  const lifted: LiftedValue[] = [];
  const json = (value: unknown) => JSON.parse(JSON.stringify(value ?? null)) as unknown;
  let before = liftJson(json(event.before), "before", [], lifted);
  let after = liftJson(json(event.after), "after", [], lifted);
  // An event about a contact may name them anywhere in its words ("Jane asked twice"): its free text is theirs too.
  const aboutContact = new Set<string>();
  for (const item of lifted) contactSubjects(item.value, aboutContact);
  if (aboutContact.size > 0) {
    before = liftFreeText(before, "before", [], lifted);
    after = liftFreeText(after, "after", [], lifted);
  }
  let { entityId, actorEmail } = event;
  if (entityId && namesContact(entityId)) {
    lifted.push({ column: "entityId", path: [], value: entityId });
    entityId = SEALED_MARK;
  }
  // A member acts under their own account; an actor without one (an unsubscribe link) is the contact.
  if (actorEmail && !event.actorId) {
    lifted.push({ column: "actorEmail", path: [], value: actorEmail });
    actorEmail = SEALED_MARK;
  }
  const fields = { ...event, before: event.before === undefined ? undefined : before, after: event.after === undefined ? undefined : after, entityId, actorEmail };
  if (lifted.length === 0) return { fields: event, lifted, subjects: [] };

  const subjects = new Set<string>();
  for (const item of lifted) contactSubjects(item.value, subjects);
  if (event.entity === "Deal" && event.entityId) subjects.add(recordSubject("Deal", event.entityId));
  for (const dealId of [dealIdOf(event.before), dealIdOf(event.after)]) if (dealId) subjects.add(recordSubject("Deal", dealId));
  if (subjects.size === 0) subjects.add(recordSubject(event.entity, event.entityId ?? "none"));
  return { fields, lifted, subjects: [...subjects].sort() };
}

function setAt(root: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container = (root ?? (typeof head === "number" ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string | number, unknown>;
  copy[head] = setAt(container[head], rest, value);
  return copy;
}

/** Puts lifted values (or the erased mark for each) back in their places. */
export function restorePersonal<T extends AuditFields>(fields: T, lifted: readonly LiftedValue[] | null, sealedPaths: readonly { column: SealedColumn; path: JsonPath }[]): T {
  const out: AuditFields = { ...fields };
  const items = lifted ?? sealedPaths.map((p) => ({ ...p, value: ERASED_MARK }));
  for (const item of items) {
    if (item.column === "entityId") out.entityId = String(item.value);
    else if (item.column === "actorEmail") out.actorEmail = String(item.value);
    else out[item.column] = setAt(out[item.column], item.path, item.value);
  }
  return out as T;
}
