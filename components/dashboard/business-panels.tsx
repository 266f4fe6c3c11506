import Link from "next/link";
import { formatCount, formatMoney, spreadTone } from "@/components/prospects/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";
import { DEAL_STATUS_LABELS, type DealStatus } from "@/lib/deals/rules";
import { cn } from "@/lib/ui/cn";

const rowLink = "flex items-center justify-between gap-3 rounded-md px-2 py-1.5 hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring focus-visible:outline-none";

/** Deals per pipeline status with the spread they hold; each row opens that status's list. */
export function StatusBreakdown({ rows }: { rows: { status: DealStatus; count: number; spread: number; href: string }[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Deals by status</CardTitle>
        <CardDescription>How many deals stand at each step, and the total spread they hold.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-0.5 text-sm">
          {rows.map((row) => (
            <li key={row.status}>
              <Link href={row.href} className={rowLink} data-figure={`status ${row.status}`}>
                <span className="min-w-0 flex-1 truncate">{DEAL_STATUS_LABELS[row.status]}</span>
                <span className="w-14 text-right font-medium tabular-nums" data-figure-value>{formatCount(row.count)}</span>
                <span className={cn("w-28 text-right tabular-nums", spreadTone(row.spread))}>{formatMoney(row.spread)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

export interface HotDeal {
  id: string;
  street: string | null;
  city: string | null;
  region: string | null;
  status: DealStatus;
  spread: number | null;
  score: number | null;
}

/** The open deals with the widest spread (score breaks ties). */
export function HottestDeals({ deals, listHref }: { deals: HotDeal[]; listHref: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Hottest deals</CardTitle>
        <CardDescription>
          Open deals by spread, then score. <Link href={listHref} className="font-medium text-primary underline-offset-4 hover:underline">See them all</Link>
        </CardDescription>
      </CardHeader>
      <CardContent>
        {deals.length === 0 ? (
          <p className="text-sm text-muted-foreground">No open deal has a positive spread yet.</p>
        ) : (
          <ol className="grid gap-0.5 text-sm">
            {deals.map((deal) => (
              <li key={deal.id}>
                <Link href={`/deals/${deal.id}`} className={rowLink}>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{deal.street ?? "Address unknown"}</span>
                    <span className="block truncate text-xs text-muted-foreground">
                      {[deal.city, deal.region].filter(Boolean).join(", ")} · {DEAL_STATUS_LABELS[deal.status]} · score {deal.score ?? "—"}
                    </span>
                  </span>
                  <span className={cn("shrink-0 font-medium tabular-nums", spreadTone(deal.spread))}>{formatMoney(deal.spread)}</span>
                </Link>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

/** Messages the outbound gates refused this week, per gate; each row opens those messages. */
export function BlockedByGate({ gates }: { gates: { gate: string; count: number; href: string }[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Messages blocked this week</CardTitle>
        <CardDescription>Which gate refused them: fix the cause where the message list points.</CardDescription>
      </CardHeader>
      <CardContent>
        {gates.length === 0 ? (
          <p className="text-sm text-muted-foreground">No message was blocked this week.</p>
        ) : (
          <ul className="grid gap-0.5 text-sm">
            {gates.map((g) => (
              <li key={g.gate}>
                <Link href={g.href} className={rowLink} data-figure={`blocked ${g.gate}`}>
                  <span className="min-w-0 flex-1 truncate">{BLOCK_REASON_LABELS[g.gate] ?? g.gate.replaceAll("_", " ")}</span>
                  <span className="font-medium tabular-nums" data-figure-value>{formatCount(g.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
