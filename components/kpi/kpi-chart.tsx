"use client";

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, axisTick, tooltipStyle } from "@/components/analytics/chart-theme";
import type { KpiPoint, KpiSeries } from "@/lib/kpi/series";

function formatValue(kind: KpiSeries["kind"], value: number) {
  return kind === "rate" ? `${Math.round(value * 1000) / 10}%` : String(Math.round(value * 10) / 10);
}

function hourLabel(iso: string) {
  return `${iso.slice(11, 13)}:00`;
}

function dayLabel(iso: string) {
  return new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** The last hour with a value, in words: the figure the chart leads to. */
function latestReading(series: KpiSeries): string {
  const last: KpiPoint | undefined = [...series.points].reverse().find((p) => p.value !== null);
  if (!last || last.value === null) return "No value in this span.";
  const f = (v: number) => formatValue(series.kind, v);
  const when = `${dayLabel(last.hour)}, ${hourLabel(last.hour)} UTC`;
  if (last.low === null || last.high === null) return `Last measured ${when}: ${f(last.value)}. No band: too few events at that hour over the previous 7 days.`;
  const where = last.value > last.high ? "above" : last.value < last.low ? "below" : "inside";
  return `Last measured ${when}: ${f(last.value)}, ${where} its band ${f(last.low)}–${f(last.high)}.`;
}

/** A point between two gaps has no line to sit on: it gets a dot of its own. */
function isLone(points: readonly KpiPoint[], index: number) {
  return points[index].value !== null && (points[index - 1]?.value ?? null) === null && (points[index + 1]?.value ?? null) === null;
}

/** One KPI hour by hour (UTC) against its baseline band; the hours that raised an alert are red dots. */
export function KpiChart({ series, range }: { series: KpiSeries; range: "24h" | "7d" }) {
  const data = series.points.map((p, index) => ({
    hour: p.hour,
    value: p.value,
    band: p.low !== null && p.high !== null ? [p.low, p.high] : null,
    alert: p.alert ? p.value : null,
    lone: isLone(series.points, index) && !p.alert ? p.value : null,
  }));
  const hasBand = data.some((d) => d.band !== null);
  // Ticks on round hours: midnights over a week, every 6 hours over a day.
  const ticks = data.map((d) => d.hour).filter((hour) => (range === "7d" ? hour.slice(11, 13) === "00" : Number(hour.slice(11, 13)) % 6 === 0));
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm text-muted-foreground">{latestReading(series)}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={CHART.grid} />
            <XAxis dataKey="hour" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} ticks={ticks} tickFormatter={range === "24h" ? hourLabel : dayLabel} minTickGap={8} />
            <YAxis tick={axisTick} tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => formatValue(series.kind, v)} domain={[0, "auto"]} allowDecimals={series.kind === "rate"} />
            <Tooltip
              contentStyle={tooltipStyle}
              labelFormatter={(label) => `${dayLabel(String(label))}, ${hourLabel(String(label))} UTC`}
              formatter={(value, name) => {
                if (Array.isArray(value)) return [`${formatValue(series.kind, Number(value[0]))} – ${formatValue(series.kind, Number(value[1]))}`, "Baseline band"];
                return [formatValue(series.kind, Number(value)), name === "alert" ? "Alert" : series.label];
              }}
            />
            <Area dataKey="band" name="band" stroke="none" fill={CHART.primary} fillOpacity={0.15} isAnimationActive={false} connectNulls={false} activeDot={false} />
            <Line dataKey="value" name="value" stroke={CHART.primary} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
            <Scatter dataKey="lone" name="value" fill={CHART.primary} isAnimationActive={false} />
            <Scatter dataKey="alert" name="alert" fill={CHART.destructive} stroke="var(--background)" strokeWidth={2} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
        <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block h-0.5 w-4 bg-primary" />{series.label} per hour</li>
        {hasBand && <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block h-3 w-4 rounded-sm bg-primary/15" />Baseline band (same hour, last 7 days)</li>}
        {series.alerts > 0 && <li className="flex items-center gap-1.5"><span aria-hidden="true" className="inline-block size-2.5 rounded-full bg-destructive" />Alert</li>}
      </ul>
    </figure>
  );
}
