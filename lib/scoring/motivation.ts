/**
 * Words in a lead's source text and tags that say the seller needs to sell (issue 16, D4).
 * Each entry is the canonical word shown on the deal page and the phrasings that mean it.
 */
export const MOTIVATION_WORDS = [
  { word: "probate", patterns: [/\bprobate\b/, /\binherit(ed|ance)\b/, /\bestate sale\b/, /\bheirs?\b/] },
  { word: "tired landlord", patterns: [/\btired landlord\b/, /\bproblem tenants?\b/, /\bbad tenants?\b/] },
  { word: "divorce", patterns: [/\bdivorc(e|ed|ing)\b/] },
  { word: "vacant", patterns: [/\bvacant\b/, /\bunoccupied\b/, /\babandoned\b/] },
  { word: "code violation", patterns: [/\bcode violations?\b/, /\bcondemned\b/] },
  { word: "behind on payments", patterns: [/\bbehind on (payments|the mortgage|mortgage)\b/, /\bmissed payments\b/, /\bdelinquent\b/] },
  { word: "pre-foreclosure", patterns: [/\bpre-?foreclosure\b/, /\bforeclosure\b/, /\bnotice of default\b/, /\bauction date\b/] },
  { word: "tax lien", patterns: [/\btax liens?\b/, /\bback taxes\b/, /\btax delinquent\b/] },
  { word: "absentee owner", patterns: [/\babsentee( owner)?\b/, /\bout[- ]of[- ]state owner\b/] },
  { word: "relocating", patterns: [/\brelocat(ing|ion)\b/, /\bjob transfer\b/] },
  { word: "fire damage", patterns: [/\bfire damage(d)?\b/, /\bwater damage(d)?\b/, /\bflood(ed)? damage\b/] },
  { word: "must sell", patterns: [/\bmust sell\b/, /\bneeds? to sell\b/, /\bmotivated( seller)?\b/, /\bsell fast\b/] },
] as const;

export type MotivationWord = (typeof MOTIVATION_WORDS)[number]["word"];

/** Pure: the motivation words the text mentions, each once, in MOTIVATION_WORDS order. */
export function findMotivationWords(text: string): string[] {
  const lower = text.toLowerCase();
  return MOTIVATION_WORDS.filter((entry) => entry.patterns.some((pattern) => pattern.test(lower))).map((entry) => entry.word);
}

// An email's HTML can be large; the seller's words are in its first pages.
const MAX_TEXT = 20_000;

/** Pure: every string value of a raw payload (an email's text, a CSV row's notes), joined, bounded. */
export function sourceTextOf(raw: unknown, tags: readonly string[] = []): string {
  const parts: string[] = [...tags];
  let length = 0;
  const walk = (value: unknown, depth: number) => {
    if (length > MAX_TEXT || depth > 6) return;
    if (typeof value === "string") {
      parts.push(value);
      length += value.length;
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (value && typeof value === "object") Object.values(value).forEach((item) => walk(item, depth + 1));
  };
  walk(raw, 0);
  return parts.join(" \n ").slice(0, MAX_TEXT);
}
