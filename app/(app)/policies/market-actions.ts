"use server";

import { revalidatePath } from "next/cache";
import { MarketPolicyForm, formFieldOf } from "@/components/policies/market-policy-form";
import { auditContext } from "@/lib/auth/session";
import { ExpectedError, isExpectedError } from "@/lib/errors";
import { tenantAction } from "@/lib/http/action";
import { listMarketPolicies, upsertMarketPolicy } from "@/lib/policy";

/** Saves the contact rules of a (region, market) from the weekday-grid form; "create" refuses an existing market. */
export const saveMarketPolicyAction = tenantAction("marketPolicy.save", "policies:write", MarketPolicyForm, async (ctx, { intent, ...input }) => {
  if (intent === "create") {
    const existing = await listMarketPolicies(ctx.db, { region: input.region, market: input.market });
    if (existing.length > 0) {
      throw new ExpectedError("conflict", `${input.market} already has its own rule in ${input.region}: edit it in the table`, "market");
    }
  }
  try {
    const policy = await upsertMarketPolicy(ctx.db, input, auditContext(ctx));
    revalidatePath("/policies");
    return { region: policy.region, market: policy.market, version: policy.version ?? 1, created: intent === "create" };
  } catch (error) {
    // The service names fields by the rules' shape; the form shows them on its own fields.
    if (isExpectedError(error) && error.field) {
      throw new ExpectedError(error.code, error.message, formFieldOf(error.field.split("."), input.rules.contactWindows) || undefined);
    }
    throw error;
  }
});
