"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { assignTasks, completeTask } from "@/lib/ladder/inbox";
import { BulkAssignInput, CompleteTaskInput } from "@/lib/ladder/schema";

export const completeTaskAction = tenantAction(
  "inbox.complete",
  "tasks:work",
  CompleteTaskInput,
  async (ctx, input) => {
    // A VA closes their own or unassigned tasks; admins and owners any.
    const result = await completeTask(ctx.db, input, auditContext(ctx), { restrictToOwnerId: ctx.role === "va" ? ctx.user.id : undefined });
    revalidatePath("/inbox");
    return result;
  },
  { message: "Task closed" },
);

export const assignTasksAction = tenantAction(
  "inbox.assign",
  "tasks:assign",
  BulkAssignInput,
  async (ctx, input) => {
    const result = await assignTasks(ctx.db, input, auditContext(ctx));
    revalidatePath("/inbox");
    return result;
  },
  { message: "Tasks assigned" },
);
