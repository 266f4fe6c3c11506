/**
 * Which posted dates a sync asks SAM.gov for. One wide window per sync: from the last
 * completed window's end, less a day of overlap (a notice posted late in that day is not
 * missed; dedupe absorbs the repeats), to today; 60 days back the first time. A window the
 * budget cut short is resumed at the offset it reached before a new one starts. Pure.
 */

export const FIRST_SYNC_DAYS = 60;
export const OVERLAP_DAYS = 1;
const DAY_MS = 86_400_000;

/** Where a sync got to, kept on the engine run: days as YYYY-MM-DD, and the offset to resume at. */
export interface SyncWindow {
  postedFrom: string;
  postedTo: string;
  /** Null once every page of the window was read; else where the next sync resumes it (0: from the start). */
  nextOffset: number | null;
}

export interface PlannedWindow {
  postedFrom: Date;
  postedTo: Date;
  offset: number;
}

const dayOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

function readDay(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A stored window, or null when it is missing or malformed (then the sync starts afresh). */
export function readSyncWindow(value: unknown): SyncWindow | null {
  if (!value || typeof value !== "object") return null;
  const o = value as Record<string, unknown>;
  if (!readDay(o.postedFrom) || !readDay(o.postedTo)) return null;
  const offset = o.nextOffset;
  const nextOffset = typeof offset === "number" && Number.isInteger(offset) && offset >= 0 ? offset : null;
  return { postedFrom: o.postedFrom as string, postedTo: o.postedTo as string, nextOffset };
}

/** At most a year apart, as SAM.gov allows: a long pause resumes from a year back. */
function clampToYear(from: Date, to: Date): Date {
  const yearBefore = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
  return from < yearBefore ? yearBefore : from;
}

export function planSyncWindow(previous: SyncWindow | null, now: Date): PlannedWindow {
  const today = dayOf(now);
  if (previous && previous.nextOffset !== null) {
    const from = readDay(previous.postedFrom)!;
    const to = readDay(previous.postedTo)!;
    if (from <= to && to <= today) return { postedFrom: clampToYear(from, to), postedTo: to, offset: previous.nextOffset };
  }
  const end = previous ? readDay(previous.postedTo) : null;
  const from = end && end <= today ? new Date(end.getTime() - OVERLAP_DAYS * DAY_MS) : new Date(today.getTime() - FIRST_SYNC_DAYS * DAY_MS);
  return { postedFrom: clampToYear(from, today), postedTo: today, offset: 0 };
}

/** The window to keep after a sync: resumable at `nextOffset`, or complete. */
export function windowAfter(planned: PlannedWindow, nextOffset: number | null): SyncWindow {
  return { postedFrom: isoDay(planned.postedFrom), postedTo: isoDay(planned.postedTo), nextOffset };
}
