/** Date and duration wording of the Engines page, in the workspace's time zone. */
export function dateTimeFormatter(timeZone: string) {
  const format = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone });
  return (value: Date | string | null | undefined) => (value ? format.format(new Date(value)) : "—");
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

/** "in 4 min", "3 min ago" relative to `now`. */
export function relativeTo(value: Date | string | null | undefined, now: Date): string {
  if (!value) return "";
  const delta = new Date(value).getTime() - now.getTime();
  const words = formatDuration(Math.abs(delta)).replace(/\.\d s$/, " s");
  return delta >= 0 ? `in ${words}` : `${words} ago`;
}
