"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART, axisTick, tooltipCursor, tooltipStyle } from "@/components/analytics/chart-theme";
import type { ScoreBucket } from "@/lib/laboratory/compare";

/** The experiment's peak scores beside production's, in buckets of ten points. */
export function ScoreDistributionChart({ data, threshold, productionThreshold }: { data: ScoreBucket[]; threshold: number; productionThreshold: number }) {
  const summary = data.map((b) => `${b.label}: experiment ${b.lab}, production ${b.production}`).join("; ");
  return (
    <figure aria-label={`People by highest intent score in the window. ${summary}`}>
      {/* Buckets down the side: ten labels stay level and readable on a phone. No animation:
          a bar sliding from its old place after a resize reads as belonging to another bucket. */}
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }} barCategoryGap={4}>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <YAxis type="category" dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} width={56} interval={0}
            label={{ value: "Score", angle: -90, position: "insideLeft", fill: CHART.axis, fontSize: 12 }} />
          <XAxis type="number" tick={axisTick} tickLine={false} axisLine={false} allowDecimals={false}
            label={{ value: "People", position: "insideBottom", offset: -2, fill: CHART.axis, fontSize: 12 }} height={36} />
          <Tooltip cursor={tooltipCursor} contentStyle={tooltipStyle} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 4 }} />
          <Bar dataKey="lab" name={`Experiment (threshold ${threshold})`} fill={CHART.primary} radius={[0, 4, 4, 0]} isAnimationActive={false} />
          <Bar dataKey="production" name={`Production (threshold ${productionThreshold})`} fill={CHART.muted} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="text-center text-xs text-muted-foreground">Highest intent score each person reached in the window</figcaption>
    </figure>
  );
}
