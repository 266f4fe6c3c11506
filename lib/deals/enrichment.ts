/**
 * Contact details found by enrichment (lib/enrichment) go into a deal's EMPTY contact fields
 * only: a phone or email someone typed or imported is never overwritten by a lookup.
 */
import type { TenantTransaction } from "@/lib/db/tenant";

export interface FoundDealContact {
  phone?: string;
  email?: string;
}

/** Fills the empty ones of contactPhone / contactEmail (values already normalized); returns what it filled. */
export async function fillEmptyDealContact(tx: TenantTransaction, dealId: string, found: FoundDealContact): Promise<FoundDealContact> {
  const filled: FoundDealContact = {};
  // Each field on its own, conditioned on still being empty, so a concurrent edit wins.
  if (found.phone) {
    const { count } = await tx.deal.updateMany({ where: { id: dealId, contactPhone: null }, data: { contactPhone: found.phone } });
    if (count) filled.phone = found.phone;
  }
  if (found.email) {
    const { count } = await tx.deal.updateMany({ where: { id: dealId, contactEmail: null }, data: { contactEmail: found.email } });
    if (count) filled.email = found.email;
  }
  return filled;
}
