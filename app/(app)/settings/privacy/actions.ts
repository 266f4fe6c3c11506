"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { runEngineNow } from "@/lib/engines/overview";
import { tenantAction } from "@/lib/http/action";
import { PrivacyRequestInput } from "@/lib/privacy/schema";
import { filePrivacyRequest } from "@/lib/privacy/service";

const PAGE = "/settings/privacy";

export const filePrivacyRequestAction = tenantAction("privacy.file", "privacy:manage", PrivacyRequestInput, async (ctx, input) => {
  const request = await filePrivacyRequest(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return { id: request.id, deadline: request.deadline.toISOString() };
}, { message: "Request filed; it will be carried out within 24 hours" });

/** Run now: the privacy engine's pass, in this request, recorded as a manual engine run. */
export const runPrivacyRequestsNowAction = tenantAction("privacy.runNow", "privacy:manage", z.object({}), async (ctx) => {
  const run = await runEngineNow(ctx.db, "privacy-requests", auditContext(ctx));
  revalidatePath(PAGE);
  return { outcome: run.outcome, items: run.items };
});
