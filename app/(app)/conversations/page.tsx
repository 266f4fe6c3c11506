import type { Metadata } from "next";
import Link from "next/link";
import { CallButton } from "@/components/calls/call-button";
import { ConversationFilters } from "@/components/conversations/conversation-filters";
import { ConversationList } from "@/components/conversations/conversation-list";
import { ReplyBox } from "@/components/conversations/reply-box";
import { ThreadView } from "@/components/conversations/thread-view";
import { formatInZone } from "@/components/ladder/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChevronLeft, Inbox, MessageSquare } from "@/components/ui/icons";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePage } from "@/lib/auth/session";
import { conversationsHref, replyDefaults } from "@/lib/conversations/links";
import { getThread, listConversationMarkets, listConversations, markThreadRead, type Thread } from "@/lib/conversations/queries";
import { ConversationQuery, THREAD_STEP, ThreadKey, ThreadQuery } from "@/lib/conversations/schema";
import { ExpectedError } from "@/lib/errors";
import { listMembers } from "@/lib/tenants/members";
import { cn } from "@/lib/ui/cn";
import { parseLenientQuery } from "@/lib/validation/url-query";
import { CALL_ACTIONS } from "../calls/call-actions";
import { replyInThreadAction } from "./actions";

export const metadata: Metadata = { title: "Conversations" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The open thread, read and marked read; null when the key names no live lead or buyer. */
async function openThread(ctx: Awaited<ReturnType<typeof requirePage>>, threadKey: string, limit: number): Promise<Thread | null> {
  try {
    const thread = await getThread(ctx.db, threadKey, limit);
    await markThreadRead(ctx.db, threadKey, ctx.user.id);
    return thread;
  } catch (error) {
    if (error instanceof ExpectedError && error.code === "not_found") return null;
    throw error;
  }
}

/**
 * Every lead's and buyer's thread, newest first, with the open one beside the list (on a
 * phone: the list, then the thread alone with a way back). Opening a thread marks it read.
 */
export default async function ConversationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePage("conversations:read");
  const raw = await searchParams;
  const query = parseLenientQuery(ConversationQuery, raw);
  const key = ThreadKey.safeParse(one(raw.thread));
  const threadKey = key.success ? key.data : null;
  const { limit } = parseLenientQuery(ThreadQuery, { limit: one(raw.limit) });
  // The thread first: marking it read before the list is read shows it read there too.
  const thread = threadKey ? await openThread(ctx, threadKey, limit) : null;
  const [page, members, markets] = await Promise.all([listConversations(ctx.db, query, ctx.user.id), listMembers(ctx.db), listConversationMarkets(ctx.db)]);
  const time = (at: Date) => formatInZone(at, ctx.tenant.timeZone);
  const filtered = Boolean(query.owner || query.market || query.channel || query.unread);
  const canReply = can(ctx.role, "messages:send");
  const canCall = can(ctx.role, "calls:make");

  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Conversations</h1>
        <p className="text-sm text-muted-foreground">Every text, email, call and mail piece with each lead and buyer, newest thread first. Replies go through the same consent and contact rules as every message.</p>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(18rem,24rem)_1fr]">
        <section aria-label="Conversation list" className={cn("grid min-w-0 gap-3", threadKey && "hidden lg:grid")}>
          <ConversationFilters query={query} owners={members.map((m) => ({ userId: m.userId, name: m.name || m.email }))} markets={markets} />
          <p className="text-sm text-muted-foreground" data-testid="conversation-count">
            {`${page.total} thread${page.total === 1 ? "" : "s"}${filtered ? ` match${page.total === 1 ? "es" : ""} these filters` : ""}.`}
          </p>
          {page.rows.length === 0 ? (
            filtered ? (
              <EmptyState icon={Inbox} title="No threads match" description="Widen the filters: any owner, any market, any channel." action={<Link href="/conversations" className="font-medium text-primary underline underline-offset-4">Clear the filters</Link>} />
            ) : (
              <EmptyState icon={Inbox} title="No conversations yet" description="A thread starts with the first message to a lead: send one from a deal page, or start its follow-up ladder. Replies land here." />
            )
          ) : (
            <ConversationList rows={page.rows} selected={threadKey} formatTime={time} hrefFor={(k) => conversationsHref(query, { thread: k })} />
          )}
          {page.pageCount > 1 && <Pagination page={page.page} pageCount={page.pageCount} hrefFor={(p) => conversationsHref({ ...query, page: p })} />}
        </section>
        <section aria-label="Thread" className={cn("min-w-0", !threadKey && "hidden lg:block")}>
          {threadKey && (
            <Link href={conversationsHref(query)} className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-primary underline underline-offset-4 lg:hidden">
              <ChevronLeft className="size-4" aria-hidden /> All conversations
            </Link>
          )}
          {!threadKey ? (
            <EmptyState icon={MessageSquare} title="Choose a thread" description="Pick a conversation on the left to read it and reply." />
          ) : !thread ? (
            <EmptyState icon={MessageSquare} title="This conversation is gone" description="The lead or buyer was removed, or the link is from another workspace." action={<Link href="/conversations" className="font-medium text-primary underline underline-offset-4">Back to conversations</Link>} />
          ) : (
            <ThreadPanel thread={thread} time={time} limit={limit} query={query} canReply={canReply} canCall={canCall} />
          )}
        </section>
      </div>
    </div>
  );
}

interface ThreadPanelProps {
  thread: Thread;
  time: (at: Date) => string;
  limit: number;
  query: ConversationQuery;
  canReply: boolean;
  canCall: boolean;
}

function ThreadPanel({ thread, time, limit, query, canReply, canCall }: ThreadPanelProps) {
  const { contact } = thread;
  const defaults = replyDefaults(thread.items);
  const earlier = Math.max(0, thread.total - thread.items.length);
  return (
    <Card>
      <CardHeader className="gap-2">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <CardTitle>
              <h2 id="thread-title" className="text-lg font-semibold">{contact.title}</h2>
            </CardTitle>
            <CardDescription>
              {[contact.contactName, contact.phone, contact.email, contact.market, contact.ownerName && `Owner: ${contact.ownerName}`].filter(Boolean).join(" · ") || "No contact details on file"}
            </CardDescription>
          </div>
          <div className="flex flex-wrap items-center gap-2" data-slot="thread-actions">
            {/* Click-to-call: the dialer places the call through the gates; the call lands in this thread. */}
            {contact.kind === "deal" && contact.phone && canCall && <CallButton dealId={contact.id} phone={contact.phone} actions={CALL_ACTIONS} />}
            <Link href={contact.href} className="text-sm font-medium text-primary underline underline-offset-4">
              {contact.kind === "deal" ? "Open the deal" : "Open the buyer"}
            </Link>
          </div>
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {thread.hasEarlier && limit < 1000 && (
          <Link
            href={conversationsHref(query, { thread: thread.threadKey, limit: Math.min(1000, limit + THREAD_STEP) })}
            prefetch={false}
            className="justify-self-center text-sm font-medium text-primary underline underline-offset-4"
          >
            {earlier > 0 ? `Show earlier (${earlier} more)` : "Show earlier"}
          </Link>
        )}
        {thread.items.length === 0 ? (
          <EmptyState icon={MessageSquare} title="Nothing here yet" description={canReply ? "Write the first message below: consent and contact hours are checked before it leaves." : "Messages, calls and mail to this contact will show here."} />
        ) : (
          <ThreadView items={thread.items} formatTime={time} />
        )}
        {canReply && <ReplyBox key={thread.threadKey} threadKey={thread.threadKey} phone={contact.phone} email={contact.email} preferred={defaults.channel} subject={defaults.subject} reply={replyInThreadAction} />}
      </CardContent>
    </Card>
  );
}
