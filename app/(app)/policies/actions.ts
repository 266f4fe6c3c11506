"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { runEngineNow } from "@/lib/engines/overview";
import { ExpectedError } from "@/lib/errors";
import { OfferPolicyUpsertInput } from "@/lib/underwriting/schema";
import { upsertOfferPolicy } from "@/lib/underwriting/service";

export const saveOfferPolicyAction = tenantAction("offerPolicy.save", "policies:write", OfferPolicyUpsertInput, async (ctx, input) => {
  const policy = await upsertOfferPolicy(ctx.db, input, auditContext(ctx));
  revalidatePath("/policies");
  return { id: policy.id, version: policy.version };
}, { message: "Offer policy saved" });

/** "Run now" of the underwriting engine: the same run the schedule makes, recorded on the Engines page. */
export const underwriteNowAction = tenantAction("underwriting.runNow", "deals:underwrite", z.object({}), async (ctx) => {
  const run = await runEngineNow(ctx.db, "underwriting", auditContext(ctx));
  revalidatePath("/deals");
  if (run.outcome === "FAILED") throw new ExpectedError("conflict", `Underwriting failed: ${run.error ?? "unknown error"}. See Engines for the run.`);
  if (run.outcome === "SKIPPED") throw new ExpectedError("conflict", `Underwriting did not run: ${run.error ?? "the engine is paused"}.`);
  return { underwritten: run.items };
});
