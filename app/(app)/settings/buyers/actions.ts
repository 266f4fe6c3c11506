"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { BuyerSettingsInput, updateBuyerSettings } from "@/lib/buyers/settings";
import { tenantAction } from "@/lib/http/action";

export const saveBuyerSettingsAction = tenantAction(
  "buyers.settings.save",
  "buyers:settings",
  BuyerSettingsInput,
  async (ctx, input) => {
    await updateBuyerSettings(ctx.db, input, auditContext(ctx));
    revalidatePath("/settings/buyers");
    return { saved: true };
  },
  { message: "Buyer settings saved; tiers follow the new thresholds at the next recompute" },
);
