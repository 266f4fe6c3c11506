"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/components/prospects/format";
import { RANK_LABELS, MARKET_RANKS, type MarketRank } from "@/lib/market/types";
import { CHART, RANK_COLORS, axisTick, tooltipCursor, tooltipStyle } from "./chart-theme";

export type RankRow = { market: string } & Record<MarketRank, number>;

export function RankDistributionChart({ data }: { data: RankRow[] }) {
  // Horizontal stacked bars: market names stay readable at 390 px and the height follows the list.
  const height = Math.max(180, data.length * 30 + 64);
  const summary = data.map((row) => `${row.market}: ${MARKET_RANKS.filter((r) => row[r] > 0).map((r) => `${row[r]} ${RANK_LABELS[r].toLowerCase()}`).join(", ")}`).join("; ");
  return (
    <figure aria-label={`Postal areas by rank in each market. ${summary}`}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={CHART.grid} />
          <XAxis type="number" tick={axisTick} tickLine={false} axisLine={{ stroke: CHART.grid }} allowDecimals={false} tickFormatter={(v: number) => formatCount(v)} />
          <YAxis type="category" dataKey="market" tick={axisTick} tickLine={false} axisLine={false} width={104} interval={0} />
          <Tooltip cursor={tooltipCursor} contentStyle={tooltipStyle} formatter={(value, name) => [`${formatCount(Number(value))} areas`, RANK_LABELS[name as MarketRank] ?? String(name)]} />
          <Legend formatter={(value: string) => <span className="text-xs text-muted-foreground">{RANK_LABELS[value as MarketRank] ?? value}</span>} />
          {MARKET_RANKS.map((rank) => (
            <Bar key={rank} dataKey={rank} name={rank} stackId="ranks" fill={RANK_COLORS[rank]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
