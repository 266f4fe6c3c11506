/**
 * SAM.gov sends dates in mixed formats, field by field and notice by notice:
 *   "2018-05-09 23:45:22+00", "2018-05-04", "2018-05-07T20:00:00-05:00",
 *   "2018-05-07T20:00:00", "05/07/2018", null or "".
 * Each is read into an instant; the raw text is always kept beside it. A time without an
 * offset is read as UTC (SAM.gov gives no zone for it); a date alone is 00:00 UTC that day.
 * Anything else, including impossible dates (02/30), is no instant, never a guess.
 */

export interface SamDate {
  at: Date | null;
  raw: string | null;
}

// 2018-05-09, 2018-05-09T23:45:22, 2018-05-09 23:45:22.123+00, ...-05:00, ...Z, ...+0530
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// 05/07/2018, 5/7/2018, optionally with a time: 05/07/2018 14:30
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function utcInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millis = 0, offsetMinutes = 0): Date | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
  return Number.isNaN(at.getTime()) ? null : at;
}

function offsetOf(zone: string | undefined): number | null {
  if (!zone || /^z$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

export function parseSamDate(value: unknown): SamDate {
  if (value === null || value === undefined) return { at: null, raw: null };
  const raw = typeof value === "string" ? value : String(value);
  const text = raw.trim();
  if (!text) return { at: null, raw: raw === "" ? null : raw };

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, fraction, zone] = iso;
    const offset = offsetOf(zone);
    if (offset === null) return { at: null, raw };
    const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
    return { at: utcInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), millis, offset), raw };
  }
  const us = US.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, s] = us;
    return { at: utcInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)), raw };
  }
  return { at: null, raw };
}

/** MM/dd/yyyy of a UTC day, as SAM.gov's postedFrom, postedTo, rdlfrom and rdlto take it. */
export function samQueryDate(at: Date): string {
  const mm = String(at.getUTCMonth() + 1).padStart(2, "0");
  const dd = String(at.getUTCDate()).padStart(2, "0");
  return `${mm}/${dd}/${at.getUTCFullYear()}`;
}
