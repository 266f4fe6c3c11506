/**
 * States, provinces and postal codes. Region codes come from lib/geo/regions.ts; this file
 * adds the spellings people actually type ("Ont.", "B.C.", "Québec") and the rules that
 * decide the country: the postal code's shape is decisive, a code that exists only in
 * Canada (ON, NS, …) means Canada, and anything else valid is a US state ("CA" = California).
 */
import { REGIONS, getRegion } from "@/lib/geo/regions";

export type Country = "US" | "CA";

const ALIASES: Record<string, string> = {
  "ont": "ON", "ont.": "ON", "que": "QC", "que.": "QC", "qué": "QC", "québec": "QC", "pq": "QC", "p.q.": "QC",
  "alta": "AB", "alta.": "AB", "sask": "SK", "sask.": "SK", "man.": "MB", "b.c.": "BC", "n.s.": "NS",
  "n.b.": "NB", "p.e.i.": "PE", "pei": "PE", "nfld": "NL", "nfld.": "NL", "newfoundland": "NL", "nwt": "NT",
  "n.w.t.": "NT", "yukon territory": "YT", "calif": "CA", "calif.": "CA", "fla": "FL", "fla.": "FL",
  "tex": "TX", "tex.": "TX", "penn": "PA", "penna": "PA", "mass": "MA", "mass.": "MA", "wash": "WA", "d.c.": "DC",
};

const BY_NAME = new Map<string, string>();
for (const r of REGIONS) BY_NAME.set(r.name.toLowerCase(), r.code);
BY_NAME.set("newfoundland & labrador", "NL");
for (const [alias, code] of Object.entries(ALIASES)) BY_NAME.set(alias, code);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Full names and aliases, longest first so "West Virginia" beats "Virginia". */
const NAME_ALTS = [...BY_NAME.keys()].sort((a, b) => b.length - a.length).map(escape).join("|");
const CODE_ALTS = REGIONS.map((r) => r.code).join("|");

/**
 * A region as written. Codes must be the last thing before a boundary ("IL", "il" is
 * checked by the caller); names are case-insensitive. Parentheses allow "Montréal (Québec)".
 */
export const REGION_SRC = String.raw`\(?(?:${NAME_ALTS}|${CODE_ALTS})\)?(?![A-Za-zÀ-ÿ])`;

export const US_ZIP_SRC = String.raw`\d{5}(?:[- ]\d{4})?`;
export const CA_POSTAL_SRC = String.raw`[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d`;
export const POSTAL_SRC = String.raw`(?:${CA_POSTAL_SRC}|${US_ZIP_SRC})(?![\w-])`;

/** "IL", "Ontario", "B.C.", "(Québec)" → its 2-letter code; null if not a region. */
export function regionCode(text: string): string | null {
  const t = text.trim().replace(/^\(|\)$/g, "").trim();
  if (/^[A-Za-z]{2}$/.test(t) && getRegion(t)) return t.toUpperCase();
  return BY_NAME.get(t.toLowerCase()) ?? BY_NAME.get(t.toLowerCase().replace(/\.$/, "")) ?? null;
}

/** Case-sensitive variant for free-text scanning: "Ontario", "Ont.", "ON" — but not "on". */
const CASED_NAMES = [
  ...REGIONS.map((r) => r.name),
  ...Object.keys(ALIASES).map((a) => (/^[a-z]\./.test(a) || a.length <= 4 ? a.toUpperCase() : a[0].toUpperCase() + a.slice(1))),
  ...Object.keys(ALIASES).map((a) => a[0].toUpperCase() + a.slice(1)),
];
export const REGION_SRC_CS = String.raw`\(?(?:${[...new Set(CASED_NAMES)].sort((a, b) => b.length - a.length).map(escape).join("|")}|${CODE_ALTS})\)?(?![A-Za-zÀ-ÿ])`;

/** Whether a written region is unambiguous on its own (a name, or an uppercase code). */
export function regionIsConfident(text: string): boolean {
  const t = text.trim().replace(/^\(|\)$/g, "");
  return t.length > 2 || t === t.toUpperCase();
}

/** Normalizes a postal code: "62704-1234" → "62704", "t2p1j9" → "T2P 1J9". Null when neither shape. */
export function normalizePostal(text: string): { code: string; country: Country } | null {
  const t = text.trim().toUpperCase();
  const ca = new RegExp(`^(${CA_POSTAL_SRC})$`, "i").exec(t);
  if (ca) {
    const compact = t.replace(/[ -]/g, "");
    return { code: `${compact.slice(0, 3)} ${compact.slice(3)}`, country: "CA" };
  }
  const us = /^(\d{5})(?:[- ]\d{4})?$/.exec(t);
  if (us) return { code: us[1], country: "US" };
  return null;
}

/** The province a Canadian postal code belongs to (its first letter). "X" is NT or NU: unknown. */
const FSA_PROVINCE: Record<string, string> = {
  A: "NL", B: "NS", C: "PE", E: "NB", G: "QC", H: "QC", J: "QC", K: "ON", L: "ON", M: "ON", N: "ON", P: "ON",
  R: "MB", S: "SK", T: "AB", V: "BC", Y: "YT",
};
export function provinceForPostal(code: string): string | null {
  return FSA_PROVINCE[code.trim().toUpperCase()[0]] ?? null;
}

/**
 * The country, from the strongest evidence available: postal code shape, then a region code
 * that exists in only one country. "CA" as a region is California unless the postal code is
 * Canadian — and a Canadian postal code with a US-only state is contradictory, so the postal
 * code wins there too.
 */
export function inferCountry(region: string | null, postal: string | null): Country | null {
  if (postal) {
    const p = normalizePostal(postal);
    if (p) return p.country;
  }
  if (region) {
    const us = getRegion(region, "US");
    const ca = getRegion(region, "CA");
    if (ca && !us) return "CA";
    if (us && !ca) return "US";
  }
  return null;
}

/** True when the region code exists in the given country. */
export function regionInCountry(region: string, country: Country): boolean {
  return Boolean(getRegion(region, country));
}
