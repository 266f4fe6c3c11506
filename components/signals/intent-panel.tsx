import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { IntentBars, type IntentSignalLine } from "./intent-bars";

interface IntentPanelProps {
  /** Whose intent: "seller" on a deal, "buyer" on a buyer. */
  who: "seller" | "buyer";
  score: number;
  threshold: number;
  /** Counted signals, strongest first (explainIntent's contributions). */
  signals: readonly IntentSignalLine[];
  /** The draft waiting for approval for this person, when there is one. */
  pendingDraftId: string | null;
  now: Date;
}

/** The intent score of a deal's seller or a buyer, with what makes it up; rendered on the server. */
export function IntentPanel({ who, score, threshold, signals, pendingDraftId, now }: IntentPanelProps) {
  const high = score >= threshold;
  return (
    <Card data-testid="intent-panel">
      <CardHeader>
        <CardTitle><h2>Intent</h2></CardTitle>
        <CardDescription>How ready the {who} looks from recent replies, clicks, visits and CRM activity; each signal fades with age.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        <p className="flex flex-wrap items-baseline gap-2">
          <span className="text-3xl font-semibold tabular-nums" data-testid="intent-score">{score}</span>
          <span className="text-sm text-muted-foreground">{`of 100, drafting threshold ${threshold}`}</span>
          {high && <Badge variant="success">High intent</Badge>}
        </p>
        {signals.length > 0 ? (
          <IntentBars signals={signals} now={now} />
        ) : (
          <p className="text-sm text-muted-foreground">
            No signals yet. Replies, email opens and clicks, deal page views, offers and CRM updates raise the score; at {threshold} an email is drafted for approval.
          </p>
        )}
        {pendingDraftId && (
          <Link href={`/approvals/${pendingDraftId}`} className="text-sm font-medium text-primary underline underline-offset-4">
            A drafted email is waiting for approval
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
