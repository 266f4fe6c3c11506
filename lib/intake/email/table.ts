/**
 * Turns "cell | cell" rows (from HTML tables, spreadsheets or hand-typed pipes) into the
 * labeled-line shape the extractors understand:
 *  - two-column label/value rows      -> "ARV: $245,000"
 *  - a header row followed by rows    -> one "Header: cell" block per row, blocks split by "---"
 *  - a label column with deal columns -> one block per column (a transposed table)
 * Multi-deal tables thereby become "---"-separated blocks, which segment.ts splits on.
 */

const HEADER_WORD =
  /^(?:#|no\.?|property|address|street|street address|property address|unit|apt|city|town|state|st|province|prov|zip|zip code|postal|postal code|location|area|price|asking|asking price|purchase price|list price|arv|a\.r\.v\.?|after repair value|repairs?|rehab|est\.? repairs|repair estimate|beds?|bedrooms?|br|bd|baths?|bathrooms?|ba|bed\/bath|beds\/baths|br\/ba|sq\.? ?ft\.?|sqft|sf|size|square feet|year|year built|built|yr built|type|property type|style|notes?|comments?|details|contact|phone|email|county|market|status)$/i;

function cellsOf(line: string): string[] | null {
  if (!line.includes("|")) return null;
  const cells = line
    .replace(/^\s*\|/, "")
    .replace(/\|\s*$/, "")
    .split("|")
    .map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

const isHeader = (cell: string) => HEADER_WORD.test(cell.replace(/[:*]+$/, "").trim());
const isRule = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

export function expandTables(text: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!cellsOf(lines[i])) {
      out.push(lines[i]);
      i++;
      continue;
    }
    // A run of consecutive pipe rows (markdown "|---|" rules are skipped).
    const rows: string[][] = [];
    let j = i;
    while (j < lines.length && (cellsOf(lines[j]) || isRule(lines[j]))) {
      const cells = cellsOf(lines[j]);
      if (cells && !isRule(lines[j])) rows.push(cells);
      j++;
    }
    out.push(...renderRows(rows));
    i = j;
  }
  return out.join("\n");
}

function renderRows(rows: string[][]): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  const first = rows[0];
  const headerCount = first.filter(isHeader).length;
  const value = (c: string | undefined) => (c && c !== "-" ? c : "");

  // Header row + data rows: each data row is one deal.
  if (rows.length >= 2 && width >= 3 && headerCount >= 2 && headerCount >= first.length - 1) {
    const blocks = rows.slice(1).map((row) =>
      first
        .map((h, k) => (value(row[k]) ? `${h.replace(/:$/, "")}: ${row[k]}` : ""))
        .filter(Boolean)
        .join("\n"),
    );
    return ["", ...blocks.flatMap((b, k) => (k === 0 ? [b] : ["---", b])), ""];
  }

  // Label column + several value columns: each column is one deal.
  const labelRows = rows.filter((r) => isHeader(r[0])).length;
  // A third "notes" column is not a second deal: each deal column must be mostly numbers/addresses.
  let dealColumns = 0;
  for (let k = 1; k < width; k++) {
    const cells = rows.map((r) => value(r[k])).filter(Boolean);
    if (cells.length >= 2 && cells.filter((c) => /\d/.test(c)).length * 2 >= cells.length) dealColumns++;
  }
  if (width >= 3 && rows.length >= 2 && labelRows >= Math.max(2, rows.length - 1) && dealColumns >= 2) {
    const blocks: string[] = [];
    for (let k = 1; k < width; k++) {
      const block = rows
        .map((r) => (!value(r[k]) ? "" : value(r[0]) ? `${r[0].replace(/:$/, "")}: ${r[k]}` : r[k]))
        .filter(Boolean)
        .join("\n");
      if (block) blocks.push(block);
    }
    return ["", ...blocks.flatMap((b, k) => (k === 0 ? [b] : ["---", b])), ""];
  }

  // Everything else: label/value pairs read as "label: value"; wider rows keep their pipes.
  // A lone two-cell line ("Raj Singh | 780-555-0166") is free text unless it starts with a label.
  return rows.map((r) => {
    const cells = r.filter((c) => value(c));
    const labelish = rows.length > 1 || isHeader(cells[0] ?? "");
    if (cells.length === 2 && labelish && !/[:]$/.test(cells[0]) && cells[0].length <= 40) return `${cells[0]}: ${cells[1]}`;
    if (cells.length === 2 && /:$/.test(cells[0])) return `${cells[0]} ${cells[1]}`;
    return cells.join(" | ");
  });
}
