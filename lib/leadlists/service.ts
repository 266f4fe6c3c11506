/**
 * Lead lists (list stacking, issue 16 item 3): every deals import is a named list, and a deal
 * remembers each list it arrived on. A row that repeats an existing deal is not re-created:
 * the deal gains the list, and the import counts the row as stacked.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { findDealsByIds } from "@/lib/deals/service";
import { countNewListMemberships } from "@/lib/deals/lists";
import { reassessDeals } from "@/lib/scoring/assess";

export interface LeadListRef {
  id: string;
  name: string;
}

/**
 * The list an import fills: a new list by that name, or the existing one when the name is
 * taken (importing a file into a list that exists adds to it; its deals do not stack twice).
 */
export async function openLeadList(
  tx: TenantDb | TenantTransaction,
  name: string,
  origin: { importJobId: string | null; createdById: string | null },
): Promise<LeadListRef> {
  return tx.leadList.upsert({
    where: { tenantId_name: { tenantId: tx.tenantId, name } },
    update: {},
    create: { name, importJobId: origin.importJobId, createdById: origin.createdById },
    select: { id: true, name: true },
  });
}

/**
 * Puts the live deals on the list; returns the ids that were not on it yet, whose listCount
 * went up by one in the same transaction. Deals already on the list, deleted or missing are
 * left as they are.
 */
export async function addDealsToList(tx: TenantTransaction, listId: string, dealIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(dealIds)];
  if (unique.length === 0) return [];
  const live = await findDealsByIds(tx, unique, { id: true });
  if (live.length === 0) return [];
  const added = await tx.leadListMember.createManyAndReturn({
    data: live.map((deal) => ({ listId, dealId: deal.id })),
    skipDuplicates: true,
    select: { dealId: true },
  });
  const ids = added.map((member) => member.dealId);
  await countNewListMemberships(tx, ids);
  return ids;
}

/** What an import batch's intake reported: the deals it created and the rows that repeated one. */
export interface ImportedBatch {
  created: readonly { id: string }[];
  duplicates: readonly { existingId: string | null }[];
}

/**
 * Records one import batch on its list, in the batch's transaction. Deals the batch created
 * join the list already counted (the import inserts them with listCount 1); a repeated deal
 * that was not on the list yet joins it and is re-scored, since its list count is one of the
 * score's features. Returns how many rows stacked.
 */
export async function stackImportBatch(tx: TenantTransaction, listId: string, batch: ImportedBatch, now: Date): Promise<number> {
  const created = new Set(batch.created.map((deal) => deal.id));
  if (created.size > 0) {
    await tx.leadListMember.createMany({ data: [...created].map((dealId) => ({ listId, dealId })), skipDuplicates: true });
  }
  const repeated = batch.duplicates.flatMap((row) => (row.existingId && !created.has(row.existingId) ? [row.existingId] : []));
  const stacked = await addDealsToList(tx, listId, repeated);
  if (stacked.length > 0) await reassessDeals(tx, stacked, now);
  return stacked.length;
}
