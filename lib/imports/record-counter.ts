const QUOTE = 0x22;
const NEWLINE = 0x0a;
// Bytes that do not make a record count as a lead: separators, quotes and blanks. A lookup
// table, since a 50 MB file means 50 million checks.
const BLANK = new Uint8Array(256);
for (const byte of [0x2c, 0x0d, QUOTE, 0x20, 0x09, NEWLINE]) BLANK[byte] = 1;

/**
 * Counts the non-blank records of a CSV fed in chunks of bytes, without keeping them:
 * how many rows an upload holds, in the browser (for "Import N rows") and on the server
 * (for the progress bar). Quote-aware, so line breaks inside quoted fields do not count.
 * UTF-8 never uses these ASCII bytes inside a multi-byte character.
 */
export class CsvRecordCounter {
  private quoted = false;
  private hasContent = false;
  private count = 0;

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte === QUOTE) this.quoted = !this.quoted;
      if (byte === NEWLINE && !this.quoted) {
        if (this.hasContent) this.count += 1;
        this.hasContent = false;
      } else if (BLANK[byte] === 0) this.hasContent = true;
    }
  }

  /** Non-blank records so far, the header included; a last line without a newline counts. */
  get records(): number {
    return this.count + (this.hasContent ? 1 : 0);
  }

  /** Data rows: the records after the header. */
  get dataRows(): number {
    return Math.max(0, this.records - 1);
  }
}
