/**
 * The market-intel engine's pass: incremental from where the last completed pass stopped,
 * in full when the last full pass is a day old (or a person asked for a run), so what an
 * incremental pass cannot see (a message erased, say) is caught by the next night.
 */
import { countDeals } from "@/lib/deals/service";
import type { TenantDb } from "@/lib/db/tenant";
import { recomputeAreas, type RecomputeReport } from "./service";

export const FULL_PASS_EVERY_MS = 24 * 3_600_000;
/** Incremental passes start this much before the last one ended: clocks of app and database may differ a little. */
export const PASS_OVERLAP_MS = 60_000;

export interface MarketPassPlan {
  full: boolean;
  since: Date | null;
  /** The last full pass, carried from run to run. */
  lastFullAt: Date | null;
}

const dateOf = (value: unknown): Date | null => {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Pure: what the next pass covers, from the last completed run's details. */
export function planMarketPass(last: Record<string, unknown> | null, now: Date, manual: boolean): MarketPassPlan {
  const until = dateOf(last?.until);
  const lastFullAt = dateOf(last?.lastFullAt);
  const full = manual || !until || !lastFullAt || now.getTime() - lastFullAt.getTime() >= FULL_PASS_EVERY_MS;
  return { full, since: full || !until ? null : new Date(until.getTime() - PASS_OVERLAP_MS), lastFullAt };
}

/** Runs one pass; its details carry `until` and `lastFullAt` for the next one. */
export async function runMarketIntelPass(
  db: TenantDb,
  last: Record<string, unknown> | null,
  options: { manual?: boolean; now?: Date } = {},
): Promise<{ report: RecomputeReport; details: { until: string; lastFullAt: string | null; full: boolean } }> {
  const now = options.now ?? new Date();
  const plan = planMarketPass(last, now, options.manual ?? false);
  const report = await recomputeAreas(db, { full: plan.full, since: plan.since, now });
  return {
    report,
    details: { until: now.toISOString(), lastFullAt: (plan.full ? now : plan.lastFullAt)?.toISOString() ?? null, full: plan.full },
  };
}

/** The engine's backlog: live deals in an area changed since the last pass (all of them before the first). */
export async function countDealsChangedSince(db: TenantDb, last: Record<string, unknown> | null): Promise<number> {
  const until = dateOf(last?.until);
  return countDeals(db, { areaCode: { not: null }, ...(until && { updatedAt: { gt: until } }) });
}
