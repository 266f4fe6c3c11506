/**
 * The demo workspaces' buyers: about 200 per workspace over the markets of its deals, with
 * their feedback on those deals, then tiers and liquidity nodes computed, so the Buyers page,
 * matches, tiers and the liquidity graph have something to show on first start. Nine in ten
 * come with consent to texts and emails on record, so demo blasts send.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { geoLookup } from "@/lib/geo";
import { DEMO_BUYER_CONSENT, demoBuyerConsented, demoBuyers, demoFeedback, type DemoMarket } from "@/lib/demo/buyers";
import { insertConsentRows, intakeConsentRows } from "@/lib/outbound/intake-consent";
import { buyerContacts } from "./consent";
import { buyerCoversNode } from "./liquidity-rules";
import { liquidityKeyOfDeal } from "./liquidity";
import { recomputeBuyerPerformance, type PerformanceReport } from "./performance";
import { normalizeBuyBoxPostalCode } from "./schema";

const DAY_MS = 24 * 60 * 60 * 1000;
const ACTIVITY = new Set(["VIEWED", "RESPONDED", "OFFERED", "BOUGHT", "PASSED"]);

export async function seedDemoBuyers(
  db: TenantDb,
  now: Date,
  count = 200,
): Promise<{ buyers: number; feedback: number; consents: number; performance: PerformanceReport | null }> {
  const deals = await db.deal.findMany({
    where: { deletedAt: null },
    select: { id: true, region: true, market: true, postalCode: true, propertyType: true, createdAt: true, status: true, contractedAt: true, closedAt: true },
    // A total order (arrival, then address), so the generated history is the same on every run.
    orderBy: [{ createdAt: "asc" }, { addressKey: "asc" }],
  });
  const markets = new Map<string, DemoMarket>();
  for (const deal of deals) {
    if (!deal.region || !deal.market) continue;
    const id = `${deal.region}:${deal.market}`;
    const market = markets.get(id) ?? { region: deal.region, market: deal.market, postalCodes: [], timeZone: null };
    const code = deal.postalCode ? normalizeBuyBoxPostalCode(deal.postalCode) : null;
    if (code && !market.postalCodes.includes(code)) market.postalCodes.push(code);
    market.timeZone ??= deal.postalCode ? (geoLookup(deal.postalCode)?.timeZone ?? null) : null;
    markets.set(id, market);
  }
  const generated = demoBuyers([...markets.values()], count);
  if (generated.length === 0) return { buyers: 0, feedback: 0, consents: 0, performance: null };

  const postalMarketOf = (code: string) => geoLookup(code);
  const history = demoFeedback(
    deals.flatMap((deal) => {
      const key = liquidityKeyOfDeal(deal);
      if (!key) return [];
      const covering = generated.flatMap((b, i) => (b.status === "ACTIVE" && buyerCoversNode({ id: String(i), ...b }, key, postalMarketOf) ? [i] : []));
      const soldAt = deal.status === "CLOSED" || deal.status === "UNDER_CONTRACT" ? (deal.closedAt ?? deal.contractedAt ?? null) : null;
      return [{ id: deal.id, createdAt: deal.createdAt, soldAt, covering }];
    }),
    generated,
    now,
  );
  const lastActivity = new Map<number, Date>();
  for (const e of history) {
    if (ACTIVITY.has(e.kind) && (lastActivity.get(e.buyer)?.getTime() ?? 0) < e.occurredAt.getTime()) lastActivity.set(e.buyer, e.occurredAt);
  }

  const created = await db.buyer.createManyAndReturn({
    data: generated.map(({ engagement: _engagement, proofOfFundsDaysAgo, ...b }, i) => ({
      ...b,
      proofOfFundsVerifiedAt: proofOfFundsDaysAgo === null ? null : new Date(now.getTime() - proofOfFundsDaysAgo * DAY_MS),
      lastActivityAt: lastActivity.get(i) ?? null,
      source: "demo",
      createdAt: new Date(now.getTime() - (200 - (i % 180)) * DAY_MS),
    })),
    select: { id: true, emails: true },
  });
  // Each generated buyer has its own email: map the rows back to their index.
  const idByEmail = new Map(created.map((row) => [row.emails[0], row.id]));
  const dealKeys = new Map(deals.map((d) => [d.id, liquidityKeyOfDeal(d)]));
  await db.buyerFeedbackEvent.createMany({
    data: history.map((e) => {
      const key = dealKeys.get(e.dealId)!;
      return {
        buyerId: idByEmail.get(generated[e.buyer].emails[0])!,
        dealId: e.dealId,
        region: key.region,
        market: key.market,
        propertyType: key.propertyType,
        kind: e.kind,
        correlationId: "demo-seed",
        occurredAt: e.occurredAt,
        createdAt: e.occurredAt,
      };
    }),
  });
  // After the buyers exist, in the generated order (the same rows on every run); an address a
  // demo lead already holds keeps its own record.
  const consents = await insertConsentRows(
    db,
    generated.flatMap((buyer, i) => (demoBuyerConsented(i) ? buyerContacts(buyer).flatMap((contact) => intakeConsentRows(contact, DEMO_BUYER_CONSENT)) : [])),
  );
  const performance = await recomputeBuyerPerformance(db, now);
  return { buyers: created.length, feedback: history.length, consents: consents.length, performance };
}
