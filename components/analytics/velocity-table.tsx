import { formatCount } from "@/components/prospects/format";

/** The velocity chart's figures as a table, for screen readers and for reading exact numbers. */
export function VelocityTable({ weeks, series }: { weeks: string[]; series: { areaCode: string; label: string; counts: number[] }[] }) {
  const recent = weeks.length - 4;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted-foreground">The figures: deals per area, last 4 weeks and the 16</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">New deals per area, in the last 4 weeks and in all {weeks.length} weeks</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1 pr-3 font-medium">Area</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Last 4 weeks</th>
              <th scope="col" className="py-1 text-right font-medium">{weeks.length} weeks</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.areaCode} className="border-b last:border-0">
                <th scope="row" className="py-1 pr-3 font-normal">{s.label}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{formatCount(s.counts.slice(recent).reduce((a, b) => a + b, 0))}</td>
                <td className="py-1 text-right tabular-nums">{formatCount(s.counts.reduce((a, b) => a + b, 0))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
