"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { DealRef } from "@/lib/deals/schema";
import { restoreDeal } from "@/lib/deals/trash";
import { tenantAction } from "@/lib/http/action";

export const restoreDealAction = tenantAction("deal.restore", "deals:restore", DealRef, async (ctx, { dealId }) => {
  const restored = await restoreDeal(ctx.db, auditContext(ctx), dealId);
  revalidatePath("/deals/deleted");
  revalidatePath("/deals");
  return restored;
}, { message: "Deal restored" });
