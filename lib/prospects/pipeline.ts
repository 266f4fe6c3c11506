/**
 * The pipeline board's read side: one column per deal status with its count, the total
 * spread of its deals and the first cards, under the same filters as the prospects table.
 */
import type { DealStatus, Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { DEAL_STATUSES } from "@/lib/intake/schema";
import { prospectWhere, type ProspectQuery } from "./query";

/** A column shows this many cards; the rest are a link to the filtered table. */
export const PIPELINE_CARDS_PER_COLUMN = 12;

export const PIPELINE_CARD_COLUMNS = {
  id: true, status: true, street: true, unit: true, city: true, region: true, postalCode: true,
  spread: true, spreadRatio: true, score: true, ownerId: true, statusChangedAt: true,
} as const satisfies Prisma.DealSelect;

export type PipelineCard = Prisma.DealGetPayload<{ select: typeof PIPELINE_CARD_COLUMNS }>;

export interface PipelineColumn {
  status: DealStatus;
  count: number;
  /** Sum of the spreads of every deal in the column (deals not underwritten add nothing). */
  totalSpread: number;
  cards: PipelineCard[];
}

function cardOrder(query: ProspectQuery): Prisma.DealOrderByWithRelationInput[] {
  const first = (query.sort === "createdAt" ? { createdAt: query.dir } : { [query.sort]: { sort: query.dir, nulls: "last" } }) as Prisma.DealOrderByWithRelationInput;
  return [first, { id: query.dir }];
}

/**
 * Every status gets a column, even an empty one, so a card can be dropped there. A status
 * filter keeps its columns and empties the others. Counts and sums are aggregated in the
 * database; only the first `cardsPerColumn` cards of each column are read.
 */
export async function listPipeline(
  db: TenantDb,
  query: ProspectQuery,
  options: { timeZone?: string; cardsPerColumn?: number } = {},
): Promise<PipelineColumn[]> {
  const where = prospectWhere(query, options.timeZone);
  const take = options.cardsPerColumn ?? PIPELINE_CARDS_PER_COLUMN;
  const statuses = DEAL_STATUSES.filter((status) => !query.status?.length || query.status.includes(status)) as DealStatus[];
  const orderBy = cardOrder(query);
  const [groups, ...cards] = await Promise.all([
    db.deal.groupBy({ by: ["status"], where, _count: { _all: true }, _sum: { spread: true } }),
    ...statuses.map((status) => db.deal.findMany({ where: { AND: [where, { status }] }, orderBy, take, select: PIPELINE_CARD_COLUMNS })),
  ]);
  const byStatus = new Map(groups.map((group) => [group.status, group]));
  const cardsByStatus = new Map(statuses.map((status, index) => [status, cards[index]]));
  return (DEAL_STATUSES as readonly DealStatus[]).map((status) => {
    const group = byStatus.get(status);
    return {
      status,
      count: group?._count._all ?? 0,
      totalSpread: Number(group?._sum.spread ?? 0),
      cards: cardsByStatus.get(status) ?? [],
    };
  });
}
