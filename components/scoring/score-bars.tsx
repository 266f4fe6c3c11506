import type { ScoreContribution } from "@/lib/scoring/types";

export const formatPoints = (points: number) => (points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : "0");

/**
 * Each feature as a line ("equity: spread ratio 0.31 → +25") over a bar of its points, green
 * when it adds and amber when it takes away. The bar repeats the text: hidden from screen readers.
 */
export function ScoreBars({ contributions }: { contributions: readonly ScoreContribution[] }) {
  return (
    <ul className="grid gap-2" aria-label="Score contributions">
      {contributions.map((c) => (
        <li key={c.feature} className="grid gap-1 text-sm" data-testid="score-contribution">
          <span className="flex flex-wrap justify-between gap-x-2">
            <span>{`${c.label}: ${c.detail}`}</span>
            <span className="font-medium tabular-nums">{`→ ${formatPoints(c.points)}`}</span>
          </span>
          <span aria-hidden className="block h-1.5 w-full overflow-hidden rounded-full bg-muted">
            <span className={`block h-full rounded-full ${c.points < 0 ? "bg-amber-500" : "bg-primary"}`} style={{ width: `${Math.min(100, Math.max(c.points === 0 ? 0 : 1, Math.abs(c.points)))}%` }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
