/**
 * Splits an email body into the messages it contains: the sender's own text, forwarded
 * messages ("---------- Forwarded message ---------") and quoted replies ("On … wrote:",
 * "> " lines). Wholesale deals get forwarded and replied to a lot; the deal itself is
 * usually in the innermost message, and its sender (not the forwarder) is the contact.
 */

export interface EmailPart {
  kind: "top" | "forwarded" | "quoted";
  text: string;
  /** The From of this message when the thread shows it (forward headers, "On … X wrote:"). */
  from: string | null;
  subject: string | null;
}

const FORWARD_MARKER =
  /^\s*(?:-{2,}\s*(?:forwarded message|original message|message transféré|message d'origine)\s*-{2,}|begin forwarded message:?|_{10,})\s*$/i;
const HEADER_LINE = /^\s*\*?(from|de|sent|date|envoyé|to|à|cc|bcc|subject|objet|reply-to)\s*:\*?\s*(.*)$/i;
const WROTE = /^\s*(?:on\b.{4,220}\bwrote|le\b.{4,220}\ba\s+écrit)\s*:\s*$/i;

function quoteDepth(line: string): { depth: number; content: string } {
  const m = /^((?:[ \t]*>)+)[ \t]?/.exec(line);
  if (!m) return { depth: 0, content: line };
  return { depth: (m[1].match(/>/g) ?? []).length, content: line.slice(m[0].length) };
}

/** Reads a block of "From:/Date:/Subject:" lines starting at `i`; returns where it ended. */
function readHeaders(lines: string[], i: number): { end: number; from: string | null; subject: string | null } {
  let from: string | null = null;
  let subject: string | null = null;
  let j = i;
  let seen = 0;
  while (j < lines.length) {
    const line = lines[j];
    if (line.trim() === "" && seen === 0) {
      j++;
      continue;
    }
    const m = HEADER_LINE.exec(line);
    if (!m) break;
    seen++;
    const key = m[1].toLowerCase();
    if (key === "from" || key === "de") from = m[2].trim() || null;
    if (key === "subject" || key === "objet") subject = m[2].trim() || null;
    j++;
  }
  return { end: j, from, subject };
}

/** "From: X" followed closely by "Sent:"/"Date:"/"Subject:" starts an Outlook-style quoted message. */
function isHeaderBlockStart(lines: string[], i: number): boolean {
  if (!/^\s*\*?(?:from|de)\s*:/i.test(lines[i])) return false;
  const next = lines.slice(i + 1, i + 5).join("\n");
  return /^\s*\*?(?:sent|date|envoyé|subject|objet|to)\s*:/im.test(next);
}

export function splitParts(text: string): EmailPart[] {
  const raw = text.split("\n");
  const lines: string[] = [];
  const depths: number[] = [];
  for (const line of raw) {
    const q = quoteDepth(line);
    lines.push(q.content);
    depths.push(q.depth);
  }
  const parts: EmailPart[] = [];
  let current: EmailPart & { lines: string[] } = { kind: "top", text: "", from: null, subject: null, lines: [] };
  const flush = (next: EmailPart & { lines: string[] }) => {
    current.text = current.lines.join("\n").trim();
    parts.push({ kind: current.kind, text: current.text, from: current.from, subject: current.subject });
    current = next;
  };
  let lastDepth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // "On Tue, Mar 5, 2024 at 9:14 AM Mike Jones <\nmike@abc.com> wrote:" wraps; join up to 3 lines.
    let wroteEnd = -1;
    if (/^\s*(?:on|le)\b/i.test(line)) {
      for (let k = 0; k < 3 && i + k < lines.length; k++) {
        if (WROTE.test(lines.slice(i, i + k + 1).join(" "))) {
          wroteEnd = i + k;
          break;
        }
      }
    }
    if (FORWARD_MARKER.test(line)) {
      const h = readHeaders(lines, i + 1);
      flush({ kind: "forwarded", text: "", from: h.from, subject: h.subject, lines: [] });
      i = h.end - 1;
      lastDepth = depths[Math.min(h.end, depths.length - 1)] ?? 0;
      continue;
    }
    if (isHeaderBlockStart(lines, i)) {
      const h = readHeaders(lines, i);
      flush({ kind: "forwarded", text: "", from: h.from, subject: h.subject, lines: [] });
      i = h.end - 1;
      continue;
    }
    if (wroteEnd >= 0) {
      const header = lines.slice(i, wroteEnd + 1).join(" ");
      const who = /(?:,|\d)\s*(?:[AP]M\s+)?([^,]*?<[^>]+>|[\w.+-]+@[\w.-]+)\s*(?:wrote|a\s+écrit)/i.exec(header);
      // Drop the date/time that precedes the name ("… 2024 at 9:14 AM Mike Jones <mike@x.com>").
      const sender = who ? who[1].replace(/^.*\d{1,2}:\d{2}(?:\s*[AP]\.?M\.?)?\s*/i, "").replace(/^\s*at\s+/i, "").trim() : null;
      flush({ kind: "quoted", text: "", from: sender || null, subject: null, lines: [] });
      i = wroteEnd;
      lastDepth = depths[i + 1] ?? lastDepth;
      continue;
    }
    // Quoted text that starts without any header still belongs to another message.
    if (line.trim() !== "" && depths[i] > lastDepth && current.lines.some((l) => l.trim() !== "")) {
      flush({ kind: "quoted", text: "", from: null, subject: null, lines: [] });
    }
    if (line.trim() !== "") lastDepth = depths[i];
    current.lines.push(line);
  }
  flush(current);
  return parts.filter((p) => p.text !== "" || p.kind === "top");
}
