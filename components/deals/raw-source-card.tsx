import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/components/prospects/format";
import { SOURCE_LABELS, type DealDetail } from "@/lib/prospects/detail";

interface RawSourceCardProps {
  source: DealDetail["deal"]["source"];
  sourceRef: string | null;
  raw: unknown;
  emails: DealDetail["emails"];
  timeZone: string;
}

/** The payload exactly as received: what to check when a parsed field looks wrong. */
export function RawSourceCard({ source, sourceRef, raw, emails, timeZone }: RawSourceCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Raw source</CardTitle>
        <CardDescription>
          {SOURCE_LABELS[source]}
          {sourceRef && <> · <span className="font-mono">{sourceRef}</span></>}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {emails.map((email) => (
          <dl key={email.id} className="grid grid-cols-[5rem_1fr] gap-x-2 gap-y-1 rounded-md border p-3 text-sm">
            <dt className="text-muted-foreground">Subject</dt>
            <dd className="break-words">{email.subject ?? "(no subject)"}</dd>
            <dt className="text-muted-foreground">From</dt>
            <dd className="break-all">{email.fromAddress ?? "(unknown sender)"}</dd>
            <dt className="text-muted-foreground">Received</dt>
            <dd>{formatDateTime(email.receivedAt, timeZone)} ({timeZone})</dd>
          </dl>
        ))}
        <pre className="max-h-96 overflow-auto rounded-md bg-muted p-3 text-xs leading-relaxed" tabIndex={0} aria-label="Raw source JSON">
          {JSON.stringify(raw, null, 2)}
        </pre>
      </CardContent>
    </Card>
  );
}
