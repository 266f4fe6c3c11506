"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, humanize } from "@/components/prospects/format";
import type { IntakeDay } from "@/lib/prospects/analytics";
import { CHART, SOURCE_COLORS, axisTick, tooltipCursor, tooltipStyle } from "./chart-theme";

const SOURCES = Object.keys(SOURCE_COLORS) as (keyof typeof SOURCE_COLORS)[];

/** "2026-03-14" -> "Mar 14": the days are already in the workspace zone, so no zone math here. */
function shortDay(day: string) {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function IntakeChart({ data }: { data: IntakeDay[] }) {
  const total = data.reduce((sum, d) => sum + d.total, 0);
  return (
    <figure aria-label={`${total} deals received over the last ${data.length} days, stacked by source`}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis dataKey="day" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} tickFormatter={shortDay} minTickGap={16} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={48} tickFormatter={(v: number) => formatCount(v)}
            label={{ value: "Deals", angle: -90, position: "insideLeft", fill: CHART.axis, fontSize: 12 }} />
          <Tooltip
            cursor={tooltipCursor}
            contentStyle={tooltipStyle}
            labelFormatter={(label) => shortDay(String(label))}
            formatter={(value, name) => [formatCount(Number(value)), humanize(String(name))]}
          />
          <Legend formatter={(value: string) => <span className="text-xs text-muted-foreground">{humanize(value)}</span>} />
          {SOURCES.map((source, i) => (
            <Bar key={source} dataKey={source} name={source} stackId="intake" fill={SOURCE_COLORS[source]}
              radius={i === SOURCES.length - 1 ? [3, 3, 0, 0] : undefined} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
