/** The Conversations page's URLs and the reply box's defaults. Pure and client-safe. */
import type { ConversationQuery } from "./schema";
import type { ThreadItem } from "./thread";

/** The page with these filters (only the ones set), and optionally an open thread. */
export function conversationsHref(query: Partial<ConversationQuery>, open: { thread?: string; limit?: number } = {}): string {
  const params = new URLSearchParams();
  for (const key of ["owner", "market", "channel", "unread"] as const) if (query[key]) params.set(key, String(query[key]));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (open.thread) params.set("thread", open.thread);
  if (open.limit) params.set("limit", String(open.limit));
  const search = params.toString();
  return search ? `/conversations?${search}` : "/conversations";
}

/**
 * How an answer starts: on the channel the contact last wrote on (text unless they emailed),
 * and for email under "Re: " the last email's subject.
 */
export function replyDefaults(items: readonly ThreadItem[]): { channel: "SMS" | "EMAIL"; subject: string } {
  const lastInbound = [...items].reverse().find((i) => i.direction === "INBOUND" && (i.channel === "SMS" || i.channel === "EMAIL"));
  const lastEmail = [...items].reverse().find((i) => i.kind === "message" && i.channel === "EMAIL" && i.title);
  const subject = lastEmail?.title ? `Re: ${lastEmail.title.replace(/^\s*(re|aw|sv|fwd?)\s*:\s*/i, "")}` : "";
  return { channel: lastInbound?.channel === "EMAIL" ? "EMAIL" : "SMS", subject };
}
