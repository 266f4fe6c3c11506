"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, humanize } from "@/components/prospects/format";
import { CHART, axisTick, tooltipCursor, tooltipStyle } from "./chart-theme";

export function FunnelChart({ data }: { data: { status: string; count: number }[] }) {
  const rows = data.map((d) => ({ label: humanize(d.status), count: d.count }));
  return (
    <figure aria-label={`Deals by status: ${rows.map((r) => `${r.label} ${r.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} interval={0} angle={-25} textAnchor="end" height={56} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} tickFormatter={(v: number) => formatCount(v)} width={48}
            label={{ value: "Deals", angle: -90, position: "insideLeft", fill: CHART.axis, fontSize: 12 }} />
          <Tooltip cursor={tooltipCursor} contentStyle={tooltipStyle} formatter={(value) => [formatCount(Number(value)), "Deals"]} />
          <Bar dataKey="count" name="Deals" fill={CHART.primary} radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
