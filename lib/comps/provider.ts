import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import type { CompsProvider } from "@/lib/providers/comps";
import { COMP_RULES, positionOf } from "./rules";
import { CompSaleInput } from "./schema";
import { insertCompSales, toCompSaleRow, type AddCompsResult } from "./service";

/**
 * Asks the workspace's comps provider for the sales around a deal (the comp radius, the
 * widened window, the deal's property type) and stores them as PROVIDER sales, idempotent
 * like every other source. A sale the provider reports without what a comp needs is
 * counted as rejected, not stored. Audited: each call is billed.
 */
export async function fetchProviderComps(db: TenantDb, ctx: AuditContext, dealId: string, provider: CompsProvider, now = new Date()): Promise<AddCompsResult & { rejected: number }> {
  const deal = await db.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: { id: true, latitude: true, longitude: true, postalCode: true, propertyType: true } });
  if (!deal) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const at = positionOf(deal);
  if (!at) throw new ExpectedError("conflict", "The deal has no position (coordinates or a known postal code): comps are found around it.", "postalCode");
  const soldSince = new Date(now.getTime());
  soldSince.setUTCMonth(soldSince.getUTCMonth() - COMP_RULES.widenedMonths);
  const sales = await provider.soldNear({ ...at, radiusKm: COMP_RULES.maxDistanceKm, propertyType: deal.propertyType, soldSince, limit: 200 });
  const rows: ReturnType<typeof toCompSaleRow>[] = [];
  let rejected = 0;
  for (const sale of sales) {
    // What the provider left out is absent, as in a CSV cell left blank.
    const parsed = CompSaleInput.safeParse(Object.fromEntries(Object.entries(sale).filter(([, value]) => value !== null)));
    if (parsed.success) rows.push(toCompSaleRow(parsed.data, "PROVIDER", sale.ref));
    else rejected += 1;
  }
  return db.$transaction(async (tx) => {
    const stored = await insertCompSales(tx, rows);
    await recordAudit(tx, { action: "comps.fetched", entity: "Deal", entityId: dealId, after: { provider: provider.name, received: sales.length, ...stored, rejected } }, ctx);
    return { ...stored, rejected };
  });
}
