/**
 * A campaign's start time as people enter it: a wall-clock reading ("2026-03-08T09:30", what a
 * datetime-local field gives) in the workspace's time zone, not the browser's, so a campaign
 * set to start at 9:00 starts at 9:00 where the workspace works, whoever typed it. Pure and
 * client-safe: the form converts with it before sending an instant.
 */
import { zoneClock } from "@/lib/policy/zone-clock";

const HALF_DAY_MS = 12 * 3_600_000;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock reading names in `zone`; null for a malformed reading or an unknown
 * zone. A reading skipped by a spring-forward change lands an hour later (as clocks did); one
 * repeated by a fall-back change takes its first occurrence.
 */
export function wallTimeToInstant(reading: string, zone: string): Date | null {
  const match = WALL_TIME.exec(reading.trim());
  const clock = zoneClock(zone);
  if (!match || !clock) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The zone's offsets around the reading: each gives a candidate, kept when it shows the reading.
  const offsets = [...new Set([clock.offsetAt(wall - HALF_DAY_MS), clock.offsetAt(wall + HALF_DAY_MS)])];
  const shows = offsets.map((offset) => wall - offset).filter((ms) => ms + clock.offsetAt(ms) === wall);
  // None in a spring-forward gap: read with the offset before the change, an hour later in the new time.
  return new Date(shows.length > 0 ? Math.min(...shows) : wall - offsets[0]);
}

/** "Eastern Time" for America/New_York, the zone's id where it has no such name: how the form names the zone its start time is read in. */
export function timeZoneLabel(zone: string, at = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value;
    return name && !name.startsWith("GMT") ? name : zone;
  } catch {
    return zone;
  }
}
