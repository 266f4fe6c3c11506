/**
 * A small, dependency-free HTML-to-text converter tuned for deal emails. It is not a full
 * HTML parser: it only needs to keep what the field extractors read — line structure and
 * table cells. Tables become one "cell | cell" line per row so that a label/value table
 * ("ARV | $245,000") reads like a labeled line, and a header-row table keeps its columns.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ndash: "–", mdash: "—",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", hellip: "…", bull: "•", middot: "·",
  eacute: "é", egrave: "è", ecirc: "ê", euml: "ë", agrave: "à", acirc: "â", aacute: "á",
  ccedil: "ç", ocirc: "ô", oacute: "ó", icirc: "î", iacute: "í", iuml: "ï", ucirc: "û",
  ugrave: "ù", uacute: "ú", uuml: "ü", ouml: "ö", auml: "ä", ntilde: "ñ", Eacute: "É",
  Egrave: "È", Agrave: "À", Ccedil: "Ç", deg: "°", frac12: "½", sup2: "²", times: "×",
  copy: "©", reg: "®", trade: "™", dollar: "$", cent: "¢", pound: "£", euro: "€",
  shy: "", zwnj: "", zwj: "", ensp: " ", emsp: " ", thinsp: " ", vert: "|", verbar: "|",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return whole;
      // Non-breaking space and friends are plain spaces for our purposes.
      if (code === 0xa0) return " ";
      return String.fromCodePoint(code);
    }
    // Without the semicolon only the common ones are decoded, to leave "&co" in text alone.
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    if (named === undefined) return whole;
    if (!whole.endsWith(";") && !["nbsp", "amp", "lt", "gt", "quot"].includes(body.toLowerCase())) return whole;
    return named;
  });
}

/** Marker characters (private-use code points) so block structure survives whitespace collapsing. */
const NL = "\uE000";
const CELL_START = "\uE001";
const CELL_END = "\uE002";

const BLOCK_TAGS = "p|div|li|ul|ol|h[1-6]|tr|table|tbody|thead|tfoot|blockquote|section|article|header|footer|center|dl|dt|dd|pre|address|form|fieldset|figure|hr";

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, "");
}

/** Renders one table (already free of nested tables) as lines of " | "-joined cells. */
function renderTable(inner: string): string {
  const rows = inner.match(/<tr\b[\s\S]*?(?:<\/tr\s*>|(?=<tr\b)|$)/gi) ?? [inner];
  const lines: string[] = [];
  for (const row of rows) {
    const cells = (row.match(/<t[dh]\b[\s\S]*?(?:<\/t[dh]\s*>|(?=<t[dh]\b)|$)/gi) ?? [])
      .map((cell) => stripTags(cell.replace(/<br\s*\/?>/gi, NL).replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, "gi"), NL)))
      .map((cell) =>
        cell
          .split(NL)
          .map((s) => s.replace(/\s+/g, " ").trim())
          .filter(Boolean)
          .join(NL),
      );
    const nonEmpty = cells.filter(Boolean);
    if (nonEmpty.length === 0) continue;
    // Layout tables (one cell, or cells holding whole paragraphs) are not data: keep their
    // lines as lines rather than gluing paragraphs together with pipes.
    const multiline = nonEmpty.some((c) => c.includes(NL));
    if (nonEmpty.length === 1 || multiline) lines.push(...nonEmpty);
    // Empty cells are kept in data rows so that columns stay aligned with the header row.
    else lines.push(cells.map((c) => c || "-").join(" | "));
  }
  return NL + lines.join(NL) + NL;
}

export function htmlToText(html: string): string {
  let s = String(html ?? "");
  s = s.replace(/<!--[\s\S]*?-->/g, " ");
  s = s.replace(/<(script|style|head|title|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, " ");
  s = s.replace(/<!DOCTYPE[^>]*>/gi, " ");
  // HTML collapses source whitespace; only tags create line breaks.
  s = s.replace(/\s+/g, " ");
  s = s.replace(/<br\s*\/?>/gi, NL);
  s = s.replace(/<hr\b[^>]*>/gi, `${NL}---${NL}`);
  // Tables: innermost first, so layout tables that wrap a data table don't swallow its rows.
  for (let guard = 0; guard < 50; guard++) {
    const next = s.replace(/<table\b[^>]*>((?:(?!<table\b)[\s\S])*?)<\/table\s*>/i, (_m, inner: string) =>
      CELL_START + renderTable(inner) + CELL_END,
    );
    if (next === s) break;
    s = next;
  }
  s = s.replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, "gi"), NL);
  s = stripTags(s);
  s = s.replace(new RegExp(`[${CELL_START}${CELL_END}]`, "g"), NL);
  s = decodeEntities(s);
  const lines = s
    .split(NL)
    .join("\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim());
  // Collapse runs of blank lines to one: blank lines separate deals, more carry no meaning.
  const out: string[] = [];
  for (const line of lines) {
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}
