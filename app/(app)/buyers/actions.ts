"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { NewBuyerForm } from "@/lib/buyers/consent";
import { BuyerPatch } from "@/lib/buyers/schema";
import { intakeConsentFromFields } from "@/lib/outbound/intake-consent";
import { normalizeBuyerForm } from "@/lib/buyers/form-values";
import { SaveSegmentInput, deleteSegment, saveSegment } from "@/lib/buyers/segments";
import { createBuyer, deleteBuyer, updateBuyer } from "@/lib/buyers/service";

export const createBuyerAction = tenantAction(
  "buyers.create",
  "buyers:write",
  z.preprocess((v) => normalizeBuyerForm(v, { clearBlanks: false }), NewBuyerForm),
  async (ctx, { consentGiven, consentSource, consentGivenAt, consentWording, consentBasis, consentEvidence, ...input }) => {
    const consent = intakeConsentFromFields({ consentGiven, consentSource, consentGivenAt, consentWording, consentBasis, consentEvidence });
    const buyer = await createBuyer(ctx.db, input, auditContext(ctx), { consent });
    revalidatePath("/buyers");
    return { id: buyer.id };
  },
  { message: "Buyer added" },
);

const BuyerEdit = z.preprocess((v) => normalizeBuyerForm(v, { clearBlanks: true }), z.object({ buyerId: z.string().min(1).max(64) }).and(BuyerPatch));

export const updateBuyerAction = tenantAction(
  "buyers.update",
  "buyers:write",
  BuyerEdit,
  async (ctx, { buyerId, ...patch }) => {
    const { changed } = await updateBuyer(ctx.db, buyerId, patch, auditContext(ctx));
    revalidatePath(`/buyers/${buyerId}`);
    revalidatePath("/buyers");
    return { changed };
  },
  { message: "Buyer saved" },
);

export const deleteBuyerAction = tenantAction("buyers.delete", "buyers:write", z.object({ buyerId: z.string().min(1).max(64) }), async (ctx, { buyerId }) => {
  const result = await deleteBuyer(ctx.db, buyerId, auditContext(ctx));
  revalidatePath("/buyers");
  return result;
});

export const saveSegmentAction = tenantAction(
  "buyers.segment.save",
  "buyers:write",
  SaveSegmentInput,
  async (ctx, input) => {
    const segment = await saveSegment(ctx.db, input.name, input.query, ctx.user.id);
    revalidatePath("/buyers");
    return { id: segment.id };
  },
  { message: "Segment saved" },
);

export const deleteSegmentAction = tenantAction("buyers.segment.delete", "buyers:write", z.object({ segmentId: z.string().min(1).max(64) }), async (ctx, { segmentId }) => {
  const result = await deleteSegment(ctx.db, segmentId);
  revalidatePath("/buyers");
  return result;
});
