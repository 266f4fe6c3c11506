import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmailFrame } from "@/components/outbound/email-frame";
import { MessageStatusBadge } from "@/components/outbound/message-status-badge";
import { formatDateTime, zoneAbbreviation } from "@/components/prospects/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/session";
import { ExpectedError } from "@/lib/errors";
import { getEmailView } from "@/lib/outbound/email-view";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";

export const metadata: Metadata = { title: "Email" };

function leadLabel(deal: { contactName: string | null; street: string | null; city: string | null }): string {
  return deal.contactName || [deal.street, deal.city].filter(Boolean).join(", ") || "Lead";
}

/** One email as it left: its envelope, its HTML part as a mail client shows it, and its text part. */
export default async function OutboxEmailPage({ params }: { params: Promise<{ messageId: string }> }) {
  const ctx = await requirePage("messages:read");
  const { messageId } = await params;
  const email = await getEmailView(ctx.db, messageId).catch((error: unknown) => {
    if (error instanceof ExpectedError && error.code === "not_found") notFound();
    throw error;
  });
  const at = email.sentAt ?? email.createdAt;
  const inbound = email.direction === "INBOUND";
  const subject = email.subject?.trim() || "(no subject)";

  return (
    <div className="grid gap-6">
      <div className="grid gap-2">
        <p className="text-sm"><Link href="/outbox" className="underline underline-offset-4">Outbox</Link></p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{subject}</h1>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-muted-foreground">From</dt>
          <dd className="font-mono text-xs break-all sm:self-center">{email.fromAddress ?? (inbound ? "unknown" : `not sent yet (${email.provider})`)}</dd>
          <dt className="text-muted-foreground">To</dt>
          <dd className="font-mono text-xs break-all sm:self-center">{email.toAddress}</dd>
          <dt className="text-muted-foreground">{email.sentAt ? "Sent" : "Written"}</dt>
          <dd>
            <time dateTime={at.toISOString()}>{formatDateTime(at, ctx.tenant.timeZone)}</time> {zoneAbbreviation(ctx.tenant.timeZone, at)}
          </dd>
          <dt className="text-muted-foreground">Status</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <MessageStatusBadge status={email.status} />
            {email.blockedReason && <span className="text-destructive">{BLOCK_REASON_LABELS[email.blockedReason] ?? email.blockedReason}</span>}
            {email.status !== "BLOCKED" && email.error && <span className="text-destructive">{email.error}</span>}
          </dd>
          {email.deal && (
            <>
              <dt className="text-muted-foreground">Lead</dt>
              <dd><Link href={`/deals/${email.deal.id}`} className="underline underline-offset-4">{leadLabel(email.deal)}</Link></dd>
            </>
          )}
        </dl>
      </div>

      {email.html && (
        <Card>
          <CardHeader>
            <CardTitle>As the recipient sees it</CardTitle>
            <CardDescription>
              The HTML part exactly as it left. Opening it here loads its images, a campaign&apos;s open pixel included, and its links open in a new tab through the click tracking, like in a mail client.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EmailFrame html={email.html} title={`Email: ${subject}`} />
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Text</CardTitle>
          <CardDescription>{email.html ? "The plain-text part, for mail clients that show no HTML." : "This email has only a text part."}</CardDescription>
        </CardHeader>
        <CardContent>
          <p className="whitespace-pre-line break-words text-sm" data-testid="email-text">{email.body}</p>
        </CardContent>
      </Card>
    </div>
  );
}
