/**
 * Local wall-clock time in an IANA zone, fast enough for a gate called millions of times.
 *
 * Intl.DateTimeFormat (one per zone, cached) is asked for the UTC offset at most a few times
 * per zone and UTC day: the offset at the start and at the end of the day, and where they
 * differ, a binary search for the second the offset changes. Every later question about that
 * day is a Map lookup and integer arithmetic. Assumes a zone changes its offset at most once
 * per UTC day, which holds for every zone in North America (and, in practice, everywhere).
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

interface DayOffsets {
  /** The instant the offset changes inside this UTC day, or +Infinity. */
  transition: number;
  before: number;
  after: number;
}

const MAX_CACHED_DAYS = 4096;

export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();
  private lastDay = Number.NaN;
  private lastOffsets: DayOffsets = { transition: Infinity, before: 0, after: 0 };

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
  }

  /** Milliseconds to add to a UTC instant to get the local wall-clock reading. */
  offsetAt(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    const offsets = day === this.lastDay ? this.lastOffsets : this.offsetsOf(day);
    return ms < offsets.transition ? offsets.before : offsets.after;
  }

  /** Instants in (fromMs, toMs] at which the offset changes. */
  transitionsBetween(fromMs: number, toMs: number): number[] {
    const found: number[] = [];
    for (let day = Math.floor(fromMs / DAY_MS); day <= Math.floor(toMs / DAY_MS); day++) {
      const { transition } = this.offsetsOf(day);
      if (transition > fromMs && transition <= toMs) found.push(transition);
    }
    return found;
  }

  private offsetsOf(day: number): DayOffsets {
    let offsets = this.days.get(day);
    if (!offsets) {
      offsets = this.computeDay(day);
      if (this.days.size >= MAX_CACHED_DAYS) this.days.clear();
      this.days.set(day, offsets);
    }
    this.lastDay = day;
    this.lastOffsets = offsets;
    return offsets;
  }

  private computeDay(day: number): DayOffsets {
    const start = day * DAY_MS;
    const end = start + DAY_MS;
    const before = this.intlOffset(start);
    const after = this.intlOffset(end);
    if (before === after) return { transition: Infinity, before, after };
    // The first second of (start, end] with the new offset; zones change on whole seconds.
    let lo = start / 1000;
    let hi = end / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.intlOffset(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    return { transition: hi * 1000, before, after };
  }

  private intlOffset(ms: number): number {
    const seconds = Math.floor(ms / 1000) * 1000;
    let year = 0, month = 1, dayOfMonth = 1, hour = 0, minute = 0, second = 0, bc = false;
    for (const part of this.format.formatToParts(seconds)) {
      switch (part.type) {
        case "year": year = Number(part.value); break;
        case "month": month = Number(part.value); break;
        case "day": dayOfMonth = Number(part.value); break;
        case "hour": hour = Number(part.value); break;
        case "minute": minute = Number(part.value); break;
        case "second": second = Number(part.value); break;
        case "era": bc = part.value.startsWith("B"); break;
      }
    }
    const wall = new Date(0);
    wall.setUTCFullYear(bc ? 1 - year : year, month - 1, dayOfMonth);
    wall.setUTCHours(hour, minute, second, 0);
    return wall.getTime() - seconds;
  }
}

const clocks = new Map<string, ZoneClock | null>();

/** The cached clock of a zone, or null when the runtime does not know the zone. */
export function zoneClock(zone: string): ZoneClock | null {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    clock = null;
    if (typeof zone === "string" && zone.trim() !== "" && zone.length <= 64) {
      try {
        clock = new ZoneClock(zone);
      } catch {
        clock = null;
      }
    }
    if (clocks.size > 1024) clocks.clear();
    clocks.set(zone, clock);
  }
  return clock;
}

export function isKnownTimeZone(zone: unknown): zone is string {
  return typeof zone === "string" && zoneClock(zone) !== null;
}

/** Days since 1970-01-01 of a local wall-clock reading, and its weekday with 0 = Monday. */
export function localDay(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}
export function weekdayOf(localDayNumber: number): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((localDayNumber + 3) % 7) + 7) % 7;
}

const PAD = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** Proleptic Gregorian civil date of a day number (H. Hinnant's days_from_civil inverse). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const offsetSuffixes = new Map<number, string>();
function offsetSuffix(offsetMs: number): string {
  let suffix = offsetSuffixes.get(offsetMs);
  if (suffix === undefined) {
    const minutes = Math.floor(Math.abs(offsetMs) / MINUTE_MS);
    const hours = Math.floor(minutes / 60);
    suffix = `${offsetMs < 0 ? "-" : "+"}${String(hours).padStart(2, "0")}:${PAD[minutes % 60]}`;
    if (offsetSuffixes.size > 256) offsetSuffixes.clear();
    offsetSuffixes.set(offsetMs, suffix);
  }
  return suffix;
}

let lastPrefixDay = Number.NaN;
let lastPrefix = "";
function datePrefix(dayNumber: number): string {
  if (dayNumber !== lastPrefixDay) {
    const [year, month, day] = civilFromDays(dayNumber);
    const yyyy = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : String(year);
    lastPrefix = `${yyyy}-${PAD[month]}-${PAD[day]}T`;
    lastPrefixDay = dayNumber;
  }
  return lastPrefix;
}

/** ISO 8601 with the zone's offset, e.g. "2026-03-08T09:30:00-04:00". */
export function formatLocal(ms: number, offsetMs: number): string {
  const local = Math.floor((ms + offsetMs) / 1000) * 1000;
  const dayNumber = localDay(local);
  const secondOfDay = (local - dayNumber * DAY_MS) / 1000;
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor(secondOfDay / 60) - hours * 60;
  const seconds = secondOfDay - hours * 3600 - minutes * 60;
  return datePrefix(dayNumber) + PAD[hours] + ":" + PAD[minutes] + ":" + PAD[seconds] + offsetSuffix(offsetMs);
}
