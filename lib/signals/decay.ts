/**
 * The nightly decay pass. A score is stored when a signal arrives; without new signals it
 * would stay at that value forever, so once a day every person who has a score, or a signal
 * recent enough to still count, is recomputed at `now`. A score that rises (a signal dated
 * ahead that has now come due) and reaches the threshold writes its `intent/high` event
 * through recomputeIntent, like a fresh signal would.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { recomputeIntent, signalReadSince } from "./service";
import { getIntentSettings } from "./settings";
import type { SignalSubject } from "./types";

/** People recomputed per transaction: short transactions, and a failure loses one batch only. */
export const DECAY_BATCH_SIZE = 200;

export interface SignalDecayReport {
  /** People recomputed. */
  people: number;
  /** Of them, whose score moved. */
  changed: number;
  /** Of them, whose score reached the high-intent threshold from below. */
  crossed: number;
}

export async function runSignalDecay(db: TenantDb, options: { now?: Date } = {}): Promise<SignalDecayReport> {
  const now = options.now ?? new Date();
  const settings = await getIntentSettings(db);
  const window = { gte: signalReadSince(settings, now), lte: now };
  const [scoredDeals, signalledDeals, scoredBuyers, signalledBuyers] = await Promise.all([
    db.deal.findMany({ where: { intentScore: { gt: 0 }, deletedAt: null }, select: { id: true } }),
    db.signal.findMany({ where: { occurredAt: window, dealId: { not: null } }, distinct: ["dealId"], select: { dealId: true } }),
    db.buyer.findMany({ where: { intentScore: { gt: 0 }, deletedAt: null }, select: { id: true } }),
    db.signal.findMany({ where: { occurredAt: window, buyerId: { not: null } }, distinct: ["buyerId"], select: { buyerId: true } }),
  ]);
  const dealIds = [...new Set([...scoredDeals.map((d) => d.id), ...signalledDeals.map((s) => s.dealId!)])].sort();
  const buyerIds = [...new Set([...scoredBuyers.map((b) => b.id), ...signalledBuyers.map((s) => s.buyerId!)])].sort();

  const report: SignalDecayReport = { people: 0, changed: 0, crossed: 0 };
  for (let i = 0; i < dealIds.length; i += DECAY_BATCH_SIZE) {
    const live = await db.deal.findMany({ where: { id: { in: dealIds.slice(i, i + DECAY_BATCH_SIZE) }, deletedAt: null }, select: { id: true } });
    await recomputeBatch(db, live.map((d) => ({ kind: "lead", dealId: d.id })), now, report);
  }
  for (let i = 0; i < buyerIds.length; i += DECAY_BATCH_SIZE) {
    const live = await db.buyer.findMany({ where: { id: { in: buyerIds.slice(i, i + DECAY_BATCH_SIZE) }, deletedAt: null }, select: { id: true } });
    await recomputeBatch(db, live.map((b) => ({ kind: "buyer", buyerId: b.id })), now, report);
  }
  return report;
}

async function recomputeBatch(db: TenantDb, subjects: SignalSubject[], now: Date, report: SignalDecayReport): Promise<void> {
  if (subjects.length === 0) return;
  const changes = await db.$transaction((tx) => recomputeIntent(tx, subjects, { now }), { timeout: 60_000 });
  report.people += changes.length;
  report.changed += changes.filter((c) => c.before !== c.after).length;
  report.crossed += changes.filter((c) => c.crossed).length;
}
