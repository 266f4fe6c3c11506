import type { TenantDb } from "@/lib/db/tenant";

/** The deal's latest evidence rows, newest first (the Comps tab shows what "Use this ARV" wrote). */
export async function listDealEvidence(db: TenantDb, dealId: string, limit: number) {
  return db.offerEvidence.findMany({ where: { dealId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}
