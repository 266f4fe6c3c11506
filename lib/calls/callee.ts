/** Who a call is to, as the gates see them: a lead (the deal's seller) or a buyer. */
import { parseMarketKey } from "@/lib/buyers/schema";
import { normalizePhone } from "@/lib/contact/address";
import type { TenantDb } from "@/lib/db/tenant";
import { getDealContact } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { regionTimeZones, type Country } from "@/lib/geo";
import type { CallParty } from "./queries";

export interface Callee {
  dealId: string | null;
  buyerId: string | null;
  /** As stored on the lead or buyer. */
  rawPhone: string | null;
  /** E.164, null when missing or malformed. */
  phone: string | null;
  timeZones: readonly string[];
  region: string | null;
  market: string | null;
  areaCode: string | null;
  postalCode: string | null;
  /** null for a lead. */
  buyerActive: boolean | null;
}

export async function readCallee(db: TenantDb, party: CallParty): Promise<Callee> {
  if ("buyerId" in party) return readBuyer(db, party.buyerId);
  const lead = await getDealContact(db, party.dealId);
  if (!lead) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  return {
    dealId: lead.id,
    buyerId: null,
    rawPhone: lead.contactPhone,
    phone: normalizePhone(lead.contactPhone),
    timeZones: lead.timeZone ? [lead.timeZone] : lead.region ? regionTimeZones(lead.region, (lead.country as Country | null) ?? undefined) : [],
    region: lead.region,
    market: lead.market,
    areaCode: lead.areaCode,
    postalCode: lead.postalCode,
    buyerActive: null,
  };
}

/** A buyer's first phone, judged in their own zone under the policy of their first market (as their texts are). */
async function readBuyer(db: TenantDb, buyerId: string): Promise<Callee> {
  const buyer = await db.buyer.findFirst({ where: { id: buyerId, deletedAt: null }, select: { id: true, status: true, phones: true, timeZone: true, markets: true } });
  if (!buyer) throw new ExpectedError("not_found", "This buyer does not exist", "buyerId");
  const market = buyer.markets.map(parseMarketKey).find((m) => m !== null) ?? null;
  const rawPhone = buyer.phones[0] ?? null;
  return {
    dealId: null,
    buyerId: buyer.id,
    rawPhone,
    phone: normalizePhone(rawPhone),
    timeZones: buyer.timeZone ? [buyer.timeZone] : market ? regionTimeZones(market.region) : [],
    region: market?.region ?? null,
    market: market?.market ?? null,
    // An area's blacklist stops contacting its sellers, not the buyers a deal is offered to.
    areaCode: null,
    postalCode: null,
    buyerActive: buyer.status === "ACTIVE",
  };
}
