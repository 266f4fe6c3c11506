/**
 * The can-contact gate: pure, no I/O, fails closed. Every refusal carries a reason code.
 *
 * Contact windows are read in the lead's LOCAL time (weekday 0 = Monday, start inclusive,
 * end exclusive). When only the region is known, the caller passes every zone of the region
 * and contact is allowed only when it is allowed in each of them.
 */
import { CHANNELS, WEEKDAY_NAMES, minutesOfDay, type PolicyRecord } from "./schema";
import { DAY_MS, HOUR_MS, MINUTE_MS, formatLocal, localDay, weekdayOf, zoneClock, type ZoneClock } from "./zone-clock";

export type ContactReason =
  | "within_window"
  | "no_policy"
  | "policy_disabled"
  | "unknown_time_zone"
  | "channel_not_allowed"
  | "score_below_minimum"
  | "score_missing"
  | "outside_window"
  | "closed_today";

export interface ContactDecision {
  ok: boolean;
  reason: ContactReason;
  /** The zone the decision is about: the first zone when allowed, else the first zone that failed. */
  timeZone: string | null;
  /** The local time in `timeZone`, e.g. "2026-03-08T09:30:00-04:00". */
  localTime: string | null;
  detail?: string;
}

export interface ContactQuestion {
  policy: PolicyRecord | null;
  timeZones: readonly string[];
  at: Date;
  channel: string;
  score: number | null | undefined;
}

const normalize = (value: string | null | undefined) => (value ?? "").trim().toUpperCase();

/**
 * The policy that governs (region, market): the exact market first, else the region's "ALL",
 * else none. A disabled policy is returned as is, so a market switched off never falls back
 * to a looser region-wide policy: the gate refuses it.
 */
export function resolveEffectivePolicy<P extends PolicyRecord>(
  policies: readonly P[],
  region: string,
  market?: string | null,
): P | null {
  const wantedRegion = normalize(region);
  const wantedMarket = normalize(market) || "ALL";
  let regionWide: P | null = null;
  for (const policy of policies) {
    if (normalize(policy.region) !== wantedRegion) continue;
    const policyMarket = normalize(policy.market) || "ALL";
    if (policyMarket === wantedMarket) return policy;
    if (policyMarket === "ALL") regionWide = policy;
  }
  return regionWide;
}

// ---------------------------------------------------------------------------------------
// Compiled rules: per weekday, sorted and merged [start, end) minute ranges.

interface CompiledRules {
  /** byDay[d] = [start0, end0, start1, end1, ...] in minutes after local midnight. */
  byDay: number[][];
  /** byDay as text per weekday, e.g. "09:00-20:00", for refusal details. */
  dayText: string[];
  channels: ReadonlySet<string>;
  minLeadScore: number;
  /** Why the rules cannot be used, when they are malformed (stored JSON gone wrong). */
  malformed: string | null;
}

// Compiled once per rules object: treat a policy's rules as immutable once it has been asked.
const compiledCache = new WeakMap<object, CompiledRules>();
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function compileRules(rules: unknown): CompiledRules {
  if (typeof rules === "object" && rules !== null) {
    const cached = compiledCache.get(rules);
    if (cached) return cached;
  }
  const compiled = buildRules(rules);
  if (typeof rules === "object" && rules !== null) compiledCache.set(rules, compiled);
  return compiled;
}

function malformed(why: string): CompiledRules {
  return { byDay: [[], [], [], [], [], [], []], dayText: ["", "", "", "", "", "", ""], channels: new Set(), minLeadScore: 100, malformed: why };
}

function buildRules(rules: unknown): CompiledRules {
  const r = rules as { contactWindows?: unknown; channelsAllowed?: unknown; minLeadScore?: unknown } | null;
  if (!r || typeof r !== "object") return malformed("the policy has no rules");
  if (!Array.isArray(r.contactWindows)) return malformed("contactWindows is not a list");
  if (!Array.isArray(r.channelsAllowed)) return malformed("channelsAllowed is not a list");
  if (typeof r.minLeadScore !== "number" || !(r.minLeadScore >= 0 && r.minLeadScore <= 100)) {
    return malformed("minLeadScore is not a number from 0 to 100");
  }
  const ranges: [number, number][][] = [[], [], [], [], [], [], []];
  for (const window of r.contactWindows as { days?: unknown; start?: unknown; end?: unknown }[]) {
    const { days, start, end } = window ?? {};
    if (!Array.isArray(days) || typeof start !== "string" || typeof end !== "string") return malformed("a contact window is incomplete");
    if (!HHMM.test(start) || !(HHMM.test(end) || end === "24:00")) return malformed(`a contact window has a bad time (${start}-${end})`);
    const from = minutesOfDay(start);
    const to = minutesOfDay(end);
    if (from >= to) return malformed(`a contact window ends before it starts (${start}-${end})`);
    for (const day of days) {
      if (!Number.isInteger(day) || day < 0 || day > 6) return malformed(`a contact window has a bad day (${String(day)})`);
      ranges[day].push([from, to]);
    }
  }
  const byDay = ranges.map((list) => {
    list.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [from, to] of list) {
      const last = merged.length - 1;
      if (last > 0 && from <= merged[last]) merged[last] = Math.max(merged[last], to);
      else merged.push(from, to);
    }
    return merged;
  });
  const known = new Set<string>(CHANNELS);
  const channels = new Set((r.channelsAllowed as unknown[]).filter((c): c is string => typeof c === "string" && known.has(c)));
  return { byDay, dayText: byDay.map(describeDay), channels, minLeadScore: r.minLeadScore, malformed: null };
}

function describeDay(ranges: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ranges.length; i += 2) parts.push(`${hhmm(ranges[i])}-${hhmm(ranges[i + 1])}`);
  return parts.join(", ");
}
function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------
// The gate.

function hasChannel(rules: CompiledRules, channel: string): boolean {
  return rules.channels.has(channel) || (typeof channel === "string" && rules.channels.has(channel.trim().toUpperCase()));
}

function refuse(reason: ContactReason, timeZone: string | null, localTime: string | null, detail: string): ContactDecision {
  return { ok: false, reason, timeZone, localTime, detail };
}

/** Local time of the first zone, for refusals that happen before any window is read. */
function firstZoneView(timeZones: readonly string[], ms: number): [string | null, string | null] {
  const zone = timeZones.length > 0 ? timeZones[0] : null;
  const clock = zone === null || Number.isNaN(ms) ? null : zoneClock(zone);
  return [zone, clock ? formatLocal(ms, clock.offsetAt(ms)) : null];
}

/** Whether `ms` lies inside a window in this zone: 1 inside, 0 outside today's windows, -1 closed today. */
function windowState(byDay: number[][], clock: ZoneClock, ms: number): number {
  const local = ms + clock.offsetAt(ms);
  const day = localDay(local);
  const ranges = byDay[weekdayOf(day)];
  if (ranges.length === 0) return -1;
  const minute = Math.floor((local - day * DAY_MS) / MINUTE_MS);
  for (let i = 0; i < ranges.length; i += 2) {
    if (minute >= ranges[i] && minute < ranges[i + 1]) return 1;
  }
  return 0;
}

/**
 * Whether a lead may be contacted now on this channel. Fails closed, in this order: no
 * policy, disabled (or malformed) policy, no or unknown zone, channel not allowed, score
 * missing, score below the minimum, then the windows of every zone.
 */
export function isContactAllowed(input: ContactQuestion): ContactDecision {
  const { policy, timeZones, at, channel, score } = input;
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!policy) {
    const [zone, local] = firstZoneView(timeZones, ms);
    return refuse("no_policy", zone, local, "No market policy covers this region and market");
  }
  const rules = compileRules(policy.rules);
  if (!policy.enabled || rules.malformed) {
    const [zone, local] = firstZoneView(timeZones, ms);
    const why = rules.malformed ? `The policy's rules are malformed: ${rules.malformed}` : "The market policy is disabled";
    return refuse("policy_disabled", zone, local, why);
  }
  if (!Array.isArray(timeZones) || timeZones.length === 0) {
    return refuse("unknown_time_zone", null, null, "The lead's time zone is not known");
  }
  for (const zone of timeZones) {
    if (zoneClock(zone) === null) return refuse("unknown_time_zone", zone, null, `Unknown time zone "${String(zone)}"`);
  }
  if (Number.isNaN(ms)) return refuse("outside_window", timeZones[0], null, "The instant is not a valid date");
  if (!hasChannel(rules, channel)) {
    const [zone, local] = firstZoneView(timeZones, ms);
    const allowed = [...rules.channels].join(", ") || "none";
    return refuse("channel_not_allowed", zone, local, `Channel ${String(channel)} is not allowed (allowed: ${allowed})`);
  }
  if (typeof score !== "number" || Number.isNaN(score)) {
    const [zone, local] = firstZoneView(timeZones, ms);
    return refuse("score_missing", zone, local, "The lead has no score");
  }
  if (score < rules.minLeadScore) {
    const [zone, local] = firstZoneView(timeZones, ms);
    return refuse("score_below_minimum", zone, local, `Score ${score} is below the minimum ${rules.minLeadScore}`);
  }
  for (const zone of timeZones) {
    const clock = zoneClock(zone)!;
    const state = windowState(rules.byDay, clock, ms);
    if (state === 1) continue;
    const offset = clock.offsetAt(ms);
    const localTime = formatLocal(ms, offset);
    const local = ms + offset;
    const weekday = weekdayOf(localDay(local));
    if (state === -1) return refuse("closed_today", zone, localTime, `No contact window on ${WEEKDAY_NAMES[weekday]} in ${zone}`);
    return refuse(
      "outside_window",
      zone,
      localTime,
      `${localTime.slice(11, 16)} on ${WEEKDAY_NAMES[weekday]} in ${zone} is outside ${rules.dayText[weekday]}`,
    );
  }
  const first = zoneClock(timeZones[0])!;
  return { ok: true, reason: "within_window", timeZone: timeZones[0], localTime: formatLocal(ms, first.offsetAt(ms)) };
}

// ---------------------------------------------------------------------------------------
// The next allowed instant (used by the follow-up ladder to move a step into the window).

const HORIZON_MS = 8 * DAY_MS;
// UTC offsets lie within [-12 h, +14 h], so the instant of a local reading L is within [L - 14 h, L + 12 h].
const EARLIEST_OFFSET_PROBE = 14 * HOUR_MS;
const LATEST_OFFSET_PROBE = 12 * HOUR_MS;

function allowedEverywhere(byDay: number[][], clocks: ZoneClock[], ms: number): boolean {
  for (const clock of clocks) if (windowState(byDay, clock, ms) !== 1) return false;
  return true;
}

/** Instants in (fromMs, toMs] at which this zone's local time enters a window. */
function windowStarts(byDay: number[][], clock: ZoneClock, fromMs: number, toMs: number, into: number[]) {
  const firstDay = localDay(fromMs + clock.offsetAt(fromMs)) - 1;
  const lastDay = localDay(toMs + clock.offsetAt(toMs)) + 1;
  for (let day = firstDay; day <= lastDay; day++) {
    const ranges = byDay[weekdayOf(day)];
    for (let i = 0; i < ranges.length; i += 2) {
      const wall = day * DAY_MS + ranges[i] * MINUTE_MS;
      const early = clock.offsetAt(wall - EARLIEST_OFFSET_PROBE);
      const late = clock.offsetAt(wall + LATEST_OFFSET_PROBE);
      for (const offset of early === late ? [early] : [early, late]) {
        const instant = wall - offset;
        // A local time skipped by a spring-forward gap has no instant; the transition covers it.
        if (clock.offsetAt(instant) === offset && instant > fromMs && instant <= toMs) into.push(instant);
      }
    }
  }
  // Local time jumps at an offset change, possibly into the middle of a window.
  for (const transition of clock.transitionsBetween(fromMs, toMs)) into.push(transition);
}

/**
 * The earliest instant >= `from` at which contact on `channel` is allowed in every zone, within
 * the next 8 days; null when the gate would refuse for any reason other than the time (no
 * policy, disabled, unknown zone, channel) or no such instant exists. The lead score is not
 * considered: it does not change with time.
 *
 * The allowed set is a union of half-open intervals per zone; the start of their intersection
 * is `from` or the start of an interval in some zone: a window start read in local time (once,
 * twice in a fall-back overlap, never in a spring-forward gap) or an offset change.
 */
export function nextAllowedInstant(
  policy: PolicyRecord | null,
  timeZones: readonly string[],
  from: Date,
  channel: string,
): Date | null {
  if (!policy || !policy.enabled || !(from instanceof Date) || timeZones.length === 0) return null;
  const rules = compileRules(policy.rules);
  if (rules.malformed || !hasChannel(rules, channel)) return null;
  const clocks: ZoneClock[] = [];
  for (const zone of timeZones) {
    const clock = zoneClock(zone);
    if (!clock) return null;
    clocks.push(clock);
  }
  const fromMs = from.getTime();
  if (Number.isNaN(fromMs)) return null;
  if (allowedEverywhere(rules.byDay, clocks, fromMs)) return new Date(fromMs);
  const toMs = fromMs + HORIZON_MS;
  const candidates: number[] = [];
  for (const clock of clocks) windowStarts(rules.byDay, clock, fromMs, toMs, candidates);
  candidates.sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (allowedEverywhere(rules.byDay, clocks, candidate)) return new Date(candidate);
  }
  return null;
}
