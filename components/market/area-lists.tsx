import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { shortMoney } from "@/lib/market/rank";
import type { AreaRollup, MarketAreaView } from "@/lib/market/service";
import { MARKET_RANKS, RANK_LABELS } from "@/lib/market/types";
import { RankBadge } from "./rank-badge";

/** The ranked areas as links, hottest first; blacklisted ones struck through. Works without the map. */
export function AreaList({ areas, cardHref }: { areas: MarketAreaView[]; cardHref: (areaCode: string) => string }) {
  if (areas.length === 0) {
    return <p className="text-sm text-muted-foreground">No areas ranked yet. Areas appear once deals with postal codes arrive and the market-intel engine has run (Engines page).</p>;
  }
  return (
    <ol className="grid max-h-[480px] gap-1 overflow-y-auto pr-1" aria-label="Areas, hottest first">
      {areas.map((area) => (
        <li key={area.areaCode} className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-muted">
          <Link href={cardHref(area.areaCode)} scroll={false} className={`min-w-0 truncate font-medium underline-offset-2 hover:underline ${area.blacklisted ? "line-through" : ""}`}>
            {area.areaCode}{area.city ? ` ${area.city}` : ""}
            {area.blacklisted && <span className="sr-only"> (blacklisted)</span>}
          </Link>
          <span className="flex shrink-0 items-center gap-2 text-xs text-muted-foreground">
            <span className="tabular-nums">{area.metrics.deals4w} in 4 wk</span>
            <RankBadge rank={area.rank} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Areas per market or region: how many of each rank, their deals and median spread. */
export function RollupTable({ title, rollups }: { title: string; rollups: AreaRollup[] }) {
  return (
    <section aria-label={`Areas by ${title.toLowerCase()}`} className="grid content-start gap-2">
      <h2 className="text-base font-semibold">By {title.toLowerCase()}</h2>
      {rollups.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing to roll up yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{title}</TableHead>
                <TableHead className="text-right">Areas</TableHead>
                {MARKET_RANKS.map((rank) => <TableHead key={rank} className="text-right">{RANK_LABELS[rank]}</TableHead>)}
                <TableHead className="text-right">Deals 4 wk</TableHead>
                <TableHead className="text-right">Deals 12 wk</TableHead>
                <TableHead className="text-right">Median spread</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rollups.map((rollup) => (
                <TableRow key={rollup.key}>
                  <TableCell className="font-medium">{rollup.key}</TableCell>
                  <TableCell className="text-right tabular-nums">{rollup.areas}</TableCell>
                  {MARKET_RANKS.map((rank) => <TableCell key={rank} className="text-right tabular-nums">{rollup.counts[rank]}</TableCell>)}
                  <TableCell className="text-right tabular-nums">{rollup.deals4w}</TableCell>
                  <TableCell className="text-right tabular-nums">{rollup.deals12w}</TableCell>
                  <TableCell className="text-right tabular-nums">{rollup.medianSpread === null ? "-" : `$${shortMoney(rollup.medianSpread)}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
