import { DateTime } from "luxon";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { DEAL_SOURCES, DEAL_STATUSES } from "@/lib/intake/schema";

/*
 * Every figure here is a count or groupBy in the database: a tenant may hold a million
 * deals, so no function loads deal rows.
 */

export type DealStatus = (typeof DEAL_STATUSES)[number];
export type DealSource = (typeof DEAL_SOURCES)[number];

/** The order a deal moves through; DEAD can happen at any step, so it is shown apart. */
/** Deleted deals (in Recently deleted) count nowhere. */
const LIVE = { deletedAt: null } satisfies Prisma.DealWhereInput;

export const PIPELINE_STATUSES = ["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "UNDER_CONTRACT", "CLOSED"] as const satisfies readonly DealStatus[];

export interface StatusFunnel {
  pipeline: { status: DealStatus; count: number }[];
  dead: number;
  total: number;
}

export async function statusFunnel(db: TenantDb): Promise<StatusFunnel> {
  const groups = await db.deal.groupBy({ by: ["status"], where: LIVE, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.status as DealStatus, g._count._all]));
  return {
    pipeline: PIPELINE_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    dead: counts.get("DEAD") ?? 0,
    total: groups.reduce((sum, g) => sum + g._count._all, 0),
  };
}

export type IntakeDay = { day: string; total: number } & Record<DealSource, number>;

/**
 * Deals received per calendar day in the workspace's zone, per source, oldest first, with
 * days that had none included (a gap in a chart reads as missing data, not as zero).
 */
export async function intakeByDay(db: TenantDb, options: { timeZone: string; days?: number; now?: Date }): Promise<IntakeDay[]> {
  const days = options.days ?? 30;
  const today = DateTime.fromJSDate(options.now ?? new Date()).setZone(options.timeZone).startOf("day");
  const starts = Array.from({ length: days + 1 }, (_, i) => today.minus({ days: days - 1 - i }));
  return Promise.all(
    starts.slice(0, days).map(async (start, i) => {
      const groups = await db.deal.groupBy({
        by: ["source"],
        where: { ...LIVE, createdAt: { gte: start.toJSDate(), lt: starts[i + 1].toJSDate() } },
        _count: { _all: true },
      });
      const row = { day: start.toISODate() ?? "", total: 0 } as IntakeDay;
      for (const source of DEAL_SOURCES) row[source] = 0;
      for (const g of groups) {
        row[g.source as DealSource] = g._count._all;
        row.total += g._count._all;
      }
      return row;
    }),
  );
}

export interface SpreadBucket {
  label: string;
  /** Inclusive lower bound in dollars; null for "below zero". */
  min: number | null;
  /** Exclusive upper bound in dollars; null for the open top bucket. */
  max: number | null;
}

export const SPREAD_BUCKETS: readonly SpreadBucket[] = [
  { label: "< $0", min: null, max: 0 },
  { label: "$0–10k", min: 0, max: 10_000 },
  { label: "$10–20k", min: 10_000, max: 20_000 },
  { label: "$20–30k", min: 20_000, max: 30_000 },
  { label: "$30–50k", min: 30_000, max: 50_000 },
  { label: "$50–100k", min: 50_000, max: 100_000 },
  { label: "$100k+", min: 100_000, max: null },
];

export function spreadBucketWhere(bucket: SpreadBucket): Prisma.DealWhereInput {
  return { ...LIVE, spread: { ...(bucket.min !== null && { gte: bucket.min }), ...(bucket.max !== null && { lt: bucket.max }) } };
}

export interface SpreadDistribution {
  buckets: (SpreadBucket & { count: number })[];
  /** Deals without a spread yet (not underwritten); not part of any bucket. */
  notUnderwritten: number;
}

export async function spreadDistribution(db: TenantDb): Promise<SpreadDistribution> {
  const [counts, notUnderwritten] = await Promise.all([
    Promise.all(SPREAD_BUCKETS.map((bucket) => db.deal.count({ where: spreadBucketWhere(bucket) }))),
    db.deal.count({ where: { ...LIVE, spread: null } }),
  ]);
  return { buckets: SPREAD_BUCKETS.map((bucket, i) => ({ ...bucket, count: counts[i] })), notUnderwritten };
}

export interface MarketCount {
  market: string;
  count: number;
}

/** The busiest markets, most deals first; ties by name so the order is stable. */
export async function topMarkets(db: TenantDb, limit = 15): Promise<MarketCount[]> {
  const groups = await db.deal.groupBy({
    by: ["market"],
    where: { ...LIVE, market: { not: null } },
    _count: { market: true },
    orderBy: [{ _count: { market: "desc" } }, { market: "asc" }],
    take: limit,
  });
  return groups.map((g) => ({ market: g.market ?? "", count: g._count.market }));
}

export async function prospectAnalytics(db: TenantDb, options: { timeZone: string; now?: Date }) {
  const [funnel, intake, spreads, markets] = await Promise.all([
    statusFunnel(db),
    intakeByDay(db, { timeZone: options.timeZone, now: options.now }),
    spreadDistribution(db),
    topMarkets(db),
  ]);
  return { funnel, intake, spreads, markets };
}
export type ProspectAnalytics = Awaited<ReturnType<typeof prospectAnalytics>>;
