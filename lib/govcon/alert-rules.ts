/**
 * The rules of GovCon alerts, free of I/O: which deadline reminder is due, what makes an
 * alert unique, when a member's daily digest goes out, and how an alert reads.
 */
import { DAY_MS, ZoneClock } from "@/lib/policy/zone-clock";

/** Reminders before a tracked or pursued opportunity's response deadline, in days. */
export const DEADLINE_REMINDER_DAYS = [7, 3, 1] as const;
export type DeadlineReminderDays = (typeof DEADLINE_REMINDER_DAYS)[number];

/** The digest goes out at the first run on or after this local hour of the workspace's day. */
export const DIGEST_LOCAL_HOUR = 8;

export type GovConAlertKind = "search-match" | "amendment" | `deadline-${DeadlineReminderDays}`;

/**
 * The reminder due now: the tightest of 7, 3 and 1 days that the time left falls within, so
 * a deadline first seen 2 days out gets the 3-day reminder only, never a late 7-day one.
 * Null when more than 7 days are left or the deadline has passed.
 */
export function dueDeadlineReminder(deadline: Date, now: Date): DeadlineReminderDays | null {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return null;
  const due = [...DEADLINE_REMINDER_DAYS].sort((a, b) => a - b).find((days) => left <= days * DAY_MS);
  return due ?? null;
}

/**
 * A deadline reminder is told once per opportunity and deadline: an amendment that moves the
 * deadline arms the reminders again for the new date.
 */
export function deadlineAlertKey(days: DeadlineReminderDays, opportunityId: string, deadline: Date): string {
  return `deadline-${days}:${opportunityId}:${deadline.toISOString().slice(0, 10)}`;
}

/** A saved search tells of a notice once per version: an amendment that still matches is news. */
export function searchAlertKey(searchId: string, noticeId: string, version: number): string {
  return `search:${searchId}:${noticeId}:v${version}`;
}

export function amendmentAlertKey(opportunityId: string, version: number): string {
  return `amendment:${opportunityId}:v${version}`;
}

/** The workspace's local calendar day (YYYY-MM-DD) and hour at `at`. */
export function localDayAndHour(at: Date, timeZone: string): { day: string; hour: number } {
  const local = new Date(at.getTime() + new ZoneClock(timeZone).offsetAt(at.getTime()));
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/**
 * Whether a member's digest is due: at most one per day of the workspace's time zone, from
 * 08:00 local on (so it lands in the morning), and only once the previous one was on an
 * earlier local day.
 */
export function isDigestDue(now: Date, timeZone: string, lastDigestAt: Date | null): boolean {
  const { day, hour } = localDayAndHour(now, timeZone);
  if (hour < DIGEST_LOCAL_HOUR) return false;
  return lastDigestAt === null || localDayAndHour(lastDigestAt, timeZone).day < day;
}

export interface AmendmentChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** "Response deadline: 2026-01-10 → 2026-01-17; Title: … → …", from a version's changes. */
export function describeChanges(changes: unknown): string {
  const list = Array.isArray(changes) ? (changes as AmendmentChange[]).filter((c) => c && typeof c.field === "string") : [];
  if (list.length === 0) return "The notice was amended.";
  return list.map((c) => `${c.field}: ${shown(c.before)} → ${shown(c.after)}`).join("; ");
}

/** The page an alert links to. */
export function opportunityPath(noticeId: string): string {
  return `/govcon/${encodeURIComponent(noticeId)}`;
}

export function daysLeftText(deadline: Date, now: Date): string {
  const days = Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS);
  return days <= 1 ? "within a day" : `in ${days} days`;
}
