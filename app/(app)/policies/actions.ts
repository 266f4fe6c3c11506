"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { underwriteNewDeals } from "@/lib/underwriting/engine";
import { OfferPolicyUpsertInput } from "@/lib/underwriting/schema";
import { upsertOfferPolicy } from "@/lib/underwriting/service";

export const saveOfferPolicyAction = tenantAction("offerPolicy.save", "policies:write", OfferPolicyUpsertInput, async (ctx, input) => {
  const policy = await upsertOfferPolicy(ctx.db, input, auditContext(ctx));
  revalidatePath("/policies");
  return { id: policy.id, version: policy.version };
}, { message: "Offer policy saved" });

/** "Run now" of the underwriting engine: the same lib function the schedule runs. */
export const underwriteNowAction = tenantAction("underwriting.runNow", "deals:underwrite", z.object({}), async (ctx) => {
  const report = await underwriteNewDeals(ctx.db, { limit: 5000 });
  revalidatePath("/deals");
  return { underwritten: report.underwritten, alerts: report.alerts.length };
});
