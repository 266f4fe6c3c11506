/**
 * Buyer feedback: what happened between a buyer and a deal (sent, viewed, responded, offered,
 * bought, passed). Events are immutable (the database refuses an UPDATE); each one moves the
 * liquidity node of its deal's region, market and property type in the same transaction.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { recordKpiEvents, type KpiEventInput } from "@/lib/kpi/service";
import { liquidityKeyOfDeal, recomputeNodes } from "./liquidity";
import type { FeedbackKind, LiquidityKey } from "./types";

export interface BuyerFeedbackInput {
  buyerId: string;
  dealId?: string | null;
  kind: FeedbackKind;
  correlationId?: string | null;
  /** The same key records once (a client's Idempotency-Key, a provider's message id...). */
  dedupeKey?: string | null;
  occurredAt?: Date;
  data?: Record<string, unknown>;
  /** The node of feedback that concerns no deal (a buyer answering about a market); ignored when dealId is set. */
  node?: LiquidityKey | null;
}

/** Kinds that show the buyer is alive: they move `Buyer.lastActivityAt` (SENT is ours, not theirs). */
const ACTIVITY_KINDS: ReadonlySet<FeedbackKind> = new Set(["VIEWED", "RESPONDED", "OFFERED", "BOUGHT", "PASSED"]);

const nodeId = (key: LiquidityKey) => `${key.region}\u0000${key.market}\u0000${key.propertyType}`;

/**
 * Records feedback events in the caller's transaction: checks every buyer and deal belongs to
 * the tenant (another tenant's is not found), inserts the events (a dedupe key already
 * recorded is skipped), recomputes the liquidity nodes they touch, moves the buyers'
 * lastActivityAt, and counts a `buyer_feedback` KPI event per recorded event.
 */
export async function recordBuyerFeedback(tx: TenantTransaction, events: BuyerFeedbackInput[]): Promise<{ recorded: number; duplicates: number }> {
  if (events.length === 0) return { recorded: 0, duplicates: 0 };
  const buyerIds = [...new Set(events.map((e) => e.buyerId))];
  const buyers = await tx.buyer.findMany({ where: { id: { in: buyerIds }, deletedAt: null }, select: { id: true } });
  const knownBuyers = new Set(buyers.map((b) => b.id));
  const missingBuyer = buyerIds.find((id) => !knownBuyers.has(id));
  if (missingBuyer) throw new ExpectedError("not_found", `Buyer ${missingBuyer} was not found`, "buyerId");

  const dealIds = [...new Set(events.flatMap((e) => (e.dealId ? [e.dealId] : [])))];
  const deals = dealIds.length
    ? await tx.deal.findMany({ where: { id: { in: dealIds } }, select: { id: true, region: true, market: true, propertyType: true } })
    : [];
  const dealKeys = new Map(deals.map((d) => [d.id, liquidityKeyOfDeal(d)]));
  const missingDeal = dealIds.find((id) => !dealKeys.has(id));
  if (missingDeal) throw new ExpectedError("not_found", `Deal ${missingDeal} was not found`, "dealId");

  // The same key twice in one call is one event, like a key already recorded.
  const seen = new Set<string>();
  const rows: Prisma.BuyerFeedbackEventCreateManyInput[] = [];
  for (const event of events) {
    if (event.dedupeKey) {
      if (seen.has(event.dedupeKey)) continue;
      seen.add(event.dedupeKey);
    }
    const key = event.dealId ? dealKeys.get(event.dealId) ?? null : event.node ?? null;
    rows.push({
      tenantId: tx.tenantId,
      buyerId: event.buyerId,
      dealId: event.dealId ?? null,
      region: key?.region ?? null,
      market: key?.market ?? null,
      propertyType: key?.propertyType ?? null,
      kind: event.kind,
      correlationId: event.correlationId ?? null,
      dedupeKey: event.dedupeKey ?? null,
      data: (event.data ?? undefined) as Prisma.InputJsonValue | undefined,
      occurredAt: event.occurredAt ?? new Date(),
    });
  }
  const recorded = await tx.buyerFeedbackEvent.createManyAndReturn({
    data: rows,
    skipDuplicates: true,
    select: { buyerId: true, dealId: true, region: true, market: true, propertyType: true, kind: true, occurredAt: true },
  });

  const touched = new Map<string, LiquidityKey>();
  const lastActivity = new Map<string, Date>();
  const kpiCounts = new Map<string, KpiEventInput>();
  for (const row of recorded) {
    if (row.region && row.market) {
      const key = { region: row.region, market: row.market, propertyType: row.propertyType ?? "ANY" };
      touched.set(nodeId(key), key);
    }
    if (ACTIVITY_KINDS.has(row.kind as FeedbackKind)) {
      const prior = lastActivity.get(row.buyerId);
      if (!prior || prior < row.occurredAt) lastActivity.set(row.buyerId, row.occurredAt);
    }
    const kpiKey = `${row.dealId ?? ""}\u0000${row.kind}`;
    const kpi = kpiCounts.get(kpiKey);
    if (kpi) kpi.count = (kpi.count ?? 1) + 1;
    else kpiCounts.set(kpiKey, { name: "buyer_feedback", dealId: row.dealId, count: 1, data: { kind: row.kind } });
  }

  for (const [buyerId, at] of lastActivity) {
    // Never backwards: feedback written after the fact keeps a later activity.
    await tx.buyer.updateMany({ where: { id: buyerId, OR: [{ lastActivityAt: null }, { lastActivityAt: { lt: at } }] }, data: { lastActivityAt: at } });
  }
  if (touched.size > 0) await recomputeNodes(tx, [...touched.values()], new Date(), { recountBuyers: false });
  await recordKpiEvents(tx, [...kpiCounts.values()]);
  return { recorded: recorded.length, duplicates: events.length - recorded.length };
}
