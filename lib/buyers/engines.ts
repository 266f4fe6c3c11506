/**
 * The two buyer engines' passes, run on the engine registry (lib/engines/registry.ts):
 * buyer matching (new high-spread deals get their match list, a notification to the owners,
 * and an auto-blast to tier-A matches when the workspace turned it on) and buyer performance
 * (tiers and liquidity nodes recomputed daily and after a burst of feedback).
 */
import type { TenantDb } from "@/lib/db/tenant";
import { createBlast } from "@/lib/blasts/service";
import { isExpectedError } from "@/lib/errors";
import { areaCodeOf } from "@/lib/geo/area";
import { blacklistedAreas } from "@/lib/market/queries";
import { notifyRoles } from "@/lib/notifications/service";
import { getTenantSettings } from "@/lib/tenants/settings";
import { findBuyerMatches } from "./candidates";
import { recomputeBuyerPerformance, type PerformanceReport } from "./performance";
import { getBuyerSettings } from "./settings";

const HOUR_MS = 3_600_000;
/** The first matching pass looks back this far. */
export const FIRST_MATCHING_LOOKBACK_MS = 24 * HOUR_MS;
/** Deals one matching pass takes on; the rest wait for the next pass (it speeds up while they wait). */
export const MATCHING_BATCH = 100;
/** Feedback events since the last recompute that make a burst worth recomputing for at once. */
export const FEEDBACK_BURST = 25;
/** Without a burst, tiers and nodes are recomputed once a day. */
export const PERFORMANCE_MAX_AGE_MS = 24 * HOUR_MS;

/** Deals underwritten in (since, until] whose spread reaches the workspace's alert threshold. */
async function highSpreadWhere(db: TenantDb, since: Date, until: Date) {
  const { spreadAlertThreshold } = await getTenantSettings(db);
  return { deletedAt: null, underwrittenAt: { gt: since, lte: until }, spread: { gte: spreadAlertThreshold } };
}

/** The matching engine's backlog: high-spread deals underwritten since its last pass. */
export async function countDealsAwaitingBuyerMatch(db: TenantDb, since: Date, now = new Date()): Promise<number> {
  return db.deal.count({ where: await highSpreadWhere(db, since, now) });
}

export interface BuyerMatchingReport {
  deals: number;
  notified: number;
  withoutMatches: number;
  /** Deals in a blacklisted postal area: neither matched nor blasted. */
  blacklisted: number;
  blasts: { dealId: string; blastId: string; recipients: number }[];
  blastsRefused: { dealId: string; reason: string }[];
  /** The end of the window this pass covered: the next pass starts there. */
  until: string;
}

const describeDeal = (deal: { street: string | null; city: string | null; region: string | null }) => deal.street || [deal.city, deal.region].filter(Boolean).join(", ") || "a deal";

/**
 * Matches the high-spread deals underwritten in (since, now]: a notification to the owners
 * per deal with matches ("12 buyers match 123 Main St (best: Jane Cash, tier A)"), and, with
 * auto-blast on, a blast to its tier-A matches (not the new ones). A blast the blast service
 * refuses (a cold market needs a reason, no public URL) is reported, not retried. Deals in a
 * blacklisted postal area are skipped (counted, not matched, not blasted).
 */
export async function runBuyerMatching(db: TenantDb, window: { since: Date; now?: Date }): Promise<BuyerMatchingReport> {
  const now = window.now ?? new Date();
  const deals = await db.deal.findMany({
    where: await highSpreadWhere(db, window.since, now),
    orderBy: { underwrittenAt: "asc" },
    take: MATCHING_BATCH,
    select: { id: true, street: true, city: true, region: true, underwrittenAt: true, areaCode: true, postalCode: true },
  });
  const settings = await getBuyerSettings(db);
  // A failed read of the marks throws: the pass fails rather than match a blacklisted deal.
  const areaOf = (deal: (typeof deals)[number]) => deal.areaCode ?? areaCodeOf(deal.postalCode);
  const blacklisted = await blacklistedAreas(db, deals.map(areaOf));
  const report: BuyerMatchingReport = { deals: deals.length, notified: 0, withoutMatches: 0, blacklisted: 0, blasts: [], blastsRefused: [], until: now.toISOString() };
  for (const deal of deals) {
    const area = areaOf(deal);
    if (area && blacklisted.has(area)) {
      report.blacklisted += 1;
      continue;
    }
    const { matches, liquidity } = await findBuyerMatches(db, deal.id, { now });
    if (matches.length === 0) {
      report.withoutMatches += 1;
      continue;
    }
    const best = matches[0].buyer;
    const bestTier = best.tierIsNew ? "new" : `tier ${best.tier}`;
    const title = `${matches.length} buyer${matches.length === 1 ? "" : "s"} match ${describeDeal(deal)} (best: ${best.name}, ${bestTier})`;
    const lines = [liquidity ? `Liquidity of ${liquidity.market} ${liquidity.propertyType}: ${Math.round(liquidity.score)}.` : "The deal is not placed in a market yet.", "Open the deal's Buyers tab to blast it."];

    if (settings.autoBlastTierA) {
      const tierA = matches.filter((m) => m.buyer.tier === "A" && !m.buyer.tierIsNew).map((m) => m.buyerId);
      if (tierA.length > 0) {
        try {
          const blast = await createBlast(db, { dealId: deal.id, buyerIds: tierA, channels: ["SMS", "EMAIL"] }, { userId: null }, { now });
          report.blasts.push({ dealId: deal.id, ...blast });
          lines.push(`Auto-blast sent to ${tierA.length} tier-A buyer(s).`);
        } catch (error) {
          if (!isExpectedError(error)) throw error;
          report.blastsRefused.push({ dealId: deal.id, reason: error.message });
          lines.push(`Auto-blast not sent: ${error.message}.`);
        }
      }
    }
    await notifyRoles(db, ["owner"], { kind: "deal.buyer_matches", title, body: lines.join(" "), data: { dealId: deal.id, matches: matches.length } });
    report.notified += 1;
  }
  // A full batch leaves deals behind: the next pass resumes after the last one taken.
  if (deals.length === MATCHING_BATCH) report.until = deals[deals.length - 1].underwrittenAt!.toISOString();
  return report;
}

export type BuyerPerformanceDecision = { due: true; why: string } | { due: false; why: string };

/** Whether the recompute is due: never run, a day since the last, or a burst of feedback since. */
export async function buyerPerformanceDue(db: TenantDb, lastRecompute: Date | null, now = new Date()): Promise<BuyerPerformanceDecision> {
  if (!lastRecompute) return { due: true, why: "first recompute" };
  if (now.getTime() - lastRecompute.getTime() >= PERFORMANCE_MAX_AGE_MS) return { due: true, why: "daily recompute" };
  const events = await db.buyerFeedbackEvent.count({ where: { createdAt: { gt: lastRecompute } } });
  if (events >= FEEDBACK_BURST) return { due: true, why: `${events} feedback events since the last recompute` };
  return { due: false, why: `${events} feedback event(s) since the last recompute (a burst is ${FEEDBACK_BURST}); the daily recompute is due at ${new Date(lastRecompute.getTime() + PERFORMANCE_MAX_AGE_MS).toISOString()}` };
}

/** One buyer-performance pass: recompute when due (always when `force`, e.g. Run now). */
export async function runBuyerPerformance(
  db: TenantDb,
  options: { lastRecompute: Date | null; force?: boolean; now?: Date },
): Promise<({ ran: true; why: string } & PerformanceReport) | { ran: false; why: string }> {
  const now = options.now ?? new Date();
  const decision = options.force ? { due: true as const, why: "run by hand" } : await buyerPerformanceDue(db, options.lastRecompute, now);
  if (!decision.due) return { ran: false, why: decision.why };
  return { ran: true, why: decision.why, ...(await recomputeBuyerPerformance(db, now)) };
}
