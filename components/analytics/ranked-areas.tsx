import Link from "next/link";
import { formatCount } from "@/components/prospects/format";
import type { RankedArea } from "@/lib/market/analytics";

/** A numbered list of areas, each opening its card on the market map. */
export function RankedAreas({ areas, label }: { areas: RankedArea[]; label: string }) {
  return (
    <ol aria-label={label} className="grid gap-1">
      {areas.map((area, i) => (
        <li key={area.areaCode} className="flex min-w-0 gap-3 rounded-md px-2 py-1.5 hover:bg-muted">
          <span className="w-6 shrink-0 text-right text-sm tabular-nums text-muted-foreground">{i + 1}.</span>
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <Link href={`/market?area=${encodeURIComponent(area.areaCode)}`} className="font-medium underline-offset-4 hover:underline">
                {area.areaCode}
              </Link>
              <span className="text-sm text-muted-foreground">{[area.city, area.region].filter(Boolean).join(", ")}</span>
              <span className="ml-auto text-xs tabular-nums text-muted-foreground">{formatCount(area.deals12w)} in 12 wk</span>
            </div>
            <p className="text-sm text-muted-foreground [overflow-wrap:anywhere]">{area.headline}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
