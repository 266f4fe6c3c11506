/**
 * Plain-text clean-up shared by every extractor: one newline convention, no invisible
 * characters, and labels re-joined with values that a mail client wrapped onto the next line.
 */

/** Labels that, when alone on a line, take the next line as their value ("ARV\n$245,000"). */
const BARE_LABEL =
  /^(?:arv|a\.r\.v\.?|after repair value|asking|asking price|price|purchase price|repairs?|rehab|repair estimate|est\.? repairs|beds?|bedrooms?|baths?|bathrooms?|sq\.? ?ft\.?|sqft|square feet|square footage|year built|built|address|property address|location|city|state|province|zip|zip code|postal code|type|property type|contact|phone|email)$/i;

export function normalizeText(input: string): string {
  let s = String(input ?? "");
  s = s.replace(/\r\n?/g, "\n");
  s = s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "");
  s = s.replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, " ");
  s = s.replace(/[\u2028\u2029]/g, "\n");
  // Tab-separated columns (copied from spreadsheets) read like table cells.
  s = s.replace(/([^\s\t])[ ]*\t+[ \t]*(?=\S)/g, "$1 | ");
  s = s.replace(/\t/g, " ");
  s = s.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  const lines = s.split("\n").map((line) => line.replace(/[ ]+$/g, ""));
  return joinWrappedLabels(lines).join("\n");
}

/**
 * "ARV:" on one line and "$245,000" on the next (plain-text renderings of HTML layouts do
 * this) becomes "ARV: $245,000", so the labeled-value extractors see them together.
 */
function joinWrappedLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim().replace(/^[-*•]\s*/, "");
    const withColon = /^[A-Za-z][A-Za-z .#/()'-]{0,30}:$/.test(trimmed);
    const bare = BARE_LABEL.test(trimmed);
    if ((withColon || bare) && !/^(?:from|to|sent|date|subject|cc|bcc|reply-to):$/i.test(trimmed)) {
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === "" && j - i <= 2) j++;
      const next = j < lines.length ? lines[j].trim() : "";
      const nextIsValue = next !== "" && next.length <= 80 && !/:\s*$/.test(next) && !BARE_LABEL.test(next);
      // A bare label needs something value-like after it; a "Label:" accepts any short line.
      if (nextIsValue && (withColon || /^[$~\d]/.test(next) || /^(?:single|duplex|condo|town|multi|land|mobile|commercial)/i.test(next))) {
        out.push(`${trimmed.replace(/:$/, "")}: ${next}`);
        i = j;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/** Splits text into paragraphs (blank-line separated), keeping their line offsets. */
export function paragraphs(lines: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i].trim() === "";
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({ start, end: i });
      start = -1;
    }
  }
  return out;
}

/** Replaces a span with spaces so later scans skip it while keeping every offset stable. */
export function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, " ") + text.slice(end);
}
