/**
 * parseDealEmail: email in, deals out. The pipeline, in order:
 *   html/text → normalized text → tables expanded → thread split (forwards, quotes) →
 *   the message that holds the deal → body/signature → one block per property →
 *   fields per block, topped up from the subject (single deal) or the intro (several deals)
 *   → contact from the body, then the signature, then the From header.
 * Every step is a pure function; nothing here throws to the caller.
 */
import { findContact, findSignatureName, findTrailingName, fullerName, parseFromHeader } from "./contact";
import { classifyType } from "./property";
import { extractFields, finalizeLocation } from "./extract";
import { FieldBag } from "./fields";
import { htmlToText } from "./html";
import { splitParts, type EmailPart } from "./parts";
import { segmentDeals } from "./segment";
import { hasDealFacts, splitSignature } from "./signature";
import { findAddresses } from "./address";
import { expandTables } from "./table";
import { normalizeText } from "./text";
import { FIELD_NAMES, type EmailInput, type FieldName, type ParseResult, type ParsedDeal } from "./types";

const PROPERTY_FIELDS = FIELD_NAMES.filter((f) => !f.startsWith("contact"));
const SHARED_LOCATION: FieldName[] = ["city", "region", "postalCode", "country"];

function cleanSubject(subject: string | null | undefined): string {
  return normalizeText(subject ?? "").replace(/^\s*(?:(?:re|fwd?|fw|tr|réf)\s*:\s*|\[[^\]]*\]\s*)+/i, "").trim();
}

/** How strongly a thread part looks like it holds the deal. */
function dealScore(part: EmailPart): number {
  return (hasDealFacts(part.text) ? 2 : 0) + Math.min(findAddresses(part.text).length, 2);
}

function pickPart(parts: EmailPart[]): EmailPart {
  let best = parts[0];
  let bestScore = dealScore(best);
  for (const p of parts.slice(1)) {
    const s = dealScore(p);
    // Ties go to the later part: a forwarded deal beats the forwarder's "see below".
    if (s >= bestScore && s > 0) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

function contactBag(body: string, signature: string, headerFrom: string | null): FieldBag {
  const bag = new FieldBag();
  const inBody = findContact(body, 0.9);
  const inSig = findContact(signature, 0.85);
  const sigName = findSignatureName(signature) ?? findTrailingName(`${body}\n${signature}`);
  const header = parseFromHeader(headerFrom);
  for (const c of [inBody, inSig]) {
    if (c.name) {
      // "Call Mike" in the text, "Mike Jones" in the signature: one person, the full name.
      const name = fullerName(c.name.value, [sigName?.value, header.name]);
      bag.set("contactName", name, c.name.confidence, c.name.source);
    }
    if (c.phone) bag.set("contactPhone", c.phone.value, c.phone.confidence, c.phone.source);
    if (c.email) bag.set("contactEmail", c.email.value, c.email.confidence, c.email.source);
  }
  if (sigName) bag.set("contactName", fullerName(sigName.value, [header.name]), 0.8, sigName.source);
  if (header.name) bag.set("contactName", header.name, 0.6, headerFrom ?? header.name);
  if (header.email) bag.set("contactEmail", header.email, 0.6, headerFrom ?? header.email);
  return bag;
}

/** "All SFRs", "Both are single family": a type stated once for every deal in the email. */
function sharedType(text: string): FieldBag | null {
  const m = /\b(?:all|both)\s+(?:(?:of\s+them|properties|houses|deals)\s+)?(?:are\s+)?([a-z][a-z-]*(?:\s+[a-z-]+)?)/i.exec(text);
  const type = m ? classifyType(m[1]) : null;
  if (!m || !type) return null;
  const bag = new FieldBag();
  bag.set("propertyType", type, 0.8, m[0]);
  return bag;
}

/**
 * Whether a block describes an actual property: a place, or a price someone labeled. A
 * buyer's "looking for 3/2s under $100k" has neither and is not a deal.
 */
function propertySignal(bag: FieldBag): boolean {
  if ((["street", "city", "postalCode"] as FieldName[]).some((f) => bag.has(f))) return true;
  return (["askingPrice", "arv", "repairs"] as FieldName[]).some((f) => bag.has(f) && (bag.provenance[f]?.confidence ?? 0) >= 0.6);
}

function parseText(rawText: string, input: EmailInput): ParseResult {
  const warnings: string[] = [];
  const text = expandTables(normalizeText(rawText));
  const parts = splitParts(text);
  const part = pickPart(parts);
  const { body, signature } = splitSignature(part.text);
  const seg = segmentDeals(body);
  const from = part.from ?? (part.kind === "top" ? (input.from ?? null) : null);
  const subject = cleanSubject(part.subject ?? input.subject);
  const subjectBag = subject ? extractFields(subject).bag : null;
  const preamble = seg.preamble ? extractFields(seg.preamble).bag : null;
  const contact = contactBag(body, signature, from);
  const typeForAll = sharedType(`${body}\n${signature}`);
  // Replies above a quoted deal ("PRICE DROP - now $139k") are newer than the deal itself.
  const newer = parts.slice(0, parts.indexOf(part)).map((p) => splitSignature(p.text).body).join("\n");
  const updates = newer.trim() ? extractFields(newer).bag : null;

  const deals: ParsedDeal[] = [];
  for (const segment of seg.segments) {
    const { bag, warnings: w } = extractFields(segment);
    warnings.push(...w);
    if (seg.segments.length === 1 && subjectBag) {
      // The subject often carries what the body leaves out ("JV: 123 Main St – ARV 245k").
      const conflict = bag.has("street") && subjectBag.has("street");
      bag.fillFrom(subjectBag, conflict ? PROPERTY_FIELDS.filter((f) => !SHARED_LOCATION.includes(f) && f !== "unit") : PROPERTY_FIELDS, 0.9);
    }
    for (const shared of [preamble, seg.segments.length > 1 ? subjectBag : null, typeForAll]) {
      if (!shared) continue;
      // Shared context ("all in Cleveland, OH", "all SFRs") only fills a deal that has no place of its own.
      if (!bag.has("city") && !bag.has("region") && !bag.has("postalCode")) bag.fillFrom(shared, SHARED_LOCATION, 0.85);
      bag.fillFrom(shared, ["propertyType"], 0.85);
    }
    if (updates && seg.segments.length === 1) {
      for (const f of ["askingPrice", "arv", "repairs"] as const) {
        const prov = updates.provenance[f];
        if (prov && prov.confidence >= 0.8 && updates.fields[f] !== bag.fields[f]) {
          bag.clear(f);
          bag.set(f, updates.fields[f], prov.confidence * 0.9, prov.source);
          warnings.push(`${f}: updated by a later message in the thread ("${prov.source}")`);
        }
      }
    }
    bag.fillFrom(contact, ["contactName", "contactPhone", "contactEmail"], 1);
    finalizeLocation(bag, warnings);
    if (propertySignal(bag)) deals.push(bag.toDeal());
  }
  if (!deals.length) warnings.push("no deal found in this email");
  else if (!deals.some((d) => d.fields.street)) warnings.push("no street address found");
  return { deals, warnings: [...new Set(warnings)] };
}

function score(result: ParseResult): number {
  return result.deals.reduce((n, d) => n + Object.values(d.fields).filter((v) => v !== null).length, 0);
}

export function parseDealEmail(input: EmailInput): ParseResult {
  try {
    const bodies: string[] = [];
    if (typeof input?.html === "string" && input.html.trim()) bodies.push(htmlToText(input.html));
    if (typeof input?.text === "string" && input.text.trim()) bodies.push(input.text);
    if (!bodies.length) bodies.push("");
    // HTML and its text alternative usually agree; when they don't, the richer reading wins
    // (ties go to HTML, whose tables keep labels next to values).
    let best: ParseResult | null = null;
    for (const b of bodies) {
      const r = parseText(b, input ?? {});
      if (!best || score(r) > score(best)) best = r;
    }
    return best ?? { deals: [], warnings: ["no deal found in this email"] };
  } catch (error) {
    return { deals: [], warnings: [`parser error: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
