/** Erasure and access for stored API answers (idempotent replays), which may echo a deal's contact. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { idsMentioning, pageArgs, type PersonEraser } from "@/lib/privacy/types";

function personReplayIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  return idsMentioning(
    (cursor) => db.idempotencyRecord.findMany({ select: { id: true, response: true }, ...pageArgs(cursor) }),
    (row) => row.response,
    (text) => mentionsPerson(text, identity),
  );
}

export const apiEraser: PersonEraser = {
  area: "api",
  async erase(tx, identity) {
    // A deleted replay only means a retried request runs again, and intake then refuses the person.
    const { count } = await tx.idempotencyRecord.deleteMany({ where: { id: { in: await personReplayIds(tx, identity) } } });
    return { counts: { IdempotencyRecord: count } };
  },
  async collect(db, identity) {
    return { IdempotencyRecord: await db.idempotencyRecord.findMany({ where: { id: { in: await personReplayIds(db, identity) } } }) };
  },
};
