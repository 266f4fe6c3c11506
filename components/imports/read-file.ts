import { parseCsvHead } from "@/lib/imports/csv-head";
import { CsvRecordCounter } from "@/lib/imports/record-counter";

/** Enough of the file for the header and ~20 preview rows, however wide the rows are. */
const HEAD_BYTES = 256 * 1024;
export const PREVIEW_ROWS = 20;

export interface PreviewRow {
  /** As in a spreadsheet and in the error report: the header is row 1. */
  rowNumber: number;
  cells: string[];
}

export interface CsvHead {
  headers: string[];
  rows: PreviewRow[];
}

/** Reads only the start of the file: the browser never loads a whole lead list to preview it. */
export async function readCsvHead(file: File): Promise<CsvHead> {
  const text = await file.slice(0, HEAD_BYTES).text();
  const [headers = [], ...records] = parseCsvHead(text, PREVIEW_ROWS + 1, { complete: file.size <= HEAD_BYTES });
  const rows = records.map((cells, index) => ({ rowNumber: index + 2, cells })).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  return { headers, rows };
}

/** Counts the data rows by streaming the file through a counter: fast, and flat in memory. */
export async function countCsvRows(file: File): Promise<number> {
  const counter = new CsvRecordCounter();
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return counter.dataRows;
    counter.push(value);
  }
}
