"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { GOOD_SPREAD, formatCount } from "@/components/prospects/format";
import { CHART, axisTick, tooltipCursor, tooltipStyle } from "./chart-theme";

interface Bucket {
  label: string;
  min: number | null;
  count: number;
}

/** Same colors as the table: losing spreads red, spreads worth a call green. */
function bucketColor(bucket: Bucket) {
  if (bucket.min === null) return CHART.destructive;
  return bucket.min >= GOOD_SPREAD ? CHART.success : CHART.primary;
}

export function SpreadHistogram({ data }: { data: Bucket[] }) {
  return (
    <figure aria-label={`Deals by spread: ${data.map((b) => `${b.label} ${b.count}`).join(", ")}`}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 8 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke={CHART.grid} />
          {/* Slanted so seven bucket labels fit a phone's width without running into each other. */}
          <XAxis dataKey="label" tick={{ ...axisTick, fontSize: 11 }} tickLine={false} axisLine={{ stroke: CHART.grid }} interval={0}
            angle={-35} textAnchor="end" height={56} />
          <YAxis tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false} width={48} tickFormatter={(v: number) => formatCount(v)}
            label={{ value: "Deals", angle: -90, position: "insideLeft", fill: CHART.axis, fontSize: 12 }} />
          <Tooltip cursor={tooltipCursor} contentStyle={tooltipStyle} formatter={(value) => [formatCount(Number(value)), "Deals"]} />
          <Bar dataKey="count" name="Deals" radius={[4, 4, 0, 0]}>
            {data.map((bucket) => <Cell key={bucket.label} fill={bucketColor(bucket)} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="text-center text-xs text-muted-foreground">Spread (MAO − asking)</figcaption>
    </figure>
  );
}
