/**
 * The KPI tripwire's rules, pure: hourly tallies of what happened, each KPI's value for an
 * hour, its baseline (the same hour of day over the previous 7 days) and whether the hour
 * moved beyond it.
 *
 * The threshold: an hour breaches when its value leaves the band mean ± max(3 × spread,
 * floor) on the KPI's bad side, where mean and spread (population standard deviation) come
 * from the previous 7 days at the same hour. Quiet hours never alarm: a rate needs at least
 * `minVolume` events behind it in the hour, a baseline needs at least 3 of the 7 days with
 * that volume, and a count KPI needs the hour or its baseline mean to reach `minVolume`.
 * The floor keeps a flat baseline (spread 0) from alarming on a small wobble.
 */
import { GATES, type Gate } from "@/lib/outbound/gates";

export const HOUR_MS = 3_600_000;
export const BASELINE_DAYS = 7;
export const MIN_BASELINE_DAYS = 3;
export const SPREAD_MULTIPLIER = 3;

/** What happened in one hour, as counts. */
export interface HourTally {
  sent: number;
  replies: number;
  delivered: number;
  /** Delivered plus failed or undelivered: the messages whose fate is known. */
  settled: number;
  blocked: Partial<Record<Gate, number>>;
  optOuts: number;
  leads: number;
  buyerMatches: number;
  buyerConversions: number;
  engineRuns: number;
  engineFailures: number;
}

export function emptyTally(): HourTally {
  return { sent: 0, replies: 0, delivered: 0, settled: 0, blocked: {}, optOuts: 0, leads: 0, buyerMatches: 0, buyerConversions: 0, engineRuns: 0, engineFailures: 0 };
}

/** One thing that happened, as the tally counts it. */
export type KpiFact =
  | { at: number; kind: "sent" | "reply" | "delivered" | "failed" | "optOut" | "lead" | "buyerMatch" | "buyerConversion" | "engineOk" | "engineFailed"; n: number }
  | { at: number; kind: "blocked"; gate: Gate; n: number };

/** Tallies facts into `hours` consecutive hour buckets starting at `origin` (ms); facts outside are ignored. */
export function tallyByHour(facts: readonly KpiFact[], origin: number, hours: number): HourTally[] {
  const tallies = Array.from({ length: hours }, emptyTally);
  for (const fact of facts) {
    const index = Math.floor((fact.at - origin) / HOUR_MS);
    if (index < 0 || index >= hours) continue;
    const t = tallies[index];
    switch (fact.kind) {
      case "sent": t.sent += fact.n; break;
      case "reply": t.replies += fact.n; break;
      case "delivered": t.delivered += fact.n; t.settled += fact.n; break;
      case "failed": t.settled += fact.n; break;
      case "optOut": t.optOuts += fact.n; break;
      case "lead": t.leads += fact.n; break;
      case "buyerMatch": t.buyerMatches += fact.n; break;
      case "buyerConversion": t.buyerConversions += fact.n; break;
      case "engineOk": t.engineRuns += fact.n; break;
      case "engineFailed": t.engineRuns += fact.n; t.engineFailures += fact.n; break;
      case "blocked": t.blocked[fact.gate] = (t.blocked[fact.gate] ?? 0) + fact.n; break;
    }
  }
  return tallies;
}

/** Which side of the band is bad news. */
export type BadSide = "above" | "below" | "both";

export interface KpiDefinition {
  key: string;
  label: string;
  kind: "rate" | "count";
  bad: BadSide;
  minVolume: number;
  /** The smallest half-width of the band, so a flat baseline does not alarm on a wobble. */
  floor: number;
  /** The value and the number of events behind it; null when the hour has nothing to measure. */
  measure(t: HourTally): { value: number; volume: number } | null;
}

function rate(numerator: number, denominator: number) {
  return denominator > 0 ? { value: Math.min(1, numerator / denominator), volume: denominator } : null;
}

const totalBlocked = (t: HourTally) => Object.values(t.blocked).reduce((sum, n) => sum + (n ?? 0), 0);

const RATE_FLOOR = 0.05;

export const KPIS: readonly KpiDefinition[] = [
  { key: "reply_rate", label: "Reply rate", kind: "rate", bad: "below", minVolume: 20, floor: RATE_FLOOR, measure: (t) => rate(t.replies, t.sent) },
  { key: "delivery_rate", label: "Delivery rate", kind: "rate", bad: "below", minVolume: 20, floor: RATE_FLOOR, measure: (t) => rate(t.delivered, t.settled) },
  ...GATES.map((gate): KpiDefinition => ({
    key: `block_rate.${gate}`,
    label: `Blocked by ${gate.replaceAll("_", " ")}`,
    kind: "rate",
    bad: "above",
    minVolume: 20,
    floor: RATE_FLOOR,
    measure: (t) => rate(t.blocked[gate] ?? 0, t.sent + totalBlocked(t)),
  })),
  { key: "opt_out_rate", label: "Opt-out rate", kind: "rate", bad: "above", minVolume: 20, floor: 0.02, measure: (t) => rate(t.optOuts, t.sent) },
  { key: "intake_volume", label: "Intake volume", kind: "count", bad: "both", minVolume: 10, floor: 5, measure: (t) => ({ value: t.leads, volume: t.leads }) },
  { key: "match_conversion", label: "Buyer match conversion", kind: "rate", bad: "below", minVolume: 10, floor: RATE_FLOOR, measure: (t) => rate(t.buyerConversions, t.buyerMatches) },
  { key: "engine_error_rate", label: "Engine error rate", kind: "rate", bad: "above", minVolume: 10, floor: 0.1, measure: (t) => rate(t.engineFailures, t.engineRuns) },
];

export function kpiDefinition(key: string): KpiDefinition | undefined {
  return KPIS.find((k) => k.key === key);
}

export interface Baseline {
  mean: number;
  spread: number;
  days: number;
}

/** Mean and population standard deviation of the days that had enough volume; null under MIN_BASELINE_DAYS. */
export function baselineOf(kpi: KpiDefinition, days: readonly HourTally[]): Baseline | null {
  const values: number[] = [];
  for (const day of days) {
    const reading = kpi.measure(day);
    if (!reading) continue;
    if (kpi.kind === "rate" && reading.volume < kpi.minVolume) continue;
    values.push(reading.value);
  }
  if (values.length < MIN_BASELINE_DAYS) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { mean, spread: Math.sqrt(variance), days: values.length };
}

export function bandOf(kpi: KpiDefinition, baseline: Baseline): { low: number; high: number } {
  const countFloor = kpi.kind === "count" ? Math.max(kpi.floor, baseline.mean * 0.5) : kpi.floor;
  const halfWidth = Math.max(SPREAD_MULTIPLIER * baseline.spread, countFloor);
  const low = Math.max(0, baseline.mean - halfWidth);
  const high = kpi.kind === "rate" ? Math.min(1, baseline.mean + halfWidth) : baseline.mean + halfWidth;
  return { low, high };
}

export type KpiVerdict =
  | { kpi: string; status: "breach"; value: number; volume: number; baseline: Baseline; band: { low: number; high: number }; direction: "above" | "below" }
  | { kpi: string; status: "normal"; value: number; volume: number; baseline: Baseline; band: { low: number; high: number } }
  | { kpi: string; status: "skipped"; reason: "no_data" | "low_volume" | "no_baseline"; value: number | null; volume: number };

/** Judges one hour against the same hour of the previous days (most recent first or not: order does not matter). */
export function judgeKpi(kpi: KpiDefinition, hour: HourTally, previousDays: readonly HourTally[]): KpiVerdict {
  const reading = kpi.measure(hour);
  const baseline = baselineOf(kpi, previousDays);
  if (!reading) return { kpi: kpi.key, status: "skipped", reason: "no_data", value: null, volume: 0 };
  const { value, volume } = reading;
  if (kpi.kind === "rate" && volume < kpi.minVolume) return { kpi: kpi.key, status: "skipped", reason: "low_volume", value, volume };
  if (!baseline) return { kpi: kpi.key, status: "skipped", reason: "no_baseline", value, volume };
  if (kpi.kind === "count" && Math.max(value, baseline.mean) < kpi.minVolume) return { kpi: kpi.key, status: "skipped", reason: "low_volume", value, volume };
  const band = bandOf(kpi, baseline);
  const direction = value > band.high ? "above" : value < band.low ? "below" : null;
  if (direction && (kpi.bad === "both" || kpi.bad === direction)) {
    return { kpi: kpi.key, status: "breach", value, volume, baseline, band, direction };
  }
  return { kpi: kpi.key, status: "normal", value, volume, baseline, band };
}

/**
 * Judges every KPI for the hour at `index` of consecutive hourly tallies, against the hours
 * 24, 48 ... 168 before it (those before the series are missing, not zero).
 */
export function judgeHour(tallies: readonly HourTally[], index: number): KpiVerdict[] {
  const previousDays: HourTally[] = [];
  for (let day = 1; day <= BASELINE_DAYS; day += 1) {
    const earlier = index - 24 * day;
    if (earlier >= 0) previousDays.push(tallies[earlier]);
  }
  return KPIS.map((kpi) => judgeKpi(kpi, tallies[index], previousDays));
}

/** A KPI value in words: rates as percentages, counts as they are. */
export function formatKpiValue(kpi: KpiDefinition, value: number): string {
  return kpi.kind === "rate" ? `${(value * 100).toFixed(1)}%` : String(Math.round(value * 10) / 10);
}

/** The alert's figures in one sentence. */
export function describeBreach(kpi: KpiDefinition, verdict: Extract<KpiVerdict, { status: "breach" }>): string {
  const f = (v: number) => formatKpiValue(kpi, v);
  const unit = kpi.kind === "rate" ? ` over ${verdict.volume} event(s)` : "";
  return `${kpi.label} was ${f(verdict.value)} in the last hour${unit}, ${verdict.direction} its band ${f(verdict.band.low)}–${f(verdict.band.high)} (baseline ${f(verdict.baseline.mean)} ± ${f(verdict.baseline.spread)} at this hour over ${verdict.baseline.days} of the last ${BASELINE_DAYS} days).`;
}
