/**
 * Who to call about the deal: a name, a phone and an email. Explicit instructions in the
 * deal text ("Call/text Mike 555-123-4567") beat the signature, which beats the sender's
 * From header. Phones are normalized to E.164 so the same number always compares equal.
 */

import { normalizePhone as normalizeContactPhone } from "@/lib/contact/address";

export interface ContactFinding {
  name: { value: string; confidence: number; source: string } | null;
  phone: { value: string; confidence: number; source: string } | null;
  email: { value: string; confidence: number; source: string } | null;
}

const PHONE_RE = /(?<![\w$.])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?![\d])/g;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IGNORED_EMAIL = /^(?:no-?reply|do-?not-?reply|mailer-daemon|unsubscribe|notifications?|bounce)/i;

/** "(555) 123-4567" → "+15551234567"; null for anything that isn't a dialable NANP number. */
export function normalizePhone(text: string): string | null {
  const e164 = normalizeContactPhone(text);
  // In free text, also insist on a real exchange code, so order numbers and dates stay out.
  return e164 && /^\+1[2-9]\d{2}[2-9]\d{6}$/.test(e164) ? e164 : null;
}

/** Words that look like a capitalized name but are not one. */
const NOT_NAME = new Set(
  ("me us now today anytime for or and the with at to a an any all our my your this that if thanks thank regards best " +
    "cheers sincerely sent from office cell mobile phone fax email direct text call contact info details jv deal deals " +
    "team sales acquisitions dispositions manager president ceo owner broker agent realtor investor investments group " +
    "properties property homes home realty capital llc inc ltd corp company solutions buyers partners ventures holdings " +
    "enterprises real estate re wholesale wholesaling acquisition disposition director coordinator www http https " +
    "please asap hi hello hey dear good morning afternoon evening sir madam regarding subject list address " +
    "notes showing showings access lockbox asking more questions fax tel ph main hotline mobile cell").split(/\s+/),
);

const L = "a-zà-ÿ";
const U = "A-ZÀ-Þ";
/** One capitalized name word, internal capitals allowed ("LeBlanc", "McKenzie"). */
const NAME_TOKEN = `[${U}][${L}'’-]*(?:[${U}][${L}]+)?`;
/** "Mike", "O'Brien", "MacDonald", "Marc-André", "J.", "DJ". */
const TRAILING_NOT_NAME = /^(?:at|on|to|or|and|for|with|today|now|anytime|asap|tonight|please|directly|here)$/i;

const NAME_WORD = new RegExp(`^(?:(?:Mac|Mc|O'|D'|Di|De|La|Le|Van)?[${U}][${L}]+(?:[-'][${U}]?[${L}]+)?|[${U}]\\.|[${U}]{2,3}\\.?)$`);

/** A person's name: 1–3 capitalized words, no company words, no digits. */
export function looksLikeName(text: string, allowSingle = true): boolean {
  const t = text.trim().replace(/[,.;:]+$/, "");
  if (!t || /\d|@/.test(t) || t.length > 40) return false;
  const words = t.split(/\s+/);
  if (words.length > 4 || (!allowSingle && words.length < 2)) return false;
  if (words.some((w) => NOT_NAME.has(w.toLowerCase().replace(/[.,]$/, "")))) return false;
  if (!words.every((w) => NAME_WORD.test(w))) return false;
  // All-caps acronyms alone ("SFR", "ARV") are not names.
  return words.some((w) => /[a-z]/.test(w));
}

const LABELED_NAME_RE = new RegExp(
  String.raw`(?<![A-Za-z])(?:(?:your|contact|agent|seller|wholesaler)\s+name\s*:|name\s*:|contact(?:\s+person)?|contactez|appelez|(?:please\s+)?(?:call\s+or\s+text|text\s+or\s+call|call\s*\/\s*text|call|text|reach\s+out\s+to|ask\s+for|email|speak\s+(?:to|with)|talk\s+to|reach)|agent|wholesaler|rep)(?![A-Za-z])[ \t]*(?:me[ \t]*|us[ \t]*)?[:\-–]?[ \t]*\(?([${U}][a-zA-Zà-ÿ'.-]+(?:[ \t]+[${U}][a-zA-Zà-ÿ'.-]+){0,2})`,
  "gi",
);

function phoneRank(line: string, index: number): number {
  const before = line.slice(Math.max(0, index - 24), index).toLowerCase();
  if (/fax|\bf\s*[:.]\s*$/.test(before)) return -1;
  if (/cell|mobile|direct|call|text|\bc\s*[:.]\s*$|\bm\s*[:.]\s*$/.test(before)) return 3;
  if (/office|\bo\s*[:.]\s*$|main|toll/.test(before)) return 1;
  return 2;
}

/** Phone/email/name stated in running text (deal body or signature). */
export function findContact(text: string, baseConfidence: number): ContactFinding {
  const found: ContactFinding = { name: null, phone: null, email: null };
  const lines = text.split("\n");
  let bestPhone: { value: string; rank: number; source: string } | null = null;
  for (const line of lines) {
    PHONE_RE.lastIndex = 0;
    for (let m = PHONE_RE.exec(line); m; m = PHONE_RE.exec(line)) {
      const value = normalizePhone(m[0]);
      const rank = phoneRank(line, m.index);
      if (!value || rank < 0) continue;
      if (!bestPhone || rank > bestPhone.rank) bestPhone = { value, rank, source: line.trim() };
    }
  }
  if (bestPhone) found.phone = { value: bestPhone.value, confidence: baseConfidence, source: bestPhone.source };

  EMAIL_RE.lastIndex = 0;
  for (let m = EMAIL_RE.exec(text); m; m = EMAIL_RE.exec(text)) {
    if (IGNORED_EMAIL.test(m[0])) continue;
    found.email = { value: m[0].toLowerCase(), confidence: baseConfidence, source: m[0] };
    break;
  }

  LABELED_NAME_RE.lastIndex = 0;
  for (let m = LABELED_NAME_RE.exec(text); m; m = LABELED_NAME_RE.exec(text)) {
    // The label is case-insensitive but a name must be capitalized: keep the capitalized run.
    // In an all-caps email ("CALL RON 773-…") the name is all caps too: title-case it.
    const shouting = !/[a-z]/.test(text.replace(/[\w.+-]+@[\w.-]+/g, ""));
    const words = m[1].split(/\s+/).map((w) => (shouting && /^[A-Z]{2,}$/.test(w) ? w[0] + w.slice(1).toLowerCase() : w));
    const firstLower = words.findIndex((w) => !new RegExp(`^[${U}]`).test(w));
    if (firstLower >= 0) words.splice(firstLower);
    // Trim trailing words that are not part of a name ("Mike At", "Sarah Today").
    while (words.length && TRAILING_NOT_NAME.test(words[words.length - 1])) words.pop();
    const name = words.join(" ");
    if (name && looksLikeName(name)) {
      found.name = { value: name, confidence: baseConfidence, source: m[0].trim() };
      break;
    }
    // "email or call Tony": retry just after this label so the next label gets its turn.
    LABELED_NAME_RE.lastIndex = m.index + 1;
  }
  if (!found.name) found.name = nameBesideContact(text, baseConfidence - 0.1);
  return found;
}

/**
 * "Eric LeBlanc 506-555-0142", "Serious inquiries: Hannah Becker, hannah@x.ca": a name written
 * right next to a phone number or email address is the person to reach.
 */
function nameBesideContact(text: string, confidence: number): ContactFinding["name"] {
  const re = new RegExp(
    String.raw`(?:^|[:\-–—|·•]\s*|\n|[.!]\s+)\s*(${NAME_TOKEN}(?:[ \t]+${NAME_TOKEN}){0,2})[ \t]*(?:[,|:\-–—·•][ \t]*)?(?=(\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4})|[\w.+-]+@)`,
    "g",
  );
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // A lone first name only counts right before a phone number ("Dave 918-555-0123").
    if (looksLikeName(m[1], Boolean(m[2]))) return { value: m[1], confidence, source: m[0].trim() };
  }
  // "hit me up - joe 757-555-0197": a lowercase name signed before the number.
  const low = /(?:^|\s)[-–—~]\s*([a-z]{2,12})[ \t]+(?:@[ \t]*)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}/m.exec(text);
  if (low && !NOT_NAME.has(low[1])) {
    const name = low[1][0].toUpperCase() + low[1].slice(1);
    return { value: name, confidence: confidence - 0.1, source: low[0].trim() };
  }
  return null;
}

/**
 * The signer's name: the first line of the signature block that reads as a person's name
 * ("Thanks,\nMike Jones\nABC Home Buyers LLC"). A one-word sign-off name counts too.
 */
export function findSignatureName(signature: string): { value: string; source: string } | null {
  const lines = signature.split("\n").map((l) => l.trim()).filter(Boolean);
  for (const line of lines.slice(0, 4)) {
    if (/^(?:--|__|thanks|thank you|thx|regards|best|cheers|sincerely|respectfully|talk soon|warm|kind|all the best|happy investing)\b/i.test(line)) {
      // "Thanks, Mike" keeps the name after the comma.
      const after = /,\s*([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+)?)\s*$/.exec(line);
      if (after && looksLikeName(after[1])) return { value: after[1], source: line };
      continue;
    }
    const cleaned = line.replace(/^[-–—~]\s*/, "").replace(/(?:\s*[|,:]|\s+[–—-]\s).*$/, "").trim();
    if (looksLikeName(cleaned)) return { value: cleaned, source: line };
    // The first substantial line is not a name: this signature has none we can trust.
    if (/[a-z]{3}/i.test(line)) return null;
  }
  return null;
}

/** "Mike Jones <mike@abc.com>" / "\"Jones, Mike\" <mike@abc.com>" / "mike@abc.com". */
export function parseFromHeader(from: string | null | undefined): { name: string | null; email: string | null } {
  if (!from) return { name: null, email: null };
  const email = (from.match(EMAIL_RE) ?? [])[0]?.toLowerCase() ?? null;
  let name = from.replace(/<[^>]*>/g, "").replace(EMAIL_RE, "").replace(/["']/g, "").replace(/\[mailto:[^\]]*\]/gi, "").trim();
  const flipped = /^([A-Z][\w'-]+),\s*([A-Z][\w'-]+)$/.exec(name);
  if (flipped) name = `${flipped[2]} ${flipped[1]}`;
  return { name: name && looksLikeName(name) ? name : null, email };
}

/** "call me 336 555 0104 - Dwayne", "…if interested. -Rachel": a name signed at the end of a line. */
export function findTrailingName(text: string): { value: string; source: string } | null {
  const lines = text.split("\n").map((l) => l.trim()).filter(Boolean).slice(-3).reverse();
  for (const line of lines) {
    // The name may be followed by a company: "- Brandon Hughes, Triangle Home Offers".
    const m = new RegExp(`(?:^|\\s)[-–—~]\\s*([${U}][${L}'-]+(?:\\s+[${U}][${L}'-]+)?)\\s*(?:,[^,]*)?$`).exec(line);
    if (m && looksLikeName(m[1])) return { value: m[1], source: line };
  }
  return null;
}

/** "Mike" said in the text and "Mike Jones" in the signature are the same person: keep the fuller one. */
export function fullerName(short: string, candidates: Array<string | null | undefined>): string {
  if (/\s/.test(short)) return short;
  for (const c of candidates) {
    if (c && c.split(/\s+/)[0].toLowerCase() === short.toLowerCase() && /\s/.test(c)) return c;
  }
  return short;
}
