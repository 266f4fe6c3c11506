/**
 * Street addresses.
 *
 * A street is found by its shape: a house number, a few name words and a street-type word
 * ("123 N Main St"), a French type-first name ("1450 rue Sainte-Catherine O") or a numbered
 * road ("12 Highway 7"). Where a name could end at several type words ("Oak Park Dr"), the
 * reading after which a city/region parses wins. Scanning is hand-rolled rather than one
 * giant regex so each decision can be explained and tested on its own.
 */
import { parseLocationAt, type Location } from "./location";
import { DIRECTIONS, STOP_WORDS, SUFFIXES, clean } from "./words";

export { findLocations, parseLocationAt, type Location } from "./location";

export interface AddressMatch extends Location {
  start: number;
  end: number;
  street: string;
  unit: string | null;
  source: string;
  hasLocation: boolean;
}

const FRENCH_DIRECTIONS = new Set("o e n s ouest est nord sud".split(" "));
const FRENCH_TYPES = /^(?:rue|boulevard|boul\.?|chemin|ch\.?|rang|montée|montee|côte|cote|allée|allee|impasse|promenade|croissant|terrasse|carré|carre|avenue|av\.?|place|route)$/i;
const NUMBERED_ROADS = /^(?:highway|hwy\.?|route|rte\.?|county|state|us|fm|cr|sr|rr|interstate|township|range|concession|sideroad)$/i;
const ABBREVIATIONS = /^(?:st|ste|mt|ft|ave|av|rd|dr|blvd|ln|ct|pl|ter|hwy|pkwy|cres|cir|sq|n|s|e|w|ne|nw|se|sw|boul|ch|rte|jr|dr)\.$/i;

const WORD_RE = /[ \t]+([A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9'-]*\.?)/y;
const NUM_RE = /(?<![\w$.,/#'@-])(?:(\d{1,6})-)?(\d{1,6}(?:[A-Za-z](?![A-Za-z]))?)(?=[ \t])/g;
const UNIT_AFTER_RE = /[ \t]*,?[ \t]*(?:(?:apt|apartment|unit|suite|ste|bldg|building|lot|no)\.?[ \t]*#?[ \t]*|#[ \t]*)([A-Za-z]|[A-Za-z]?\d[A-Za-z0-9-]{0,5})(?![\w-])/iy;
const UNIT_BEFORE_RE = /(?:apt|apartment|unit|suite|ste|#)\.?[ \t]*#?[ \t]*([A-Za-z]?\d[A-Za-z0-9]{0,5}|[A-Za-z])[ \t]*[-,–][ \t]*$/i;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsAfter(text: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  WORD_RE.lastIndex = pos;
  for (let m = WORD_RE.exec(text); m && words.length < max; m = WORD_RE.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    words.push({ text: m[1], start, end: start + m[1].length });
    // A period that isn't an abbreviation ends the sentence, and with it the street name.
    if (m[1].endsWith(".") && !ABBREVIATIONS.test(m[1]) && !/^[A-Za-z]\.$/.test(m[1])) break;
  }
  return words;
}

/** Candidate ends of the street name, as indices into the word list (inclusive). */
function candidateEnds(words: Word[]): number[] {
  if (!words.length) return [];
  const first = words[0].text;
  const ends: number[] = [];
  if (FRENCH_TYPES.test(first) && words.length >= 2 && !SUFFIXES.has(clean(words[1].text)) && /^[A-Za-zÀ-ÿ]/.test(words[1].text)) {
    for (let i = 1; i < words.length && i <= 5; i++) {
      if (STOP_WORDS.has(clean(words[i].text)) && !/^(?:de|du|la|des|le)$/i.test(words[i].text)) break;
      ends.push(i);
    }
    return ends;
  }
  if (NUMBERED_ROADS.test(clean(first))) {
    const k = words.findIndex((w, i) => i <= 2 && /^\d{1,4}[A-Za-z]?$/.test(w.text));
    if (k > 0) {
      ends.push(k);
      if (words[k + 1] && DIRECTIONS.has(clean(words[k + 1].text))) ends.push(k + 1);
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = clean(words[i].text);
    // A lone letter before a type word is a lettered street ("123 A St"), not the article.
    const letteredStreet = i === 0 && /^[a-z]$/.test(w) && words[1] && SUFFIXES.has(clean(words[1].text));
    if (STOP_WORDS.has(w) && !(i > 0 && SUFFIXES.has(w)) && !letteredStreet) break;
    if (i >= 1 && SUFFIXES.has(w)) {
      ends.push(i);
      const next = words[i + 1];
      if (next && (DIRECTIONS.has(clean(next.text)) || FRENCH_DIRECTIONS.has(next.text.toLowerCase()))) ends.push(i + 1);
    }
  }
  return ends;
}

/**
 * Streets without a type word ("3850 Pecos McLeod, Las Vegas, NV 89121", "1 Yonge, Toronto ON")
 * are accepted only when the number opens the line (after a label or bullet) and a full
 * "City, ST" follows; the caller checks the location.
 */
function typelessEnds(text: string, numStart: number, words: Word[]): number[] {
  const lineStart = text.lastIndexOf("\n", numStart - 1) + 1;
  const lead = text.slice(lineStart, numStart);
  if (/\d/.test(lead) || lead.length > 30 || /[a-z]{3,}\s*$/i.test(lead) && !/:\s*$/.test(lead)) return [];
  const ends: number[] = [];
  for (let i = 0; i < Math.min(words.length, 3); i++) {
    const w = words[i].text;
    if (STOP_WORDS.has(clean(w)) || !/^[A-Za-zÀ-ÿ0-9]/.test(w) || /\.$/.test(w)) break;
    ends.push(i);
  }
  return ends;
}

/** Finds every street address in the text, with whatever location follows it. */
export function findAddresses(text: string): AddressMatch[] {
  const out: AddressMatch[] = [];
  NUM_RE.lastIndex = 0;
  for (let m = NUM_RE.exec(text); m; m = NUM_RE.exec(text)) {
    if (/[km]$/i.test(m[2]) || Number(m[2].replace(/\D/g, "")) === 0) continue;
    const numEnd = m.index + m[0].length;
    const words = wordsAfter(text, numEnd, 8);
    let ends = candidateEnds(words);
    let typeless = false;
    if (!ends.length) {
      ends = typelessEnds(text, m.index, words);
      typeless = ends.length > 0;
    }
    if (!ends.length) continue;
    let best: { endWord: number; score: number; loc: ReturnType<typeof parseLocationAt>; unit: string | null; end: number } | null = null;
    for (const e of ends) {
      let end = words[e].end;
      UNIT_AFTER_RE.lastIndex = end;
      const u = UNIT_AFTER_RE.exec(text);
      const unit = u ? u[1] : null;
      if (u) end += u[0].length;
      const loc = parseLocationAt(text, end);
      const rest = text.slice(end, end + 3);
      const hard = /^(?:[ \t]*(?:[,;|()\n]|$|-[ \t])|\.(?:\s|$))/.test(rest) || rest === "";
      // A parsed "City, ST" after the name is the best evidence the name ended there.
      const score = (loc ? (loc.city ? 5 : 2) : 0) + (hard ? 2 : 0) + (u ? 1 : 0);
      if (typeless && !(loc?.city && (loc.postal || /^[ \t]*(?:,|[ \t]+unit\b)/i.test(text.slice(words[e].end))))) continue;
      if (!best || score > best.score || (score === best.score && e > best.endWord)) best = { endWord: e, score, loc, unit, end };
    }
    if (!best) continue;
    let numberText = m[2];
    let unit = best.unit;
    let streetStart = m.index + (m[1] ? m[1].length + 1 : 0);
    // "1203-88 Harbour St" is unit 1203 at 88 Harbour St in Canada; in the US a hyphenated
    // number is usually a range or a Queens-style house number, so it stays whole.
    if (m[1]) {
      if (best.loc?.country === "CA" && !unit) unit = m[1];
      else {
        numberText = `${m[1]}-${m[2]}`;
        streetStart = m.index;
      }
    }
    const streetWords = words.slice(0, best.endWord + 1).map((w) => w.text);
    const street = `${numberText} ${streetWords.join(" ")}`.replace(/[.,]+$/, "");
    let start = streetStart;
    const lead = text.slice(Math.max(0, m.index - 20), m.index);
    // "#1 - 1520 Fallowfield Ave" opening a line is a list number, not a unit.
    const beforeMatch = UNIT_BEFORE_RE.exec(lead);
    const listNumber = beforeMatch && /^#/.test(beforeMatch[0].trim()) && /(?:^|\n)[ \t]*$/.test(lead.slice(0, beforeMatch.index));
    const before = listNumber ? null : beforeMatch;
    // Canadian addresses also write the unit first with a spaced dash: "14 - 2721 E 22nd Ave".
    const caBefore = best.loc?.country === "CA" ? /(?:^|[\s:])(\d{1,5}[A-Za-z]?)[ \t]+[-–][ \t]+$/.exec(lead) : null;
    if (before && !unit) {
      unit = before[1];
      start = m.index - before[0].length;
    } else if (caBefore && !unit) {
      unit = caBefore[1];
      start = m.index - caBefore[0].length + (caBefore[0].length - caBefore[0].trimStart().length);
    }
    const end = best.loc ? best.loc.end : best.end;
    out.push({
      start,
      end,
      street,
      unit,
      city: best.loc?.city ?? null,
      region: best.loc?.region ?? null,
      postal: best.loc?.postal ?? null,
      country: best.loc?.country ?? null,
      regionConfident: best.loc?.regionConfident ?? false,
      source: text.slice(start, end).replace(/\s+/g, " ").trim(),
      hasLocation: Boolean(best.loc),
    });
    NUM_RE.lastIndex = Math.max(NUM_RE.lastIndex, best.end);
  }
  return out;
}

/** A street reduced for comparison: "123 N. Main St" and "123 main street" both give "123 main". */
export function streetKey(street: string): string {
  const [num, ...rest] = street.toLowerCase().replace(/[^a-z0-9à-ÿ]+/g, " ").trim().split(" ");
  return [num, rest.find((w) => !DIRECTIONS.has(w)) ?? ""].join(" ");
}
