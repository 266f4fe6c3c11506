import type { TenantTransaction } from "@/lib/db/tenant";

/** Stores a lead's intent score (lib/signals computes it); returns the score it replaced, null for no such deal. */
export async function storeDealIntentScore(tx: TenantTransaction, dealId: string, score: number, at: Date): Promise<number | null> {
  const row = await tx.deal.findFirst({ where: { id: dealId }, select: { intentScore: true } });
  if (!row) return null;
  if (row.intentScore !== score) await tx.deal.update({ where: { id: dealId }, data: { intentScore: score, intentScoredAt: at } });
  return row.intentScore;
}
