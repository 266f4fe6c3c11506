/**
 * Property facts: bedrooms, bathrooms, living area, year built and property type. Each
 * finder returns the first match of the most explicit pattern family, with a confidence
 * that reflects how explicit the wording was ("Beds: 3" > "3 bed" > a bare "3/2").
 */
import type { PropertyType } from "./types";

export interface Found<T> {
  value: T;
  confidence: number;
  source: string;
  index: number;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const NUMWORD = Object.keys(WORD_NUMBERS).join("|");
const BED = String.raw`(?:bed(?:room)?s?|bdrms?|bdr|bds?|brs?)(?![a-z])`;
const BATH = String.raw`(?:bath(?:room)?s?|bths?|ba)(?![a-z])`;
// "2+1 beds" (Canadian: above grade + basement) is 3 bedrooms.
const BEDNUM = String.raw`(\d{1,2}(?:[ \t]*\+[ \t]*\d)?|${NUMWORD})`;
const BATHNUM = String.raw`(\d{1,2}(?:\.\d|\s*½|\s+1\/2)?|${NUMWORD}(?:\s+and\s+a\s+half)?)`;

function toNumber(text: string): number {
  const t = text.trim().toLowerCase();
  let half = 0;
  let core = t;
  if (/½|1\/2|and a half/.test(t)) {
    half = 0.5;
    core = t.replace(/\s*(?:½|1\/2|and\s+a\s+half)/, "");
  }
  const plus = /^(\d{1,2})\s*\+\s*(\d)$/.exec(core);
  const n = plus ? Number(plus[1]) + Number(plus[2]) : (WORD_NUMBERS[core] ?? Number(core));
  return n + half;
}

const validBeds = (n: number) => Number.isInteger(n) && n >= 0 && n <= 30;
const validBaths = (n: number) => n > 0 && n <= 20 && Number.isInteger(n * 2);

/** Adds "and 1 half bath" style extras to a full-bath count. */
function halfBaths(text: string, after: number): { add: number; end: number } {
  const m = /^[ \t]*(?:full(?:[ \t]+baths?)?)?[ \t]*(?:,|and|&|\+|\/)?[ \t]*(\d|one|two|a)[ \t]+half(?:[\s-]*(?:baths?|ba))?/i.exec(text.slice(after));
  if (!m) return { add: 0, end: after };
  const n = m[1].toLowerCase() === "a" ? 1 : toNumber(m[1]);
  return { add: 0.5 * n, end: after + m[0].length };
}

export function findBedsBaths(text: string): { beds: Found<number> | null; baths: Found<number> | null } {
  let beds: Found<number> | null = null;
  let baths: Found<number> | null = null;
  const take = (kind: "beds" | "baths", value: number, confidence: number, source: string, index: number) => {
    if (kind === "beds" && !beds && validBeds(value)) beds = { value, confidence, source, index };
    if (kind === "baths" && !baths && validBaths(value)) baths = { value, confidence, source, index };
  };
  const run = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    const m = re.exec(text);
    if (m) fn(m);
  };

  const combo = String.raw`(?<![\w.$+])${BEDNUM}[ \t]*-?[ \t]*${BED}\.?[ \t,/|&+;-]*(?:and[ \t]+|&[ \t]*)?${BATHNUM}[ \t]*-?[ \t]*(?:full[ \t]+)?${BATH}`;
  const takeCombo = (m: RegExpExecArray, confidence: number, offset = 0) => {
    const h = halfBaths(text, m.index + m[0].length);
    take("beds", toNumber(m[1 + offset]), confidence, m[0], m.index);
    take("baths", toNumber(m[2 + offset]) + h.add, confidence, text.slice(m.index, h.end), m.index);
  };
  // Multi-unit listings describe each unit, then the total: the total is the property's figure.
  run(new RegExp(String.raw`total[ \t]*(?:of[ \t]*)?[:\-]?[ \t]*${combo.replace("(?<![\\w.$+])", "")}`, "i"), (m) => takeCombo(m, 0.9));
  run(new RegExp(String.raw`${combo}[ \t]*(?:total|combined|in\s+total)\b`, "i"), (m) => takeCombo(m, 0.9));
  // "Bed/Bath: 3/2", "BR/BA 3/2.5"
  run(new RegExp(String.raw`(?:beds?|bedrooms?|br|bd)[ \t]*\/[ \t]*(?:baths?|bathrooms?|ba)[ \t]*[:=\-]?[ \t]*(\d{1,2})[ \t]*\/[ \t]*(\d(?:\.\d)?)(?![\d/])`, "i"), (m) => {
    take("beds", Number(m[1]), 0.95, m[0], m.index);
    take("baths", Number(m[2]), 0.95, m[0], m.index);
  });
  // "3 bed / 2 bath", "3bd 2ba", "3 beds, 2.5 baths", "3BR/2BA", "three bedroom two bath"
  run(new RegExp(combo, "i"), (m) => takeCombo(m, 0.95));
  // "Beds: 3" / "Bedrooms - 3"
  run(new RegExp(String.raw`(?<![\w/])(?:bedrooms?|beds?|bdrms?|br|bd)[ \t]*[:=#-][ \t]*${BEDNUM}(?![\d/])`, "i"), (m) => take("beds", toNumber(m[1]), 0.95, m[0], m.index));
  run(new RegExp(String.raw`(?<![\w/])(?:bathrooms?|baths?|ba)[ \t]*[:=#-][ \t]*${BATHNUM}(?![\d/])`, "i"), (m) => {
    const h = halfBaths(text, m.index + m[0].length);
    take("baths", toNumber(m[1]) + h.add, 0.95, text.slice(m.index, h.end), m.index);
  });
  // Form renderings without a colon: "Bedrooms 3" / "Bathrooms 2" alone on their line.
  run(new RegExp(String.raw`^[ \t]*(?:[*•-][ \t]*)?(?:bedrooms?|beds?)[ \t]+${BEDNUM}[ \t]*$`, "im"), (m) => take("beds", toNumber(m[1]), 0.9, m[0].trim(), m.index));
  run(new RegExp(String.raw`^[ \t]*(?:[*•-][ \t]*)?(?:bathrooms?|baths?)[ \t]+${BATHNUM}[ \t]*$`, "im"), (m) => take("baths", toNumber(m[1]), 0.9, m[0].trim(), m.index));
  // "2 full baths and 1 half bath"
  run(/(?<![\w.])(\d)\s+full(?:\s+(?:baths?|bathrooms?|ba))?\s*(?:,|and|&|\+|\/)?\s*(\d)\s+half/i, (m) =>
    take("baths", Number(m[1]) + 0.5 * Number(m[2]), 0.9, m[0], m.index),
  );
  // "3 bedrooms" and "2 baths" on their own
  run(new RegExp(String.raw`(?<![\w.$/+])${BEDNUM}[ \t]*-?[ \t]*${BED}`, "i"), (m) => take("beds", toNumber(m[1]), 0.9, m[0], m.index));
  run(new RegExp(String.raw`(?<![\w.$/+])${BATHNUM}[ \t]*-?[ \t]*(?:full[ \t]+)?${BATH}`, "i"), (m) => {
    const h = halfBaths(text, m.index + m[0].length);
    take("baths", toNumber(m[1]) + h.add, 0.9, text.slice(m.index, h.end), m.index);
  });
  // A bare "3/2" (or "3/2/1" with garage): the wholesaler shorthand. Not a date ("3/2/24"),
  // not a fraction inside a number, not "24/7".
  // "5 1/2" (Quebec room count) and "1/2 bath" are fractions, not bed/bath pairs.
  run(/(?<![\w.$/,-])(?<!\d[ \t])(1[0-2]|[1-9])[ \t]?\/[ \t]?([1-9](?:\.5)?)(?:[ \t]?\/[ \t]?\d(?!\d))?(?![\d/%])(?!\.\d)(?![ \t]*(?:bath|ba\b))/i, (m) => {
    take("beds", Number(m[1]), 0.8, m[0], m.index);
    take("baths", Number(m[2]), 0.8, m[0], m.index);
  });
  return { beds, baths };
}

const SQFT_UNIT = String.raw`(?:sq\.?\s*f(?:ee|oo)?t\.?|sqft|sq\.?\s*feet|square\s*f(?:ee|oo)t(?:age)?|sf|ft2|ft²|pi2|pi²|pc)`;
// "1,450", "1450" and the French "3 300".
const AREA_NUM = String.raw`(\d{1,3}[, ]\d{3}|\d{3,6})`;

function nearLot(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 10);
  return /\blot\b|\bland\b|\bparcel\b/i.test(before) || /^\s*(?:lot|land|parcel)\b/i.test(after);
}

export function findSqft(text: string): Found<number> | null {
  const patterns: Array<[RegExp, number]> = [
    [new RegExp(String.raw`(?<![\w])(?:${SQFT_UNIT}|living\s+(?:area|space)|gla|heated\s+(?:area|sq\.?\s*ft)|finished\s+(?:area|sq\.?\s*ft)|size|superficie)\s*[:=\-]\s*(?:~|approx\.?\s*|about\s+|\+\/-\s*)?${AREA_NUM}(?![\d,])`, "gi"), 0.95],
    [new RegExp(String.raw`(?<![\w.$,])${AREA_NUM}\s*(?:\+\/-\s*|\+\s*|±\s*)?${SQFT_UNIT}(?![a-z])`, "gi"), 0.9],
    [new RegExp(String.raw`(?<![\w])(?:sqft|sq\.?\s*ft\.?|square\s+feet|square\s+footage|living\s+area)\s+(?:of\s+|is\s+)?(?:~|approx\.?\s*|about\s+)?${AREA_NUM}(?![\d,])`, "gi"), 0.9],
  ];
  for (const [re, confidence] of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (nearLot(text, m.index, m.index + m[0].length)) continue;
      const value = Number(m[1].replace(/[, ]/g, ""));
      if (value >= 200 && value <= 200_000) return { value, confidence, source: m[0], index: m.index };
    }
  }
  return null;
}

export function findYearBuilt(text: string, now = new Date().getFullYear()): Found<number> | null {
  const patterns: Array<[RegExp, number]> = [
    [/(?<![\w])(?:year\s*built|yr\.?\s*built|yb|built\s+in|built|construit\s+en|ann[ée]e\s+de\s+construction|year)\s*[:=\-]?\s*(?:in\s+)?(?:c\.?\s*|circa\s+|approx\.?\s*|around\s+|~\s*)?((?:17|18|19|20)\d{2})(?!\d)/gi, 0.95],
    [/(?<![\w$,.])((?:17|18|19|20)\d{2})\s+(?:build|built|construction|construct)(?![a-z])/gi, 0.85],
    // "built '78": two-digit years, in the past.
    [/(?<![\w])(?:built|yr\.?\s*built|year\s*built)\s*(?:in\s+)?['’](\d{2})(?!\d)/gi, 0.85],
    // "…, 1,456 sqft, 1985": a year closing a list of facts is the year built.
    [/(?<=(?:sq\.?\s*ft\.?|sqft|sf|square\s+feet|baths?|ba)\s*,\s*)((?:18|19|20)\d{2})(?![\d,]|\s*(?:sq|sf|\$|k\b))/gi, 0.6],
    // "1998 double-wide", "a 1920 brick colonial": a year right before what was built.
    [/(?<![\w$,.#])((?:18|19|20)\d{2})\s+(?:double[\s-]?wide|single[\s-]?wide|manufactured|mobile|modular|brick|colonial|bungalow|ranch|victorian|craftsman|cape\s+cod|tudor|split[\s-]level|two[\s-]stor(?:e)?y)(?![a-z])/gi, 0.75],
  ];
  for (const [re, confidence] of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let value = Number(m[1]);
      if (m[1].length === 2) value += value + 2000 > now ? 1900 : 2000;
      if (value < 1700 || value > now + 1) continue;
      // "year: 1978" is fine, but a bare "year" may be "year 2025 taxes" – require "built" nearby for weak labels.
      const bareYear = /^year\s*[^:=\-]/i.test(m[0]) && !/built/i.test(m[0]);
      return { value, confidence: bareYear ? 0.7 : confidence, source: m[0], index: m.index };
    }
  }
  return null;
}

const TYPE_RULES: Array<[PropertyType, RegExp]> = [
  ["MOBILE", /\b(?:mobile\s*home|manufactured(?:\s+home|\s+housing)?|trailer(?:\s+home)?|double[\s-]?wide|single[\s-]?wide|modular\s+home|maison\s+mobile)\b/i],
  ["TOWNHOUSE", /\b(?:town\s?house|town\s?home|row\s?house|row\s?home|maison\s+en\s+rang[ée]e)s?\b/i],
  ["CONDO", /\b(?:condo(?:minium)?s?|co-?op\s+(?:unit|apartment)|strata(?:\s+unit)?|apartment\s+unit)\b/i],
  ["MULTI", /\b(?:duplex|triplex|tri-plex|fourplex|four-plex|4-?plex|3-?plex|quadplex|quad-plex|quadruplex|sixplex|6-?plex|[2-9]-?plex|multi[\s-]?family|multifamily|multi[\s-]?unit|multiplex|plex|[2-6][\s-]?flats?|mfr|mfh|apartment\s+(?:building|complex|bldg)|(?:two|three|four|five|six|eight|2|3|4|5|6|8|1\d|2\d)[\s-]*(?:units?|family|fam|doors?)(?!\s*(?:#|\d)))\b/i],
  ["COMMERCIAL", /\b(?:commercial(?!\s+(?:lender|loan|lending))|(?<!full\s)retail(?!\s+(?:value|price|buyers?|investors?|comps?|market|ready|finish|arv|listing|flip))|office\s+(?:building|space|property|bldg|condo|complex)|strip\s+(?:mall|center|centre|plaza)|warehouse|industrial|mixed[\s-]use|storefront|self[\s-]storage)\b/i],
  ["SFR", /\b(?:single[\s-]?family(?:\s+(?:homes?|houses?|residences?|detached))?|sfrs?|sfhs?|s\.f\.r\.|cottage|detached(?!\s+(?:garage|shop|carport|workshop))|bungalow|ranch(?![\s-]+(?:rd|road|dr|drive|st|street|ave|ln|lane|way|blvd|estates|hwy|highway))|cape\s+cod|colonial\s+(?:home|house)|split[\s-]level|bi-level|raised\s+ranch|semi-detached|maison\s+unifamiliale|unifamiliale)\b/i],
  ["LAND", /\b(?:vacant\s+(?:lot|land|parcel)|raw\s+land|land(?!\s+(?:contract|lord))|buildable\s+lot|infill\s+lot|acres?|acreage|parcel|terrain)\b/i],
];

/** Maps a property-type phrase ("Single Family", "Duplex", "Townhome") to our enum. */
export function classifyType(text: string): PropertyType | null {
  for (const [type, re] of TYPE_RULES) if (re.test(text)) return type;
  if (/^\s*(?:lot|house|home)s?\b/i.test(text)) return /lot/i.test(text) ? "LAND" : "SFR";
  if (/^\s*office\b/i.test(text)) return "COMMERCIAL";
  return null;
}

/**
 * The property type. A labeled "Type: Duplex" wins. Otherwise the earliest type word in the
 * text, except that land words ("acre", "lot") only count when nothing suggests a building —
 * a "3/2 SFR on half an acre" is a house.
 */
export function findPropertyType(text: string, hasBuilding: boolean): Found<PropertyType> | null {
  const labeled = /(?<![\w])(?:property\s+type|prop\.?\s+type|type|style|asset\s+(?:type|class))\s*[:=\-]\s*([^\n|;]{1,40})/i.exec(text);
  if (labeled) {
    const t = classifyType(labeled[1]);
    if (t) return { value: t, confidence: 0.95, source: labeled[0].trim(), index: labeled.index };
  }
  let best: Found<PropertyType> | null = null;
  for (const [type, re] of TYPE_RULES) {
    if (type === "LAND") continue;
    const m = new RegExp(re.source, "gi").exec(text);
    if (m && (!best || m.index < best.index)) best = { value: type, confidence: 0.85, source: m[0], index: m.index };
  }
  if (best) return best;
  if (!hasBuilding) {
    const land = new RegExp(TYPE_RULES[TYPE_RULES.length - 1][1].source, "gi").exec(text) ?? /\b(?:lots?)\b(?!\s+of)(?!\s+size)/i.exec(text);
    if (land) return { value: "LAND", confidence: 0.75, source: land[0], index: land.index };
    return null;
  }
  // A house described only as "house"/"home" with bedrooms is, in practice, a single-family home.
  const weak = /\b(?:house|home)\b(?!\s*(?:buyers?|owners?|depot|inspection|warranty))/i.exec(text.replace(/\b(?:mobile|town|manufactured|modular)\s*(?:home|house)/gi, (s) => " ".repeat(s.length)));
  if (weak) return { value: "SFR", confidence: 0.5, source: weak[0], index: weak.index };
  return null;
}
