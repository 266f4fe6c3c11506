import type { TenantDb } from "@/lib/db/tenant";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { listDealContacts } from "@/lib/deals/service";
import { updateTenantSettings } from "@/lib/tenants/settings";

/**
 * Demo data: most leads came with consent (as a real import from a web form would record),
 * one in ten did not, so the demo shows both a send and a "no consent" refusal; and the
 * workspace gets the postal address its emails must carry.
 */
export async function seedDemoConsent(db: TenantDb, postalAddress: string): Promise<{ consents: number }> {
  const deals = await listDealContacts(db);
  const rows: { channel: "SMS" | "EMAIL"; address: string; status: "OPTED_IN"; source: string }[] = [];
  deals.forEach((deal, i) => {
    if (i % 10 === 9) return;
    const phone = normalizePhone(deal.contactPhone);
    const email = normalizeEmail(deal.contactEmail);
    if (phone) rows.push({ channel: "SMS", address: phone, status: "OPTED_IN", source: "import" });
    if (email) rows.push({ channel: "EMAIL", address: email, status: "OPTED_IN", source: "import" });
  });
  const { count } = await db.contactConsent.createMany({ data: rows, skipDuplicates: true });
  await updateTenantSettings(db, { postalAddress });
  return { consents: count };
}
