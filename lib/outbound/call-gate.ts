/**
 * The do-not-call registries for a phone call (a ladder's CALL step): the same rule as an
 * SMS (lib/dnc/rules.ts), judged with the consent recorded for calls, or else the SMS
 * consent of the same number (a written consent form covers calls and texts alike).
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { normalizePhone } from "@/lib/contact/address";
import { readRegistryFacts } from "@/lib/dnc/facts";
import { decideRegistries, type RegistryDecision } from "@/lib/dnc/rules";

export async function decideCallRegistries(db: TenantDb | TenantTransaction, phone: string | null, at: Date): Promise<RegistryDecision> {
  const address = normalizePhone(phone);
  const facts = await readRegistryFacts(db, address);
  if (!facts || !address) return { allowed: true };
  const consents = await db.contactConsent.findMany({
    where: { address, channel: { in: ["CALL", "SMS"] } },
    select: { channel: true, status: true, basis: true, givenAt: true, createdAt: true },
  });
  const consent = consents.find((c) => c.channel === "CALL") ?? consents.find((c) => c.channel === "SMS");
  const basis = consent?.status === "OPTED_IN" ? { basis: consent.basis, givenAt: consent.givenAt ?? consent.createdAt } : null;
  return decideRegistries(facts, basis, at);
}
