/**
 * The KPIs page's data: each KPI hour by hour over the last 24 hours or 7 days with its
 * baseline band, and the alerts raised in that span.
 */
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { activeThrottle } from "@/lib/outbound/throttle";
import { getTenantSettings } from "@/lib/tenants/settings";
import { readKpiFacts } from "./measure";
import { BASELINE_DAYS, HOUR_MS, KPIS, judgeHour, kpiDefinition, tallyByHour } from "./rules";

export const KpiRange = z.object({ range: z.enum(["24h", "7d"]).catch("24h").default("24h") });
export type KpiRangeInput = z.infer<typeof KpiRange>;

export interface KpiPoint {
  hour: string;
  value: number | null;
  low: number | null;
  high: number | null;
  mean: number | null;
  alert: boolean;
}

export interface KpiSeries {
  key: string;
  label: string;
  kind: "rate" | "count";
  points: KpiPoint[];
  alerts: number;
}

export async function kpiSeries(db: TenantDb, input: KpiRangeInput, now = new Date()) {
  const hours = input.range === "7d" ? 24 * 7 : 24;
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const span = hours + 24 * BASELINE_DAYS;
  const origin = lastHour - (span - 1) * HOUR_MS;
  const from = new Date(origin + (span - hours) * HOUR_MS);
  const [facts, alerts, settings, throttle] = await Promise.all([
    readKpiFacts(db, new Date(origin), now),
    db.kpiAlert.findMany({ where: { createdAt: { gte: from } }, orderBy: { createdAt: "desc" }, take: 200 }),
    getTenantSettings(db),
    activeThrottle(db),
  ]);
  const tallies = tallyByHour(facts, origin, span);
  // An alert judged the hour before its pass: it marks the clock hour holding that hour's middle.
  const alertHours = new Set(alerts.map((a) => `${a.kpi}@${Math.floor((a.createdAt.getTime() - HOUR_MS / 2) / HOUR_MS) * HOUR_MS}`));
  const series: KpiSeries[] = KPIS.map((kpi) => ({ key: kpi.key, label: kpi.label, kind: kpi.kind, points: [], alerts: 0 }));
  for (let index = span - hours; index < span; index += 1) {
    const hourStart = origin + index * HOUR_MS;
    judgeHour(tallies, index).forEach((verdict, k) => {
      const banded = verdict.status === "skipped" ? null : verdict;
      const alert = alertHours.has(`${verdict.kpi}@${hourStart}`);
      if (alert) series[k].alerts += 1;
      series[k].points.push({
        hour: new Date(hourStart).toISOString(),
        value: verdict.value,
        low: banded?.band.low ?? null,
        high: banded?.band.high ?? null,
        mean: banded?.baseline.mean ?? null,
        alert,
      });
    });
  }
  // A KPI with no value in the span (no buyer data) or one that stayed at 0% where only a rise
  // is bad news (a gate that never blocked) is listed, not charted: twelve flat charts hide the one that moved.
  const measured = series.filter((s) => s.points.some((p) => p.value !== null));
  const neverHappened = measured.filter((s) => kpiDefinition(s.key)?.bad === "above" && s.points.every((p) => !p.value));
  return {
    range: input.range,
    series: measured.filter((s) => !neverHappened.includes(s)),
    unmeasured: series.filter((s) => !measured.includes(s)).map((s) => s.label),
    neverHappened: neverHappened.map((s) => s.label),
    alerts,
    autoThrottle: settings.kpiAutoThrottle,
    throttle,
  };
}
