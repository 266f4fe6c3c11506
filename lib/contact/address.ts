/**
 * Contact addresses as the outbound core stores and compares them: phone numbers in E.164,
 * email addresses trimmed and lower-cased. Consent, do-not-contact and inbound matching all
 * key on these forms, so the same contact always compares equal.
 */

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * "(416) 555-0100", "1-416-555-0100", "+1 416 555 0100" → "+14165550100". North American
 * numbers (10 digits, or 11 starting with 1) get +1; anything written with a leading "+" is
 * kept when it has 8 to 15 digits. Null when the text is not a phone number.
 */
export function normalizePhone(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  const trimmed = text.trim();
  if (!trimmed || /[a-z]/i.test(trimmed.replace(/\s*(?:ext\.?|x)\s*\d+$/i, ""))) return null;
  const digits = trimmed.replace(/\D/g, "");
  const international = trimmed.startsWith("+") || trimmed.startsWith("00");
  if (international) {
    const number = `+${trimmed.startsWith("00") ? digits.slice(2) : digits}`;
    if (!E164.test(number)) return null;
    // A +1 number must still be a whole North American number.
    if (number.startsWith("+1") && !isNanp(number.slice(2))) return null;
    return number;
  }
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return isNanp(national) ? `+1${national}` : null;
}

/** Ten digits with an area code that cannot start with 0 or 1. */
function isNanp(digits: string): boolean {
  return /^[2-9]\d{9}$/.test(digits);
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

/** " Jane@Example.COM " → "jane@example.com"; null when it is not an email address. */
export function normalizeEmail(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  const value = text.trim().toLowerCase();
  return value.length <= 254 && EMAIL.test(value) ? value : null;
}

/** The address of a contact on a channel in its stored form, or null when it has none or it is malformed. */
export function normalizeAddress(channel: "SMS" | "EMAIL", text: string | null | undefined): string | null {
  return channel === "SMS" ? normalizePhone(text) : normalizeEmail(text);
}

/** Either form, for lists (do-not-contact) that hold phones and emails alike. */
export function normalizeAnyAddress(text: string | null | undefined): string | null {
  if (typeof text === "string" && text.includes("@")) return normalizeEmail(text);
  return normalizePhone(text);
}

/** Canadian area codes of the North American plan (CNAC assignments, incl. overlays and 600/622/633/644/655/677/688 non-geographic). */
const CANADIAN_AREA_CODES = new Set(
  ("204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 " +
    "506 514 519 548 579 581 584 587 600 604 613 622 633 639 644 647 655 672 677 683 688 705 709 742 753 778 780 " +
    "782 807 819 825 867 873 879 902 905 942").split(" "),
);

/** Whether an E.164 number is a Canadian one (a +1 number with a Canadian area code). */
export function isCanadianNumber(e164: string): boolean {
  return e164.startsWith("+1") && e164.length === 12 && CANADIAN_AREA_CODES.has(e164.slice(2, 5));
}
