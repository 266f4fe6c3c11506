"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/http/action";
import { markNotificationsRead } from "@/lib/notifications/service";

export const markAllNotificationsRead = tenantAction("notifications.markRead", "notifications:read", z.object({}), async (ctx) => {
  const result = await markNotificationsRead(ctx.db, ctx.user.id);
  revalidatePath("/", "layout");
  return result;
});
