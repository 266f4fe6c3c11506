import type { WorkspaceUsage } from "@/lib/plans/service";
import { PLAN_LIMITS } from "@/lib/plans/plans";

const number = (value: number) => value.toLocaleString("en-US");

function UsageRow({ label, used, limit, detail }: { label: string; used: number; limit: number | null; detail: string }) {
  const share = limit === null ? 0 : limit === 0 ? 1 : Math.min(1, used / limit);
  const full = limit !== null && used >= limit;
  return (
    <div className="grid grid-cols-[1fr_auto] items-baseline gap-x-4 gap-y-1.5">
      <dt className="text-sm font-medium">{label}</dt>
      <dd className={full ? "text-right text-sm font-semibold text-destructive" : "text-right text-sm tabular-nums"}>
        {limit === null ? `${number(used)} (unlimited)` : `${number(used)} of ${number(limit)}`}
      </dd>
      {limit !== null ? (
        <dd className="col-span-2 h-2 overflow-hidden rounded-full bg-muted" aria-hidden="true">
          <div className={full ? "h-full bg-destructive" : "h-full bg-primary"} style={{ width: `${Math.round(share * 100)}%` }} />
        </dd>
      ) : null}
      <dd className="col-span-2 text-xs text-muted-foreground">{detail}</dd>
    </div>
  );
}

/** The workspace's plan and what it used: new properties this month, messages today, API rates. */
export function PlanUsage({ usage }: { usage: WorkspaceUsage }) {
  const resets = usage.properties.resetsAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const capDetail = (channel: "SMS" | "EMAIL") => {
    const { planCap, settingCap } = usage.messages[channel];
    const plan = planCap === null ? "no plan cap" : `plan cap ${number(planCap)}`;
    return `Workspace setting ${number(settingCap)}, ${plan}; the lower applies. Resets at midnight ${usage.messages.timeZone}.`;
  };
  return (
    <div className="grid gap-5">
      <p className="text-sm">
        Plan: <strong data-testid="current-plan">{PLAN_LIMITS[usage.plan].label}</strong>
      </p>
      <dl className="grid gap-5">
        <UsageRow
          label="New properties this month"
          used={usage.properties.used}
          limit={usage.properties.quota}
          detail={`Counted from deals created since the 1st (UTC); resets on ${resets} at 00:00 UTC.`}
        />
        <UsageRow label="Texts sent today" used={usage.messages.SMS.sentToday} limit={usage.messages.SMS.cap} detail={capDetail("SMS")} />
        <UsageRow label="Emails sent today" used={usage.messages.EMAIL.sentToday} limit={usage.messages.EMAIL.cap} detail={capDetail("EMAIL")} />
      </dl>
      <p className="text-xs text-muted-foreground">
        {`API rate per key: ${number(usage.rates.apiKey.capacity)} requests at once, then ${number(usage.rates.apiKey.refillPerSecond * 60)} a minute. `}
        {`Per signed-in user: ${number(usage.rates.user.capacity)} at once, then ${number(usage.rates.user.refillPerSecond * 60)} a minute.`}
      </p>
    </div>
  );
}
