/**
 * Reads of Message for other areas (the ladder, the engines, the deal page): outbound owns
 * the table and its writes, and others cross through these functions.
 */
import type { MessageDirection, MessageStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

type Db = TenantDb | TenantTransaction;

/** A deal's messages, newest first, with the columns the caller selects. */
export async function listDealMessages<S extends Prisma.MessageSelect>(db: Db, dealId: string, take: number, select: S) {
  return db.message.findMany({ where: { dealId }, orderBy: { createdAt: "desc" }, take, select }) as Promise<Prisma.MessageGetPayload<{ select: S }>[]>;
}

/** The message a ladder step already produced, if any (a retried step must not send twice). */
export async function findLadderStepMessage(db: Db, ladderId: string, step: number) {
  return db.message.findFirst({ where: { ladderId, ladderStep: step }, select: { id: true, status: true, blockedReason: true } });
}

/** The deal a message belongs to, null when it has none or does not exist. */
export async function findMessageDealId(db: Db, messageId: string): Promise<string | null> {
  const message = await db.message.findFirst({ where: { id: messageId }, select: { dealId: true } });
  return message?.dealId ?? null;
}

/** How many messages were created in [since, until], by direction and status. */
export async function countMessagesByDirectionAndStatus(
  db: Db,
  since: Date,
  until: Date,
): Promise<{ direction: MessageDirection; status: MessageStatus; count: number }[]> {
  const groups = await db.message.groupBy({
    by: ["direction", "status"],
    where: { createdAt: { gte: since, lte: until } },
    _count: { _all: true },
  });
  return groups.map((g) => ({ direction: g.direction, status: g.status, count: g._count._all }));
}

/** When outbound messages were settled in [since, until): delivered, or failed/undelivered. */
export async function listMessageSettlements(db: Db, since: Date, until: Date): Promise<{ at: Date; delivered: boolean }[]> {
  const rows = await db.message.findMany({
    where: { direction: "OUTBOUND", OR: [{ deliveredAt: { gte: since, lt: until } }, { failedAt: { gte: since, lt: until } }] },
    select: { deliveredAt: true, failedAt: true },
  });
  return rows.map((r) => (r.deliveredAt ? { at: r.deliveredAt, delivered: true } : { at: r.failedAt as Date, delivered: false }));
}

/** Which of these phones (E.164) and emails have an opt-in on record (an opt-out replaces it). */
export async function optedInAddresses(db: Db, addresses: readonly (string | null | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.filter((a): a is string => typeof a === "string" && a.length > 0).map((a) => (a.includes("@") ? a.toLowerCase() : a)))];
  if (wanted.length === 0) return new Set();
  const rows = await db.contactConsent.findMany({ where: { address: { in: wanted }, status: "OPTED_IN" }, select: { address: true } });
  return new Set(rows.map((r) => r.address));
}
