import type { TenantDb } from "@/lib/db/tenant";
import { normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { listDealContacts } from "@/lib/deals/service";
import { updateTenantSettings } from "@/lib/tenants/settings";
import type { ConsentBasisValue } from "./consent-rules";

const DEMO_WORDING = "I agree to receive calls, texts and emails about selling my property. Reply STOP to opt out.";

/**
 * Demo data: most leads came with consent (as a real import from a web form would record),
 * one in ten did not, so the demo shows both a send and a "no consent" refusal; and the
 * workspace gets the postal address its emails must carry.
 */
export async function seedDemoConsent(db: TenantDb, postalAddress: string): Promise<{ consents: number }> {
  const deals = await listDealContacts(db);
  type DemoConsent = { channel: "SMS" | "EMAIL"; address: string; status: "OPTED_IN"; source: string; basis: ConsentBasisValue; wording: string | null };
  const rows: DemoConsent[] = [];
  deals.forEach((deal, i) => {
    if (i % 10 === 9) return;
    // Most agreed to the web form's words; some are past clients (an established relationship).
    const consent = i % 7 === 3 ? { basis: "ESTABLISHED_RELATIONSHIP" as const, wording: null } : { basis: "PRIOR_EXPRESS_WRITTEN" as const, wording: DEMO_WORDING };
    const phone = normalizePhone(deal.contactPhone);
    const email = normalizeEmail(deal.contactEmail);
    if (phone) rows.push({ channel: "SMS", address: phone, status: "OPTED_IN", source: "import", ...consent });
    if (email) rows.push({ channel: "EMAIL", address: email, status: "OPTED_IN", source: "import", ...consent });
  });
  const { count } = await db.contactConsent.createMany({ data: rows, skipDuplicates: true });
  await updateTenantSettings(db, { postalAddress });
  return { consents: count };
}
