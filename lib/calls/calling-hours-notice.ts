import type { CallingHours } from "@/lib/ladder/calling-hours";

const dayKey = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

/**
 * What the inbox says instead of the call button, and why the dialer refuses a call, when the
 * lead may not be called now: "Outside calling hours until 9:00 AM (lead's time)", with the
 * day when it is not today in the lead's zone; null when calling is allowed.
 */
export function callingHoursNotice(hours: CallingHours, now: Date): string | null {
  if (hours.open) return null;
  if (!hours.until || !hours.timeZone) return `Outside calling hours: no call is allowed for this lead in the coming week (${hours.detail}).`;
  const zone = hours.timeZone;
  const time = new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", minute: "2-digit" }).format(hours.until);
  const sameDay = dayKey(hours.until, zone) === dayKey(now, zone);
  const day = sameDay ? "" : ` on ${new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short", month: "short", day: "numeric" }).format(hours.until)}`;
  return `Outside calling hours until ${time}${day} (lead's time)`;
}
