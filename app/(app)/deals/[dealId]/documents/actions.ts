"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { generateMemo } from "@/lib/memo/service";

/** "Generate memo" on the deal's Documents tab: a new version of its investor memo. */
export const generateMemoAction = tenantAction(
  "memo.generate",
  "deals:write",
  z.object({ dealId: z.string().trim().min(1, "Choose a deal").max(64) }),
  async (ctx, input) => {
    const file = await generateMemo(ctx.db, input.dealId, auditContext(ctx));
    revalidatePath(`/deals/${input.dealId}/documents`);
    return { id: file.id, version: file.version };
  },
  { message: "Memo generated" },
);
