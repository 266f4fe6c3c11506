/**
 * Contact details found by enrichment (lib/enrichment) are appended to a buyer's phones and
 * emails, never replacing one, and never twice.
 */
import type { TenantTransaction } from "@/lib/db/tenant";

/** Appends the phones and emails (already normalized) the buyer does not have; returns the ones added. */
export async function appendBuyerContacts(
  tx: TenantTransaction,
  buyerId: string,
  found: { phones: readonly string[]; emails: readonly string[] },
): Promise<{ phones: string[]; emails: string[] }> {
  const buyer = await tx.buyer.findUnique({ where: { id: buyerId }, select: { phones: true, emails: true } });
  if (!buyer) return { phones: [], emails: [] };
  const phones = [...new Set(found.phones)].filter((p) => !buyer.phones.includes(p));
  const emails = [...new Set(found.emails)].filter((e) => !buyer.emails.includes(e));
  if (phones.length || emails.length) {
    await tx.buyer.update({ where: { id: buyerId }, data: { phones: [...buyer.phones, ...phones], emails: [...buyer.emails, ...emails] } });
  }
  return { phones, emails };
}
