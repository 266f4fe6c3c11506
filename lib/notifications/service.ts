import type { Prisma, Role } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";

/** Notifications are addressed to one member each, so read state is per person. */
export async function listNotifications(db: TenantDb, userId: string, take = 20) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items, unread };
}

/** The unread count alone: every page's header shows it; the items load when the menu opens. */
export async function countUnreadNotifications(db: TenantDb, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markNotificationsRead(db: TenantDb, userId: string, now = new Date()) {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return { count };
}

/** One notification for every member holding one of `roles`. */
export async function notifyRoles(
  db: TenantDb,
  roles: Role[],
  notification: { kind: string; title: string; body: string; data?: Prisma.InputJsonObject },
) {
  const members = await db.membership.findMany({ where: { role: { in: roles } }, select: { userId: true } });
  if (members.length === 0) return 0;
  await db.notification.createMany({
    data: members.map((m) => ({ userId: m.userId, ...notification, data: notification.data })),
  });
  return members.length;
}
