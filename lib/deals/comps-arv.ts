import type { TenantTransaction } from "@/lib/db/tenant";

/**
 * Sets a deal's ARV from its comps estimate (arvSource "comps"). Without a policy to price
 * it again, the stored offer was priced from an ARV that no longer holds: it is cleared.
 */
export async function setDealArvFromComps(tx: TenantTransaction, dealId: string, arv: number, options: { clearOffer?: boolean } = {}): Promise<void> {
  const offer = options.clearOffer ? { mao: null, recommendedOffer: null, spread: null, spreadRatio: null, strategy: null } : {};
  await tx.deal.updateMany({ where: { id: dealId, deletedAt: null }, data: { arv, arvSource: "comps", ...offer } });
}
