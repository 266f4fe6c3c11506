import { ArrowLeft } from "@/components/ui/icons";
import Link from "next/link";
import type { Deal } from "@/generated/prisma/client";
import { StatusBadge, StrategyBadge } from "@/components/prospects/deal-badges";
import { formatMoney, formatPercent, spreadTone } from "@/components/prospects/format";
import { cn } from "@/lib/ui/cn";

type HeaderDeal = Pick<Deal, "street" | "unit" | "city" | "region" | "postalCode" | "country" | "status" | "strategy" | "spread" | "spreadRatio" | "mao" | "askingPrice" | "arv">;

function Figure({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("text-lg font-semibold tabular-nums", className)}>{value}</dd>
    </div>
  );
}

export function DealHeader({ deal }: { deal: HeaderDeal }) {
  const street = [deal.street, deal.unit && `Unit ${deal.unit}`].filter(Boolean).join(", ") || "Address unknown";
  const locality = [deal.city, [deal.region, deal.postalCode].filter(Boolean).join(" "), deal.country].filter(Boolean).join(", ");
  return (
    <header className="grid gap-4">
      <Link href="/deals" className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> Prospects
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{street}</h1>
          {locality && <p className="text-sm text-muted-foreground">{locality}</p>}
          <div className="mt-1 flex flex-wrap gap-2">
            <StatusBadge status={deal.status} />
            <StrategyBadge strategy={deal.strategy} />
          </div>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
          <Figure label="Asking" value={formatMoney(deal.askingPrice)} />
          <Figure label="ARV" value={formatMoney(deal.arv)} />
          <Figure label="MAO" value={formatMoney(deal.mao)} />
          <Figure label={`Spread (${formatPercent(deal.spreadRatio)})`} value={formatMoney(deal.spread)} className={spreadTone(deal.spread)} />
        </dl>
      </div>
    </header>
  );
}
