/**
 * Reads a registry download as it streams in, byte by byte, never holding its text: the
 * FTC's files (one 10-digit number a line, or "area code,number" CSV), the DNCL's, and lists
 * written by hand ("(416) 555-0100", "1-212-555-0100", quoted CSV cells). A first line with
 * letters is a header and skipped; any later line that is not one whole North American
 * number is counted as invalid, and the first few are kept to show the admin.
 */

export interface InvalidLine {
  line: number;
  text: string;
}

export interface ParseSummary {
  lines: number;
  numbers: number;
  invalid: number;
  samples: InvalidLine[];
}

const MAX_SAMPLES = 10;
const SAMPLE_CHARS = 80;
/** A line longer than this is not a phone number, whatever it holds. */
const MAX_LINE_BYTES = 200;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const ZERO = 0x30;
const NINE = 0x39;
/** Separators a number may be written with: space, tab, " ' ( ) + , - . / */
const SEPARATORS = new Set([0x20, 0x09, 0x22, 0x27, 0x28, 0x29, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f]);
const isLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);

/** Ten digits (or 11 with the country code 1) whose area code and exchange start with 2-9. */
export function nanpFromDigits(value: number, digits: number): number | null {
  const national = digits === 11 && Math.floor(value / 1e10) === 1 ? value - 1e10 : digits === 10 ? value : -1;
  if (national < 0) return null;
  const areaFirst = Math.floor(national / 1e9);
  const exchangeFirst = Math.floor(national / 1e6) % 10;
  return areaFirst >= 2 && exchangeFirst >= 2 ? national : null;
}

export class RegistryLineParser {
  private lineNumber = 0;
  private sawContent = false;
  private digits = 0;
  private value = 0;
  private bytes = 0;
  private letters = false;
  private other = false;
  private sample: number[] = [];
  readonly summary: ParseSummary = { lines: 0, numbers: 0, invalid: 0, samples: [] };

  constructor(private readonly onNumber: (number: number) => void) {}

  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === NEWLINE) {
        this.endLine();
        continue;
      }
      this.bytes++;
      if (this.sample.length < SAMPLE_CHARS) this.sample.push(byte);
      if (byte >= ZERO && byte <= NINE) {
        if (this.digits < 12) this.value = this.value * 10 + (byte - ZERO);
        this.digits++;
      } else if (byte === CARRIAGE_RETURN || SEPARATORS.has(byte)) {
        // Layout only.
      } else if (isLetter(byte)) {
        this.letters = true;
      } else {
        this.other = true;
      }
    }
  }

  /** Call once the stream ended: a last line without a newline still counts. */
  end(): ParseSummary {
    if (this.bytes > 0) this.endLine();
    return this.summary;
  }

  private endLine(): void {
    this.lineNumber++;
    const blank = this.digits === 0 && !this.letters && !this.other;
    if (!blank) {
      this.summary.lines++;
      const header = !this.sawContent && this.letters;
      this.sawContent = true;
      if (!header) this.takeLine();
    }
    this.digits = 0;
    this.value = 0;
    this.bytes = 0;
    this.letters = false;
    this.other = false;
    this.sample = [];
  }

  private takeLine(): void {
    const number = this.letters || this.other || this.bytes > MAX_LINE_BYTES ? null : nanpFromDigits(this.value, this.digits);
    if (number !== null) {
      this.summary.numbers++;
      this.onNumber(number);
      return;
    }
    this.summary.invalid++;
    if (this.summary.samples.length < MAX_SAMPLES) {
      const text = Buffer.from(this.sample).toString("utf8").replace(/[\r\u0000-\u001f]/g, " ").trim();
      this.summary.samples.push({ line: this.lineNumber, text });
    }
  }
}
