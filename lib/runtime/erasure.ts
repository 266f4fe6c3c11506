/** Erasure and access for the embedded runner's jobs: payloads naming the person are replaced. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { idsMentioning, pageArgs, type PersonEraser } from "@/lib/privacy/types";

function personJobIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  return idsMentioning(
    (cursor) => db.runtimeJob.findMany({ select: { id: true, payload: true, lastError: true }, ...pageArgs(cursor) }),
    (row) => [row.payload, row.lastError],
    (text) => mentionsPerson(text, identity),
  );
}

export const runtimeEraser: PersonEraser = {
  area: "runtime",
  async erase(tx, identity) {
    const { count } = await tx.runtimeJob.updateMany({ where: { id: { in: await personJobIds(tx, identity) } }, data: { payload: { erased: true }, lastError: null } });
    return { counts: { RuntimeJob: count } };
  },
  async collect(db, identity) {
    return { RuntimeJob: await db.runtimeJob.findMany({ where: { id: { in: await personJobIds(db, identity) } } }) };
  },
};
