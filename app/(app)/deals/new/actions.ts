"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { createDeal } from "@/lib/deals/create";
import { DealCreateInput } from "@/lib/deals/schema";
import { tenantAction } from "@/lib/http/action";

export const createDealAction = tenantAction("deal.create", "deals:write", DealCreateInput, async (ctx, input) => {
  const created = await createDeal(ctx.db, auditContext(ctx), input);
  revalidatePath("/deals");
  return created;
}, { message: "Deal created" });
