import type { ReactNode } from "react";
import { formatPercent } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import type { SenderOverview } from "@/lib/deliverability/overview";
import type { Rates, WindowCounts } from "@/lib/deliverability/throttle-rules";

const STATUS_BADGE = { ACTIVE: "success", SLOWED: "warning", PAUSED: "destructive" } as const;
const STATUS_WORD = { ACTIVE: "Active", SLOWED: "Slowed", PAUSED: "Paused" } as const;

function Figures({ title, counts }: { title: string; counts: WindowCounts & Rates }) {
  return (
    <div className="grid gap-1">
      <h4 className="text-xs font-medium text-muted-foreground">{title}</h4>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-0.5 text-sm sm:grid-cols-4">
        <div><dt className="text-xs text-muted-foreground">Sent</dt><dd className="tabular-nums">{counts.sent}</dd></div>
        <div><dt className="text-xs text-muted-foreground">Delivered</dt><dd className="tabular-nums">{formatPercent(counts.deliveryRate)}</dd></div>
        <div><dt className="text-xs text-muted-foreground">Replies</dt><dd className="tabular-nums">{formatPercent(counts.replyRate)}</dd></div>
        <div><dt className="text-xs text-muted-foreground">Opt-outs</dt><dd className="tabular-nums">{formatPercent(counts.optOutRate)}</dd></div>
      </dl>
    </div>
  );
}

/** One sending number or domain: its status and rate, 24 h and 7 day figures, the last decision, and (for managers) pause/restore. */
export function SenderCard({ sender, when, manage }: { sender: SenderOverview; when: (d: Date) => string; manage?: ReactNode }) {
  return (
    <li className="grid gap-3 rounded-lg border p-4" data-testid="sender" data-address={sender.address}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium tabular-nums">{sender.address}</h3>
        <span className="text-sm text-muted-foreground">{sender.channel === "SMS" ? "SMS number" : "Email domain"}{sender.label ? ` · ${sender.label}` : ""}</span>
        <Badge variant={STATUS_BADGE[sender.status]}>{STATUS_WORD[sender.status]}</Badge>
        <span className="text-sm tabular-nums">{`Rate ${formatPercent(sender.rate)} of its share`}</span>
      </div>
      {sender.statusReason ? <p className="text-sm" data-testid="sender-reason">{sender.statusReason}</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Figures title="Last 24 hours" counts={sender.last24h} />
        <Figures title="Last 7 days" counts={sender.last7d} />
      </div>
      <p className="text-xs text-muted-foreground">
        {sender.lastDecision ? `Last decision: ${sender.lastDecision.action}, ${when(sender.lastDecision.at)}.` : "No decision yet: its figures are within limits or too few to judge."}
        {sender.lastUsedAt ? ` Last used ${when(sender.lastUsedAt)}.` : ""}
      </p>
      {manage}
    </li>
  );
}
