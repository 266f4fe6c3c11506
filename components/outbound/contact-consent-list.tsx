import { formatDateTime } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import type { ConsentRecordView } from "@/lib/outbound/consent-api";
import { ConsentBasisBadge } from "./consent-basis";

const CHANNEL_LABELS: Record<ConsentRecordView["channel"], string> = { SMS: "Texts", CALL: "Calls", EMAIL: "Email" };

/** A lead's consent per channel: status, basis, where and when it was given, and its evidence. */
export function ContactConsentList({ records, timeZone }: { records: ConsentRecordView[]; timeZone: string }) {
  return (
    <div className="grid gap-2 border-t pt-3" data-testid="contact-consent">
      <h3 className="text-xs font-medium text-muted-foreground">Consent</h3>
      {records.length === 0 ? (
        <p className="text-xs text-muted-foreground">None on record: texts and emails are refused until it is.</p>
      ) : (
        <ul className="grid gap-2">
          {records.map((record) => (
            <li key={record.channel} className="grid gap-1 text-xs" data-channel={record.channel} data-basis={record.basis}>
              <span className="flex flex-wrap items-center gap-1.5">
                <span className="w-12 font-medium">{CHANNEL_LABELS[record.channel]}</span>
                <Badge variant={record.status === "OPTED_IN" ? "success" : "warning"}>{record.status === "OPTED_IN" ? "opted in" : "opted out"}</Badge>
                {record.status === "OPTED_IN" && <ConsentBasisBadge basis={record.basis} />}
              </span>
              <span className="break-words text-muted-foreground">
                {record.source}
                {record.givenAt ? `, ${formatDateTime(record.givenAt, timeZone)}` : ""}
                {record.evidence ? ` (${record.evidence})` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
