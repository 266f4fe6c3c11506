/**
 * Offers and the disposition stage of a deal: the team enters, accepts and declines offers
 * and moves the deal MARKETED -> OFFER_ACCEPTED -> ASSIGNED -> CLOSED (rules.ts). Every change
 * is audited in its transaction; the Deal row is written through lib/deals.
 */
import type { AuditContext } from "@/lib/audit/service";
import { recordAudit } from "@/lib/audit/service";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { setDealBuyerTerms, setDealDisposition } from "@/lib/deals/disposition";
import { findDeal } from "@/lib/deals/service";
import { changeDealStatusIn } from "@/lib/deals/workflow";
import { ExpectedError } from "@/lib/errors";
import { noteBuyerOffer } from "@/lib/signals/observed";
import { assignmentFeeOf, dispositionMoveProblem, type DispositionFrom, type DispositionStage } from "./rules";
import type { DealBuyerTermsInput, TeamOfferInput } from "./schema";

const DEAL_COLUMNS = { id: true, status: true, askingPrice: true, assignmentFee: true, dispositionStage: true, assignedBuyerId: true } as const;

async function liveDeal(tx: TenantDb | TenantTransaction, dealId: string) {
  const deal = await findDeal(tx, dealId, DEAL_COLUMNS);
  if (!deal) throw new ExpectedError("not_found", "No such deal.", "dealId");
  return deal;
}

export interface OfferRow {
  id: string;
  buyerId: string;
  buyerName: string;
  buyerCompany: string | null;
  amount: number;
  proofOfFunds: string | null;
  closingDate: Date | null;
  note: string | null;
  status: "PENDING" | "ACCEPTED" | "DECLINED" | "WITHDRAWN";
  fromBuyerPage: boolean;
  decidedAt: Date | null;
  createdAt: Date;
}

/** A deal's offers, the accepted one first, then the newest. */
export async function listOffers(db: TenantDb, dealId: string): Promise<OfferRow[]> {
  const offers = await db.buyerOffer.findMany({ where: { dealId }, orderBy: { createdAt: "desc" }, take: 200 });
  const buyers = await db.buyer.findMany({ where: { id: { in: [...new Set(offers.map((o) => o.buyerId))] } }, select: { id: true, name: true, company: true } });
  const byId = new Map(buyers.map((b) => [b.id, b]));
  const rows = offers.map((o) => ({
    id: o.id,
    buyerId: o.buyerId,
    buyerName: byId.get(o.buyerId)?.name ?? "Removed buyer",
    buyerCompany: byId.get(o.buyerId)?.company ?? null,
    amount: o.amount,
    proofOfFunds: o.proofOfFunds,
    closingDate: o.closingDate,
    note: o.note,
    status: o.status,
    fromBuyerPage: o.linkId !== null,
    decidedAt: o.decidedAt,
    createdAt: o.createdAt,
  }));
  return [...rows.filter((r) => r.status === "ACCEPTED"), ...rows.filter((r) => r.status !== "ACCEPTED")];
}

const closingDateOf = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Stores an offer and its OFFERED feedback in the caller's transaction. From the buyer deal
 * page (`linkId` set) or entered by the team; one feedback event per offer.
 */
export async function storeOffer(
  tx: TenantTransaction,
  input: { dealId: string; buyerId: string; linkId: string | null; amount: number; proofOfFunds?: string; closingDate?: string; note?: string },
  actor: AuditContext,
  now = new Date(),
): Promise<{ offerId: string }> {
  const offer = await tx.buyerOffer.create({
    data: {
      dealId: input.dealId,
      buyerId: input.buyerId,
      linkId: input.linkId,
      amount: input.amount,
      proofOfFunds: input.proofOfFunds ?? null,
      closingDate: closingDateOf(input.closingDate),
      note: input.note ?? null,
      createdAt: now,
    },
  });
  await recordBuyerFeedback(tx, [
    { buyerId: input.buyerId, dealId: input.dealId, kind: "OFFERED", dedupeKey: `offer:${offer.id}`, occurredAt: now, data: { offerId: offer.id, amount: input.amount, via: input.linkId ? "buyer_page" : "team" } },
  ]);
  await noteBuyerOffer(tx, { offerId: offer.id, buyerId: input.buyerId, dealId: input.dealId, amount: input.amount, viaPage: Boolean(input.linkId), at: now });
  await recordAudit(
    tx,
    { action: "buyer_offer.received", entity: "BuyerOffer", entityId: offer.id, after: { dealId: input.dealId, buyerId: input.buyerId, amount: input.amount, via: input.linkId ? "buyer_page" : "team" } },
    actor,
  );
  return { offerId: offer.id };
}

/** An offer the team received by phone or email, for a live buyer of this workspace. */
export async function recordOfferByTeam(db: TenantDb, input: TeamOfferInput, actor: AuditContext): Promise<{ offerId: string }> {
  return db.$transaction(async (tx) => {
    const deal = await liveDeal(tx, input.dealId);
    if (deal.dispositionStage === "CLOSED") throw new ExpectedError("conflict", "This deal has closed; it takes no more offers.");
    const buyer = await tx.buyer.findFirst({ where: { id: input.buyerId, deletedAt: null }, select: { id: true } });
    if (!buyer) throw new ExpectedError("invalid", "Choose a buyer of this workspace.", "buyerId");
    return storeOffer(tx, { ...input, dealId: deal.id, buyerId: buyer.id, linkId: null }, actor);
  });
}

async function pendingOffer(tx: TenantTransaction, offerId: string) {
  const offer = await tx.buyerOffer.findUnique({ where: { id: offerId } });
  if (!offer) throw new ExpectedError("not_found", "No such offer.", "offerId");
  if (offer.status !== "PENDING") throw new ExpectedError("conflict", `This offer is already ${offer.status.toLowerCase()}.`, "offerId");
  return offer;
}

async function auditStage(tx: TenantTransaction, dealId: string, from: DispositionFrom, to: DispositionStage | null, extra: Record<string, unknown>, actor: AuditContext) {
  await recordAudit(tx, { action: "deal.disposition_changed", entity: "Deal", entityId: dealId, before: { stage: from }, after: { stage: to, ...extra } }, actor);
}

function stageMoved(moved: boolean): void {
  if (!moved) throw new ExpectedError("conflict", "The deal changed meanwhile; reload and try again.");
}

/**
 * Accepts a pending offer: the deal moves to OFFER_ACCEPTED with the offer's buyer assigned
 * and the assignment fee (offer - contract price) stored on the deal. Other pending offers
 * stay pending (backups if this buyer falls through).
 */
export async function acceptOffer(db: TenantDb, offerId: string, actor: AuditContext, now = new Date()): Promise<{ dealId: string; assignmentFee: number | null }> {
  return db.$transaction(async (tx) => {
    const offer = await pendingOffer(tx, offerId);
    const deal = await liveDeal(tx, offer.dealId);
    const problem = dispositionMoveProblem(deal.dispositionStage, "OFFER_ACCEPTED", { dealStatus: deal.status, viaOffer: true });
    if (problem) throw new ExpectedError("conflict", problem.message, "offerId");
    const fee = assignmentFeeOf(offer.amount, deal.askingPrice);
    if ("refusal" in fee) throw new ExpectedError("invalid", fee.refusal.message, "offerId");
    const { count } = await tx.buyerOffer.updateMany({ where: { id: offer.id, status: "PENDING" }, data: { status: "ACCEPTED", decidedAt: now, decidedById: actor.actorId } });
    if (count === 0) throw new ExpectedError("conflict", "The offer changed meanwhile; reload and try again.");
    stageMoved(await setDealDisposition(tx, deal.id, deal.dispositionStage, { stage: "OFFER_ACCEPTED", assignedBuyerId: offer.buyerId, assignmentFee: fee.fee }, now));
    await recordAudit(tx, { action: "buyer_offer.accepted", entity: "BuyerOffer", entityId: offer.id, before: { status: "PENDING" }, after: { status: "ACCEPTED", dealId: deal.id, amount: offer.amount } }, actor);
    await auditStage(tx, deal.id, deal.dispositionStage, "OFFER_ACCEPTED", { assignedBuyerId: offer.buyerId, assignmentFee: fee.fee, offerAmount: offer.amount }, actor);
    return { dealId: deal.id, assignmentFee: fee.fee };
  });
}

/** Declines a pending offer; the deal's stage does not change. */
export async function declineOffer(db: TenantDb, offerId: string, actor: AuditContext, now = new Date()): Promise<{ dealId: string }> {
  return db.$transaction(async (tx) => {
    const offer = await pendingOffer(tx, offerId);
    const { count } = await tx.buyerOffer.updateMany({ where: { id: offer.id, status: "PENDING" }, data: { status: "DECLINED", decidedAt: now, decidedById: actor.actorId } });
    if (count === 0) throw new ExpectedError("conflict", "The offer changed meanwhile; reload and try again.");
    await recordAudit(tx, { action: "buyer_offer.declined", entity: "BuyerOffer", entityId: offer.id, before: { status: "PENDING" }, after: { status: "DECLINED", dealId: offer.dealId } }, actor);
    return { dealId: offer.dealId };
  });
}

/**
 * Moves the deal's disposition to `stage` by hand (OFFER_ACCEPTED only comes from acceptOffer).
 * Back to MARKETED withdraws the accepted offer and clears the buyer and fee; CLOSED closes
 * the deal in the pipeline too (when it is under contract) and records BOUGHT for the buyer.
 */
export async function advanceDisposition(db: TenantDb, dealId: string, stage: DispositionStage, actor: AuditContext, now = new Date()): Promise<{ stage: DispositionStage }> {
  return db.$transaction(async (tx) => {
    const deal = await liveDeal(tx, dealId);
    const from = deal.dispositionStage;
    const problem = dispositionMoveProblem(from, stage, { dealStatus: deal.status, assignedBuyerId: deal.assignedBuyerId });
    if (problem) throw new ExpectedError("conflict", problem.message, "stage");

    if (stage === "MARKETED") {
      const reopened = from !== null;
      if (reopened) {
        await tx.buyerOffer.updateMany({ where: { dealId: deal.id, status: "ACCEPTED" }, data: { status: "WITHDRAWN", decidedAt: now, decidedById: actor.actorId } });
      }
      stageMoved(await setDealDisposition(tx, deal.id, from, reopened ? { stage, assignedBuyerId: null, assignmentFee: null } : { stage }, now));
      await auditStage(tx, deal.id, from, stage, reopened ? { withdrawnBuyerId: deal.assignedBuyerId } : {}, actor);
      return { stage };
    }

    if (stage === "CLOSED") {
      const buyerId = deal.assignedBuyerId;
      if (!buyerId) throw new ExpectedError("conflict", "Accept a buyer's offer before closing.", "stage");
      if (deal.status !== "CLOSED") {
        const closed = await changeDealStatusIn(tx, actor, { dealIds: [deal.id], to: "CLOSED", ...(deal.assignmentFee !== null ? { assignmentFee: deal.assignmentFee } : {}) }, now);
        if (closed.refused.length > 0) throw new ExpectedError("conflict", closed.refused[0].reason, "stage");
      }
      const accepted = await tx.buyerOffer.findFirst({ where: { dealId: deal.id, status: "ACCEPTED" }, select: { id: true, amount: true } });
      await recordBuyerFeedback(tx, [
        {
          buyerId,
          dealId: deal.id,
          kind: "BOUGHT",
          dedupeKey: `bought:${deal.id}:${buyerId}`,
          occurredAt: now,
          data: { offerId: accepted?.id ?? null, amount: accepted?.amount ?? null, assignmentFee: deal.assignmentFee },
        },
      ]);
    }
    stageMoved(await setDealDisposition(tx, deal.id, from, { stage }, now));
    await auditStage(tx, deal.id, from, stage, { assignedBuyerId: deal.assignedBuyerId }, actor);
    return { stage };
  });
}

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The terms and closing date buyers read on the deal's page; blank clears. Audited with before and after. */
export async function updateDealBuyerTerms(
  db: TenantDb,
  input: DealBuyerTermsInput,
  actor: AuditContext,
): Promise<{ buyerTerms: string | null; targetClosingDate: string | null }> {
  return db.$transaction(async (tx) => {
    const terms = { buyerTerms: input.buyerTerms ?? null, targetClosingDate: closingDateOf(input.targetClosingDate) };
    const before = await setDealBuyerTerms(tx, input.dealId, terms);
    if (!before) throw new ExpectedError("not_found", "No such deal.", "dealId");
    const after = { buyerTerms: terms.buyerTerms, targetClosingDate: dayOf(terms.targetClosingDate) };
    await recordAudit(
      tx,
      { action: "deal.buyer_terms_changed", entity: "Deal", entityId: input.dealId, before: { buyerTerms: before.buyerTerms, targetClosingDate: dayOf(before.targetClosingDate) }, after },
      actor,
    );
    return after;
  });
}
