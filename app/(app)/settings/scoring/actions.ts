"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actingContext, auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { fitScoringModel, promoteScoringModel } from "@/lib/scoring/models";

export const fitScoringModelAction = tenantAction("scoring.fit", "scoring:fit", z.object({}), async (ctx) => {
  const result = await fitScoringModel(ctx.db, auditContext(ctx));
  revalidatePath("/settings/scoring");
  return "model" in result ? { version: result.model.version, auc: result.model.metrics.auc, outcomes: null } : { version: null, auc: null, outcomes: result.outcomes };
});

export const promoteScoringModelAction = tenantAction(
  "scoring.promote",
  "scoring:promote",
  z.object({ modelId: z.string({ error: "Choose a model" }).min(1, "Choose a model") }),
  async (ctx, input) => {
    const result = await promoteScoringModel(ctx.db, input.modelId, actingContext(ctx));
    revalidatePath("/settings/scoring");
    return { version: result.model.version, rescored: result.rescored };
  },
);
