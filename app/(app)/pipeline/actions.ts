"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { DealStatusChangeInput } from "@/lib/deals/schema";
import { changeDealStatus } from "@/lib/deals/workflow";
import { tenantAction } from "@/lib/http/action";

/** A card dropped on another column: the pipeline's rules decide, per deal, and say why not. */
export const moveDealAction = tenantAction("pipeline.deal-move", "deals:write", DealStatusChangeInput, async (ctx, input) => {
  const result = await changeDealStatus(ctx.db, auditContext(ctx), input);
  if (result.changed.length) revalidatePath("/pipeline");
  return result;
});
