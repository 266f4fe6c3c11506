import type { TenantTransaction } from "@/lib/db/tenant";

/** Stores a buyer's intent score (lib/signals computes it); returns the score it replaced, null for no such buyer. */
export async function storeBuyerIntentScore(tx: TenantTransaction, buyerId: string, score: number, at: Date): Promise<number | null> {
  const row = await tx.buyer.findFirst({ where: { id: buyerId }, select: { intentScore: true } });
  if (!row) return null;
  if (row.intentScore !== score) await tx.buyer.update({ where: { id: buyerId }, data: { intentScore: score, intentScoredAt: at } });
  return row.intentScore;
}
