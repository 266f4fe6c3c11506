/**
 * The shipped feeds (SAM.gov notices, USAspending awards) are written for one cycle of days
 * starting at an anchor day. They are served as a feed that repeats every cycle: the copy of
 * cycle k has every date moved k * cycleDays later, so whatever the day, the last cycle's
 * worth of notices is on offer, recent ones with open deadlines and older ones closed. A
 * copy's dates never move once it exists, so a later sync sees the same notices unchanged
 * plus what was posted since (new notices and amendments), as it would live.
 */

const DAY_MS = 86_400_000;

export interface FixtureCalendar {
  /** The first day of the feed's cycle, YYYY-MM-DD (UTC). */
  anchorDay: string;
  cycleDays: number;
}

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The cycle `at` falls in: 0 for the anchor's own, negative before it. */
export function cycleAt(calendar: FixtureCalendar, at: Date): number {
  const days = Math.floor(at.getTime() / DAY_MS) - dayNumber(calendar.anchorDay);
  return Math.floor(days / calendar.cycleDays);
}

/** YYYY-MM-DD of a day number. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A SAM.gov or USAspending date moved by whole days, in the format it came in: only the
 * calendar day changes ("2026-09-04 13:05:00+00", "2026-09-04", "2026-09-04T16:00:00-05:00").
 */
export function shiftDate<T extends string | null | undefined>(raw: T, days: number): T {
  if (!raw || days === 0) return raw;
  const match = /^(\d{4}-\d{2}-\d{2})(.*)$/s.exec(raw);
  if (!match) return raw;
  return `${dayString(dayNumber(match[1]) + days)}${match[2]}` as T;
}
