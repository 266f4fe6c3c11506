import Link from "next/link";
import { formatDateTime } from "@/components/prospects/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MessageListRow } from "@/lib/outbound/outbox";
import { explainBlock } from "@/lib/outbound/block-explanation";
import type { BlockReason } from "@/lib/outbound/gates";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";
import { OUTBOX_PROVIDER } from "@/lib/providers/outbox";
import { MessageStatusBadge } from "./message-status-badge";
import { SimulateControls, type SimulateActions } from "./simulate-controls";

function leadLabel(row: MessageListRow): string {
  const deal = row.deal;
  if (!deal) return "No matching lead";
  return deal.contactName || [deal.street, deal.city, deal.region].filter(Boolean).join(", ") || "Lead";
}

/** A refused message's reason with the link to where it is fixed (reasons of older versions: the label only). */
function BlockedReason({ row }: { row: MessageListRow }) {
  const reason = row.blockedReason!;
  const known = Object.hasOwn(BLOCK_REASON_LABELS, reason) && row.channel !== "CALL";
  const fix = known
    ? explainBlock({
        reason: reason as BlockReason,
        channel: row.channel as "SMS" | "EMAIL",
        address: row.toAddress || null,
        dealId: row.deal?.id,
        region: row.deal?.region,
        market: row.deal?.market,
        areaCode: row.deal?.areaCode,
      })
    : null;
  return (
    <span className="mt-1 block max-w-56 text-xs">
      <span className="block text-destructive" data-testid="blocked-reason">{BLOCK_REASON_LABELS[reason] ?? reason}</span>
      {fix?.fixHref && (
        <Link href={fix.fixHref} className="font-medium text-primary underline underline-offset-4" title={fix.message}>
          {fix.fixLabel}
        </Link>
      )}
    </span>
  );
}

/** The messages of the workspace, newest first; outbox messages carry the simulation buttons. */
interface MessagesTableProps {
  rows: MessageListRow[];
  timeZone: string;
  canSimulate: boolean;
  simulateActions: SimulateActions;
  /** The emails that kept their HTML part: each gets a link to see it as it left. */
  withHtml?: ReadonlySet<string>;
}

export function MessagesTable({ rows, timeZone, canSimulate, simulateActions, withHtml }: MessagesTableProps) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>To / from</TableHead>
          <TableHead>Lead</TableHead>
          <TableHead className="w-[32%]">Message</TableHead>
          {canSimulate && <TableHead>Simulate</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const simulatable = canSimulate && row.provider === OUTBOX_PROVIDER && row.direction === "OUTBOUND" && Boolean(row.providerMessageId);
          return (
            <TableRow key={row.id} data-testid="message-row" data-status={row.status} data-direction={row.direction}>
              <TableCell className="whitespace-nowrap text-xs text-muted-foreground">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, timeZone)}</time>
              </TableCell>
              <TableCell className="text-xs">
                {row.channel === "EMAIL" ? "Email" : "SMS"}
                <span className="block text-muted-foreground">{row.direction === "INBOUND" ? "inbound" : `outbound · ${row.provider}`}</span>
              </TableCell>
              <TableCell>
                <MessageStatusBadge status={row.status} />
                {row.blockedReason && <BlockedReason row={row} />}
                {row.status !== "BLOCKED" && row.error && <span className="mt-1 block text-xs text-destructive">{row.error}</span>}
              </TableCell>
              <TableCell className="font-mono text-xs">{row.direction === "INBOUND" ? row.fromAddress : row.toAddress}</TableCell>
              <TableCell className="text-sm">
                {row.deal ? <Link className="underline-offset-4 hover:underline" href={`/deals/${row.deal.id}`}>{leadLabel(row)}</Link> : <span className="text-muted-foreground">{leadLabel(row)}</span>}
              </TableCell>
              <TableCell className="text-sm">
                {row.subject && <span className="block font-medium">{row.subject}</span>}
                <span className="line-clamp-3 whitespace-pre-line break-words">{row.body}</span>
                {withHtml?.has(row.id) && (
                  <Link href={`/outbox/${row.id}`} className="mt-1 inline-block font-medium text-primary underline underline-offset-4" aria-label={`View email${row.subject ? `: ${row.subject}` : ""} to ${row.toAddress}`}>
                    View email
                  </Link>
                )}
              </TableCell>
              {canSimulate && (
                <TableCell>{simulatable ? <SimulateControls messageId={row.id} channel={row.channel} to={row.toAddress} actions={simulateActions} /> : null}</TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
