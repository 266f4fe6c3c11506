"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/components/prospects/format";
import { CHART, axisTick, tooltipCursor, tooltipStyle } from "./chart-theme";

export function MarketsChart({ data }: { data: { market: string; count: number }[] }) {
  // Horizontal bars: market names stay readable, and the height grows with the list.
  const height = Math.max(160, data.length * 30 + 48);
  return (
    <figure aria-label={`Deals by market: ${data.map((m) => `${m.market} ${m.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis type="number" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} allowDecimals={false} tickFormatter={(v: number) => formatCount(v)}
            label={{ value: "Deals", position: "insideBottom", offset: -10, fill: CHART.axis, fontSize: 12 }} />
          <YAxis type="category" dataKey="market" tick={axisTick} tickLine={false} axisLine={false} width={120} interval={0} />
          <Tooltip cursor={tooltipCursor} contentStyle={tooltipStyle} formatter={(value) => [formatCount(Number(value)), "Deals"]} />
          <Bar dataKey="count" name="Deals" fill={CHART.primary} radius={[0, 4, 4, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
