/**
 * The in-memory form of a registry copy, built for the outbound gate's lookup: numbers
 * grouped by their 6-digit prefix (NPA-NXX), each group the sorted last four digits as
 * uint16. A lookup finds the group through an index on the prefix (a flat array when the
 * copy has many prefixes, a Map otherwise), then binary-searches at most 10,000 entries:
 * constant in the size of the registry, about 2 bytes a number.
 */

/** NANP prefixes run from 200-200 to 999-999: a flat index covers them with 800,000 slots. */
const FIRST_PREFIX = 200_000;
const PREFIX_SLOTS = 800_000;
/** Past this many prefixes the flat index (3.2 MB) is smaller than a Map of them. */
const FLAT_INDEX_FROM = 20_000;

export const prefixOf = (number: number) => Math.floor(number / 10_000);
export const lineOf = (number: number) => number % 10_000;

export class CompactNumberSet {
  readonly size: number;
  private readonly flat: Int32Array | null;
  private readonly byPrefix: Map<number, number> | null;

  /**
   * `prefixes` sorted and distinct; group i's lines are `lines[starts[i]..starts[i+1])`,
   * sorted and distinct.
   */
  constructor(
    readonly prefixes: Uint32Array,
    readonly starts: Uint32Array,
    readonly lines: Uint16Array,
  ) {
    this.size = lines.length;
    if (prefixes.length > FLAT_INDEX_FROM) {
      this.flat = new Int32Array(PREFIX_SLOTS).fill(-1);
      prefixes.forEach((prefix, i) => (this.flat![prefix - FIRST_PREFIX] = i));
      this.byPrefix = null;
    } else {
      this.flat = null;
      this.byPrefix = new Map();
      prefixes.forEach((prefix, i) => this.byPrefix!.set(prefix, i));
    }
  }

  static empty(): CompactNumberSet {
    return new CompactNumberSet(new Uint32Array(0), new Uint32Array(1), new Uint16Array(0));
  }

  /** Builds the set from numbers sorted ascending without repeats. */
  static fromSorted(numbers: ArrayLike<number>): CompactNumberSet {
    const prefixes: number[] = [];
    const starts: number[] = [];
    const lines = new Uint16Array(numbers.length);
    let previous = -1;
    for (let i = 0; i < numbers.length; i++) {
      const prefix = prefixOf(numbers[i]!);
      if (prefix !== previous) {
        prefixes.push(prefix);
        starts.push(i);
        previous = prefix;
      }
      lines[i] = lineOf(numbers[i]!);
    }
    starts.push(numbers.length);
    return new CompactNumberSet(Uint32Array.from(prefixes), Uint32Array.from(starts), lines);
  }

  private groupOf(prefix: number): number {
    if (this.flat) {
      const slot = prefix - FIRST_PREFIX;
      return slot >= 0 && slot < PREFIX_SLOTS ? this.flat[slot]! : -1;
    }
    return this.byPrefix!.get(prefix) ?? -1;
  }

  /** Whether the 10-digit number is in the copy. */
  has(number: number): boolean {
    const group = this.groupOf(prefixOf(number));
    if (group < 0) return false;
    const line = lineOf(number);
    let low = this.starts[group]!;
    let high = this.starts[group + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = this.lines[mid]!;
      if (value === line) return true;
      if (value < line) low = mid + 1;
      else high = mid - 1;
    }
    return false;
  }
}

/**
 * Numbers gathered while a file streams in: 8 bytes each in a growing typed array, then
 * sorted and deduplicated once at the end (a registry file may repeat a number).
 */
export class NumberCollector {
  private values = new Float64Array(1 << 16);
  private length = 0;

  add(number: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = number;
  }

  get count(): number {
    return this.length;
  }

  /** The distinct numbers, ascending. The collector is spent afterwards. */
  sortedDistinct(): Float64Array {
    const sorted = this.values.subarray(0, this.length).sort();
    let kept = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!;
    }
    this.values = new Float64Array(0);
    this.length = 0;
    return sorted.subarray(0, kept);
  }
}
