/**
 * The buyer liquidity graph's storage: one BuyerLiquidityNode per (region, market, property
 * type), recomputed from the buy boxes and the trailing 90 days of feedback by the pure
 * formula in ./liquidity-rules. Feedback recomputes the nodes it touches in its own
 * transaction; the buyer-performance engine recomputes them all.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { geoLookup } from "@/lib/geo";
import { ANY_PROPERTY_TYPE, computeLiquidityNode, ENGAGED_KINDS, liquidityWindowStart, type LiquidityNodeFigures, type PostalMarketOf } from "./liquidity-rules";
import type { LiquidityKey, LiquiditySnapshot } from "./types";

type Db = TenantDb | TenantTransaction;

/** The node a deal belongs to; null when the deal is not placed in a region and market. */
export function liquidityKeyOfDeal(deal: { region: string | null; market: string | null; propertyType: string | null }): LiquidityKey | null {
  if (!deal.region || !deal.market) return null;
  return { region: deal.region, market: deal.market, propertyType: deal.propertyType ?? ANY_PROPERTY_TYPE };
}

const keyString = (key: LiquidityKey) => `${key.region}\u0000${key.market}\u0000${key.propertyType}`;

/** Postal codes repeat across buyers: look each up once per recompute. */
function cachedPostalMarketOf(): PostalMarketOf {
  const cache = new Map<string, { region: string | null; market: string | null } | null>();
  return (code) => {
    if (!cache.has(code)) {
      const hit = geoLookup(code);
      cache.set(code, hit ? { region: hit.region, market: hit.market } : null);
    }
    return cache.get(code) ?? null;
  };
}

/** The casings a market is commonly typed in, for the SQL prefilter (the rule compares without case). */
function marketSpellings(key: LiquidityKey): string[] {
  const region = key.region.toUpperCase();
  const title = key.market.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  return [...new Set([key.market, key.market.toLowerCase(), key.market.toUpperCase(), title].map((m) => `${region}:${m}`))];
}

/**
 * Reads what one node counts and applies the formula. With `knownBuyerCount` (the stored
 * count of a node that exists) only the buyers with engaged events are read: feedback does
 * not change which buy boxes cover a node, and reading every buyer with a postal code on
 * each event cost 180 ms at 10,000 buyers.
 */
async function figuresOf(db: Db, key: LiquidityKey, now: Date, postalMarketOf: PostalMarketOf, until = now, knownBuyerCount?: number): Promise<LiquidityNodeFigures> {
  // In sequence: a transaction's queries share one connection.
  const grouped = await db.buyerFeedbackEvent.groupBy({
    by: ["buyerId", "kind"],
    where: { region: key.region, market: key.market, propertyType: key.propertyType, occurredAt: { gte: liquidityWindowStart(now), lte: until } },
    _count: { _all: true },
  });
  const events = grouped.map((e) => ({ buyerId: e.buyerId, kind: e.kind, count: e._count._all }));
  const select = { id: true, status: true, markets: true, postalCodes: true, propertyTypes: true } as const;
  if (knownBuyerCount !== undefined) {
    const engaged = [...new Set(events.filter((e) => (ENGAGED_KINDS as readonly string[]).includes(e.kind)).map((e) => e.buyerId))];
    const buyers = engaged.length ? await db.buyer.findMany({ where: { id: { in: engaged }, status: "ACTIVE", deletedAt: null }, select }) : [];
    return { ...computeLiquidityNode(key, buyers, events, postalMarketOf), buyerCount: knownBuyerCount };
  }
  const buyers = await db.buyer.findMany({
    where: { status: "ACTIVE", deletedAt: null, OR: [{ markets: { hasSome: marketSpellings(key) } }, { postalCodes: { isEmpty: false } }] },
    select,
  });
  return computeLiquidityNode(key, buyers, events, postalMarketOf);
}

function snapshotOf(row: LiquiditySnapshot): LiquiditySnapshot {
  return {
    region: row.region,
    market: row.market,
    propertyType: row.propertyType,
    buyerCount: row.buyerCount,
    activeBuyerCount: row.activeBuyerCount,
    avgResponseRate: row.avgResponseRate,
    avgCloseRate: row.avgCloseRate,
    score: row.score,
  };
}

/**
 * Recomputes and stores the given nodes (each once); returns their snapshots in the order
 * given. `recountBuyers` recounts the buy boxes covering each node (the engine's full pass and
 * a node's first computation); otherwise an existing node keeps its buyer count and only its
 * feedback figures move.
 */
export async function recomputeNodes(db: Db, keys: readonly LiquidityKey[], now = new Date(), { recountBuyers = true } = {}): Promise<LiquiditySnapshot[]> {
  // In key order, so two transactions touching the same nodes lock them in the same order.
  const unique = [...new Map(keys.map((key) => [keyString(key), key])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const postalMarketOf = cachedPostalMarketOf();
  const stored = new Map<string, LiquiditySnapshot>();
  for (const [id, key] of unique) {
    const where = { region: key.region, market: key.market, propertyType: key.propertyType };
    // Make sure the row exists (ON CONFLICT DO NOTHING: a concurrent creator waits, nobody fails),
    // then lock it before counting. A transaction recording feedback on the same node waits here
    // until this one commits, and its count (a new snapshot per statement) then includes ours.
    const created = await db.buyerLiquidityNode.createMany({ data: [where], skipDuplicates: true });
    await db.buyerLiquidityNode.updateMany({ where, data: { updatedAt: now } });
    const knownBuyerCount =
      recountBuyers || created.count > 0 ? undefined : (await db.buyerLiquidityNode.findFirst({ where, select: { buyerCount: true } }))?.buyerCount;
    // Counted up to the moment the lock was taken: feedback committed while this waited is in.
    const figures = await figuresOf(db, key, now, postalMarketOf, new Date(Math.max(now.getTime(), Date.now())), knownBuyerCount);
    await db.buyerLiquidityNode.updateMany({
      where,
      data: {
        buyerCount: figures.buyerCount,
        activeBuyerCount: figures.activeBuyerCount,
        sentCount: figures.sentCount,
        responseCount: figures.responseCount,
        boughtCount: figures.boughtCount,
        avgResponseRate: figures.avgResponseRate,
        avgCloseRate: figures.avgCloseRate,
        score: figures.score,
      },
    });
    stored.set(id, snapshotOf(figures));
  }
  return keys.map((key) => stored.get(keyString(key))!);
}

/**
 * A node's liquidity. A node never computed (no feedback recorded there yet) is computed on
 * the spot from the buy boxes, so a market with buyers but no history reads its real count.
 */
export async function getLiquidityScore(db: Db, key: LiquidityKey, now = new Date()): Promise<LiquiditySnapshot> {
  const row = await db.buyerLiquidityNode.findFirst({ where: { region: key.region, market: { equals: key.market, mode: "insensitive" }, propertyType: key.propertyType } });
  if (row) return snapshotOf(row);
  return snapshotOf(await figuresOf(db, key, now, cachedPostalMarketOf()));
}

export interface LiquidityNodeFilter {
  region?: string;
  market?: string;
  propertyType?: string;
}

export interface LiquidityNodeRow extends LiquiditySnapshot {
  sentCount: number;
  responseCount: number;
  boughtCount: number;
  updatedAt: Date;
}

/** The stored nodes, deepest market first (at most 1,000). */
export async function listLiquidityNodes(db: Db, filter: LiquidityNodeFilter = {}): Promise<LiquidityNodeRow[]> {
  const rows = await db.buyerLiquidityNode.findMany({
    where: {
      ...(filter.region ? { region: filter.region.toUpperCase() } : {}),
      ...(filter.market ? { market: { equals: filter.market, mode: "insensitive" as const } } : {}),
      ...(filter.propertyType ? { propertyType: filter.propertyType.toUpperCase() } : {}),
    },
    orderBy: [{ score: "desc" }, { region: "asc" }, { market: "asc" }, { propertyType: "asc" }],
    take: 1000,
  });
  return rows.map((row) => ({ ...snapshotOf(row), sentCount: row.sentCount, responseCount: row.responseCount, boughtCount: row.boughtCount, updatedAt: row.updatedAt }));
}

/** Every node the tenant has feedback or a stored node for: what a full recompute covers. */
export async function knownLiquidityKeys(db: Db, since: Date): Promise<LiquidityKey[]> {
  const nodes = await db.buyerLiquidityNode.findMany({ select: { region: true, market: true, propertyType: true } });
  const eventKeys = await db.buyerFeedbackEvent.groupBy({ by: ["region", "market", "propertyType"], where: { occurredAt: { gte: since }, region: { not: null }, market: { not: null } } });
  const keys = new Map<string, LiquidityKey>();
  for (const node of nodes) keys.set(keyString(node), node);
  for (const e of eventKeys) {
    const key = { region: e.region!, market: e.market!, propertyType: e.propertyType ?? ANY_PROPERTY_TYPE };
    keys.set(keyString(key), key);
  }
  return [...keys.values()];
}
