import { Send } from "@/components/ui/icons";
import type { Metadata } from "next";
import { MessagesTable } from "@/components/outbound/messages-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { NativeSelect } from "@/components/ui/select";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { messagesWithHtml } from "@/lib/outbound/email-view";
import { countMessages, listMessages, MESSAGE_STATUSES } from "@/lib/outbound/outbox";
import { OUTBOX_PAGE_SIZE, outboxHref, outboxMessageFilter, parseOutboxQuery } from "@/lib/outbound/outbox-query";
import { findUnansweredReplies } from "@/lib/outbound/replies";
import { messagingProvidersFor } from "@/lib/providers/messaging";
import { simulateReceiptAction, simulateReplyAction } from "./actions";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePage("messages:read");
  const query = parseOutboxQuery(await searchParams);
  const filter = outboxMessageFilter(query, ctx.tenant.timeZone);
  // The dashboard's "replies waiting" lands here: the replies nobody has answered yet.
  if (query.awaiting === "reply") filter.ids = (await findUnansweredReplies(ctx.db, { dealOwnerId: query.owner })).map((r) => r.id);
  const [total, providers] = await Promise.all([countMessages(ctx.db, filter), messagingProvidersFor(ctx.db)]);
  // A link to a page past the end (messages filtered away since) shows the last one.
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await listMessages(ctx.db, filter, OUTBOX_PAGE_SIZE, (page - 1) * OUTBOX_PAGE_SIZE);
  const withHtml = await messagesWithHtml(ctx.db, rows.filter((r) => r.channel === "EMAIL").map((r) => r.id));
  const narrowed = [query.reason && `refused by the ${query.reason.replaceAll("_", " ")} gate`, query.from && `since ${query.from}`, query.awaiting && "waiting for an answer"].filter(Boolean);
  const local = [providers.sms.name === "outbox" && "SMS", providers.email.name === "outbox" && "email"].filter(Boolean);

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="text-sm text-muted-foreground">
          Every message sent, refused or received, newest first.
          {local.length > 0
            ? ` ${local.join(" and ")} go${local.length === 1 ? "es" : ""} to the local outbox (no provider credentials): nothing leaves, and you can simulate receipts and replies.`
            : " SMS go through Twilio and email through SendGrid."}
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Messages</CardTitle>
          <CardDescription>
            <span data-testid="outbox-count">{total}</span>
            {` message${total === 1 ? "" : "s"}${narrowed.length ? `, ${narrowed.join(", ")}` : ""}${pageCount > 1 ? `; ${(page - 1) * OUTBOX_PAGE_SIZE + 1}–${(page - 1) * OUTBOX_PAGE_SIZE + rows.length} on this page` : ""}.`}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter messages">
            {(["reason", "from", "awaiting", "owner"] as const).map((key) => query[key] && <input key={key} type="hidden" name={key} value={query[key]} />)}
            <label className="grid gap-1 text-sm">
              Status
              <NativeSelect name="status" defaultValue={filter.status ?? ""} containerClassName="w-44">
                <option value="">Any status</option>
                {MESSAGE_STATUSES.map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
              </NativeSelect>
            </label>
            <label className="grid gap-1 text-sm">
              Channel
              <NativeSelect name="channel" defaultValue={filter.channel ?? ""} containerClassName="w-36">
                <option value="">Any channel</option>
                <option value="SMS">SMS</option>
                <option value="EMAIL">Email</option>
              </NativeSelect>
            </label>
            <Button type="submit" variant="outline">Filter</Button>
          </form>
          {rows.length === 0 ? (
            <EmptyState icon={Send} title="No messages" description={filter.status || filter.channel || narrowed.length ? "No message matches these filters." : "Messages sent from a deal or by the follow-up ladder appear here."} />
          ) : (
            <MessagesTable
              rows={rows}
              timeZone={ctx.tenant.timeZone}
              canSimulate={can(ctx.role, "messages:send")}
              withHtml={withHtml}
              simulateActions={{ simulateReceipt: simulateReceiptAction, simulateReply: simulateReplyAction }}
            />
          )}
          {pageCount > 1 && <Pagination page={page} pageCount={pageCount} hrefFor={(n) => outboxHref({ ...query, page: n > 1 ? n : undefined })} />}
        </CardContent>
      </Card>
    </div>
  );
}
