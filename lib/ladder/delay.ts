/**
 * Ladder delays as people write them: "30m", "3h", "1d", or combined ("1d 12h", "2h30m").
 * A bare number is minutes, as the editor took them before. Pure.
 */

const UNIT_MINUTES: Record<string, number> = { d: 1440, h: 60, m: 1 };
const PART = /(\d+)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)/gy;

/** The delay in minutes, or null when the text is not a delay. */
export function parseDelay(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  if (/^\d+$/.test(value)) return Number(value);
  let minutes = 0;
  let parts = 0;
  let index = 0;
  while (index < value.length) {
    while (value[index] === " ") index += 1;
    if (index >= value.length) break;
    PART.lastIndex = index;
    const match = PART.exec(value);
    if (!match) return null;
    minutes += Number(match[1]) * UNIT_MINUTES[match[2][0]];
    parts += 1;
    index = PART.lastIndex;
  }
  return parts > 0 && Number.isSafeInteger(minutes) ? minutes : null;
}

/** A delay in whole days, hours and minutes, each unit joined to its label; empty parts left out. */
export function joinDelayParts(minutes: number, labels: { day: string; hour: string; minute: string }): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days}${labels.day}`, hours && `${hours}${labels.hour}`, rest && `${rest}${labels.minute}`].filter(Boolean).join(" ");
}

/** 30 -> "30m", 180 -> "3h", 1440 -> "1d", 2190 -> "1d 12h 30m", 0 -> "0m". */
export function formatDelayText(minutes: number): string {
  return minutes === 0 ? "0m" : joinDelayParts(minutes, { day: "d", hour: "h", minute: "m" });
}
