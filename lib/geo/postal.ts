/**
 * Postal-code parsing for the two countries Dealflow serves.
 *
 * US: a 5-digit ZIP, or ZIP+4 ("62704-1234", "62704 1234", "627041234"); only the 5-digit ZIP
 * is kept, since nothing downstream needs the +4.
 *
 * Canada: "A1A 1A1", with or without the space (a hyphen is tolerated too), any case. Canada
 * Post never uses the letters D, F, I, O, Q or U, and never starts a postal code with W or Z
 * (Canada Post, "Addressing Guidelines", postal code structure), so those are rejected.
 *
 * Nothing here throws: anything that is not a well-formed code returns null.
 */

export type ParsedPostalCode =
  | { country: "US"; zip: string }
  | { country: "CA"; postalCode: string; fsa: string };

/** Letters Canada Post uses in the 1st position of a postal code (no D F I O Q U W Z). */
const CA_FIRST = "ABCEGHJKLMNPRSTVXY";
/** Letters Canada Post uses in the 3rd and 5th positions (no D F I O Q U). */
const CA_OTHER = "ABCEGHJKLMNPRSTVWXYZ";

const CA_POSTAL_RE = new RegExp(`^([${CA_FIRST}]\\d[${CA_OTHER}])[ -]?(\\d[${CA_OTHER}]\\d)$`);
const CA_FSA_RE = new RegExp(`^[${CA_FIRST}]\\d[${CA_OTHER}]$`);
const US_ZIP_RE = /^(\d{5})(?:[- ]?\d{4})?$/;

/** Collapses inner runs of whitespace to one space and trims; non-strings become "". */
function squash(input: unknown): string {
  return typeof input === "string" ? input.trim().replace(/\s+/g, " ").toUpperCase() : "";
}

export function parsePostalCode(input: string): ParsedPostalCode | null {
  const s = squash(input);
  if (s.length === 0 || s.length > 12) return null;
  const us = US_ZIP_RE.exec(s);
  if (us) return { country: "US", zip: us[1] };
  const ca = CA_POSTAL_RE.exec(s);
  if (ca) return { country: "CA", postalCode: `${ca[1]} ${ca[2]}`, fsa: ca[1] };
  return null;
}

/** A Canadian forward sortation area alone ("M5V"), upper-cased; null when malformed. */
export function parseFsa(input: string): string | null {
  const s = squash(input);
  return CA_FSA_RE.test(s) ? s : null;
}

/** The postal code as it goes into an address key: US 5-digit ZIP, CA code without the space. */
export function postalKey(parsed: ParsedPostalCode): string {
  return parsed.country === "US" ? parsed.zip : parsed.postalCode.replace(" ", "");
}
