"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { LadderTemplateInput } from "@/lib/ladder/schema";
import { saveLadderTemplate } from "@/lib/ladder/templates";

export const saveLadderTemplateAction = tenantAction(
  "ladder.template.save",
  "ladder:manage",
  LadderTemplateInput,
  async (ctx, input) => {
    const saved = await saveLadderTemplate(ctx.db, input, auditContext(ctx));
    revalidatePath("/settings/ladder");
    return { version: saved.version };
  },
  { message: "Ladder saved; new ladders use it, running ones keep theirs" },
);
