import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getLiquidityScore, liquidityKeyOfDeal } from "@/lib/buyers/liquidity";
import { ANY_PROPERTY_TYPE } from "@/lib/buyers/liquidity-rules";
import { getBuyerSettings } from "@/lib/buyers/settings";
import type { TenantDb } from "@/lib/db/tenant";
import { countDeals, listDealHeadlines, listDealsToUnderwrite } from "@/lib/deals/service";
import { hotAreaCodes } from "@/lib/market/queries";
import { notifyRoles } from "@/lib/notifications/service";
import { discordNotifierFor } from "@/lib/providers/discord";
import { getTenantSettings } from "@/lib/tenants/settings";
import { applyUnderwriting, listOfferPolicies, planUnderwriting, type OfferPolicyRow, type UnderwritingReport } from "./service";

/** Deals an enabled policy can price: every region when (ALL, ALL) is on, else the enabled ones. */
export function underwritableWhere(policies: readonly OfferPolicyRow[]): Prisma.DealWhereInput | null {
  const enabled = policies.filter((p) => p.enabled);
  if (enabled.length === 0) return null;
  const base: Prisma.DealWhereInput = { underwrittenAt: null, arv: { gt: 0 }, askingPrice: { not: null } };
  if (enabled.some((p) => p.region === "ALL" && p.market === "ALL")) return base;
  return { ...base, region: { in: [...new Set(enabled.map((p) => p.region))] } };
}

/** How many deals wait for underwriting: the engine's backlog. */
export async function countDealsToUnderwrite(db: TenantDb): Promise<number> {
  const where = underwritableWhere(await listOfferPolicies(db));
  return where ? countDeals(db, where) : 0;
}

/**
 * Underwrites the next batch of deals that have the numbers and a policy: those in HOT postal
 * areas first (market intel raises their priority), then the rest, each oldest first.
 * The engine calls it on a schedule; "Run now" and the CLI call it directly.
 */
export async function underwriteNewDeals(db: TenantDb, options: { limit?: number } = {}): Promise<UnderwritingReport> {
  const correlationId = randomUUID();
  const policies = await listOfferPolicies(db);
  const where = underwritableWhere(policies);
  if (!where) return { underwritten: 0, skipped: [], correlationId, alerts: [] };
  const deals = await nextDealsToUnderwrite(db, where, options.limit ?? 500);
  if (deals.length === 0) return { underwritten: 0, skipped: [], correlationId, alerts: [] };
  const settings = await getTenantSettings(db);
  const plans = deals.map((deal) => planUnderwriting(deal, policies));
  const report = await db.$transaction((tx) => applyUnderwriting(tx, plans, correlationId, settings.spreadAlertThreshold), { timeout: 60_000 });
  await raiseSpreadAlerts(db, report.alerts);
  return report;
}

/** The next `limit` deals to underwrite: HOT-area deals first, then the others, each oldest first. */
async function nextDealsToUnderwrite(db: TenantDb, where: Prisma.DealWhereInput, limit: number) {
  const hot = [...(await hotAreaCodes(db))];
  if (hot.length === 0) return listDealsToUnderwrite(db, where, limit);
  const first = await listDealsToUnderwrite(db, { AND: [where, { areaCode: { in: hot } }] }, limit);
  if (first.length >= limit) return first;
  const rest = await listDealsToUnderwrite(db, { AND: [where, { OR: [{ areaCode: null }, { areaCode: { notIn: hot } }] }] }, limit - first.length);
  return [...first, ...rest];
}

/** In-app alerts for high-spread deals, and on the workspace's Discord channel when it has one. */
export async function raiseSpreadAlerts(db: TenantDb, alerts: UnderwritingReport["alerts"]) {
  if (alerts.length === 0) return;
  const deals = await listDealHeadlines(db, alerts.map((a) => a.dealId));
  const sink = await discordNotifierFor(db);
  const { coldLiquidityScore } = await getBuyerSettings(db);
  for (const deal of deals) {
    const where = [deal.street, deal.city, deal.region].filter(Boolean).join(", ") || "a deal";
    const title = `High spread: $${(deal.spread ?? 0).toLocaleString("en-US")} on ${where}`;
    const liquidity = await buyerLiquidityLine(db, deal, coldLiquidityScore);
    const body = [`Strategy ${deal.strategy}.`, liquidity, "Open the deal to review its evidence."].filter(Boolean).join(" ");
    await notifyRoles(db, ["owner", "admin", "investor"], { kind: "deal.spread_alert", title, body, data: { dealId: deal.id } });
    await sink?.send({ title, body });
  }
}

/**
 * How easily the deal's node sells, for the alert: a high spread in a market where buyers
 * do not answer is worth less than it looks. Null for a deal not placed in a market.
 */
export async function buyerLiquidityLine(
  db: TenantDb,
  deal: { region: string | null; market: string | null; propertyType: string | null },
  coldBelow: number,
): Promise<string | null> {
  const key = liquidityKeyOfDeal(deal);
  if (!key) return null;
  const { score } = await getLiquidityScore(db, key);
  const cold = score < coldBelow ? ` (cold: under ${coldBelow})` : "";
  const kind = key.propertyType === ANY_PROPERTY_TYPE ? "any property type" : key.propertyType;
  return `Buyer liquidity ${score.toFixed(1)} in ${key.region} ${key.market}, ${kind}${cold}.`;
}
