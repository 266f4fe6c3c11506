/** Erasure and access for the event outbox: payloads naming the person are replaced. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { idsMentioning, pageArgs, type PersonEraser } from "@/lib/privacy/types";

function personOutboxIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  return idsMentioning(
    (cursor) => db.eventOutbox.findMany({ select: { id: true, data: true, lastError: true }, ...pageArgs(cursor) }),
    (row) => [row.data, row.lastError],
    (text) => mentionsPerson(text, identity),
  );
}

export const eventsEraser: PersonEraser = {
  area: "events",
  async erase(tx, identity) {
    // Events are already delivered or will fail their schema: either way nothing acts on the person again.
    const { count } = await tx.eventOutbox.updateMany({ where: { id: { in: await personOutboxIds(tx, identity) } }, data: { data: { erased: true }, lastError: null } });
    return { counts: { EventOutbox: count } };
  },
  async collect(db, identity) {
    return { EventOutbox: await db.eventOutbox.findMany({ where: { id: { in: await personOutboxIds(db, identity) } } }) };
  },
};
