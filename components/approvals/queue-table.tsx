import Link from "next/link";
import { formatDateTime } from "@/components/prospects/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApprovalQueueRow } from "@/lib/approvals/queries";
import { formatAgo, formatConfidence } from "@/components/signals/format";

const STATUS_BADGE = {
  PENDING: { label: "Pending", variant: "warning" },
  SENDING: { label: "Sending", variant: "secondary" },
  SENT: { label: "Sent", variant: "success" },
  REJECTED: { label: "Rejected", variant: "outline" },
} as const;

export function DraftStatusBadge({ status }: { status: keyof typeof STATUS_BADGE }) {
  const badge = STATUS_BADGE[status];
  return <Badge variant={badge.variant}>{badge.label}</Badge>;
}

function Who({ row }: { row: ApprovalQueueRow }) {
  return (
    <>
      <Link href={`/approvals/${row.id}`} className="font-medium hover:underline">{row.personName}</Link>
      <span className="block text-xs text-muted-foreground">{row.kind === "lead" ? "Seller" : "Buyer"}{row.propertyLabel ? ` · ${row.propertyLabel}` : ""}</span>
    </>
  );
}

function Blocked({ row }: { row: ApprovalQueueRow }) {
  if (!row.blockedGate) return null;
  return <span className="block text-xs text-destructive">{`Last send blocked by ${row.blockedGate.replaceAll("_", " ")}`}</span>;
}

/** Server-rendered: a table from md up, cards below it; each draft opens its own page. */
export function QueueTable({ rows, timeZone, now }: { rows: ApprovalQueueRow[]; timeZone: string; now: Date }) {
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Person</TableHead>
              <TableHead>Subject</TableHead>
              <TableHead className="text-right">Intent</TableHead>
              <TableHead>Confidence</TableHead>
              <TableHead>Owner</TableHead>
              <TableHead>Drafted</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id} data-testid="draft-row">
                <TableCell className="max-w-64 whitespace-normal"><Who row={row} /></TableCell>
                <TableCell className="max-w-80 whitespace-normal">
                  {row.subject}
                  <span className="block break-all text-xs text-muted-foreground">{`To ${row.toAddress}`}</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.intentScore}</TableCell>
                <TableCell>{formatConfidence(row.confidence)}</TableCell>
                <TableCell>{row.ownerName ?? "Nobody"}</TableCell>
                <TableCell title={formatDateTime(row.createdAt, timeZone)}>{formatAgo(row.createdAt, now)}</TableCell>
                <TableCell><DraftStatusBadge status={row.status} /><Blocked row={row} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="grid gap-3 md:hidden" aria-label="Drafts">
        {rows.map((row) => (
          <li key={row.id} className="grid gap-1 rounded-lg border p-3" data-testid="draft-card">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0"><Who row={row} /></div>
              <DraftStatusBadge status={row.status} />
            </div>
            <p className="text-sm">{row.subject}</p>
            <p className="flex flex-wrap gap-x-3 text-xs text-muted-foreground">
              <span>{`Intent ${row.intentScore}`}</span>
              <span>{formatConfidence(row.confidence)}</span>
              <span>{row.ownerName ? `Owner ${row.ownerName}` : "No owner"}</span>
              <span>{`Drafted ${formatAgo(row.createdAt, now)}`}</span>
            </p>
            <Blocked row={row} />
          </li>
        ))}
      </ul>
    </>
  );
}
