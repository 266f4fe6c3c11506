/**
 * The buyer deal page's reads and writes, for a link already resolved (links.ts): what the
 * buyer may see of the deal (nothing else of the workspace but its name), and the view,
 * interest, pass and offer that become the buyer's feedback.
 */
import type { AuditContext } from "@/lib/audit/service";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";
import { getBuyerSettings } from "@/lib/buyers/settings";
import type { TenantDb } from "@/lib/db/tenant";
import { findDeal } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { findTenantName } from "@/lib/tenants/profile";
import { noteDealPageView } from "@/lib/signals/observed";
import { noteBuyerDealLinkView, type ResolvedBuyerDealLink } from "./links";
import type { BuyerPageAction } from "./schema";
import { storeOffer } from "./service";

type Link = ResolvedBuyerDealLink["link"];

export interface BuyerDealView {
  tenantName: string;
  /** The street line when the workspace shows it, else null (area only). */
  street: string | null;
  area: string;
  askingPrice: number | null;
  arv: number | null;
  repairs: number | null;
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  propertyType: string | null;
  /** The deal's terms as the team wrote them, or null. */
  terms: string | null;
  /** The date the deal must close by (YYYY-MM-DD), or null. */
  closingBy: string | null;
  /** Photos of the deal; deals carry none yet, so this stays empty. */
  photos: string[];
  /** The deal has been sold (to this buyer or another): no more offers. */
  closed: boolean;
  expiresAt: Date;
  mine: { offers: { amount: number; status: string; createdAt: Date }[]; interested: boolean; passed: boolean };
}

const VIEW_WINDOW_MS = 60 * 60 * 1000;

/** The page's content for this link, or null when the deal is gone (deleted). */
export async function getBuyerDealView(db: TenantDb, link: Link): Promise<BuyerDealView | null> {
  const deal = await findDeal(db, link.dealId, {
    street: true, unit: true, city: true, region: true, postalCode: true, askingPrice: true, arv: true, repairs: true,
    beds: true, baths: true, sqft: true, yearBuilt: true, propertyType: true, dispositionStage: true, status: true, buyerTerms: true, targetClosingDate: true,
  });
  if (!deal) return null;
  const [settings, tenantName, offers, answers] = await Promise.all([
    getBuyerSettings(db),
    findTenantName(db),
    db.buyerOffer.findMany({ where: { dealId: link.dealId, buyerId: link.buyerId }, orderBy: { createdAt: "desc" }, take: 10, select: { amount: true, status: true, createdAt: true } }),
    db.buyerFeedbackEvent.findMany({ where: { dealId: link.dealId, buyerId: link.buyerId, kind: { in: ["RESPONDED", "PASSED"] } }, select: { kind: true } }),
  ]);
  const area = [deal.city, [deal.region, deal.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return {
    tenantName: tenantName ?? "",
    street: settings.showStreetToBuyers && deal.street ? [deal.street, deal.unit ? `#${deal.unit}` : null].filter(Boolean).join(" ") : null,
    area: area || "Address on request",
    askingPrice: deal.askingPrice,
    arv: deal.arv,
    repairs: deal.repairs,
    beds: deal.beds,
    baths: deal.baths,
    sqft: deal.sqft,
    yearBuilt: deal.yearBuilt,
    propertyType: deal.propertyType,
    terms: deal.buyerTerms,
    closingBy: deal.targetClosingDate?.toISOString().slice(0, 10) ?? null,
    photos: [],
    closed: deal.dispositionStage === "CLOSED" || deal.status === "CLOSED" || deal.status === "DEAD",
    expiresAt: link.expiresAt,
    mine: { offers, interested: answers.some((a) => a.kind === "RESPONDED"), passed: answers.some((a) => a.kind === "PASSED") },
  };
}

/** A view of the page: counted on the link, and one VIEWED feedback per link and hour. */
export async function recordBuyerPageView(db: TenantDb, link: Link, now = new Date()): Promise<void> {
  const window = Math.floor(now.getTime() / VIEW_WINDOW_MS);
  await db.$transaction(async (tx) => {
    await noteBuyerDealLinkView(tx, link.id, now);
    await recordBuyerFeedback(tx, [{ buyerId: link.buyerId, dealId: link.dealId, kind: "VIEWED", dedupeKey: `view:${link.id}:${window}`, occurredAt: now, data: { linkId: link.id } }]);
    await noteDealPageView(tx, { linkId: link.id, buyerId: link.buyerId, dealId: link.dealId, at: now });
  });
}

/**
 * One of the page's buttons: interested (RESPONDED, once per link), pass with a reason
 * (PASSED, once per link) or an offer (a BuyerOffer and its OFFERED feedback).
 */
export async function actOnBuyerPage(db: TenantDb, link: Link, action: BuyerPageAction, requestId?: string, now = new Date()): Promise<{ offerId?: string }> {
  const actor: AuditContext = { actorId: null, actorEmail: null, requestId };
  return db.$transaction(async (tx) => {
    const deal = await findDeal(tx, link.dealId, { id: true, status: true, dispositionStage: true });
    if (!deal) throw new ExpectedError("not_found", "This deal is no longer available.");
    const base = { buyerId: link.buyerId, dealId: link.dealId, occurredAt: now, correlationId: link.blastId };
    switch (action.intent) {
      case "interested":
        await recordBuyerFeedback(tx, [{ ...base, kind: "RESPONDED", dedupeKey: `interested:${link.id}`, data: { linkId: link.id, via: "buyer_page" } }]);
        return {};
      case "pass":
        await recordBuyerFeedback(tx, [{ ...base, kind: "PASSED", dedupeKey: `pass:${link.id}`, data: { linkId: link.id, reason: action.reason, note: action.note ?? null } }]);
        return {};
      case "offer": {
        if (deal.dispositionStage === "CLOSED" || deal.status === "CLOSED" || deal.status === "DEAD") {
          throw new ExpectedError("conflict", "This deal is no longer taking offers.");
        }
        const { offerId } = await storeOffer(
          tx,
          { dealId: link.dealId, buyerId: link.buyerId, linkId: link.id, amount: action.amount, proofOfFunds: action.proofOfFunds, closingDate: action.closingDate, note: action.note },
          actor,
          now,
        );
        return { offerId };
      }
    }
  });
}
