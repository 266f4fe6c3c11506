/**
 * Replies waiting: an inbound message is unanswered while no outbound message (other than a
 * refused one) has gone to its deal since it arrived. The dashboard counts them and the
 * Outbox lists them (?awaiting=reply), both through `findUnansweredReplies`.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";

/** How far back a reply still counts as waiting: older ones are history, not work. */
export const REPLY_WAIT_DAYS = 30;

export interface InboundReply {
  id: string;
  dealId: string | null;
  createdAt: Date;
}

/** The replies that arrived after the last answer to their deal, newest first. */
export function unansweredReplies<R extends InboundReply>(replies: readonly R[], lastAnswerByDeal: ReadonlyMap<string, Date>): R[] {
  return replies
    .filter((reply) => {
      if (!reply.dealId) return true;
      const answered = lastAnswerByDeal.get(reply.dealId);
      return !answered || answered.getTime() < reply.createdAt.getTime();
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
}

export interface UnansweredFilter {
  now?: Date;
  /** Only replies on deals this member owns. */
  dealOwnerId?: string;
}

/** Two queries in parallel (the replies, the last answer of each deal that has one). */
export async function findUnansweredReplies(db: TenantDb, filter: UnansweredFilter = {}): Promise<InboundReply[]> {
  const since = new Date((filter.now ?? new Date()).getTime() - REPLY_WAIT_DAYS * 86_400_000);
  const deal: Prisma.DealWhereInput = { deletedAt: null, ...(filter.dealOwnerId ? { ownerId: filter.dealOwnerId } : {}) };
  const [replies, answers] = await Promise.all([
    db.message.findMany({
      where: { direction: "INBOUND", createdAt: { gte: since }, deal },
      select: { id: true, dealId: true, createdAt: true },
    }),
    db.message.groupBy({
      by: ["dealId"],
      where: {
        direction: "OUTBOUND",
        status: { not: "BLOCKED" },
        deal: { ...deal, messages: { some: { direction: "INBOUND", createdAt: { gte: since } } } },
      },
      _max: { createdAt: true },
    }),
  ]);
  const lastAnswerByDeal = new Map<string, Date>();
  for (const answer of answers) if (answer.dealId && answer._max.createdAt) lastAnswerByDeal.set(answer.dealId, answer._max.createdAt);
  return unansweredReplies(replies, lastAnswerByDeal);
}
