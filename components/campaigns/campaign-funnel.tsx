import type { CampaignMetrics } from "@/lib/campaigns/queries";
import { formatRate } from "@/lib/campaigns/rules";

/** The funnel (recipients to clicks, each a bar against the recipients) and what fell out of it. */
export function CampaignFunnel({ metrics, mail }: { metrics: CampaignMetrics; mail: boolean }) {
  const { funnel, states, recipients } = metrics;
  const steps: [string, number][] = mail
    ? [["Recipients", recipients], ["Waiting", states.PENDING + states.SENDING], ["Mailed", funnel.sent]]
    : [["Recipients", recipients], ["Waiting", states.PENDING + states.SENDING], ["Sent", funnel.sent], ["Delivered", funnel.delivered], ["Opened", funnel.opened], ["Clicked", funnel.clicked]];
  const out: [string, number][] = [["Blocked", states.BLOCKED], ["Errors", states.ERROR]];
  if (!mail) out.push(["Bounced", funnel.bounced], ["Spam reports", funnel.spam], ["Unsubscribed", funnel.unsubscribed]);
  return (
    <div className="grid gap-4">
      <dl className="grid gap-2" data-testid="campaign-funnel">
        {steps.map(([label, value]) => (
          <div key={label} className="grid grid-cols-[7rem_1fr_3.5rem] items-center gap-3 text-sm">
            <dt>{label}</dt>
            <dd className="h-3 overflow-hidden rounded bg-muted" aria-hidden="true">
              <div className="h-full rounded bg-primary" style={{ width: `${recipients ? Math.round((value / recipients) * 100) : 0}%` }} />
            </dd>
            <dd className="text-right tabular-nums" data-testid={`funnel-${label.toLowerCase()}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {out.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="tabular-nums" data-testid={`count-${label.toLowerCase().replace(" ", "-")}`}>{value}</dd>
          </div>
        ))}
        {mail ? null : (
          <div className="flex gap-2">
            <dt className="text-muted-foreground">Open rate</dt>
            <dd className="tabular-nums">{formatRate(metrics.rates.open)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
