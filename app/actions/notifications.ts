"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/http/action";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/service";

export const markAllNotificationsRead = tenantAction("notifications.markRead", "notifications:read", z.object({}), async (ctx) => {
  const result = await markNotificationsRead(ctx.db, ctx.user.id);
  revalidatePath("/", "layout");
  return result;
});

/** The member's latest notifications, read when the menu opens (pages ship only the unread count). */
export const loadNotifications = tenantAction("notifications.list", "notifications:read", z.object({}), async (ctx) => {
  const { items } = await listNotifications(ctx.db, ctx.user.id, 10);
  return items.map((n) => ({ id: n.id, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: Boolean(n.readAt) }));
});
