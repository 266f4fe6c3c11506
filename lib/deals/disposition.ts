/**
 * A deal's disposition columns (stage, assigned buyer, assignment fee). lib/dispositions
 * decides the moves and audits them; the Deal row is written here, where every Deal write lives.
 */
import type { DispositionStage } from "@/generated/prisma/client";
import type { TenantTransaction } from "@/lib/db/tenant";

export interface DealDispositionChange {
  stage: DispositionStage | null;
  assignedBuyerId?: string | null;
  assignmentFee?: number | null;
}

/**
 * Moves a live deal's disposition from `expected` to `change.stage`. False when the deal is
 * gone or its stage changed meanwhile, so two concurrent moves cannot both apply.
 */
export async function setDealDisposition(
  tx: TenantTransaction,
  dealId: string,
  expected: DispositionStage | null,
  change: DealDispositionChange,
  now = new Date(),
): Promise<boolean> {
  const { count } = await tx.deal.updateMany({
    where: { id: dealId, deletedAt: null, dispositionStage: expected },
    data: {
      dispositionStage: change.stage,
      dispositionChangedAt: now,
      ...(change.assignedBuyerId !== undefined ? { assignedBuyerId: change.assignedBuyerId } : {}),
      ...(change.assignmentFee !== undefined ? { assignmentFee: change.assignmentFee } : {}),
    },
  });
  return count > 0;
}

export interface DealBuyerTerms {
  buyerTerms: string | null;
  targetClosingDate: Date | null;
}

/**
 * Writes what buyers are told of a live deal's terms. Returns the values it replaced, for the
 * caller's audit, or null when the deal is gone.
 */
export async function setDealBuyerTerms(tx: TenantTransaction, dealId: string, terms: DealBuyerTerms): Promise<DealBuyerTerms | null> {
  const before = await tx.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: { buyerTerms: true, targetClosingDate: true } });
  if (!before) return null;
  await tx.deal.updateMany({ where: { id: dealId, deletedAt: null }, data: terms });
  return before;
}
