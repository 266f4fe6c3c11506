/**
 * Splits a message body into one block per property. Emails announce several deals in a
 * few recognizable ways — "Property 1:" / "Deal #2" headings, numbered lists ("1)"),
 * "---" separators (also what table.ts emits between table rows) — or simply one paragraph
 * per address. Each way is tried in turn and accepted only if at least two blocks look
 * like deals, so a numbered list of repairs inside one deal does not become several deals.
 */
import { findAddresses, findLocations, streetKey } from "./address";
import { findMoneyInLine } from "./money";
import { findBedsBaths } from "./property";
import { paragraphs } from "./text";

export interface Segmentation {
  /** Text before the first deal ("Got 3 deals in Cleveland, OH:"): shared context. */
  preamble: string;
  segments: string[];
  method: "single" | "headings" | "numbered" | "separators" | "addresses";
}

const HEADING = /^\s*(?:[*#>•-]+\s*)?(?:property|deal|house|listing|opportunity|option|home)\s*(?:#|no\.?|number)?\s*\d{1,2}\s*(?:[:.)\-–—]|$|\s)/i;
const NUMBERED = /^\s*(?:\(?\d{1,2}\s*[).]|#\s*\d{1,2}\b[).:\-–—]?|\d{1,2}\s*[-–—]\s+(?=\d))\s*\S/;
const SEPARATOR = /^\s*(?:[-=_*~•#]\s*){3,}\s*$/;
const COMP_WORDS = /\b(?:comps?|comparables?|sold|closed|recent\s+sales|active\s+listings?)\b/i;
const COMP_HEADING = /^\s*(?:[-*•]\s*)?(?:recent\s+)?(?:comps?|comparables?|sold\s+comps|recent\s+sales|sales\s+comps)\b/i;
/** A sentence that states this deal's own figures ("ARV 245k based on recent sales") is not a comp. */
const DEAL_FIGURE = /\b(?:arv|after\s+repair|asking|price|repairs?|rehab)\b/i;

const blankAll = (s: string) => s.replace(/[^\n]/g, " ");

/**
 * Blanks comparable sales (other houses' addresses and prices) while keeping offsets: whole
 * paragraphs under a "Comps:" heading, short lines that mention a sale, and in long prose
 * lines only the sentences that do.
 */
export function maskComps(text: string): string {
  const lines = text.split("\n");
  const under = lines.map(() => false);
  const paras = paragraphs(lines);
  paras.forEach((p, k) => {
    for (let i = p.start; i < p.end; i++) {
      if (!COMP_HEADING.test(lines[i])) continue;
      for (let j = i; j < p.end; j++) under[j] = true;
      // A "Comps:" heading alone at the end of its paragraph governs the next paragraph too.
      const next = paras[k + 1];
      if (i === p.end - 1 && next) for (let j = next.start; j < next.end; j++) under[j] = true;
    }
  });
  // A clause is a comp when it mentions a sale and either names another address or states no deal figure.
  const isComp = (clause: string) => COMP_WORDS.test(clause) && (findAddresses(clause).length > 0 || !DEAL_FIGURE.test(clause));
  return lines
    .map((line, i) => {
      if (under[i]) return blankAll(line);
      if (!COMP_WORDS.test(line)) return line;
      if (line.length <= 120) return isComp(line) ? blankAll(line) : line;
      return line
        .split(/(?<=[.!?])(?=\s+[A-Z])/)
        .map((sentence) => (isComp(sentence) ? blankAll(sentence) : sentence))
        .join("");
    })
    .join("\n");
}

function withoutComps(text: string): string {
  return maskComps(text);
}

function addressKeys(text: string): string[] {
  return findAddresses(withoutComps(text)).map((a) => streetKey(a.street));
}

/** A block "looks like a deal": it has a place and at least one fact about the property. */
function looksLikeDeal(text: string, lenient: boolean): boolean {
  const clean = withoutComps(text);
  const place = findAddresses(clean).length > 0 || findLocations(clean).length > 0;
  const money = clean.split("\n").some((l) => findMoneyInLine(l).length > 0);
  const bb = findBedsBaths(clean);
  const facts = money || Boolean(bb.beds || bb.baths);
  return lenient ? place || money : place && facts;
}

function splitAt(lines: string[], starts: number[]): { preamble: string; blocks: string[] } {
  const preamble = lines.slice(0, starts[0]).join("\n");
  const blocks = starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length).join("\n"));
  return { preamble, blocks };
}

/**
 * Keeps blocks that look like deals; others are notes that belong to the deal before them
 * (or to the preamble). Null unless at least two deals with distinct addresses remain.
 */
function accept(preamble: string, blocks: string[], lenient: boolean, dropSeparators = false): { preamble: string; segments: string[] } | null {
  const segments: string[] = [];
  let pre = preamble;
  for (const raw of blocks) {
    const block = dropSeparators ? raw.split("\n").filter((l) => !SEPARATOR.test(l)).join("\n") : raw;
    if (looksLikeDeal(block, lenient)) segments.push(block);
    else if (segments.length) segments[segments.length - 1] += `\n${block}`;
    else pre += `\n${block}`;
  }
  if (segments.length < 2) return null;
  const keys = segments.map((s) => addressKeys(s)[0]).filter(Boolean);
  if (new Set(keys).size < keys.length) return null;
  return { preamble: pre.trim(), segments: segments.map((s) => s.trim()) };
}

export function segmentDeals(body: string): Segmentation {
  const lines = body.split("\n");
  const single: Segmentation = { preamble: "", segments: [body], method: "single" };
  if (!body.trim()) return single;

  const headingStarts = lines.flatMap((l, i) => (HEADING.test(l) ? [i] : []));
  if (headingStarts.length >= 2) {
    const { preamble, blocks } = splitAt(lines, headingStarts);
    const ok = accept(preamble, blocks, true);
    if (ok) return { ...ok, method: "headings" };
  }

  const numberedStarts = lines.flatMap((l, i) => (NUMBERED.test(l) ? [i] : []));
  if (numberedStarts.length >= 2) {
    const { preamble, blocks } = splitAt(lines, numberedStarts);
    const ok = accept(preamble, blocks, false);
    if (ok) return { ...ok, method: "numbered" };
  }

  const sepLines = lines.flatMap((l, i) => (SEPARATOR.test(l) ? [i] : []));
  if (sepLines.length >= 1) {
    const starts = [0, ...sepLines];
    const blocks = starts.map((s, k) => lines.slice(s, starts[k + 1] ?? lines.length).join("\n"));
    const ok = accept("", blocks, false, true);
    if (ok) return { ...ok, method: "separators" };
  }

  // One paragraph per address: anchor each distinct address at its paragraph (or its own
  // line when a paragraph lists several, one per line).
  const masked = maskComps(body).split("\n");
  const anchors: number[] = [];
  const seen = new Set<string>();
  for (const p of paragraphs(lines)) {
    const hits: number[] = [];
    for (let i = p.start; i < p.end; i++) {
      const found = findAddresses(masked[i])[0];
      if (!found) continue;
      const key = streetKey(found.street);
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push(i);
    }
    if (hits.length === 1) anchors.push(p.start);
    else if (hits.length > 1) anchors.push(p.start, ...hits.slice(1));
  }
  if (anchors.length >= 2) {
    const { preamble, blocks } = splitAt(lines, anchors);
    const ok = accept(preamble, blocks, false);
    if (ok) return { ...ok, method: "addresses" };
  }
  return single;
}
