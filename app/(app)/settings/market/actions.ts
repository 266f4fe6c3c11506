"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { saveMarketSettings } from "@/lib/market/service";
import { RankThresholds } from "@/lib/market/thresholds";

export const saveMarketSettingsAction = tenantAction(
  "market.settings.save",
  "market:settings",
  RankThresholds,
  async (ctx, input) => {
    await saveMarketSettings(ctx.db, input, auditContext(ctx));
    revalidatePath("/settings/market");
    revalidatePath("/market");
    revalidatePath("/analytics");
    return { saved: true };
  },
  { message: "Market intel thresholds saved; every area was ranked again" },
);
