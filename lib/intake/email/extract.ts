/**
 * Reads the property fields of one deal block. Contact fields are read separately
 * (contact.ts) because they belong to the whole email, not to one property.
 */
import { findAddresses, findLocations, parseLocationAt, type AddressMatch } from "./address";
import { FieldBag } from "./fields";
import { analyzeMoneyLine } from "./money";
import { findBedsBaths, findPropertyType, findSqft, findYearBuilt } from "./property";
import { inferCountry, normalizePostal, provinceForPostal, regionCode, regionInCountry } from "./region";
import { maskComps } from "./segment";
import { blank } from "./text";

const ADDRESS_LABEL = /(?:property\s+address|subject\s+property|street\s+address|address|addr\.?|location|property|located\s+at|adresse|site)\s*[:#\-–]?\s*$/i;
const LIST_MARKER = /^\s*(?:[*•>-]+|\(?\d{1,2}[).]|#\d{1,2}[).:]?|(?:property|deal|listing)\s*#?\s*\d{1,2}\s*[:.)\-–—]?)?\s*$/i;

function lineStartOf(text: string, index: number): number {
  return text.lastIndexOf("\n", index - 1) + 1;
}

/** How much an address reads as "the property" rather than a passing mention. */
function addressScore(text: string, a: AddressMatch): number {
  const prefix = text.slice(lineStartOf(text, a.start), a.start);
  const labeled = ADDRESS_LABEL.test(prefix) || LIST_MARKER.test(prefix);
  return (labeled ? 4 : 0) + (a.hasLocation ? (a.city ? 2 : 1) : 0) + (a.postal ? 1 : 0);
}

/** "Address: 123 Main, Springfield IL" — a labeled number-first value without a street type. */
function labeledStreetFallback(text: string): AddressMatch | null {
  const re = /(?:^|\n)[ \t]*(?:[*•-][ \t]*)?(?:property\s+address|street\s+address|address|addr\.?|street|property|location)[ \t]*[:#\-–][ \t]*(\d{1,6}[A-Za-z]?(?:[ \t]+[A-Za-zÀ-ÿ0-9'.-]+){1,4}?)[ \t]*(?=,|\n|$)/gi;
  const m = re.exec(text);
  if (!m) return null;
  const start = m.index + m[0].length - m[1].length;
  const end = start + m[1].length;
  const loc = parseLocationAt(text, end);
  return {
    start,
    end: loc ? loc.end : end,
    street: m[1].trim(),
    unit: null,
    city: loc?.city ?? null,
    region: loc?.region ?? null,
    postal: loc?.postal ?? null,
    country: loc?.country ?? null,
    regionConfident: loc?.regionConfident ?? false,
    source: text.slice(start, loc ? loc.end : end),
    hasLocation: Boolean(loc),
  };
}

function labeledValue(text: string, labels: string): { value: string; source: string } | null {
  const m = new RegExp(String.raw`(?:^|\n|\|)[ \t]*(?:[*•-][ \t]*)?(?:${labels})[ \t]*[:=\-–][ \t]*([^\n|;]{1,60})`, "i").exec(text);
  return m ? { value: m[1].trim().replace(/[.,]+$/, ""), source: m[0].replace(/^[\n|]/, "").trim() } : null;
}

export interface Extraction {
  bag: FieldBag;
  warnings: string[];
  /** Spans of address text, so the caller can keep them out of other scans. */
  addressSpans: Array<[number, number]>;
}

export function extractFields(text: string): Extraction {
  const bag = new FieldBag();
  const warnings: string[] = [];
  // Comparable sales carry other houses' addresses and prices: blank them for every scan.
  const deal = maskComps(text);

  // --- address
  const addresses = findAddresses(deal);
  const fallback = addresses.length ? null : labeledStreetFallback(deal);
  const ranked = [...addresses, ...(fallback ? [fallback] : [])]
    .map((a, order) => ({ a, score: addressScore(deal, a), order }))
    .sort((x, y) => y.score - x.score || x.order - y.order);
  const best = ranked[0]?.a;
  if (best) {
    const labeled = ADDRESS_LABEL.test(deal.slice(lineStartOf(deal, best.start), best.start));
    const conf = best === fallback ? 0.75 : best.hasLocation ? (labeled ? 0.95 : 0.9) : labeled ? 0.85 : 0.7;
    bag.set("street", best.street, conf, best.source);
    bag.set("unit", best.unit, conf, best.source);
    bag.set("city", best.city, conf, best.source);
    bag.set("region", best.region, best.regionConfident ? conf : conf - 0.2, best.source);
    bag.set("postalCode", best.postal, conf, best.source);
  }

  // --- labeled location fields (tables and forms), then a bare "City, ST" anywhere
  const city = labeledValue(deal, "city|town|municipality|ville");
  if (city && /^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .'-]{1,40}$/.test(city.value)) bag.set("city", city.value, 0.9, city.source);
  const region = labeledValue(deal, "state|province|prov\\.?|st");
  const regionValue = region ? regionCode(region.value) : null;
  if (region && regionValue) bag.set("region", regionValue, 0.9, region.source);
  const zip = labeledValue(deal, "zip(?:\\s*code)?|postal(?:\\s*code)?|code\\s+postal|zip\\/postal(?:\\s*code)?");
  const zipValue = zip ? normalizePostal(zip.value) : null;
  if (zip && zipValue) bag.set("postalCode", zipValue.code, 0.9, zip.source);
  const unitLabel = labeledValue(deal, "unit|apt\\.?|apartment|suite");
  if (unitLabel && /^#?\s*[A-Za-z0-9-]{1,6}$/.test(unitLabel.value)) bag.set("unit", unitLabel.value.replace(/^#\s*/, ""), 0.85, unitLabel.source);
  // "Condo unit #204" in the description, when the address line itself had no unit.
  const unitHash = /\b(?:unit|apt\.?|apartment|suite|ste\.?)\s*#\s*([A-Za-z0-9-]{1,6})\b/i.exec(deal);
  if (unitHash) bag.set("unit", unitHash[1], 0.75, unitHash[0]);
  if (!bag.has("city") || !bag.has("region")) {
    const loc = findLocations(deal).sort((x, y) => Number(Boolean(y.postal)) - Number(Boolean(x.postal)))[0];
    if (loc) {
      const conf = loc.postal ? 0.85 : 0.8;
      if (!bag.has("city") && !bag.has("region")) bag.set("city", loc.city, conf, loc.source);
      bag.set("region", loc.region, conf, loc.source);
      if (!bag.has("postalCode")) bag.set("postalCode", loc.postal, conf, loc.source);
    }
  }

  // --- money (house numbers and ZIPs are blanked so "3412 W 105th St - Asking $55k" reads right)
  let moneyText = deal;
  for (const a of addresses) moneyText = blank(moneyText, a.start, a.end);
  const unlabeled: Array<{ value: number; source: string }> = [];
  for (const line of moneyText.split("\n")) {
    const { findings, unlabeled: loose } = analyzeMoneyLine(line);
    for (const f of findings) {
      const field = f.kind === "asking" ? "askingPrice" : f.kind;
      if (bag.set(field, f.value, f.confidence, f.source) && f.isRange) {
        warnings.push(`${field}: "${f.source}" is a range; took the upper bound`);
      }
    }
    unlabeled.push(...loose);
  }
  const distinct = [...new Set(unlabeled.map((u) => u.value))];
  if (!bag.has("askingPrice") && distinct.length === 1) {
    const u = unlabeled[0];
    // A lone unlabeled price must not just repeat the ARV or repairs figure.
    if (u.value !== bag.fields.arv && u.value !== bag.fields.repairs) bag.set("askingPrice", u.value, 0.5, u.source);
  }

  // --- property facts (street names like "Ranch Rd" must not read as property types)
  let facts = deal;
  for (const a of addresses) facts = blank(facts, a.start, a.end);
  const { beds, baths } = findBedsBaths(facts);
  if (beds) bag.set("beds", beds.value, beds.confidence, beds.source);
  if (baths) bag.set("baths", baths.value, baths.confidence, baths.source);
  const sqft = findSqft(facts);
  if (sqft) bag.set("sqft", sqft.value, sqft.confidence, sqft.source);
  const year = findYearBuilt(facts);
  if (year) bag.set("yearBuilt", year.value, year.confidence, year.source);
  const type = findPropertyType(facts, Boolean(beds || baths || sqft || year));
  if (type) bag.set("propertyType", type.value, type.confidence, type.source);

  return { bag, warnings, addressSpans: addresses.map((a) => [a.start, a.end]) };
}

/**
 * Settles country and region once all sources have been merged: the postal code decides the
 * country; a Canadian postal code also names the province when none was written.
 */
export function finalizeLocation(bag: FieldBag, warnings: string[]): void {
  const { postalCode, region } = bag.fields;
  const country = inferCountry(region, postalCode);
  const src = bag.provenance.postalCode ?? bag.provenance.region;
  if (country && src) {
    const conf = postalCode ? 0.95 : 0.9;
    bag.set("country", country, Math.min(conf, src.confidence), src.source);
  }
  if (!region && postalCode && bag.fields.country === "CA") {
    const province = provinceForPostal(postalCode);
    if (province) bag.set("region", province, 0.7, bag.provenance.postalCode?.source ?? postalCode);
  }
  if (bag.fields.region && bag.fields.country && !regionInCountry(bag.fields.region, bag.fields.country)) {
    warnings.push(`region ${bag.fields.region} does not match a ${bag.fields.country} postal code`);
  }
}
