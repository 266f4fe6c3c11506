/**
 * The contact-rules form: a market policy as a per-weekday grid (Monday..Sunday, one window a
 * day) and back. Pure, shared by the dialog (defaults) and the server action (parsing).
 *
 * Form fields: region, market, enabled, day{d}Open / day{d}Start / day{d}End for d = 0 (Monday)
 * .. 6 (Sunday), channels (repeated), minLeadScore, maxTouchesPer24Hours, citation (hidden), reason, and intent
 * ("create" from the "Add market rule" dialog). A time input cannot hold "24:00", so an END of
 * "00:00" in the grid means midnight ("24:00" in the rules); a start of 00:00 is plain midnight.
 */
import { z } from "zod";
import { maxTouchesPer24HoursOf } from "@/lib/policy/defaults";
import {
  RegionCode,
  MarketPolicyUpsertInput,
  WEEKDAY_NAMES,
  minutesOfDay,
  type Channel,
  type ContactWindow,
  type MarketPolicyRules,
  type MarketPolicyUpsert,
  type PolicyRecord,
} from "@/lib/policy/schema";

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const MIDNIGHT = 24 * 60;

export const dayFieldNames = (day: Weekday) => ({ open: `day${day}Open`, start: `day${day}Start`, end: `day${day}End` }) as const;

export interface DayHours {
  open: boolean;
  /** "HH:MM", or "" when the day was never opened. */
  start: string;
  /** "HH:MM"; "00:00" means midnight (end of the day). */
  end: string;
}

/** A policy as the form shows it. `days[0]` is Monday. */
export interface MarketPolicyGrid {
  region: string;
  market: string;
  enabled: boolean;
  days: DayHours[];
  channels: Channel[];
  minLeadScore: number;
  /** The policy's touch cap, or its region's seeded one when the stored policy has none. */
  maxTouchesPer24Hours: number;
  citation?: string;
}

export type MarketPolicyView = Pick<PolicyRecord, "region" | "market" | "enabled" | "rules">;

type Range = [from: number, to: number];

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Per weekday, the windows' [from, to) minute ranges, sorted, overlapping or touching ones merged. */
export function rangesByDay(windows: readonly ContactWindow[]): Range[][] {
  const byDay: Range[][] = WEEKDAYS.map(() => []);
  for (const window of windows) {
    for (const day of new Set(window.days)) byDay[day]?.push([minutesOfDay(window.start), minutesOfDay(window.end)]);
  }
  return byDay.map((ranges) => {
    ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: Range[] = [];
    for (const [from, to] of ranges) {
      const last = merged[merged.length - 1];
      // End exclusive, start inclusive: [09:00, 12:00) and [12:00, 17:00) are one window.
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return merged;
  });
}

/** Windows from per-day ranges: contiguous days with identical hours become one window. */
export function windowsFromRanges(byDay: readonly Range[][]): ContactWindow[] {
  const windows: ContactWindow[] = [];
  const key = (ranges: readonly Range[]) => ranges.map(([from, to]) => `${from}-${to}`).join(",");
  for (let day = 0; day < byDay.length; ) {
    let last = day;
    while (last + 1 < byDay.length && key(byDay[last + 1]) === key(byDay[day])) last += 1;
    const days = Array.from({ length: last - day + 1 }, (_, i) => day + i);
    for (const [from, to] of byDay[day]) windows.push({ days, start: hhmm(from), end: to === MIDNIGHT ? "24:00" : hhmm(to) });
    day = last + 1;
  }
  return windows;
}

/** The canonical form of a set of windows: the same minutes open, fewest windows, Monday first. */
export function normalizeWindows(windows: readonly ContactWindow[]): ContactWindow[] {
  return windowsFromRanges(rangesByDay(windows));
}

/**
 * A policy as the grid shows it. A day with several separate windows keeps its first one
 * (narrower, never wider, than the policy) and says so in `warnings`.
 */
export function policyToGrid(policy: MarketPolicyView): { grid: MarketPolicyGrid; warnings: string[] } {
  const warnings: string[] = [];
  const days = rangesByDay(policy.rules.contactWindows).map((ranges, day): DayHours => {
    if (ranges.length === 0) return { open: false, start: "", end: "" };
    if (ranges.length > 1) {
      const list = ranges.map(([from, to]) => `${hhmm(from)}-${hhmm(to)}`).join(", ");
      warnings.push(`${WEEKDAY_NAMES[day]} has several windows (${list}); saving here keeps only the first.`);
    }
    const [from, to] = ranges[0];
    return { open: true, start: hhmm(from), end: to === MIDNIGHT ? "00:00" : hhmm(to) };
  });
  const { channelsAllowed, minLeadScore, citation } = policy.rules;
  return {
    grid: {
      region: policy.region,
      market: policy.market,
      enabled: policy.enabled,
      days,
      channels: [...channelsAllowed],
      minLeadScore,
      maxTouchesPer24Hours: maxTouchesPer24HoursOf(policy),
      ...(citation ? { citation } : {}),
    },
    warnings,
  };
}

/** The grid as a browser would post it (FormData through formDataToObject), with a reason. */
export function gridToFormFields(grid: MarketPolicyGrid, reason: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {
    region: grid.region,
    market: grid.market,
    minLeadScore: String(grid.minLeadScore),
    maxTouchesPer24Hours: String(grid.maxTouchesPer24Hours),
    reason,
  };
  if (grid.enabled) fields.enabled = "on";
  if (grid.citation) fields.citation = grid.citation;
  if (grid.channels.length === 1) fields.channels = grid.channels[0];
  else if (grid.channels.length > 1) fields.channels = [...grid.channels];
  for (const day of WEEKDAYS) {
    const names = dayFieldNames(day);
    if (grid.days[day].open) fields[names.open] = "on";
    fields[names.start] = grid.days[day].start;
    fields[names.end] = grid.days[day].end;
  }
  return fields;
}

// ---------------------------------------------------------------------------------------
// Parsing what the form posts.

const text = z.string().optional();
const dayShape = Object.fromEntries(
  WEEKDAYS.flatMap((day) => Object.values(dayFieldNames(day)).map((name) => [name, text])),
) as Record<`day${Weekday}${"Open" | "Start" | "End"}`, typeof text>;

const FormFields = z.object({
  intent: z.enum(["create", "update"]).optional(),
  region: text,
  market: text,
  enabled: text,
  channels: z.union([z.string(), z.array(z.string())]).optional(),
  minLeadScore: z.union([z.string(), z.number()]).optional(),
  maxTouchesPer24Hours: z.union([z.string(), z.number()]).optional(),
  citation: text,
  reason: text,
  ...dayShape,
});
type FormFields = z.infer<typeof FormFields>;

/** A checkbox posts "on" when ticked and nothing when not. */
const isTicked = (value: string | undefined) => value !== undefined && !["", "false", "off", "0", "no"].includes(value.trim().toLowerCase());

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::00(?:\.0+)?)?$/;
const ORDER_MESSAGE = "The window must end after it starts (windows cannot cross midnight)";

type Report = (field: string, message: string) => void;

function readTime(value: string | undefined, role: "start" | "end", field: string, report: Report): number | null {
  const raw = (value ?? "").trim();
  if (role === "end" && raw === "24:00") return MIDNIGHT;
  const match = TIME.exec(raw);
  if (!match) {
    report(field, raw === "" ? `Enter the ${role} time, or close the day` : "Use HH:MM, e.g. 09:00");
    return null;
  }
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return role === "end" && minutes === 0 ? MIDNIGHT : minutes;
}

function readDays(fields: FormFields, report: Report): Range[][] {
  return WEEKDAYS.map((day): Range[] => {
    const names = dayFieldNames(day);
    if (!isTicked(fields[names.open])) return [];
    const from = readTime(fields[names.start], "start", names.start, report);
    const to = readTime(fields[names.end], "end", names.end, report);
    if (from === null || to === null) return [];
    if (from < to) return [[from, to]];
    report(names.end, ORDER_MESSAGE);
    return [];
  });
}

function readScore(value: string | number | undefined, report: Report): number {
  const raw = typeof value === "number" ? value : (value ?? "").trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(raw)) report("minLeadScore", "Give a minimum lead score from 0 to 100");
  return raw;
}

function readTouchCap(value: string | number | undefined, report: Report): number {
  const raw = typeof value === "number" ? value : (value ?? "").trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(raw)) report("maxTouchesPer24Hours", "Give the most touches per lead in 24 hours");
  return raw;
}

/**
 * The form field an issue of MarketPolicyUpsertInput (or the service's ExpectedError field,
 * split on ".") belongs to; "" for the form as a whole.
 */
export function formFieldOf(path: readonly PropertyKey[], windows: readonly ContactWindow[]): string {
  const [head, group, index, key] = path.map(String);
  if (head !== "rules") return head ?? "";
  if (group === "channelsAllowed") return "channels";
  if (group === "minLeadScore" || group === "maxTouchesPer24Hours" || group === "citation") return group;
  const day = windows[Number(index)]?.days[0] as Weekday | undefined;
  if (group === "contactWindows" && day !== undefined) return dayFieldNames(day)[key === "start" ? "start" : "end"];
  return "";
}

export type MarketPolicyFormInput = MarketPolicyUpsert & { intent: "create" | "update" };

/**
 * What the contact-rules form posts -> the service's input. Every problem is reported on the
 * field that shows it; the rules themselves are checked by MarketPolicyUpsertInput.
 */
export const MarketPolicyForm = FormFields.transform((fields, ctx): MarketPolicyFormInput => {
  const reported = new Set<string>();
  const report: Report = (field, message) => {
    if (reported.has(field)) return;
    reported.add(field);
    ctx.addIssue({ code: "custom", path: field ? [field] : [], message });
  };
  const intent = fields.intent ?? "update";
  const contactWindows = windowsFromRanges(readDays(fields, report));
  const channelsAllowed = [...new Set([fields.channels ?? []].flat().map((c) => c.trim().toUpperCase()))];
  if (channelsAllowed.length === 0) report("channels", "Choose at least one channel (untick Enabled to stop all contact)");
  const minLeadScore = readScore(fields.minLeadScore, report);
  const maxTouchesPer24Hours = readTouchCap(fields.maxTouchesPer24Hours, report);
  const citation = fields.citation?.trim() || undefined;
  if (intent === "create") {
    if (!RegionCode.safeParse(fields.region).success) report("region", "Choose a state or province");
    const market = (fields.market ?? "").trim().toUpperCase();
    if (market === "" || market === "ALL") report("market", "Type the market's name, e.g. TORONTO (edit the region-wide rule in the table)");
  }
  const rules: MarketPolicyRules = {
    contactWindows,
    channelsAllowed: channelsAllowed as Channel[],
    minLeadScore,
    maxTouchesPer24Hours,
    ...(citation ? { citation } : {}),
  };
  const parsed = MarketPolicyUpsertInput.safeParse({
    region: fields.region ?? "",
    market: fields.market,
    enabled: isTicked(fields.enabled),
    rules,
    reason: fields.reason,
  });
  if (!parsed.success) for (const issue of parsed.error.issues) report(formFieldOf(issue.path, contactWindows), issue.message);
  if (reported.size > 0 || !parsed.success) return z.NEVER;
  return { ...parsed.data, intent };
});
