"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/components/prospects/format";
import { CHART, SERIES_COLORS, axisTick, tooltipStyle } from "./chart-theme";

export interface VelocityChartProps {
  /** The weeks' first days, ISO dates, oldest first. */
  weeks: string[];
  series: { areaCode: string; label: string; counts: number[] }[];
}

/** "2026-03-14" -> "Mar 14". */
function shortDay(day: string) {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

// Dashes as well as colours, so lines stay apart in print and for colour-blind readers.
const DASHES = [undefined, "6 3", "2 2", "8 3 2 3", "4 4", "1 3"];

export function AreaVelocityChart({ weeks, series }: VelocityChartProps) {
  const data = weeks.map((week, i) => ({ week, ...Object.fromEntries(series.map((s) => [s.areaCode, s.counts[i]])) }));
  return (
    <figure aria-label={`New deals per week over ${weeks.length} weeks in ${series.map((s) => s.label).join(", ")}; the table below lists the figures`}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis dataKey="week" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} tickFormatter={shortDay} minTickGap={24} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={40} tickFormatter={(v: number) => formatCount(v)}
            label={{ value: "Deals / week", angle: -90, position: "insideLeft", fill: CHART.axis, fontSize: 12, dy: 40 }} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={(label) => `Week of ${shortDay(String(label))}`} formatter={(value, name) => [formatCount(Number(value)), String(name)]} />
          <Legend formatter={(value: string) => <span className="text-xs text-muted-foreground">{value}</span>} />
          {series.map((s, i) => (
            <Line key={s.areaCode} type="monotone" dataKey={s.areaCode} name={s.label} stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
              strokeDasharray={DASHES[i % DASHES.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
