"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { FitWeights } from "@/lib/govcon/fit-weights";
import { resetFitWeights, saveFitWeights, saveGovConProfile } from "@/lib/govcon/profile";
import { GovConProfileInput } from "@/lib/govcon/profile-schema";
import { tenantAction } from "@/lib/http/action";

function revalidateGovCon() {
  revalidatePath("/settings/govcon");
  revalidatePath("/govcon", "layout");
}

export const saveGovConProfileAction = tenantAction(
  "govcon.profile.save",
  "govcon:manage",
  GovConProfileInput,
  async (ctx, input) => {
    await saveGovConProfile(ctx.db, input, auditContext(ctx));
    revalidateGovCon();
    return { saved: true };
  },
  { message: "GovCon profile saved; opportunities were scored again" },
);

export const saveFitWeightsAction = tenantAction(
  "govcon.fit-weights.save",
  "govcon:manage",
  FitWeights,
  async (ctx, input) => {
    await saveFitWeights(ctx.db, input, auditContext(ctx));
    revalidateGovCon();
    return { saved: true };
  },
  { message: "Fit weights saved; opportunities were scored again" },
);

export const resetFitWeightsAction = tenantAction(
  "govcon.fit-weights.reset",
  "govcon:manage",
  z.object({}),
  async (ctx) => {
    await resetFitWeights(ctx.db, auditContext(ctx));
    revalidateGovCon();
    return { saved: true };
  },
  { message: "Fit weights back to their defaults" },
);
