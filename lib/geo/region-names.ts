/**
 * Turns what people type for a state, province or country into codes: "Illinois" -> IL,
 * "Québec" / "PQ" -> QC, "Canada" -> CA. Builds on regions.ts.
 */
import { REGIONS, getRegion, type Country } from "./regions";

/** Upper-cases, strips accents and punctuation, collapses spaces. */
export function foldText(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[.,]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Older or informal abbreviations and names beyond the official ones in regions.ts. */
const ALIASES: Readonly<Record<string, { code: string; country: Country }>> = {
  PQ: { code: "QC", country: "CA" }, // pre-1990 abbreviation for Quebec
  QUE: { code: "QC", country: "CA" },
  NF: { code: "NL", country: "CA" }, // pre-2002 abbreviation for Newfoundland
  NFLD: { code: "NL", country: "CA" },
  NEWFOUNDLAND: { code: "NL", country: "CA" },
  LABRADOR: { code: "NL", country: "CA" },
  PEI: { code: "PE", country: "CA" },
  NWT: { code: "NT", country: "CA" },
  "NORTHWEST TERRITORY": { code: "NT", country: "CA" },
  "YUKON TERRITORY": { code: "YT", country: "CA" },
  "NUNAVUT TERRITORY": { code: "NU", country: "CA" },
  "WASHINGTON DC": { code: "DC", country: "US" },
  "WASHINGTON D C": { code: "DC", country: "US" },
};

let byName: Map<string, { code: string; country: Country }> | undefined;

function nameIndex(): Map<string, { code: string; country: Country }> {
  if (!byName) {
    byName = new Map();
    for (const r of REGIONS) byName.set(foldText(r.name), { code: r.code, country: r.country });
    for (const [k, v] of Object.entries(ALIASES)) byName.set(k, v);
  }
  return byName;
}

/**
 * The region code and its country for a code or name; null when unknown. A bare two-letter
 * code that exists in both countries is not possible today ("CA" is only California), and
 * with a country hint only that country's regions match.
 */
export function normalizeRegion(input: string | null | undefined, country?: Country | null): { code: string; country: Country } | null {
  if (typeof input !== "string") return null;
  const folded = foldText(input);
  if (!folded) return null;
  const byCode = getRegion(folded, country ?? undefined);
  if (byCode) return { code: byCode.code, country: byCode.country };
  const named = nameIndex().get(folded);
  if (named && (!country || named.country === country)) return named;
  return null;
}

/** "US", "USA", "United States", "Canada", "CAN"... -> US / CA; null otherwise. */
export function normalizeCountry(input: string | null | undefined): Country | null {
  if (typeof input !== "string") return null;
  const f = foldText(input).replace(/ /g, "");
  if (["US", "USA", "UNITEDSTATES", "UNITEDSTATESOFAMERICA", "AMERICA"].includes(f)) return "US";
  if (["CA", "CAN", "CANADA"].includes(f)) return "CA";
  return null;
}
