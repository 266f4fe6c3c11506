import type { TenantTransaction } from "@/lib/db/tenant";

/**
 * Counts the lists the deals just joined: each id is a membership that did not exist before
 * this transaction (lib/leadlists adds them and passes exactly the new ones), so one
 * increment keeps Deal.listCount equal to the deal's memberships without recounting them.
 */
export async function countNewListMemberships(tx: TenantTransaction, dealIds: readonly string[]): Promise<void> {
  if (dealIds.length === 0) return;
  await tx.deal.updateMany({ where: { id: { in: [...dealIds] } }, data: { listCount: { increment: 1 } } });
}
