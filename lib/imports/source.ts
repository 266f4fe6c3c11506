import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";

/** A CSV byte stream (the stored upload), or rows already split: arrays (header first) or records. */
export type ImportSource = Readable | AsyncIterable<string[] | Record<string, string>>;

export interface SourceRecord {
  cells: string[];
  /** The column (0-based) holding a quote the CSV rules do not allow there, or null. */
  strayQuoteColumn: number | null;
}

/**
 * The column of the first misplaced quote in one record's raw text, or null when its
 * quoting follows RFC 4180: a field is either quoted whole ("a ""b"" c") or holds no quote.
 */
export function strayQuoteColumn(raw: string): number | null {
  let column = 0;
  let i = 0;
  while (i < raw.length) {
    if (raw[i] === '"') {
      i += 1;
      while (i < raw.length && !(raw[i] === '"' && raw[i + 1] !== '"')) i += raw[i] === '"' ? 2 : 1;
      i += 1; // the closing quote
      if (i < raw.length && raw[i] !== "," && raw[i] !== "\r" && raw[i] !== "\n") return column;
    } else {
      while (i < raw.length && raw[i] !== "," && raw[i] !== "\r" && raw[i] !== "\n") {
        if (raw[i] === '"') return column;
        i += 1;
      }
    }
    if (raw[i] !== ",") return null;
    column += 1;
    i += 1;
  }
  return null;
}

/**
 * Every record of the source as cells, the header row first, one at a time: the CSV is
 * parsed as it is read, with backpressure, so the file is never held in memory. Empty
 * lines come through as records too, so record N is row N of the spreadsheet. A quote out
 * of place (12 "Main" St) is read leniently and flagged, so that row alone is refused.
 */
export async function* readRecords(source: ImportSource): AsyncGenerator<SourceRecord> {
  if (source instanceof Readable) {
    const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, raw: true, skip_empty_lines: false, max_record_size: 1024 * 1024 });
    // pipeline (not pipe) so a read error (file gone) fails the iteration instead of hanging it.
    pipeline(source, parser, () => undefined);
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      yield { cells: record, strayQuoteColumn: strayQuoteColumn(raw.replace(/^\uFEFF/, "")) };
    }
    return;
  }
  let headers: string[] | null = null;
  for await (const item of source) {
    if (Array.isArray(item)) {
      yield { cells: item, strayQuoteColumn: null };
      continue;
    }
    if (!headers) {
      headers = Object.keys(item);
      yield { cells: headers, strayQuoteColumn: null };
    }
    yield { cells: headers.map((header) => item[header] ?? ""), strayQuoteColumn: null };
  }
}

/** The cells of every record, for callers that only need the values (the header row). */
export async function* readCells(source: ImportSource): AsyncGenerator<string[]> {
  for await (const { cells } of readRecords(source)) yield cells;
}
