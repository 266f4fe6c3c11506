/**
 * The Buyers table: one page of live buyers, filtered, sorted and counted on the server, and
 * the same filters without paging for segments. Buyers per workspace are in the hundreds or
 * low thousands, so the count is exact.
 */
import type { Prisma } from "@/generated/prisma/client";
import { selectInTenant } from "@/lib/db/scoped-sql";
import type { TenantDb } from "@/lib/db/tenant";
import { normalizePhone } from "@/lib/contact/address";
import { normalizeBuyBoxPostalCode, parseMarketKey, marketKey } from "./schema";
import { UNOWNED_BUYERS, type BuyerQuery, type BuyerSort } from "./query-params";

export { BuyerQuery, parseBuyerQuery, buyerSearchParams, buyerQueryString } from "./query-params";

export const BUYER_ROW_SELECT = {
  id: true,
  name: true,
  company: true,
  phones: true,
  emails: true,
  status: true,
  tier: true,
  tierIsNew: true,
  proofOfFundsAmount: true,
  proofOfFundsVerifiedAt: true,
  markets: true,
  postalCodes: true,
  priceMin: true,
  priceMax: true,
  propertyTypes: true,
  strategies: true,
  tags: true,
  ownerId: true,
  lastActivityAt: true,
  intentScore: true,
  createdAt: true,
} as const satisfies Prisma.BuyerSelect;

export type BuyerRow = Prisma.BuyerGetPayload<{ select: typeof BUYER_ROW_SELECT }>;

export interface BuyerPage {
  rows: BuyerRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** The last row's id when more rows follow: pass it back as `after`. */
  nextCursor: string | null;
}

/**
 * Buyers whose property types and strategies overlap the filter's. Prisma binds an enum
 * array filter (`has`, `hasSome`) as text, which the PGlite driver refuses ("malformed array
 * literal"), so this one test is SQL.
 */
async function idsWithEnumOverlap(db: TenantDb, query: BuyerQuery): Promise<string[]> {
  const params: unknown[] = [db.tenantId];
  const conditions: string[] = [];
  if (query.propertyType?.length) {
    params.push(query.propertyType);
    conditions.push(`"propertyTypes" && $${params.length}::text[]::"PropertyType"[]`);
  }
  if (query.strategy?.length) {
    params.push(query.strategy);
    conditions.push(`"strategies" && $${params.length}::text[]::"Strategy"[]`);
  }
  const rows = await selectInTenant<{ id: string }>(db, `SELECT id FROM "Buyer" WHERE "tenantId" = $1 AND "deletedAt" IS NULL AND ${conditions.join(" AND ")}`, params);
  return rows.map((row) => row.id);
}

/** The filters of a query as a Prisma where: live buyers only. */
export async function buyerWhere(db: TenantDb, query: BuyerQuery): Promise<Prisma.BuyerWhereInput> {
  const and: Prisma.BuyerWhereInput[] = [{ deletedAt: null }];
  if (query.q) {
    const q = query.q;
    const or: Prisma.BuyerWhereInput[] = [
      { name: { contains: q, mode: "insensitive" } },
      { company: { contains: q, mode: "insensitive" } },
      // Phones and emails are lists: a whole address or number finds its buyer.
      { emails: { has: q.toLowerCase() } },
    ];
    const phone = normalizePhone(q);
    if (phone) or.push({ phones: { has: phone } });
    and.push({ OR: or });
  }
  if (query.status?.length) and.push({ status: { in: query.status } });
  if (query.tier?.length) and.push({ tier: { in: query.tier } });
  if (query.market) {
    const parsed = parseMarketKey(query.market);
    and.push({ markets: { has: parsed ? marketKey(parsed.region, parsed.market) : query.market } });
  }
  if (query.postalCode) and.push({ postalCodes: { has: normalizeBuyBoxPostalCode(query.postalCode) ?? query.postalCode } });
  if (query.propertyType?.length || query.strategy?.length) and.push({ id: { in: await idsWithEnumOverlap(db, query) } });
  if (query.tag) and.push({ tags: { has: query.tag } });
  if (query.owner) and.push({ ownerId: query.owner === UNOWNED_BUYERS ? null : query.owner });
  return { AND: and };
}

/** Sorted columns, buyers without a value last, ties broken by id so pages never overlap. */
export function buyerOrderBy(sort: BuyerSort, dir: "asc" | "desc"): Prisma.BuyerOrderByWithRelationInput[] {
  const nullable = (field: "company" | "proofOfFundsAmount" | "lastActivityAt") => ({ [field]: { sort: dir, nulls: "last" as const } });
  const first: Prisma.BuyerOrderByWithRelationInput =
    sort === "company" ? nullable("company")
    : sort === "proofOfFunds" ? nullable("proofOfFundsAmount")
    : sort === "lastActivity" ? nullable("lastActivityAt")
    : sort === "name" ? { name: dir }
    : sort === "tier" ? { tier: dir }
    : sort === "status" ? { status: dir }
    // Buyer_tenantId_intentScore_desc_idx (tenantId, intentScore DESC, id DESC) serves both directions.
    : sort === "intentScore" ? { intentScore: dir }
    : { createdAt: dir };
  return [first, { id: dir }];
}

export async function listBuyers(db: TenantDb, query: BuyerQuery): Promise<BuyerPage> {
  const where = await buyerWhere(db, query);
  const orderBy = buyerOrderBy(query.sort, query.dir);
  const cursor = query.after ? await db.buyer.findFirst({ where: { id: query.after }, select: { id: true } }) : null;
  const [rows, total] = await Promise.all([
    db.buyer.findMany({
      where,
      orderBy,
      select: BUYER_ROW_SELECT,
      take: query.pageSize + 1,
      ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : { skip: (query.page - 1) * query.pageSize }),
    }),
    db.buyer.count({ where }),
  ]);
  const more = rows.length > query.pageSize;
  const page = rows.slice(0, query.pageSize);
  return {
    rows: page,
    total,
    page: cursor ? Math.max(1, query.page) : query.page,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
    pageSize: query.pageSize,
    nextCursor: more ? page[page.length - 1].id : null,
  };
}

/** Whether the workspace has any live buyer (the empty state's question). */
export async function hasAnyBuyer(db: TenantDb): Promise<boolean> {
  return (await db.buyer.count({ where: { deletedAt: null }, take: 1 })) > 0;
}
