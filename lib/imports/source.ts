import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";

/** A CSV byte stream (the stored upload), or rows already split: arrays (header first) or records. */
export type ImportSource = Readable | AsyncIterable<string[] | Record<string, string>>;

/**
 * Every record of the source as cells, the header row first, one at a time: the CSV is
 * parsed as it is read, with backpressure, so the file is never held in memory. Empty
 * lines come through as records too, so record N is row N of the spreadsheet.
 */
export async function* readCells(source: ImportSource): AsyncGenerator<string[]> {
  if (source instanceof Readable) {
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, max_record_size: 1024 * 1024 });
    // pipeline (not pipe) so a read error (file gone) fails the iteration instead of hanging it.
    pipeline(source, parser, () => undefined);
    for await (const record of parser) yield record as string[];
    return;
  }
  let headers: string[] | null = null;
  for await (const item of source) {
    if (Array.isArray(item)) {
      yield item;
      continue;
    }
    if (!headers) {
      headers = Object.keys(item);
      yield headers;
    }
    yield headers.map((header) => item[header] ?? "");
  }
}
