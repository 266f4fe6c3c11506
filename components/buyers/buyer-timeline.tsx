import Link from "next/link";
import { formatDateTime, formatMoney } from "@/components/prospects/format";
import type { BuyerTimelineEntry } from "@/lib/buyers/timeline";

const FEEDBACK_LABELS: Record<string, string> = {
  SENT: "Sent a deal",
  VIEWED: "Viewed a deal",
  RESPONDED: "Responded to a deal",
  OFFERED: "Made an offer",
  BOUGHT: "Bought a deal",
  PASSED: "Passed on a deal",
};

function describe(entry: BuyerTimelineEntry): string {
  if (entry.kind === "feedback") return FEEDBACK_LABELS[entry.event] ?? entry.event;
  if (entry.kind === "blast") return `Blast by ${entry.channel === "SMS" ? "SMS" : "email"}: ${entry.state.toLowerCase()}`;
  return `Offer of ${formatMoney(entry.amount)} (${entry.status.toLowerCase()})`;
}

/** Newest first: what was sent to the buyer, what it looked at, answered, offered and bought. */
export function BuyerTimeline({ entries, timeZone, zoneLabel }: { entries: BuyerTimelineEntry[]; timeZone: string; zoneLabel: string }) {
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">Nothing yet. Blasts sent to this buyer, its views, answers, offers and purchases appear here.</p>;
  }
  return (
    <ol className="grid gap-3" aria-label="Buyer history">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="grid gap-0.5 border-l-2 pl-3">
          <span className="text-sm font-medium">{describe(entry)}</span>
          {entry.dealId && (
            <Link href={`/deals/${entry.dealId}`} className="text-sm hover:underline">{entry.dealAddress ?? "Deal"}</Link>
          )}
          {entry.detail && <span className="text-sm text-muted-foreground">{entry.detail}</span>}
          <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground">{formatDateTime(entry.at, timeZone)} {zoneLabel}</time>
        </li>
      ))}
    </ol>
  );
}
