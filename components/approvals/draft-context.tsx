import Link from "next/link";
import { formatDateTime, formatMoney, humanize } from "@/components/prospects/format";
import { IntentBars, type IntentSignalLine } from "@/components/signals/intent-bars";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { getApprovalDetail } from "@/lib/approvals/queries";

export type ApprovalDetail = NonNullable<Awaited<ReturnType<typeof getApprovalDetail>>>;

const CONSENT_TEXT = { OPTED_IN: "Agreed to email", OPTED_OUT: "Opted out of email" } as const;

/** Who the email is for: contact details and email consent, and the deal or buyer behind them. */
export function PersonCard({ detail }: { detail: ApprovalDetail }) {
  const { person, deal, buyer } = detail;
  const consent = person.consent.status ? CONSENT_TEXT[person.consent.status] : "No email consent on record";
  return (
    <Card>
      <CardHeader><CardTitle><h2>{detail.kind === "lead" ? "Seller" : "Buyer"}</h2></CardTitle></CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1">
          <dt className="text-muted-foreground">Name</dt>
          <dd>{person.name}</dd>
          <dt className="text-muted-foreground">Email</dt>
          <dd className="break-all">{person.email ?? "None on file"}</dd>
          <dt className="text-muted-foreground">Phone</dt>
          <dd>{person.phone ?? "None on file"}</dd>
          <dt className="text-muted-foreground">Consent</dt>
          <dd data-testid="draft-consent">
            {consent}
            {person.consent.basis && person.consent.basis !== "NONE" && <span className="text-muted-foreground">{` (${humanize(person.consent.basis)})`}</span>}
          </dd>
        </dl>
        {person.onDoNotContact && <Badge variant="destructive">On the do-not-contact list</Badge>}
        {deal && (
          <div className="grid gap-1 border-t pt-3">
            <Link href={`/deals/${deal.id}`} className="font-medium text-primary underline underline-offset-4">{deal.address}</Link>
            <p className="text-muted-foreground">
              {[humanize(deal.status), deal.askingPrice != null && `asking ${formatMoney(deal.askingPrice)}`, deal.arv != null && `ARV ${formatMoney(deal.arv)}`, deal.spread != null && `spread ${formatMoney(deal.spread)}`, deal.ownerName && `owner ${deal.ownerName}`]
                .filter(Boolean)
                .join(" · ")}
            </p>
          </div>
        )}
        {buyer && (
          <div className="grid gap-1 border-t pt-3">
            <Link href={`/buyers/${buyer.id}`} className="font-medium text-primary underline underline-offset-4">{buyer.name}</Link>
            <p className="text-muted-foreground">
              {[buyer.company, `tier ${buyer.tier}`, buyer.markets.length > 0 && `buys in ${buyer.markets.slice(0, 3).join(", ")}`].filter(Boolean).join(" · ")}
            </p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

export function DraftIntentCard({ score, threshold, signals, now }: { score: number; threshold: number; signals: readonly IntentSignalLine[]; now: Date }) {
  return (
    <Card>
      <CardHeader><CardTitle><h2>Intent</h2></CardTitle></CardHeader>
      <CardContent className="grid gap-3">
        <p className="flex flex-wrap items-baseline gap-2">
          <span className="text-3xl font-semibold tabular-nums">{score}</span>
          <span className="text-sm text-muted-foreground">{`of 100, drafting threshold ${threshold}`}</span>
        </p>
        {signals.length > 0 ? <IntentBars signals={signals} now={now} /> : <p className="text-sm text-muted-foreground">The signals behind this draft have faded out.</p>}
      </CardContent>
    </Card>
  );
}

export function RecentTimeline({ entries, timeZone }: { entries: ApprovalDetail["timeline"]; timeZone: string }) {
  return (
    <Card>
      <CardHeader><CardTitle><h2>Recent activity</h2></CardTitle></CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">No messages, notes or signals yet.</p>
        ) : (
          <ol className="grid gap-2 text-sm">
            {entries.map((entry, index) => (
              <li key={`${entry.at.toISOString()}-${index}`} className="grid gap-0.5">
                <span className="text-xs text-muted-foreground">{`${formatDateTime(entry.at, timeZone)} · ${sentenceCase(entry.kind)}`}</span>
                <span className="break-words">{entry.text}</span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

export function DecisionHistory({ entries, timeZone }: { entries: ApprovalDetail["history"]; timeZone: string }) {
  return (
    <Card>
      <CardHeader><CardTitle><h2>History</h2></CardTitle></CardHeader>
      <CardContent>
        <ol className="grid gap-2 text-sm" data-testid="draft-history">
          {entries.map((entry, index) => (
            <li key={`${entry.at.toISOString()}-${index}`} className="grid gap-0.5">
              <span>{`${historyVerb(entry.action)}${entry.actorEmail ? ` by ${entry.actorEmail}` : ""}`}</span>
              <span className="text-xs text-muted-foreground">{formatDateTime(entry.at, timeZone)}</span>
              {entry.detail && <span className="break-words text-muted-foreground">{entry.detail}</span>}
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

/** "draft.approved" -> "Approved", "sms_reply" -> "Sms reply": a stored word as the start of a sentence. */
function sentenceCase(word: string): string {
  const text = word.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function historyVerb(action: string): string {
  return sentenceCase(action.split(".").pop() ?? action);
}
