import { RANK_COLORS } from "@/lib/map/legend";
import { RANK_LABELS, type MarketRank } from "@/lib/market/types";

/** A rank as a small swatch and its name (the colour is never the only signal). */
export function RankBadge({ rank }: { rank: MarketRank }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium">
      <span className="inline-block size-2.5 rounded-full" style={{ background: RANK_COLORS[rank] }} aria-hidden />
      {RANK_LABELS[rank]}
    </span>
  );
}
