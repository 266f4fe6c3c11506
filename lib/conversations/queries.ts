/**
 * Reading conversations. The list reads the Conversation table the database triggers keep
 * (one row per lead or buyer, newest first on its (tenantId, lastAt) index); a thread reads
 * its messages, calls and mail pieces on their (tenantId, dealId|buyerId, time) indexes,
 * newest first and limited, so a lead with thousands of messages reads as fast as one with ten.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { selectInTenant } from "@/lib/db/scoped-sql";
import { ExpectedError } from "@/lib/errors";
import { listCallsOf } from "@/lib/calls/queries";
import { listMailPiecesOf } from "@/lib/mail/queries";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";
import { marketCasings } from "@/lib/prospects/query-sql";
import { CONVERSATION_PAGE_SIZE, type ConversationChannel, type ConversationQuery } from "./schema";
import { callItem, mailItem, mergeThreadItems, messageItem, parseThreadKey, type ThreadItem, type ThreadParty } from "./thread";

export interface ConversationRow {
  threadKey: string;
  dealId: string | null;
  buyerId: string | null;
  /** Who the thread is with: the lead's address and name, or the buyer's name. */
  title: string;
  contactName: string | null;
  market: string | null;
  ownerName: string | null;
  lastAt: Date;
  lastChannel: ConversationChannel;
  lastDirection: "INBOUND" | "OUTBOUND";
  lastPreview: string;
  unreadCount: number;
  itemCount: number;
  channels: ConversationChannel[];
}

export interface ConversationPage {
  rows: ConversationRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

const dealTitle = (deal: { street: string | null; city: string | null; region: string | null; postalCode: string | null }) =>
  [deal.street, [deal.city, deal.region].filter(Boolean).join(", ")].filter(Boolean).join(", ") || deal.postalCode || "Lead without an address";

/** The triggers write a refusal as "Not sent: <gate code>"; the list shows the gate in words. */
export function readablePreview(preview: string): string {
  const match = /^(Not sent|Call not placed|Mail not sent): ([a-z_]+)$/.exec(preview);
  return match ? `${match[1]}: ${BLOCK_REASON_LABELS[match[2]] ?? match[2].replaceAll("_", " ")}` : preview;
}

/** The member's display names by user id, for owners and callers. */
async function memberNames(db: TenantDb): Promise<Map<string, string>> {
  const members = await db.membership.findMany({ select: { user: { select: { id: true, name: true, email: true } } } });
  return new Map(members.map((m) => [m.user.id, m.user.name || m.user.email]));
}

/**
 * The filter of a query, as SQL over the Conversation table joined to its lead: owner and
 * market belong to a lead, so either narrows the list to leads' threads, and threads of
 * deleted leads are never listed. SQL because Prisma binds an enum-array filter as text,
 * which the PGlite driver refuses, and Conversation has no relation to join Deal through.
 */
function conversationFilterSql(query: ConversationQuery, owner: string | null | undefined, params: unknown[]): string {
  const conditions = ['c."tenantId" = $1', '(c."dealId" IS NULL OR (d."id" IS NOT NULL AND d."deletedAt" IS NULL))'];
  if (query.channel) {
    params.push(query.channel);
    conditions.push(`$${params.length}::text::"Channel" = ANY (c."channels")`);
  }
  if (query.unread) conditions.push('c."unreadCount" > 0');
  if (owner) {
    params.push(owner);
    conditions.push(`d."ownerId" = $${params.length}`);
  }
  if (query.market) {
    params.push(marketCasings(query.market));
    conditions.push(`d."market" = ANY ($${params.length}::text[])`);
  }
  return `FROM "Conversation" c LEFT JOIN "Deal" d ON d."id" = c."dealId" AND d."tenantId" = c."tenantId" WHERE ${conditions.join(" AND ")}`;
}

/** One page of threads, newest first (the (tenantId, lastAt) index), with who each is with. */
export async function listConversations(db: TenantDb, query: ConversationQuery, viewerId: string | null = null): Promise<ConversationPage> {
  const owner = query.owner === "me" ? (viewerId ?? "-") : query.owner;
  const params: unknown[] = [db.tenantId];
  const from = conversationFilterSql(query, owner, params);
  const [{ total }] = await selectInTenant<{ total: number }>(db, `SELECT count(*)::int AS total ${from}`, params);
  const pageCount = Math.max(1, Math.ceil(total / CONVERSATION_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const ids = await selectInTenant<{ id: string }>(
    db,
    `SELECT c."id" ${from} ORDER BY c."lastAt" DESC, c."id" DESC LIMIT ${CONVERSATION_PAGE_SIZE} OFFSET ${(page - 1) * CONVERSATION_PAGE_SIZE}`,
    params,
  );
  const order = new Map(ids.map((row, index) => [row.id, index]));
  const conversations = ids.length ? (await db.conversation.findMany({ where: { id: { in: ids.map((r) => r.id) } } })).sort((a, b) => order.get(a.id)! - order.get(b.id)!) : [];
  const dealIds = conversations.flatMap((c) => (c.dealId ? [c.dealId] : []));
  const buyerIds = conversations.flatMap((c) => (c.buyerId ? [c.buyerId] : []));
  const [deals, buyers, names] = await Promise.all([
    dealIds.length
      ? db.deal.findMany({ where: { id: { in: dealIds } }, select: { id: true, street: true, city: true, region: true, postalCode: true, market: true, contactName: true, ownerId: true } })
      : [],
    buyerIds.length ? db.buyer.findMany({ where: { id: { in: buyerIds } }, select: { id: true, name: true, company: true } }) : [],
    memberNames(db),
  ]);
  const dealById = new Map(deals.map((d) => [d.id, d]));
  const buyerById = new Map(buyers.map((b) => [b.id, b]));
  const rows = conversations.map((c): ConversationRow => {
    const deal = c.dealId ? dealById.get(c.dealId) : undefined;
    const buyer = c.buyerId ? buyerById.get(c.buyerId) : undefined;
    return {
      threadKey: c.threadKey,
      dealId: c.dealId,
      buyerId: c.buyerId,
      title: buyer ? `${buyer.name}${buyer.company ? ` (${buyer.company})` : ""}` : deal ? dealTitle(deal) : "Removed contact",
      contactName: deal?.contactName ?? null,
      market: deal?.market ?? null,
      ownerName: deal?.ownerId ? (names.get(deal.ownerId) ?? null) : null,
      lastAt: c.lastAt,
      lastChannel: c.lastChannel,
      lastDirection: c.lastDirection,
      lastPreview: readablePreview(c.lastPreview),
      unreadCount: c.unreadCount,
      itemCount: c.itemCount,
      channels: c.channels,
    };
  });
  return { rows, total, page, pageCount, pageSize: CONVERSATION_PAGE_SIZE };
}

export interface ThreadContact {
  kind: "deal" | "buyer";
  id: string;
  title: string;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  market: string | null;
  ownerName: string | null;
  href: string;
}

export interface Thread {
  threadKey: string;
  contact: ThreadContact;
  items: ThreadItem[];
  /** Items of the thread in all (shown or not), as the thread list counts them. */
  total: number;
  /** Older items exist beyond those shown. */
  hasEarlier: boolean;
  unreadCount: number;
  readAt: Date | null;
}

async function threadContact(db: TenantDb, party: ThreadParty, names: Map<string, string>): Promise<ThreadContact | null> {
  if (party.kind === "deal") {
    const deal = await db.deal.findFirst({
      where: { id: party.dealId, deletedAt: null },
      select: { id: true, street: true, city: true, region: true, postalCode: true, market: true, contactName: true, contactPhone: true, contactEmail: true, ownerId: true },
    });
    if (!deal) return null;
    return {
      kind: "deal", id: deal.id, title: dealTitle(deal), contactName: deal.contactName, phone: deal.contactPhone, email: deal.contactEmail,
      market: deal.market, ownerName: deal.ownerId ? (names.get(deal.ownerId) ?? null) : null, href: `/deals/${deal.id}`,
    };
  }
  const buyer = await db.buyer.findFirst({ where: { id: party.buyerId, deletedAt: null }, select: { id: true, name: true, company: true, phones: true, emails: true } });
  if (!buyer) return null;
  return {
    kind: "buyer", id: buyer.id, title: buyer.company ? `${buyer.name} (${buyer.company})` : buyer.name, contactName: buyer.name,
    phone: buyer.phones[0] ?? null, email: buyer.emails[0] ?? null, market: null, ownerName: null, href: `/buyers/${buyer.id}`,
  };
}

const MESSAGE_VIEW = {
  id: true, channel: true, direction: true, status: true, subject: true, body: true, toAddress: true, fromAddress: true,
  blockedReason: true, error: true, createdAt: true,
} as const;

/**
 * A thread's newest `limit` items, oldest first. 404 for a key naming no live lead or buyer of
 * the workspace. A lead with nothing sent yet has an empty thread (the reply box starts it).
 */
export async function getThread(db: TenantDb, threadKey: string, limit = 100): Promise<Thread> {
  const party = parseThreadKey(threadKey);
  if (!party) throw new ExpectedError("invalid", "A thread is deal:<id> or buyer:<id>", "threadKey");
  const names = await memberNames(db);
  const contact = await threadContact(db, party, names);
  if (!contact) throw new ExpectedError("not_found", "No such conversation in this workspace", "threadKey");
  const messageWhere = party.kind === "deal" ? { dealId: party.dealId, buyerId: null } : { buyerId: party.buyerId };
  const [conversation, messages, calls, mail] = await Promise.all([
    db.conversation.findFirst({ where: { threadKey }, select: { itemCount: true, unreadCount: true, readAt: true } }),
    db.message.findMany({ where: messageWhere, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: MESSAGE_VIEW }),
    listCallsOf(db, party.kind === "deal" ? { dealId: party.dealId } : { buyerId: party.buyerId }, limit),
    party.kind === "deal" ? listMailPiecesOf(db, party.dealId, limit) : Promise.resolve([]),
  ]);
  const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? "a former member") : "someone");
  const all = [...messages.map(messageItem), ...calls.map((c) => callItem(c, nameOf)), ...mail.map(mailItem)];
  const items = mergeThreadItems(all, limit);
  // A kind that filled its limit may hold older rows; so may a merge that left some out.
  const hasEarlier = all.length > items.length || [messages, calls, mail].some((rows) => rows.length === limit);
  return {
    threadKey,
    contact,
    items,
    total: Math.max(conversation?.itemCount ?? 0, items.length),
    hasEarlier,
    unreadCount: conversation?.unreadCount ?? 0,
    readAt: conversation?.readAt ?? null,
  };
}

/** Marks the thread read by this member: its unread count goes back to zero. */
export async function markThreadRead(db: TenantDb, threadKey: string, userId: string | null, now: Date = new Date()): Promise<{ changed: boolean }> {
  const { count } = await db.conversation.updateMany({ where: { threadKey, unreadCount: { gt: 0 } }, data: { unreadCount: 0, readAt: now, readById: userId } });
  return { changed: count > 0 };
}

/** Markets of the workspace's leads, for the list's filter. */
export async function listConversationMarkets(db: TenantDb): Promise<string[]> {
  const rows = await db.deal.findMany({ where: { deletedAt: null, market: { not: null } }, distinct: ["market"], select: { market: true }, orderBy: { market: "asc" }, take: 200 });
  return rows.flatMap((r) => (r.market ? [r.market] : []));
}
