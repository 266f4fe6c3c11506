/**
 * Buyer performance: each buyer's tier from the last 180 days of feedback and accepted
 * offers (the pure rule in ./tiers), the liquidity nodes recomputed, and the best buyers of a
 * postal code (./best-buyers). Run by the buyer-performance engine.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { rankBestBuyers, type BestBuyer } from "./best-buyers";
import { knownLiquidityKeys, recomputeNodes } from "./liquidity";
import { liquidityWindowStart } from "./liquidity-rules";
import { normalizeBuyBoxPostalCode, type BuyerTier } from "./schema";
import { getBuyerSettings } from "./settings";
import { computeBuyerTier, medianDays, TIER_WINDOW_DAYS, type BuyerPerformanceStats } from "./tiers";

const DAY_MS = 24 * 60 * 60 * 1000;
const ANSWER_KINDS = ["RESPONDED", "OFFERED", "BOUGHT"];

interface DealSets {
  sent: Set<string>;
  responded: Set<string>;
  offered: Set<string>;
  bought: Set<string>;
}

/** Counts per buyer in deals (an event without a deal counts on its own), so repeats do not inflate rates. */
async function dealSetsByBuyer(db: TenantDb, since: Date, now: Date): Promise<Map<string, DealSets>> {
  const groups = await db.buyerFeedbackEvent.groupBy({
    by: ["buyerId", "dealId", "kind"],
    where: { occurredAt: { gte: since, lte: now } },
    _count: { _all: true },
  });
  const byBuyer = new Map<string, DealSets>();
  for (const g of groups) {
    let sets = byBuyer.get(g.buyerId);
    if (!sets) byBuyer.set(g.buyerId, (sets = { sent: new Set(), responded: new Set(), offered: new Set(), bought: new Set() }));
    const deals = g.dealId ? [g.dealId] : Array.from({ length: g._count._all }, (_, i) => `no-deal:${g.kind}:${i}`);
    for (const deal of deals) {
      if (g.kind === "SENT") sets.sent.add(deal);
      if (ANSWER_KINDS.includes(g.kind)) sets.responded.add(deal);
      if (g.kind === "OFFERED") sets.offered.add(deal);
      if (g.kind === "BOUGHT") sets.bought.add(deal);
    }
  }
  return byBuyer;
}

/** Days from each accepted offer to the buyer's purchase of that deal, per buyer. */
async function closingDaysByBuyer(db: TenantDb, since: Date, now: Date): Promise<Map<string, number[]>> {
  // A read of the offers lib/dispositions records: the accepted ones and when they were accepted.
  const accepted = await db.buyerOffer.findMany({
    where: { status: "ACCEPTED", decidedAt: { gte: since, lte: now } },
    select: { buyerId: true, dealId: true, decidedAt: true },
  });
  if (accepted.length === 0) return new Map();
  const purchases = await db.buyerFeedbackEvent.findMany({
    where: { kind: "BOUGHT", occurredAt: { gte: since, lte: now }, dealId: { in: [...new Set(accepted.map((o) => o.dealId))] } },
    select: { buyerId: true, dealId: true, occurredAt: true },
  });
  const boughtAt = new Map(purchases.map((p) => [`${p.buyerId}:${p.dealId}`, p.occurredAt]));
  const days = new Map<string, number[]>();
  for (const offer of accepted) {
    const closed = boughtAt.get(`${offer.buyerId}:${offer.dealId}`);
    if (!closed || !offer.decidedAt || closed < offer.decidedAt) continue;
    const list = days.get(offer.buyerId) ?? [];
    list.push((closed.getTime() - offer.decidedAt.getTime()) / DAY_MS);
    days.set(offer.buyerId, list);
  }
  return days;
}

export interface PerformanceReport {
  buyers: number;
  tiers: Record<BuyerTier, number>;
  newBuyers: number;
  changed: number;
  nodes: number;
}

/** Recomputes every buyer's tier and every liquidity node of the workspace. */
export async function recomputeBuyerPerformance(db: TenantDb, now = new Date()): Promise<PerformanceReport> {
  const since = new Date(now.getTime() - TIER_WINDOW_DAYS * DAY_MS);
  const thresholds = await getBuyerSettings(db);
  const buyers = await db.buyer.findMany({ where: { deletedAt: null }, select: { id: true, tier: true, tierIsNew: true } });
  const deals = await dealSetsByBuyer(db, since, now);
  const closingDays = await closingDaysByBuyer(db, since, now);

  // Buyers grouped by their new tier, so a workspace of any size is a handful of updates.
  const groups = new Map<string, { tier: BuyerTier; isNew: boolean; ids: string[] }>();
  const tiers: Record<BuyerTier, number> = { A: 0, B: 0, C: 0 };
  let newBuyers = 0;
  let changed = 0;
  for (const buyer of buyers) {
    const sets = deals.get(buyer.id);
    const stats: BuyerPerformanceStats = {
      sent: sets?.sent.size ?? 0,
      responded: sets?.responded.size ?? 0,
      offered: sets?.offered.size ?? 0,
      bought: sets?.bought.size ?? 0,
      closingVelocityDays: medianDays(closingDays.get(buyer.id) ?? []),
    };
    const result = computeBuyerTier(stats, thresholds);
    tiers[result.tier] += 1;
    if (result.isNew) newBuyers += 1;
    if (result.tier !== buyer.tier || result.isNew !== buyer.tierIsNew) changed += 1;
    const key = `${result.tier}:${result.isNew}`;
    const group = groups.get(key) ?? { tier: result.tier, isNew: result.isNew, ids: [] };
    group.ids.push(buyer.id);
    groups.set(key, group);
  }
  await db.$transaction(async (tx) => {
    for (const group of groups.values()) {
      await tx.buyer.updateMany({ where: { id: { in: group.ids } }, data: { tier: group.tier, tierIsNew: group.isNew, tierComputedAt: now } });
    }
  });

  const keys = await knownLiquidityKeys(db, liquidityWindowStart(now));
  // One short transaction per node: its lock keeps feedback recorded meanwhile from being overwritten.
  for (const key of keys) await db.$transaction((tx) => recomputeNodes(tx, [key], now));
  return { buyers: buyers.length, tiers, newBuyers, changed, nodes: keys.length };
}

export interface BestBuyerRow extends BestBuyer {
  name: string;
  company: string | null;
}

/**
 * The best buyers for a ZIP or FSA: active buyers who bought or answered deals there in the
 * last 180 days, or whose buy box names it, ranked by tier, purchases and responses there.
 * An unreadable code lists nobody.
 */
export async function bestBuyersForPostalCode(db: TenantDb, postalCode: string, options: { limit?: number; now?: Date } = {}): Promise<BestBuyerRow[]> {
  const code = normalizeBuyBoxPostalCode(postalCode);
  if (!code) return [];
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - TIER_WINDOW_DAYS * DAY_MS);
  const deals = await db.deal.findMany({ where: { postalCode: { startsWith: code, mode: "insensitive" } }, select: { id: true } });
  const answers = deals.length
    ? await db.buyerFeedbackEvent.groupBy({
        by: ["buyerId", "dealId", "kind"],
        where: { dealId: { in: deals.map((d) => d.id) }, kind: { in: ANSWER_KINDS }, occurredAt: { gte: since, lte: now } },
      })
    : [];
  const responses = new Map<string, Set<string>>();
  const purchases = new Map<string, Set<string>>();
  for (const a of answers) {
    const add = (map: Map<string, Set<string>>) => map.set(a.buyerId, (map.get(a.buyerId) ?? new Set()).add(a.dealId!));
    add(responses);
    if (a.kind === "BOUGHT") add(purchases);
  }
  const buyers = await db.buyer.findMany({
    where: { deletedAt: null, status: "ACTIVE", OR: [{ id: { in: [...responses.keys()] } }, { postalCodes: { has: code } }] },
    select: { id: true, name: true, company: true, status: true, tier: true, tierIsNew: true, postalCodes: true },
  });
  const byId = new Map(buyers.map((b) => [b.id, b]));
  return rankBestBuyers(
    code,
    buyers.map((b) => ({
      buyerId: b.id,
      status: b.status,
      tier: b.tier,
      tierIsNew: b.tierIsNew,
      postalCodes: b.postalCodes,
      purchases: purchases.get(b.id)?.size ?? 0,
      responses: responses.get(b.id)?.size ?? 0,
    })),
    options.limit,
  ).map((ranked) => ({ ...ranked, name: byId.get(ranked.buyerId)!.name, company: byId.get(ranked.buyerId)!.company }));
}

/** How many best buyers the deal's Buyers tab and a list filtered by one postal code show. */
export const BEST_BUYERS_SHOWN = 5;

/**
 * The deal's Buyers tab card: the best buyers in the deal's ZIP or FSA, top five. `postalCode`
 * is the code as buy boxes spell it ("62704", "M5V"), null when the deal has none readable.
 */
export async function bestBuyersForDeal(
  db: TenantDb,
  deal: { postalCode: string | null },
  now = new Date(),
): Promise<{ postalCode: string | null; buyers: BestBuyerRow[] }> {
  const code = deal.postalCode ? normalizeBuyBoxPostalCode(deal.postalCode) : null;
  if (!code) return { postalCode: null, buyers: [] };
  return { postalCode: code, buyers: await bestBuyersForPostalCode(db, code, { limit: BEST_BUYERS_SHOWN, now }) };
}
