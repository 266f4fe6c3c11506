/**
 * One thread's items: a lead's (or a buyer's) messages, calls and mail pieces merged into
 * one time line. Pure: the queries read the rows, this orders and describes them.
 */
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";
import { describeCall, describeMailPiece } from "@/lib/prospects/timeline-text";
import type { ConversationChannel } from "./schema";

export type ThreadParty = { kind: "deal"; dealId: string } | { kind: "buyer"; buyerId: string };

/** The party a thread key names; null for anything else. */
export function parseThreadKey(threadKey: string): ThreadParty | null {
  const match = /^(deal|buyer):([A-Za-z0-9_-]{1,64})$/.exec(threadKey);
  if (!match) return null;
  return match[1] === "deal" ? { kind: "deal", dealId: match[2] } : { kind: "buyer", buyerId: match[2] };
}

export function threadKeyOf(party: ThreadParty): string {
  return party.kind === "deal" ? `deal:${party.dealId}` : `buyer:${party.buyerId}`;
}

export interface ThreadItem {
  kind: "message" | "call" | "mail";
  id: string;
  at: Date;
  channel: ConversationChannel;
  direction: "INBOUND" | "OUTBOUND";
  status: string;
  title: string | null;
  body: string;
  /** Who it was to or from (a phone, an email address, a mailing address). */
  counterpart: string | null;
  /** The gate that refused it, with its words, for a BLOCKED item. */
  gate: { reason: string; label: string } | null;
  error: string | null;
}

export interface ThreadMessageRow {
  id: string;
  channel: "SMS" | "EMAIL" | "CALL" | "MAIL";
  direction: "INBOUND" | "OUTBOUND";
  status: string;
  subject: string | null;
  body: string;
  toAddress: string;
  fromAddress: string | null;
  blockedReason: string | null;
  error: string | null;
  createdAt: Date;
}

export interface ThreadCallRow {
  id: string;
  direction: "INBOUND" | "OUTBOUND";
  status: string;
  toNumber: string;
  fromNumber: string | null;
  startedAt: Date;
  durationSeconds: number | null;
  outcome: string | null;
  notes: string | null;
  userId: string | null;
  blockedReason: string | null;
}

export interface ThreadMailRow {
  id: string;
  kind: string;
  status: string;
  addressLine1: string;
  city: string;
  body: string;
  blockedReason: string | null;
  error: string | null;
  createdAt: Date;
}

const gateOf = (status: string, reason: string | null) =>
  status === "BLOCKED" ? { reason: reason ?? "refused", label: (reason && BLOCK_REASON_LABELS[reason]) || reason || "Refused" } : null;

export function messageItem(row: ThreadMessageRow): ThreadItem {
  return {
    kind: "message",
    id: row.id,
    at: row.createdAt,
    channel: row.channel,
    direction: row.direction,
    status: row.status,
    title: row.subject,
    body: row.body,
    counterpart: row.direction === "INBOUND" ? row.fromAddress : row.toAddress,
    gate: gateOf(row.status, row.blockedReason),
    error: row.error,
  };
}

export function callItem(row: ThreadCallRow, nameOf: (userId: string | null) => string): ThreadItem {
  const described = describeCall(row, nameOf);
  return {
    kind: "call",
    id: row.id,
    at: row.startedAt,
    channel: "CALL",
    direction: row.direction,
    status: row.status,
    title: described.title,
    body: described.detail ?? "",
    counterpart: row.direction === "INBOUND" ? row.fromNumber : row.toNumber,
    gate: gateOf(row.status, row.blockedReason),
    error: null,
  };
}

export function mailItem(row: ThreadMailRow): ThreadItem {
  const described = describeMailPiece(row);
  return {
    kind: "mail",
    id: row.id,
    at: row.createdAt,
    channel: "MAIL",
    direction: "OUTBOUND",
    status: row.status,
    title: described.title,
    body: row.body,
    counterpart: `${row.addressLine1}, ${row.city}`,
    gate: gateOf(row.status, row.blockedReason),
    error: row.error,
  };
}

const KIND_ORDER: Record<ThreadItem["kind"], number> = { message: 0, call: 1, mail: 2 };

/** Oldest first, ties broken by kind then id, so the same rows always read in the same order. */
export function compareThreadItems(a: ThreadItem, b: ThreadItem): number {
  return a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The newest `limit` items of all three kinds, oldest first (how a conversation reads). */
export function mergeThreadItems(items: readonly ThreadItem[], limit: number): ThreadItem[] {
  return limit > 0 ? [...items].sort(compareThreadItems).slice(-limit) : [];
}
