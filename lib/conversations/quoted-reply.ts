/**
 * The new words of an email reply, without what mail clients add below them: the quoted
 * message ("On <date>, <name> wrote:" then "> " lines), Outlook's header block ("From: ...
 * Sent: ..." or "-----Original Message-----"), and the signature (RFC 3676's "-- " line, or
 * a phone's "Sent from my iPhone"). Pure.
 */

/** Lines that end a reply when they start one: everything from them on is quoted or signature. */
const CUT_LINES: RegExp[] = [
  /^-{2,}\s*original message\s*-{2,}$/i,
  /^-{2,}\s*forwarded message\s*-{2,}$/i,
  /^_{10,}$/,
  // RFC 3676 signature separator; many clients trim its trailing space.
  /^--\s?$/,
  /^sent from my [\w ]{2,30}$/i,
  /^get outlook for (ios|android)/i,
];

/** Attribution lines of the common clients (Gmail, Apple Mail, Outlook on the web; English, French, German, Spanish). */
const ATTRIBUTION = /^(on\b.+\bwrote|le\b.+\ba écrit|am\b.+\bschrieb|el\b.+\bescribió)\s?:$/i;

/** Outlook's quoted header block: a From: line followed within a few lines by Sent: or Date:. */
function startsOutlookHeader(lines: readonly string[], index: number): boolean {
  if (!/^\*?from:\*?\s/i.test(lines[index])) return false;
  return lines.slice(index + 1, index + 5).some((line) => /^\*?(sent|date):\*?\s/i.test(line));
}

/** An attribution may wrap over two lines ("On Mon, ... Jane <" / "jane@x.com> wrote:"). */
function startsAttribution(lines: readonly string[], index: number): boolean {
  const line = lines[index];
  if (ATTRIBUTION.test(line)) return true;
  const next = lines[index + 1];
  return next !== undefined && /^(on|le|am|el)\b/i.test(line) && ATTRIBUTION.test(`${line} ${next}`);
}

/**
 * The reply's own text. When nothing is left (a reply that only quotes), the whole text is
 * kept: a message is never stored empty.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const bare = lines.map((line) => line.trim());
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (CUT_LINES.some((pattern) => pattern.test(bare[index])) || startsAttribution(bare, index) || startsOutlookHeader(bare, index)) break;
    // Quoted lines answered inline are dropped; the answers between them stay.
    if (bare[index].startsWith(">")) continue;
    kept.push(lines[index].trimEnd());
  }
  const reply = kept.join("\n").replace(/\n{3,}/g, "\n\n").trim();
  return reply || text.trim();
}
