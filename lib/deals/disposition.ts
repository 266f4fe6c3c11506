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
