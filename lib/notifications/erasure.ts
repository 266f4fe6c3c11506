/** Erasure and access for in-app notifications: those about the person's deals or naming them are deleted. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { idsMentioning, pageArgs, type PersonEraser } from "@/lib/privacy/types";

function personNotificationIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  return idsMentioning(
    (cursor) => db.notification.findMany({ select: { id: true, title: true, body: true, data: true }, ...pageArgs(cursor) }),
    (row) => [row.title, row.body, row.data],
    (text) => mentionsPerson(text, identity) || identity.dealIds.some((id) => text.includes(id)),
  );
}

export const notificationsEraser: PersonEraser = {
  area: "notifications",
  async erase(tx, identity) {
    const { count } = await tx.notification.deleteMany({ where: { id: { in: await personNotificationIds(tx, identity) } } });
    return { counts: { Notification: count } };
  },
  async collect(db, identity) {
    return { Notification: await db.notification.findMany({ where: { id: { in: await personNotificationIds(db, identity) } } }) };
  },
};
