import { DateTime } from "luxon";
import type { MessageFilter } from "./outbox";
import { MESSAGE_STATUSES } from "./outbox";
import { isStorableText } from "@/lib/validation/text";

/** The Outbox page's URL filters, as the dashboard's links write them. */
export interface OutboxQuery {
  status?: MessageFilter["status"];
  channel?: MessageFilter["channel"];
  /** A blocked message's gate. */
  reason?: string;
  /** A day (YYYY-MM-DD) in the workspace's zone: messages from its midnight on. */
  from?: string;
  /** "reply": only the replies still waiting for an answer. */
  awaiting?: "reply";
  /** With awaiting: only replies on deals this member owns. */
  owner?: string;
  /** 1-based page of OUTBOX_PAGE_SIZE messages, newest first. */
  page?: number;
}

/** Messages per Outbox page: each row carries its simulation buttons, so pages stay short. */
export const OUTBOX_PAGE_SIZE = 50;

type RawParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Reads the filters leniently: an unknown value is dropped, as hand-edited URLs are common. */
export function parseOutboxQuery(raw: RawParams): OutboxQuery {
  const status = MESSAGE_STATUSES.find((s) => s === one(raw.status)?.toUpperCase());
  const channelRaw = one(raw.channel)?.toUpperCase();
  const channel = channelRaw === "SMS" || channelRaw === "EMAIL" ? channelRaw : undefined;
  const reason = one(raw.reason);
  const from = one(raw.from);
  const owner = one(raw.owner);
  const page = Number(one(raw.page));
  return {
    status,
    channel,
    reason: reason && /^[a-z_]{1,40}$/.test(reason) ? reason : undefined,
    from: from && DateTime.fromISO(from).isValid && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    awaiting: one(raw.awaiting) === "reply" ? "reply" : undefined,
    owner: owner && owner.length <= 64 && isStorableText(owner) ? owner : undefined,
    page: Number.isSafeInteger(page) && page > 1 ? page : undefined,
  };
}

/** The message filter of a query; `from` is read as a day in `timeZone`. */
export function outboxMessageFilter(query: OutboxQuery, timeZone: string): MessageFilter {
  const since = query.from ? DateTime.fromISO(query.from, { zone: timeZone }).startOf("day").toJSDate() : undefined;
  return { status: query.status, channel: query.channel, blockedReason: query.reason, since };
}

/** The link to the Outbox with these filters (only the ones set). */
export function outboxHref(query: OutboxQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  const search = params.toString();
  return search ? `/outbox?${search}` : "/outbox";
}
