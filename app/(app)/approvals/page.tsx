import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { QueueFilters } from "@/components/approvals/queue-filters";
import { QueueTable } from "@/components/approvals/queue-table";
import { QueueTabs } from "@/components/approvals/queue-tabs";
import { approvalsHref } from "@/components/approvals/queue-url";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { MailCheck } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { listApprovalQueue } from "@/lib/approvals/queries";
import { ApprovalQueueParams } from "@/lib/approvals/schema";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { getIntentSettings } from "@/lib/signals/settings";
import { listMembers } from "@/lib/tenants/members";
import { parseLenientQuery, type RawQuery } from "@/lib/validation/url-query";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<RawQuery> }) {
  const ctx = await requirePage("approvals:read");
  const params = parseLenientQuery(ApprovalQueueParams, await searchParams);
  const [queue, members, settings] = await Promise.all([listApprovalQueue(ctx.db, { ...params, me: ctx.user.id }), listMembers(ctx.db), getIntentSettings(ctx.db)]);
  const pageCount = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  // A shared link can outlive its page: land on the last one.
  if (queue.rows.length === 0 && queue.total > 0) redirect(approvalsHref({ ...params, page: pageCount }));
  const owners = members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }));
  const canDecide = can(ctx.role, "approvals:decide");
  const filtered = params.owner !== undefined || params.kind !== undefined;
  const now = new Date();

  return (
    <div className="grid grid-cols-1 gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Approvals</h1>
        <p className="text-sm text-muted-foreground">
          Emails drafted for people showing high intent. Nothing is sent until someone approves it; every send still passes consent, do-not-contact and the daily limit.
          {!canDecide && " Your role can read drafts but not approve or reject them."}
        </p>
      </div>
      <QueueTabs params={params} counts={queue.counts} />
      <QueueFilters params={params} owners={owners} />
      {queue.rows.length > 0 ? (
        <div className="grid gap-4">
          <p className="text-sm text-muted-foreground" aria-live="polite">{queue.total === 1 ? "1 draft" : `${queue.total.toLocaleString("en-US")} drafts`}</p>
          <QueueTable rows={queue.rows} timeZone={ctx.tenant.timeZone} now={now} />
          {pageCount > 1 && <Pagination page={queue.page} pageCount={pageCount} hrefFor={(page) => approvalsHref({ ...params, page })} />}
        </div>
      ) : filtered ? (
        <EmptyState icon={MailCheck} title="No draft matches these filters" description="Widen the filters or clear them to see every draft." action={<Button variant="outline" asChild><Link href={approvalsHref({ status: params.status })}>Clear filters</Link></Button>} />
      ) : params.status === "PENDING" ? (
        <EmptyState
          icon={MailCheck}
          title="No drafts waiting for approval"
          description={`A draft appears here when a seller's or buyer's intent score reaches ${settings.highIntentThreshold} (the high-intent threshold) and they have agreed to email. Replies, email opens and clicks, deal page views, offers and CRM updates are the signals that raise the score; the deal and buyer pages show each person's score.`}
          action={can(ctx.role, "signals:settings") ? <Button variant="outline" asChild><Link href="/settings/signals">Signals & drafting settings</Link></Button> : undefined}
        />
      ) : (
        <EmptyState icon={MailCheck} title={params.status === "SENT" ? "No approved drafts sent yet" : params.status === "REJECTED" ? "No rejected drafts" : "No drafts yet"} description="Drafts move here from Pending once someone approves or rejects them." action={<Button variant="outline" asChild><Link href="/approvals">See pending drafts</Link></Button>} />
      )}
    </div>
  );
}
