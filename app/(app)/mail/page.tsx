import type { Metadata } from "next";
import Link from "next/link";
import { formatCents, MAIL_STATUS_LABELS, mailStatusVariant } from "@/components/mail/mail-status";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Mail } from "@/components/ui/icons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePage } from "@/lib/auth/session";
import { withProofLinks } from "@/lib/mail/proof-links";
import { listMailPieces } from "@/lib/mail/queries";
import { MailPieceQuery } from "@/lib/mail/schema";
import { mailSpentThisMonth } from "@/lib/mail/service";
import { getTenantSettings } from "@/lib/tenants/settings";
import { parseLenientQuery } from "@/lib/validation/url-query";

export const metadata: Metadata = { title: "Direct mail" };

/** Every postcard and letter, newest first, with where each stands and the month's budget. */
export default async function MailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("mail:send");
  const query = parseLenientQuery(MailPieceQuery, await searchParams);
  const now = new Date();
  const [{ rows, total }, spent, settings] = await Promise.all([listMailPieces(ctx.db, { ...query, limit: 100 }), mailSpentThisMonth(ctx.db, now), getTenantSettings(ctx.db)]);
  const pieces = withProofLinks(ctx.db, rows, ctx.user.id);
  const budget = settings.mailMonthlyBudgetCents;
  const month = now.toLocaleDateString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
  const when = (d: Date) => d.toLocaleDateString("en-US", { timeZone: ctx.tenant.timeZone, dateStyle: "medium" });

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Direct mail</h1>
        <p className="text-sm text-muted-foreground">Postcards and letters to leads, newest first. Send one from a deal&apos;s page.</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Budget for {month}</CardTitle>
          <CardDescription>Pieces handed to the printer count; blocked and failed ones do not. The budget is set under Settings.</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="text-lg font-medium tabular-nums" data-testid="mail-budget">{formatCents(spent)} of {formatCents(budget)} used</p>
          <div className="mt-2 h-2 w-full overflow-hidden rounded bg-muted" role="img" aria-label={`${Math.min(100, Math.round((spent / Math.max(1, budget)) * 100))}% of the month's mail budget used`}>
            <div className="h-full bg-primary" style={{ width: `${Math.min(100, (spent / Math.max(1, budget)) * 100)}%` }} />
          </div>
        </CardContent>
      </Card>
      <Card>
        <CardContent className="grid gap-4">
          {pieces.length === 0 ? (
            <EmptyState icon={Mail} title="No mail yet" description="Open a lead, fill in the Send mail form, check the address and cost, and send a postcard or letter." />
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <caption className="sr-only">{total} mail piece(s), newest first</caption>
                <TableHeader>
                  <TableRow>
                    <TableHead>Sent</TableHead>
                    <TableHead>Piece</TableHead>
                    <TableHead>To</TableHead>
                    <TableHead>Status</TableHead>
                    <TableHead className="text-right">Cost</TableHead>
                    <TableHead>Proof</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {pieces.map((piece) => (
                    <TableRow key={piece.id} data-testid="mail-row">
                      <TableCell>{when(piece.createdAt)}</TableCell>
                      <TableCell>{piece.kind === "LETTER" ? "Letter" : "Postcard"}</TableCell>
                      <TableCell className="whitespace-normal">
                        {piece.dealId ? <Link href={`/deals/${piece.dealId}`} className="underline underline-offset-4">{piece.toName}, {piece.addressLine1}, {piece.city}</Link> : `${piece.toName}, ${piece.addressLine1}, ${piece.city}`}
                        {piece.blockedReason || piece.error ? <span className="block text-destructive">{piece.blockedReason ?? piece.error}</span> : null}
                      </TableCell>
                      <TableCell><Badge variant={mailStatusVariant(piece.status)}>{MAIL_STATUS_LABELS[piece.status] ?? piece.status}</Badge></TableCell>
                      <TableCell className="text-right tabular-nums">{formatCents(piece.costCents)}</TableCell>
                      <TableCell>{piece.proofUrl ? <Link href={piece.proofUrl} target="_blank" rel="noopener" prefetch={false} className="underline underline-offset-4">PDF<span className="sr-only"> proof of the {piece.kind === "LETTER" ? "letter" : "postcard"} to {piece.toName}</span></Link> : "-"}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
