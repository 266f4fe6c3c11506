/**
 * "City, ST 12345" locations: right after a street (parseLocationAt) or on their own
 * ("3/2 in Memphis, TN 38109", findLocations). A region must be written; a Canadian postal
 * code alone also names its province.
 */
import {
  CA_POSTAL_SRC, POSTAL_SRC, REGION_SRC, REGION_SRC_CS, inferCountry, normalizePostal, provinceForPostal, regionCode,
  regionIsConfident, type Country,
} from "./region";
import { CITY_WORD, STOP_WORDS, SUFFIXES, clean } from "./words";

export interface Location {
  city: string | null;
  region: string | null;
  postal: string | null;
  country: Country | null;
  /** A lowercase two-letter code with no postal code after it ("in", "or") is weak evidence. */
  regionConfident: boolean;
}

const REGION_RE = new RegExp(String.raw`(?<![A-Za-zÀ-ÖØ-öø-ÿ.])${REGION_SRC}`, "gi");
const POSTAL_AFTER_RE = new RegExp(
  String.raw`[ \t]*,?[ \t]*(?:(?:canada|usa|u\.s\.a\.?|united states)[ \t]*,?[ \t]*)?(${POSTAL_SRC})`,
  "iy",
);


/** Parses "City, ST 12345" (or "City ST", "City, Province A1A 1A1") starting right at `pos`. */
export function parseLocationAt(text: string, pos: number): (Location & { end: number }) | null {
  // "…Kirkwood Dr in Raleigh, NC" reads as a location too.
  const sep = /(?:[ \t]*[,;][ \t]*|[ \t]*\n[ \t]*|[ \t]*[-–—|][ \t]*|[ \t]+in[ \t]+|[ \t]+)/y;
  sep.lastIndex = pos;
  const s = sep.exec(text);
  if (!s) return null;
  const from = pos + s[0].length;
  // The city and region must sit on this line (the city may wrap from the street's line).
  const lineEnd = text.indexOf("\n", from);
  const window = text.slice(from, lineEnd < 0 ? undefined : lineEnd).slice(0, 90);
  const found = regionFirst(window, from, text);
  if (found) return found;
  // "Mississauga L5B 4M6": no province written, but a Canadian postal code names it.
  const ca = new RegExp(String.raw`^((?:[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'.-]*[ \t]*){1,3}?),?[ \t]*(${CA_POSTAL_SRC})(?![\w])`, "i").exec(window);
  if (ca) {
    const words = ca[1].trim().split(/[ \t]+/);
    const postal = normalizePostal(ca[2]);
    const province = postal ? provinceForPostal(postal.code) : null;
    if (postal && words.every((w) => CITY_WORD.test(w) && !STOP_WORDS.has(clean(w)))) {
      return { city: words.join(" "), region: province, postal: postal.code, country: "CA", regionConfident: false, end: from + ca[0].length };
    }
  }
  return null;
}

function regionFirst(window: string, from: number, text: string): (Location & { end: number }) | null {
  REGION_RE.lastIndex = 0;
  for (let m = REGION_RE.exec(window); m; m = REGION_RE.exec(window)) {
    const cityText = window.slice(0, m.index).replace(/[\s,]+$/, "");
    const words = cityText ? cityText.split(/[ \t]+/) : [];
    const ok = words.length <= 4 && words.every((w) => CITY_WORD.test(w) && !STOP_WORDS.has(clean(w)));
    if (!ok) continue;
    const code = regionCode(m[0]);
    if (!code) continue;
    let end = from + m.index + m[0].length;
    POSTAL_AFTER_RE.lastIndex = end;
    const p = POSTAL_AFTER_RE.exec(text);
    const postal = p ? normalizePostal(p[1]) : null;
    if (p && postal) end += p[0].length;
    const confident = regionIsConfident(m[0]);
    if (!confident && !postal) continue;
    if (!words.length && !postal) continue;
    return {
      city: words.length ? words.join(" ") : null,
      region: code,
      postal: postal?.code ?? null,
      country: inferCountry(code, postal?.code ?? null),
      regionConfident: confident,
      end,
    };
  }
  return null;
}

const CAP_CITY_WORD = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’.-]*`;
const CITY_JOIN = String.raw`(?:[ \t]+(?:${CAP_CITY_WORD}|de|du|la|des|sur|of|upon|on)){0,3}`;
const STANDALONE_RE = new RegExp(
  String.raw`(?<![\w'’-])(${CAP_CITY_WORD}${CITY_JOIN})(?:[ \t]*,[ \t]*|[ \t]+)(${REGION_SRC_CS})(?:[ \t]*,?[ \t]*(?:(?:canada|usa)[ \t]*,?[ \t]*)?(${POSTAL_SRC}))?`,
  "g",
);
/** Words that start many subject lines and deal blurbs but never a city name. */
const NOT_CITY = new Set(
  ("jv deal deals property properties sfr sfh home house duplex triplex fourplex condo townhouse townhome land lot " +
    "off market offmarket wholesale fix flip rental investment opportunity hot price drop reduced bed bath beds baths " +
    "location located city area address in near downtown north south east west cash buyers only motivated seller " +
    "the a an and for at fwd fw re subject rehab arv asking assignment").split(" "),
);

/** "Memphis, TN 38109", "Calgary AB T2P1J9" without a street. Needs a comma or a postal code. */
export function findLocations(text: string): Array<Location & { start: number; end: number; source: string }> {
  const out: Array<Location & { start: number; end: number; source: string }> = [];
  STANDALONE_RE.lastIndex = 0;
  for (let m = STANDALONE_RE.exec(text); m; m = STANDALONE_RE.exec(text)) {
    const between = text.slice(m.index + m[1].length, m.index + m[0].length);
    const hasComma = /^[ \t]*,/.test(between);
    const postal = m[3] ? normalizePostal(m[3]) : null;
    const region = regionCode(m[2]);
    if (!region || (!hasComma && !postal) || (!postal && !regionIsConfident(m[2]))) {
      STANDALONE_RE.lastIndex = m.index + 1;
      continue;
    }
    // Keep only the trailing run of words that can belong to a city name.
    const words = m[1].split(/[ \t]+/);
    let k = words.length;
    while (k > 0 && !NOT_CITY.has(clean(words[k - 1])) && !/^\d/.test(words[k - 1])) k--;
    let cityWords = words.slice(k);
    // "Main St Lake Park, FL": a street-type word inside the run ends a street, not a city.
    const lastSuffix = cityWords.slice(0, -1).findLastIndex((w, i) => i >= 1 && SUFFIXES.has(clean(w)));
    if (lastSuffix >= 1) cityWords = cityWords.slice(lastSuffix + 1);
    if (!cityWords.length || /^(?:de|du|la|des|sur|of|upon|on)$/i.test(cityWords[0])) {
      STANDALONE_RE.lastIndex = m.index + 1;
      continue;
    }
    const start = m.index + m[1].length - cityWords.join(" ").length;
    const end = m.index + m[0].length;
    out.push({
      city: cityWords.join(" "),
      region,
      postal: postal?.code ?? null,
      country: inferCountry(region, postal?.code ?? null),
      regionConfident: true,
      start,
      end,
      source: text.slice(start, end),
    });
  }
  return out;
}

