/**
 * Dollar amounts and the labels that say what they are (ARV, asking price, repairs).
 *
 * Amounts are paired with labels line by line: a line that starts with a label reads
 * "label amount" ("ARV: $245k"), a line that starts with an amount reads "amount label"
 * ("$245k ARV, 150k asking"). Labels for amounts we don't want (rent, taxes, EMD, fees…)
 * still claim their amounts so they can't leak into a neighbouring field.
 */

export type MoneyKind = "arv" | "asking" | "repairs";

export interface MoneyToken {
  start: number;
  end: number;
  value: number;
  /** For ranges ("35-40k") the lower bound; equals value otherwise. */
  low: number;
  isRange: boolean;
  hasDollar: boolean;
  hasSuffix: boolean;
  /** The bare number (no $, no suffix) — "150" in "Asking 150" may mean 150k. */
  base: number;
}

export interface MoneyFinding {
  kind: MoneyKind;
  value: number;
  confidence: number;
  source: string;
  isRange: boolean;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?=\s?\$)|\d+(?:\.\d+)?`;
const TOKEN_RE = new RegExp(
  String.raw`(?<![\w.,%/])(?:(?:USD|CAD|US|CA|C)?(\$)\s?)?(${NUM})(?:\s?(k|m|mm|mil|mill|million|thousand|grand)(?![a-z]))?(\s?\$)?(?![\w%]|\.\d|/\d)`,
  "gi",
);

/** Words that make a number something other than money ("1,450 sf", "3 beds", "30 days"). */
const NOT_MONEY_AFTER = /^\s*(?:%|percent|(?:sq|sf|sqft|square|ft|feet|foot|beds?|bd|br|baths?|ba|units?|doors?|acres?|ac|yrs?|years?|days?|months?|weeks?|mins?|minutes?|miles?|mi|x|car|stor(?:y|ies)|plex|family|fam|bdrms?|bedrooms?|bathrooms?|th|st|nd|rd)(?![a-z]))/i;

const SUFFIX_MULTIPLIER: Record<string, number> = {
  k: 1e3, thousand: 1e3, grand: 1e3, m: 1e6, mm: 1e6, mil: 1e6, mill: 1e6, million: 1e6,
};

/** Blanks phone numbers, dates, ZIP/postal codes, emails and URLs so their digits aren't read as money. */
export function maskNonMoney(line: string): string {
  let s = line;
  const patterns = [
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
    /\b(?:https?:\/\/|www\.)\S+/gi,
    /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g,
    /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
    /\b\d{1,2}:\d{2}\b/g,
    /\b[A-Z]{2}\.?,?\s+\d{5}(?:-\d{4})?\b/g,
    /\b(?:zip|postal)(?:\s*code)?\s*[:#]?\s*\d{5}\b/gi,
    /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/gi,
    /(?<!\$\s?)\b(?:19|20)\d{2}\b(?!\s*(?:k|,\d))/gi,
  ];
  for (const re of patterns) s = s.replace(re, (m) => " ".repeat(m.length));
  return s;
}

/** Parses one amount as written: "$1.2M", "245k", "245,000", "150 000 $". Returns whole dollars. */
export function parseAmount(text: string): number | null {
  TOKEN_RE.lastIndex = 0;
  const m = TOKEN_RE.exec(text.trim());
  if (!m) return null;
  return tokenValue(m[2], m[3]);
}

function tokenValue(num: string, suffix: string | undefined): number {
  const base = Number(num.replace(/[, ]/g, ""));
  const mult = suffix ? (SUFFIX_MULTIPLIER[suffix.toLowerCase()] ?? 1) : 1;
  return Math.round(base * mult);
}

export function findMoneyTokens(line: string): MoneyToken[] {
  const masked = maskNonMoney(line);
  const raw: MoneyToken[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(masked); m; m = TOKEN_RE.exec(masked)) {
    const after = masked.slice(m.index + m[0].length);
    if (NOT_MONEY_AFTER.test(after)) continue;
    const value = tokenValue(m[2], m[3]);
    raw.push({
      start: m.index,
      end: m.index + m[0].length,
      value,
      low: value,
      isRange: false,
      hasDollar: Boolean(m[1] || m[4]),
      hasSuffix: Boolean(m[3]),
      base: Number(m[2].replace(/[, ]/g, "")),
    });
  }
  // "35-40k", "$35k - $40k", "35 to 40k": one range token whose value is the upper bound.
  const out: MoneyToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i];
    const b = raw[i + 1];
    if (b && /^\s*(?:-|–|—|to)\s*$/i.test(masked.slice(a.end, b.start))) {
      let low = a.value;
      // The suffix on the upper bound applies to a bare lower bound: "35-40k" is 35k-40k.
      if (!a.hasSuffix && b.hasSuffix && a.base < 1000) low = Math.round(a.base * (b.value / b.base));
      if (b.value > low) {
        out.push({ ...b, start: a.start, low, isRange: true, hasDollar: a.hasDollar || b.hasDollar });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A number "looks like money" on its own: "$150", "150k", "150,000", "1500". */
export function looksLikeMoney(t: MoneyToken): boolean {
  return t.hasDollar || t.hasSuffix || t.base >= 1000;
}

interface Label {
  kind: MoneyKind | "other";
  start: number;
  end: number;
  weak: boolean;
}

const B = (s: string) => String.raw`(?<![A-Za-z])(?:${s})(?![A-Za-z])`;
const LABEL_SOURCES: Array<[Label["kind"], string, boolean]> = [
  ["arv", String.raw`(?:est(?:imated)?\.?\s+)?(?:a\.?r\.?v\.?|avr|after[\s-]*repai?re?d?[\s-]*values?|after[\s-]+(?:repairs?|rehab)(?:\s+value)?|resale\s+value|retail\s+value|as[\s-]+repaired(?:\s+value)?)`, false],
  ["asking", String.raw`asking(?:\s+price)?|(?:purchase|contract|sales?|list(?:ing)?|wholesale|assignment|jv|cash|our|your|discounted|net|special|buyer'?s?|investor)\s+price|price(?!\s*(?:per|\/)\s)|ask|prix(?:\s+demand[ée])?`, false],
  ["asking", String.raw`priced\s+at|cash\s+buyers?\s+at`, false],
  ["asking", String.raw`(?:selling|offered|available|yours|get\s+it|grab\s+it)\s+(?:for|at)|buy\s+(?:it\s+)?(?:now\s+)?(?:for|at)|for\s+only`, true],
  ["repairs", String.raw`(?:est(?:imated)?\.?\s+)?(?:repairs?(?:\s+(?:needed|estimate[sd]?|est\.?|costs?|budget|bid))?|rehab(?:\s+(?:needed|estimate[sd]?|est\.?|costs?|budget|bid))?|r[ée]novations?|reno|fix[\s-]*up|deferred\s+maintenance|cap\s?ex(?:\s+needed)?|construction(?:\s+(?:costs?|budget))|repair\s+costs?|erc|work\s+needed)`, false],
  ["repairs", String.raw`in\s+(?:repairs|work|rehab|renovations?)`, false],
  ["repairs", String.raw`needs(?:\s+(?:about|approx\.?|around|roughly|maybe|only))?`, true],
  ["other", String.raw`rents?|rental|rented|monthly|taxes|tax|hoa|emd|earnest(?:\s+money)?|deposit|assignment\s+fee|fee|profit|spread|equity|mortgage|payoff|loan|balance|insurance|cash\s*flow|income|noi|mao|comps?|sold|closed|pending|closing\s+costs?|holding\s+costs?|per\s+(?:sq|month|unit|door)|\/mo|a\s+month|p\/m|as[\s-]*is(?:\s+value)?|tax\s+value|assessed(?:\s+value)?|owes|owed|lien|all[\s-]in|total|value|cap\s+rate|gross|net\s+to|offers?\s+(?:over|above)|(?:locked|under\s+contract)\s+(?:up\s+)?(?:for|at)|contracted\s+(?:for|at)|was|previously|reduced\s+from|down\s+from`, false],
];
const LABEL_RES = LABEL_SOURCES.map(([kind, src, weak]) => ({ kind, weak, re: new RegExp(B(src), "gi") }));

function findLabels(line: string): Label[] {
  const all: Label[] = [];
  for (const { kind, weak, re } of LABEL_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      all.push({ kind, start: m.index, end: m.index + m[0].length, weak });
    }
  }
  // Overlaps ("after repair value" contains "repair"): the longer label wins.
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Label[] = [];
  for (const l of all) {
    const prev = out[out.length - 1];
    if (prev && l.start < prev.end) {
      if (l.end - l.start > prev.end - prev.start) out[out.length - 1] = l;
      continue;
    }
    out.push(l);
  }
  return out;
}

const FORWARD_TIGHT = /^\s*(?:[:=\-–—|~]|\bis\b|\bof\b|\bat\b)?\s*(?:\(?\s*(?:approx\.?|about|around|est\.?)\s*)?~?\s*$/i;
// "245k ARV", "35k in repairs" — but not "$210k – ARV $280k", where a separator splits two facts.
const BACKWARD_OK = /^\s*(?:\(\s*)?(?:(?:in|of|for|on|est\.?|estimated|approx\.?)\s+)*\)?\s*$/i;

export interface MoneyLine {
  findings: MoneyFinding[];
  /** "$150k"/"150k" amounts of $10k+ that no label claimed ("3/2 in Dallas, $150k"). */
  unlabeled: Array<{ value: number; source: string }>;
}

/** Reads every labeled amount in a (single-line) string. */
interface Pairing {
  paired: Map<Label, { token: MoneyToken; forward: boolean; gap: string }>;
  claimed: Set<MoneyToken>;
}

/** Pairs labels with amounts reading the line one way first ("label amount" or "amount label"), then the other. */
function pairUp(line: string, tokens: MoneyToken[], labels: Label[], forwardFirst: boolean): Pairing {
  const claimed = new Set<MoneyToken>();
  const paired: Pairing["paired"] = new Map();
  const tryForward = (i: number) => {
    const l = labels[i];
    const limit = labels[i + 1]?.start ?? line.length;
    const t = tokens.find((tk) => tk.start >= l.end && tk.start < limit && !claimed.has(tk));
    if (!t) return;
    const gap = line.slice(l.end, t.start);
    // A sentence break between label and amount means the amount is someone else's ("est." is not one).
    const sentenceBreak = /[.;!?]\s/.test(gap.replace(/\b(?:est|approx|apx|aprox|ca|appr)\./gi, ""));
    if (gap.length > 30 || /\d/.test(gap) || sentenceBreak) return;
    // A bare small number right after a price label is wholesaler shorthand for thousands ("Asking 150").
    if (!looksLikeMoney(t) && !(gap.trim().length <= 2 && Number.isInteger(t.base) && t.base >= 10)) return;
    claimed.add(t);
    paired.set(l, { token: t, forward: true, gap });
  };
  const tryBackward = (i: number) => {
    const l = labels[i];
    const limit = labels[i - 1]?.end ?? 0;
    const candidates = tokens.filter((tk) => tk.end <= l.start && tk.start >= limit && !claimed.has(tk));
    const t = candidates[candidates.length - 1];
    if (!t || !looksLikeMoney(t)) return;
    const gap = line.slice(t.end, l.start);
    if (gap.length > 15 || !BACKWARD_OK.test(gap)) return;
    claimed.add(t);
    paired.set(l, { token: t, forward: false, gap });
  };
  for (let i = 0; i < labels.length; i++) (forwardFirst ? tryForward : tryBackward)(i);
  for (let i = 0; i < labels.length; i++) if (!paired.has(labels[i])) (forwardFirst ? tryBackward : tryForward)(i);
  return { paired, claimed };
}

/** Reads every labeled amount in a (single-line) string. */
export function analyzeMoneyLine(line: string): MoneyLine {
  const tokens = findMoneyTokens(line);
  const labels = findLabels(line).filter((l) => !tokens.some((t) => l.start < t.end && t.start < l.end));
  // Read the line both ways and keep the reading that explains more: "150k asking, 245k ARV"
  // pairs fully only backwards, "45k arv 110k needs 25k" only forwards (the leading 45k is
  // then the unlabeled price). On a tie, an amount left over at the start beats one at the end.
  const money = tokens.filter(looksLikeMoney);
  const rate = (p: Pairing) => {
    const leftovers = money.filter((t) => !p.claimed.has(t));
    const lastLeft = leftovers.length ? leftovers[leftovers.length - 1].start : -1;
    return [p.paired.size, -leftovers.length, -lastLeft];
  };
  const forward = pairUp(line, tokens, labels, true);
  const backward = pairUp(line, tokens, labels, false);
  const [a, b] = [rate(forward), rate(backward)];
  const forwardWins = a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] >= b[2];
  const { paired, claimed } = forwardWins ? forward : backward;

  const findings: Array<MoneyFinding & { at: number }> = [];
  for (const [l, { token: t, forward, gap }] of paired) {
    if (l.kind === "other") continue;
    let value = t.value;
    let confidence = forward && FORWARD_TIGHT.test(gap) ? 0.95 : 0.85;
    if (l.weak) confidence -= 0.15;
    if (!looksLikeMoney(t)) {
      value = Math.round(t.base * 1000);
      confidence = 0.6;
    }
    if (t.isRange) confidence = Math.min(confidence, 0.7);
    const at = Math.min(l.start, t.start);
    const end = Math.max(l.end, t.end);
    findings.push({ kind: l.kind, value, confidence, source: line.slice(at, end), isRange: t.isRange, at });
  }
  findings.sort((a, b) => a.at - b.at);
  const unlabeled = tokens
    .filter((t) => !claimed.has(t) && (t.hasDollar || t.hasSuffix) && t.value >= 10_000 && !t.isRange)
    // An amount right next to a label that found nothing else (even one we ignore) is that label's business.
    .filter((t) => !labels.some((l) => !paired.has(l) && (l.start >= t.end && /^\s*$/.test(line.slice(t.end, l.start))) || (t.start >= l.end && /^\s*:?\s*$/.test(line.slice(l.end, t.start)))))
    .map((t) => ({ value: t.value, source: line.slice(t.start, t.end) }));
  return { findings: findings.map(({ at: _at, ...f }) => f), unlabeled };
}

export function findMoneyInLine(line: string): MoneyFinding[] {
  return analyzeMoneyLine(line).findings;
}
