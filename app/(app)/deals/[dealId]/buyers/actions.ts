"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { revokeBuyerDealLink } from "@/lib/dispositions/links";
import { DealBuyerTermsInput, DispositionAdvanceInput, OfferDecisionInput, TeamOfferInput } from "@/lib/dispositions/schema";
import { acceptOffer, advanceDisposition, declineOffer, recordOfferByTeam, updateDealBuyerTerms } from "@/lib/dispositions/service";
import { tenantAction } from "@/lib/http/action";

const refresh = (dealId: string) => revalidatePath(`/deals/${dealId}/buyers`);

export const decideOfferAction = tenantAction("disposition.offer_decision", "deals:write", OfferDecisionInput, async (ctx, input) => {
  const result = input.decision === "accept" ? await acceptOffer(ctx.db, input.offerId, auditContext(ctx)) : await declineOffer(ctx.db, input.offerId, auditContext(ctx));
  refresh(result.dealId);
  return { decision: input.decision };
});

export const recordTeamOfferAction = tenantAction("disposition.team_offer", "deals:write", TeamOfferInput, async (ctx, input) => {
  const offer = await recordOfferByTeam(ctx.db, input, auditContext(ctx));
  refresh(input.dealId);
  return offer;
}, { message: "Offer recorded" });

export const advanceDispositionAction = tenantAction("disposition.advance", "deals:write", DispositionAdvanceInput, async (ctx, input) => {
  const result = await advanceDisposition(ctx.db, input.dealId, input.stage, auditContext(ctx));
  refresh(input.dealId);
  return result;
});

export const updateBuyerTermsAction = tenantAction("disposition.buyer_terms", "deals:write", DealBuyerTermsInput, async (ctx, input) => {
  const result = await updateDealBuyerTerms(ctx.db, input, auditContext(ctx));
  refresh(input.dealId);
  return result;
}, { message: "Terms saved" });

const RevokeLinkInput = z.object({ dealId: z.string().min(1), linkId: z.string().min(1) });

export const revokeBuyerLinkAction = tenantAction("disposition.revoke_link", "deals:write", RevokeLinkInput, async (ctx, input) => {
  const result = await revokeBuyerDealLink(ctx.db, input.linkId, auditContext(ctx));
  refresh(input.dealId);
  return result;
});
