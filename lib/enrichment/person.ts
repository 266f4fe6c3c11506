/**
 * The person enrichment looks up: who they are, what contact details they already have,
 * and what a skip tracer can search by.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { consentsOfLead } from "@/lib/outbound/consent-api";
import type { SkipTraceAddress, SkipTraceQuery } from "@/lib/providers/skiptrace";
import type { SignalSubject } from "@/lib/signals/types";
import type { ContextFields } from "./quality";

export interface EnrichmentPerson {
  query: SkipTraceQuery;
  phones: string[];
  emails: string[];
  /** The fields contextQualityScore weighs, before the lookup. */
  context: ContextFields;
  entity: "Deal" | "Buyer";
  entityId: string;
}

/** A CSV's owner-mailing columns ("Mailing Address", "Owner Mailing Zip", "Mail City"), as intake keeps the row in Deal.raw. */
const MAILING_COLUMN = /^(?:owner[ _]+)?mail(?:ing)?[ _]+(address|street|city|state|zip|zip[ _]+code|postal[ _]+code)$/i;

export function mailingAddressOf(raw: unknown): SkipTraceAddress | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const address: SkipTraceAddress = { street: null, city: null, state: null, zip: null };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const match = MAILING_COLUMN.exec(key.trim());
    if (!match || typeof value !== "string" || !value.trim()) continue;
    const part = match[1].toLowerCase();
    if (part === "address" || part === "street") address.street = value.trim();
    else if (part === "city") address.city = value.trim();
    else if (part === "state") address.state = value.trim();
    else address.zip = value.trim();
  }
  return address.street ? address : null;
}

export async function loadEnrichmentPerson(db: TenantDb, subject: SignalSubject): Promise<EnrichmentPerson | null> {
  if (subject.kind === "lead") {
    const deal = await db.deal.findFirst({
      where: { id: subject.dealId, deletedAt: null },
      select: { id: true, contactName: true, contactPhone: true, contactEmail: true, street: true, city: true, region: true, postalCode: true, raw: true, askingPrice: true, arv: true, intentScore: true },
    });
    if (!deal) return null;
    const consent = await hasConsent(db, deal.contactPhone, deal.contactEmail);
    return {
      entity: "Deal",
      entityId: deal.id,
      phones: deal.contactPhone ? [deal.contactPhone] : [],
      emails: deal.contactEmail ? [deal.contactEmail] : [],
      query: {
        subject,
        name: deal.contactName,
        propertyAddress: { street: deal.street, city: deal.city, state: deal.region, zip: deal.postalCode },
        mailingAddress: mailingAddressOf(deal.raw),
      },
      context: {
        name: deal.contactName,
        phone: deal.contactPhone,
        email: deal.contactEmail,
        address: deal.street,
        consent,
        dealNumbers: deal.askingPrice !== null || deal.arv !== null,
        recentActivity: deal.intentScore > 0,
      },
    };
  }
  const buyer = await db.buyer.findFirst({
    where: { id: subject.buyerId, deletedAt: null },
    select: { id: true, name: true, phones: true, emails: true, markets: true, priceMin: true, priceMax: true, intentScore: true },
  });
  if (!buyer) return null;
  const consent = await hasConsent(db, buyer.phones[0] ?? null, buyer.emails[0] ?? null);
  return {
    entity: "Buyer",
    entityId: buyer.id,
    phones: buyer.phones,
    emails: buyer.emails,
    query: { subject, name: buyer.name, propertyAddress: null, mailingAddress: null },
    context: {
      name: buyer.name,
      phone: buyer.phones[0] ?? null,
      email: buyer.emails[0] ?? null,
      address: buyer.markets[0] ?? null,
      consent,
      dealNumbers: buyer.priceMin !== null || buyer.priceMax !== null,
      recentActivity: buyer.intentScore > 0,
    },
  };
}

async function hasConsent(db: TenantDb, phone: string | null, email: string | null): Promise<boolean> {
  if (!phone && !email) return false;
  const records = await consentsOfLead(db, { phone, email });
  return records.some((record) => record.status === "OPTED_IN");
}
