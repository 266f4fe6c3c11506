"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sendAuditDigest } from "@/lib/audit/digest";
import { tenantAction } from "@/lib/http/action";

/** Runs the nightly digest now, in process: works whether or not Inngest is reachable. */
export const sendDigestNowAction = tenantAction("audit.digest", "audit:digest", z.object({}), async (ctx) => {
  const result = await sendAuditDigest(ctx.db);
  revalidatePath("/", "layout");
  return result;
});
