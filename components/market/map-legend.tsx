import { legendEntries, RANK_COLORS, type ColorBy, type HeatBy } from "@/lib/map/legend";
import { MARKET_RANKS, RANK_LABELS } from "@/lib/market/types";

/** What the colours mean: deals by strategy or status, areas by rank, and the heatmap's measure. */
export function MapLegend({ colorBy, heatBy, heatOn }: { colorBy: ColorBy; heatBy: HeatBy; heatOn: boolean }) {
  return (
    <div className="grid gap-2 text-xs sm:grid-cols-2">
      <div>
        <p className="font-medium">Deals by {colorBy}</p>
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {legendEntries(colorBy).map((entry) => (
            <li key={entry.label} className="flex items-center gap-1.5">
              <span className="inline-block size-3 rounded-full" style={{ background: entry.color }} aria-hidden /> {entry.label}
            </li>
          ))}
        </ul>
        <p className="mt-1 text-muted-foreground">Bigger dots: bigger spread. Numbers: deals in a cluster.</p>
      </div>
      <div>
        <p className="font-medium">Areas by rank (rings)</p>
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {MARKET_RANKS.map((rank) => (
            <li key={rank} className="flex items-center gap-1.5">
              <span
                className={`inline-block size-3.5 rounded-full ${rank === "BLACKLIST" ? "border-4 bg-white" : "border-[3px]"}`}
                style={{ borderColor: RANK_COLORS[rank] }}
                aria-hidden
              />
              <span className={rank === "BLACKLIST" ? "line-through" : undefined}>{RANK_LABELS[rank]}</span>
            </li>
          ))}
        </ul>
        {heatOn && <p className="mt-1 text-muted-foreground">Heat: {heatBy === "density" ? "how many deals" : "how much spread"} (warmer is more).</p>}
      </div>
    </div>
  );
}
