import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/blasts/auto-refresh";
import { BlastProgress, StateBadge } from "@/components/blasts/blast-progress";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePage } from "@/lib/auth/session";
import { getBlastProgress, listBlastRecipients } from "@/lib/blasts/queries";
import { BlastRecipientsQuery, RECIPIENT_STATES } from "@/lib/blasts/schema";
import { ExpectedError } from "@/lib/errors";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";

export const metadata: Metadata = { title: "Blast" };

const GATE_LABELS: Record<string, string> = { recipient: "buyer", do_not_contact: "do-not-contact", dnc_registry: "DNC registry", market_policy: "market policy", email_compliance: "email compliance", daily_cap: "daily cap" };

function hrefFor(blastId: string, state: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (state) params.set("state", state);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/blasts/${blastId}${query ? `?${query}` : ""}`;
}

/** One blast: its progress while it runs (re-read every 2 seconds), and each recipient's state, gate and reason. */
export default async function BlastPage({ params, searchParams }: { params: Promise<{ blastId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("messages:read");
  const { blastId } = await params;
  const query = BlastRecipientsQuery.parse(await searchParams);
  const progress = await getBlastProgress(ctx.db, blastId).catch((error: unknown) => {
    if (error instanceof ExpectedError && error.code === "not_found") notFound();
    throw error;
  });
  const { blast, counts } = progress;
  const recipients = await listBlastRecipients(ctx.db, blastId, query);
  const pageCount = Math.max(1, Math.ceil(recipients.total / recipients.pageSize));
  const running = blast.status === "QUEUED" || blast.status === "SENDING";
  const when = (d: Date | null) => (d ? d.toLocaleString("en-US", { timeZone: ctx.tenant.timeZone, dateStyle: "medium", timeStyle: "short" }) : null);

  return (
    <div className="grid gap-6">
      {running ? <AutoRefresh everyMs={2000} /> : null}
      <div className="grid gap-1">
        <p className="text-sm"><Link href="/blasts" className="underline underline-offset-4">Blasts</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight">{`Blast of ${blast.dealLabel}`}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <StateBadge state={blast.status} />
          <span>{`${blast.channels.map((c) => (c === "EMAIL" ? "email" : c)).join(" and ")} to ${blast.total} recipient${blast.total === 1 ? "" : "s"}, queued ${when(blast.createdAt)}${blast.finishedAt ? `, finished ${when(blast.finishedAt)}` : ""}`}</span>
        </p>
        <p className="text-sm">
          <Link href={`/deals/${blast.dealId}/buyers`} className="underline underline-offset-4">Open the deal&apos;s buyers</Link>
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Progress</CardTitle>
          <CardDescription aria-live="polite">
            {running ? "Sending: this page updates every 2 seconds." : blast.status === "DONE" ? "Every recipient has been handled; receipts and replies keep updating their states." : `This blast is ${blast.status.toLowerCase()}.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <BlastProgress counts={counts} total={blast.total} />
          {blast.attachmentFileId ? (
            <p className="text-sm text-muted-foreground">
              Each email carries the deal&apos;s investor memo as a PDF (see the deal&apos;s{" "}
              <Link href={`/deals/${blast.dealId}/documents`} className="underline underline-offset-4">Documents</Link>).
            </p>
          ) : null}
          {blast.liquidityScore !== null ? (
            <p className="text-sm text-muted-foreground">
              {`Market liquidity when sent: ${Math.round(blast.liquidityScore)}.`}
              {blast.coldReason ? ` Sent to a cold market because: ${blast.coldReason}` : ""}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Recipients</CardTitle>
          <CardDescription>One row per buyer and channel.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <nav aria-label="Filter recipients by state" className="flex flex-wrap gap-2 text-sm">
            {[undefined, ...RECIPIENT_STATES].map((state) => {
              const current = state === query.state;
              return (
                <Link key={state ?? "all"} href={hrefFor(blastId, state, 1)} aria-current={current ? "page" : undefined} className={`rounded-md border px-2 py-1 ${current ? "bg-primary text-primary-foreground" : "hover:bg-muted"}`}>
                  {state ? `${state.toLowerCase()} (${counts[state]})` : `all (${blast.total})`}
                </Link>
              );
            })}
          </nav>
          {recipients.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{query.state ? `No recipient is ${query.state.toLowerCase()}.` : "This blast has no recipients."}</p>
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Buyer</TableHead>
                    <TableHead>Channel</TableHead>
                    <TableHead>State</TableHead>
                    <TableHead>Gate and reason</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {recipients.rows.map((row) => (
                    <TableRow key={row.id} data-testid="blast-recipient">
                      <TableCell><Link href={`/buyers/${row.buyerId}`} className="underline underline-offset-4">{row.buyerName}</Link></TableCell>
                      <TableCell>{row.channel === "EMAIL" ? "Email" : row.channel}</TableCell>
                      <TableCell><StateBadge state={row.state} /></TableCell>
                      <TableCell className="whitespace-normal">
                        {row.gate ? <span className="font-medium">{`${GATE_LABELS[row.gate] ?? row.gate.replaceAll("_", " ")}: `}</span> : null}
                        {row.reason ? <span>{BLOCK_REASON_LABELS[row.reason] ?? row.reason}</span> : <span className="text-muted-foreground">—</span>}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {pageCount > 1 ? <Pagination page={query.page} pageCount={pageCount} hrefFor={(page) => hrefFor(blastId, query.state, page)} /> : null}
        </CardContent>
      </Card>
    </div>
  );
}
