/**
 * The deals area owns the Deal table: intake's inserts, underwriting's columns and every
 * status change are written here, and other areas read deals through the functions below,
 * each named for what it returns. lib/prospects is the read side of this area (the table,
 * its analytics and the deal page) and reads Deal itself.
 */
import type { Prisma } from "@/generated/prisma/client";
import { insertRows } from "@/lib/db/bulk";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

type Db = TenantDb | TenantTransaction;

/** A deal as intake prepares it; the scoped client stamps the tenant. */
export type NewDealRow = Omit<Prisma.DealCreateManyInput, "tenantId">;

export interface UnderwritingColumns {
  mao: number;
  spread: number;
  spreadRatio: number;
  strategy: NonNullable<Prisma.DealCreateManyInput["strategy"]>;
  /** MAO minus the policy's negotiation margin. */
  recommendedOffer?: number;
}

/** Inserts new deals in bulk; a deal whose address the tenant already has is skipped. Returns the inserted ids. */
export async function insertDeals(tx: TenantTransaction, rows: NewDealRow[]): Promise<Set<string>> {
  return new Set(await insertRows(tx, "Deal", rows as Record<string, unknown>[], { skipDuplicates: true }));
}

/** Sets the offer underwriting computed on existing deals, stamped with when. */
export async function recordUnderwriting(tx: TenantTransaction, offers: { dealId: string; columns: UnderwritingColumns }[], at: Date): Promise<void> {
  for (const { dealId, columns } of offers) {
    await tx.deal.updateMany({ where: { id: dealId }, data: { ...columns, underwrittenAt: at } });
  }
}

/** Moves the deals still NEW to UNDERWRITTEN; returns the ids that moved (their status change is the caller's to announce). */
export async function promoteUnderwritten(tx: TenantTransaction, dealIds: string[]): Promise<string[]> {
  const promoted = await tx.deal.findMany({ where: { id: { in: dealIds }, status: "NEW" }, select: { id: true } });
  const ids = promoted.map((d) => d.id);
  await tx.deal.updateMany({ where: { id: { in: ids }, status: "NEW" }, data: { status: "UNDERWRITTEN" } });
  return ids;
}

/** Demo data only: places deals along the funnel and back in time, as if they had a history. */
export async function setDealHistory(db: TenantDb, history: DemoDealState[]): Promise<void> {
  for (const { dealId, createdAt, ...work } of history) {
    await db.deal.update({ where: { id: dealId }, data: { ...work, createdAt, underwrittenAt: createdAt } });
  }
}

/** Demo only: where a seeded deal stands, who works it and what it earned, as if worked by hand. */
export type DemoDealState = { dealId: string; status: Prisma.DealCreateManyInput["status"]; createdAt: Date } & Partial<
  Pick<Prisma.DealUncheckedUpdateInput, "ownerId" | "statusReason">
> & { tags?: string[]; statusChangedAt?: Date; contractedAt?: Date; closedAt?: Date; assignmentFee?: number };

/** Demo only: notes on seeded deals, in one insert. */
export async function addDemoDealNotes(db: TenantDb, notes: { dealId: string; authorId: string | null; body: string; createdAt: Date }[]): Promise<number> {
  if (notes.length === 0) return 0;
  return (await db.dealNote.createMany({ data: notes })).count;
}

/** Every deal's id with the raw payload it arrived with. */
export async function listDealRawPayloads(db: Db): Promise<{ id: string; raw: Prisma.JsonValue }[]> {
  return db.deal.findMany({ select: { id: true, raw: true } });
}

export async function dealExists(db: Db, dealId: string): Promise<boolean> {
  return (await db.deal.count({ where: { id: dealId, deletedAt: null } })) > 0;
}

/** Whether the tenant has any deal at all (an empty table and an empty filter read differently). */
export async function hasAnyDeal(db: Db): Promise<boolean> {
  return (await db.deal.findFirst({ where: { deletedAt: null }, select: { id: true } })) !== null;
}

/** The deals already holding these normalized addresses. */
export async function findDealsByAddressKeys(db: Db, addressKeys: string[]): Promise<{ id: string; addressKey: string }[]> {
  if (addressKeys.length === 0) return [];
  // One array parameter: an import asks for a thousand keys a batch, which Prisma would send one by one.
  return selectInTenant(db, `SELECT "id", "addressKey" FROM "Deal" WHERE "tenantId" = $1 AND "addressKey" = ANY($2::text[])`, [db.tenantId, addressKeys]);
}

/** The given live deals with the columns the caller selects (missing and deleted ids are simply absent). */
export async function findDealsByIds<S extends Prisma.DealSelect>(db: Db, dealIds: string[], select: S) {
  return db.deal.findMany({ where: { id: { in: dealIds }, deletedAt: null }, select }) as Promise<Prisma.DealGetPayload<{ select: S }>[]>;
}

/** One live deal with the columns the caller selects, or null (also for a deleted one). */
export async function findDeal<S extends Prisma.DealSelect>(db: Db, dealId: string, select: S) {
  return db.deal.findFirst({ where: { id: dealId, deletedAt: null }, select }) as Promise<Prisma.DealGetPayload<{ select: S }> | null>;
}

export async function countDeals(db: Db, where: Prisma.DealWhereInput): Promise<number> {
  return db.deal.count({ where: { AND: [where, { deletedAt: null }] } });
}

/** What underwriting prices a deal from, oldest first. */
export async function listDealsToUnderwrite(db: Db, where: Prisma.DealWhereInput, limit: number) {
  return db.deal.findMany({
    where: { AND: [where, { deletedAt: null }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, region: true, market: true, arv: true, repairs: true, askingPrice: true },
  });
}

/** What an alert says about each deal: where it is and its offer. */
export async function listDealHeadlines(db: Db, dealIds: string[]) {
  return db.deal.findMany({
    where: { id: { in: dealIds } },
    select: { id: true, street: true, city: true, region: true, market: true, propertyType: true, spread: true, strategy: true },
  });
}

/** What outbound needs of a lead to address it and judge the market policy, or null (a deleted lead is never contacted). */
export async function getDealContact(db: Db, dealId: string) {
  return db.deal.findFirst({
    where: { id: dealId, deletedAt: null },
    select: { id: true, contactPhone: true, contactEmail: true, timeZone: true, region: true, country: true, market: true, score: true, areaCode: true, postalCode: true },
  });
}

/** The newest deal whose contact has this phone (stored form), with its country. */
export async function findLatestDealByPhone(db: Db, phone: string): Promise<{ id: string; country: string | null } | null> {
  return db.deal.findFirst({ where: { contactPhone: phone }, orderBy: { createdAt: "desc" }, select: { id: true, country: true } });
}

/** The newest deals (at most 50) whose contact is this address: the leads an opt-out concerns. */
export async function listDealIdsByContact(db: Db, channel: "SMS" | "EMAIL", address: string): Promise<string[]> {
  const deals = await db.deal.findMany({
    where: channel === "SMS" ? { contactPhone: address } : { contactEmail: { equals: address, mode: "insensitive" } },
    select: { id: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return deals.map((d) => d.id);
}

/** Every deal's contact phone and email, in address order. */
export async function listDealContacts(db: Db): Promise<{ contactPhone: string | null; contactEmail: string | null }[]> {
  return db.deal.findMany({ select: { contactPhone: true, contactEmail: true }, orderBy: { addressKey: "asc" } });
}

/** Ids of open deals (not dead or closed) with a market and a phone, in address order. */
export async function listWorkableDealIds(db: Db, limit: number): Promise<string[]> {
  const deals = await db.deal.findMany({
    where: { market: { not: null }, contactPhone: { not: null }, status: { notIn: ["DEAD", "CLOSED"] }, deletedAt: null },
    select: { id: true },
    orderBy: { addressKey: "asc" },
    take: limit,
  });
  return deals.map((d) => d.id);
}

/** The markets of deals that have an open follow-up task, unsorted. */
export async function listMarketsWithOpenTasks(db: Db): Promise<string[]> {
  const deals = await db.deal.findMany({ where: { tasks: { some: { status: "OPEN" } }, market: { not: null } }, select: { market: true }, distinct: ["market"] });
  return deals.flatMap((d) => (d.market ? [d.market] : []));
}
