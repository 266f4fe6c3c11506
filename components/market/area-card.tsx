import Link from "next/link";
import type { DirectAction } from "@/components/forms/action-types";
import { Button } from "@/components/ui/button";
import { shortMoney } from "@/lib/market/rank";
import type { MarketAreaView } from "@/lib/market/service";
import { BlacklistForm, type BlacklistPayload } from "./blacklist-form";
import { RankBadge } from "./rank-badge";

export interface AreaCardDeal {
  id: string;
  label: string;
  status: string;
  spread: number | null;
}

interface AreaCardProps {
  area: MarketAreaView;
  deals: AreaCardDeal[];
  /** The area's deal count in Prospects (the card lists the newest few). */
  dealCount: number;
  closeHref: string;
  setBlacklist?: DirectAction<BlacklistPayload, { areaCode: string; blacklisted: boolean }>;
}

const percent = (value: number | null) => (value === null ? "-" : `${Math.round(value * 100)}%`);
const money = (value: number | null) => (value === null ? "-" : `$${shortMoney(value)}`);

/** One postal area: its rank and why, its figures, its newest deals and the blacklist toggle. */
export function AreaCard({ area, deals, dealCount, closeHref, setBlacklist }: AreaCardProps) {
  const m = area.metrics;
  const figures: [string, string][] = [
    ["Deals, 4 weeks", String(m.deals4w)],
    ["Deals, 12 weeks", String(m.deals12w)],
    ["Per week (4 / 12 wk)", `${m.velocity4w.toFixed(1)} / ${m.velocity12w.toFixed(1)}`],
    ["Trend", m.trend === null ? "-" : `${m.trend.toFixed(1)}x`],
    ["Median spread", money(m.medianSpread)],
    ["Underwritten", percent(m.underwrittenShare)],
    ["Reply rate", percent(m.replyRate)],
    ["Contracts / closes (52 wk)", `${m.contracts} / ${m.closes}`],
    ["Days to contract", m.medianDaysToContract === null ? "-" : String(m.medianDaysToContract)],
  ];
  const title = [area.areaCode, area.city, area.region].filter(Boolean).join(", ");
  return (
    <section id="area-card" aria-labelledby="area-card-title" className="grid gap-4 rounded-lg border bg-card p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <h2 id="area-card-title" className={`text-lg font-semibold ${area.blacklisted ? "line-through" : ""}`}>{title}</h2>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <RankBadge rank={area.rank} />
            {area.market && <span>{area.market}</span>}
          </div>
        </div>
        <Button variant="ghost" size="sm" asChild>
          <Link href={closeHref} scroll={false}>Close</Link>
        </Button>
      </div>
      {area.blacklisted && (
        <p className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm">
          Blacklisted{area.blacklistedBy ? ` by ${area.blacklistedBy}` : ""}: {area.blacklistReason}
        </p>
      )}
      {area.reasons.length > 0 && (
        <ul className="grid gap-1 text-sm">
          {area.reasons.map((reason) => <li key={reason}>{reason}</li>)}
        </ul>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-2">
        <h3 className="text-sm font-medium">Deals</h3>
        {deals.length === 0 ? (
          <p className="text-sm text-muted-foreground">No live deals in this area.</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {deals.map((deal) => (
              <li key={deal.id} className="flex justify-between gap-2">
                <Link className="underline-offset-2 hover:underline" href={`/deals/${deal.id}`}>{deal.label}</Link>
                <span className="text-muted-foreground tabular-nums">{deal.spread === null ? deal.status : `$${shortMoney(deal.spread)}`}</span>
              </li>
            ))}
          </ul>
        )}
        <Link className="text-sm font-medium underline underline-offset-2" href={`/deals?area=${area.areaCode}`}>
          Open {dealCount === 1 ? "its deal" : `its ${dealCount.toLocaleString("en-US")} deals`} in Prospects
        </Link>
      </div>
      {setBlacklist && <BlacklistForm key={`${area.areaCode}-${area.blacklisted}`} areaCode={area.areaCode} blacklisted={area.blacklisted} setBlacklist={setBlacklist} />}
    </section>
  );
}
