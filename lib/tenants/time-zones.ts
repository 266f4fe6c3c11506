/**
 * The time zones a workspace can pick: every IANA zone the runtime knows, the zones used in
 * the United States and Canada first (where Dealflow's leads are), each with its offset
 * and name as people read them ("Eastern Time"). Pure, so the settings page can build the
 * list on the server and the picker search it in the browser.
 */
import { REGIONS } from "@/lib/geo/regions";

export interface TimeZoneOption {
  zone: string;
  /** "UTC−05:00 · Eastern Time" at the given instant. */
  label: string;
  group: "United States" | "Canada" | "Other";
}

function zonesOf(country: "US" | "CA"): string[] {
  return [...new Set(REGIONS.filter((r) => r.country === country).flatMap((r) => r.timeZones))];
}

function describe(zone: string, at: Date): string {
  try {
    const parts = (timeZoneName: "longOffset" | "longGeneric") =>
      new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
    const offset = parts("longOffset").replace("GMT", "UTC").replace("-", "−") || "UTC";
    const name = parts("longGeneric");
    return name && !name.startsWith("GMT") ? `${offset === "UTC" ? "UTC+00:00" : offset} · ${name}` : offset === "UTC" ? "UTC+00:00" : offset;
  } catch {
    return zone;
  }
}

/** West to east within a group, so neighbours on the map are neighbours in the list. */
function offsetMinutes(zone: string, at: Date): number {
  const local = new Date(at.toLocaleString("en-US", { timeZone: zone }));
  const utc = new Date(at.toLocaleString("en-US", { timeZone: "UTC" }));
  return Math.round((local.getTime() - utc.getTime()) / 60_000);
}

/** Every zone once: US zones, then Canadian ones, then the rest (alphabetical), plus UTC. */
export function timeZoneOptions(supported: readonly string[] = Intl.supportedValuesOf("timeZone"), at = new Date()): TimeZoneOption[] {
  const known = new Set(supported);
  const us = zonesOf("US").filter((z) => known.has(z));
  const ca = zonesOf("CA").filter((z) => known.has(z) && !us.includes(z));
  const byOffset = (a: string, b: string) => offsetMinutes(a, at) - offsetMinutes(b, at) || a.localeCompare(b);
  const listed = new Set([...us, ...ca]);
  const rest = [...supported.filter((z) => !listed.has(z)), ...(known.has("UTC") ? [] : ["UTC"])].sort((a, b) => a.localeCompare(b));
  const option = (group: TimeZoneOption["group"]) => (zone: string): TimeZoneOption => ({ zone, label: describe(zone, at), group });
  return [...us.sort(byOffset).map(option("United States")), ...ca.sort(byOffset).map(option("Canada")), ...rest.map(option("Other"))];
}

/** The options whose zone or label contains every word of the search ("new york", "eastern", "-05"). */
export function searchTimeZones(options: readonly TimeZoneOption[], search: string): TimeZoneOption[] {
  const words = search.toLowerCase().replace(/[_/]/g, " ").split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    const text = `${o.zone.replace(/[_/]/g, " ")} ${o.label.replace("−", "-")} ${o.group}`.toLowerCase();
    return words.every((w) => text.includes(w.replace("−", "-")));
  });
}
