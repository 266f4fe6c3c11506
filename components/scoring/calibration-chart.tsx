"use client";

import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from "recharts";
import { CHART, axisTick } from "@/components/analytics/chart-theme";
import type { CalibrationBin } from "@/lib/scoring/types";

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Predicted chance against the share that really reached a contract, per bin of the held-out
 * fifth; a well-calibrated model sits on the diagonal. The table below carries the same
 * figures for screen readers.
 */
export function CalibrationChart({ bins, label }: { bins: readonly CalibrationBin[]; label: string }) {
  const data = bins.map((b) => ({ predicted: b.predicted, observed: b.observed }));
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm text-muted-foreground">{label}</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={180}>
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke={CHART.grid} />
            <XAxis type="number" dataKey="predicted" domain={[0, 1]} tick={axisTick} tickFormatter={pct} ticks={[0, 0.25, 0.5, 0.75, 1]} />
            <YAxis type="number" domain={[0, 1]} tick={axisTick} tickFormatter={pct} ticks={[0, 0.25, 0.5, 0.75, 1]} width={40} />
            <Line data={[{ predicted: 0, observed: 0 }, { predicted: 1, observed: 1 }]} dataKey="observed" stroke={CHART.grid} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
            <Scatter dataKey="observed" fill={CHART.primary} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="w-auto text-xs [&_td]:pr-6 [&_th]:pr-6">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="text-left text-muted-foreground">
            <th scope="col" className="font-normal">Predicted</th>
            <th scope="col" className="font-normal">Reached contract</th>
            <th scope="col" className="font-normal">Deals</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.predicted}>
              <td className="tabular-nums">{pct(b.predicted)}</td>
              <td className="tabular-nums">{pct(b.observed)}</td>
              <td className="tabular-nums">{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
