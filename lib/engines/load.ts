import { countDealsAwaitingBuyerMatch, FIRST_MATCHING_LOOKBACK_MS } from "@/lib/buyers/engines";
import type { TenantDb } from "@/lib/db/tenant";
import { countDealsChangedSince } from "@/lib/market/engine";
import { countMessagesByDirectionAndStatus } from "@/lib/outbound/queries";
import { countDealsToUnderwrite } from "@/lib/underwriting/engine";
import type { EngineLoad, EngineProfile } from "./types";
import { lastCompletedRun } from "./watermark";

/** Rates from fewer messages than this say nothing; they are left out (null). */
export const MIN_RATE_SAMPLE = 10;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Reply and delivery rates of the last 24 hours, from outbound's message counts. */
export async function messageRates(db: TenantDb, now: Date): Promise<Pick<EngineLoad, "replyRate" | "deliveryRate">> {
  const since = new Date(now.getTime() - DAY_MS);
  const counts = await countMessagesByDirectionAndStatus(db, since, now);
  const count = (direction: string, statuses: string[]) =>
    counts.filter((c) => c.direction === direction && statuses.includes(c.status)).reduce((sum, c) => sum + c.count, 0);
  const sent = count("OUTBOUND", ["SENT", "DELIVERED", "FAILED", "UNDELIVERED"]);
  const settled = count("OUTBOUND", ["DELIVERED", "FAILED", "UNDELIVERED"]);
  const delivered = count("OUTBOUND", ["DELIVERED"]);
  const replies = count("INBOUND", ["RECEIVED"]);
  return {
    replyRate: sent >= MIN_RATE_SAMPLE ? Math.min(1, replies / sent) : null,
    deliveryRate: settled >= MIN_RATE_SAMPLE ? delivered / settled : null,
  };
}

/** The work waiting for an engine that paces on its backlog. */
async function backlogOf(db: TenantDb, engine: EngineProfile["name"], now: Date): Promise<number> {
  if (engine === "underwriting") return countDealsToUnderwrite(db);
  if (engine === "buyer-matching") {
    const until = (await lastCompletedRun(db, engine))?.details?.until;
    return countDealsAwaitingBuyerMatch(db, typeof until === "string" ? new Date(until) : new Date(now.getTime() - FIRST_MATCHING_LOOKBACK_MS), now);
  }
  if (engine === "market-intel") return countDealsChangedSince(db, (await lastCompletedRun(db, engine))?.details ?? null);
  return 0;
}

/** Measures what an engine's pace responds to, for one tenant. */
export async function measureEngineLoad(db: TenantDb, engine: EngineProfile, now = new Date()): Promise<EngineLoad> {
  const uses = (signal: EngineProfile["signals"][number]) => engine.signals.includes(signal);
  const [backlog, inboundLastHour, rates, state] = await Promise.all([
    uses("backlog") ? backlogOf(db, engine.name, now) : Promise.resolve(0),
    uses("inboundVelocity") ? db.inboundEmail.count({ where: { receivedAt: { gte: new Date(now.getTime() - HOUR_MS), lte: now } } }) : Promise.resolve(0),
    uses("replyRate") || uses("deliveryRate") ? messageRates(db, now) : Promise.resolve({ replyRate: null, deliveryRate: null }),
    db.engineState.findUnique({ where: { tenantId_engine: { tenantId: db.tenantId, engine: engine.name } }, select: { consecutiveFailures: true } }),
  ]);
  return { backlog, inboundLastHour, ...rates, consecutiveFailures: state?.consecutiveFailures ?? 0 };
}
