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

/** A notification's link (data.href), kept only when it is a path inside the app. */
function inAppHref(data: unknown): string | undefined {
  const href = data && typeof data === "object" ? (data as { href?: unknown }).href : undefined;
  return typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : undefined;
}

/** The member's latest notifications, read when the menu opens (pages ship only the unread count). */
export const loadNotifications = tenantAction("notifications.list", "notifications:read", z.object({}), async (ctx) => {
  const { items } = await listNotifications(ctx.db, ctx.user.id, 10);
  return items.map((n) => ({ id: n.id, title: n.title, body: n.body, createdAt: n.createdAt.toISOString(), read: Boolean(n.readAt), href: inAppHref(n.data) }));
});
