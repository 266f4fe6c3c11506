import { Activity, Calculator, Inbox, Mail, MessageSquare, Phone, ShieldCheck, type LeanIcon } from "@/components/ui/icons";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime, formatMoney, formatPercent, humanize, spreadTone } from "@/components/prospects/format";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";
import type { TimelineEntry, TimelineKind } from "@/lib/prospects/detail";

const KIND: Record<TimelineKind, { icon: LeanIcon; label: string }> = {
  intake: { icon: Inbox, label: "Intake" },
  underwriting: { icon: Calculator, label: "Underwriting" },
  message: { icon: MessageSquare, label: "Message" },
  call: { icon: Phone, label: "Call" },
  mail: { icon: Mail, label: "Mail" },
  kpi: { icon: Activity, label: "Event" },
  audit: { icon: ShieldCheck, label: "Change" },
};

export function DealTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <CardDescription>{`Oldest first. Times in ${timeZone}.`}</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="relative grid gap-4 border-l pl-5">
          {entries.map((entry) => {
            const { icon: Icon, label } = KIND[entry.kind];
            return (
              <li key={entry.id} className="relative grid gap-0.5" data-testid="timeline-entry" data-kind={entry.kind}>
                <span className="absolute top-0.5 -left-[1.95rem] flex size-5 items-center justify-center rounded-full border bg-background">
                  <Icon className="size-3 text-muted-foreground" aria-hidden />
                </span>
                <p className="text-sm">
                  <span className="sr-only">{label}: </span>
                  <span className="font-medium first-letter:uppercase">{entry.title}</span>
                </p>
                {entry.message && (
                  <p
                    className={`rounded-md border px-2 py-1 text-sm whitespace-pre-line break-words ${entry.message.direction === "INBOUND" ? "bg-muted" : ""}`}
                    data-testid="timeline-message"
                    data-direction={entry.message.direction}
                    data-status={entry.message.status}
                  >
                    {entry.message.body}
                  </p>
                )}
                {entry.message?.blockedReason && (
                  <p className="text-xs font-medium text-destructive">{BLOCK_REASON_LABELS[entry.message.blockedReason] ?? entry.message.blockedReason}</p>
                )}
                {entry.detail && <p className="text-xs break-words text-muted-foreground">{entry.detail}</p>}
                {entry.offer && (
                  <p className="text-xs text-muted-foreground">
                    {`MAO ${formatMoney(entry.offer.mao)} · spread `}
                    <span className={spreadTone(entry.offer.spread)}>{`${formatMoney(entry.offer.spread)} (${formatPercent(entry.offer.spreadRatio)})`}</span>
                    {entry.offer.strategy && ` · ${humanize(entry.offer.strategy)}`}
                  </p>
                )}
                <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground">{formatDateTime(entry.at, timeZone)}</time>
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
