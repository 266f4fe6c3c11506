/** Erasure and access for KPI events: the counts stay, any data naming the person goes. */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { mentionsPerson, type PersonIdentity } from "@/lib/privacy/identity";
import { idsMentioning, pageArgs, type PersonEraser } from "@/lib/privacy/types";

function personKpiIds(db: TenantDb | TenantTransaction, identity: PersonIdentity) {
  return idsMentioning(
    (cursor) => db.kpiEvent.findMany({ select: { id: true, data: true }, ...pageArgs(cursor) }),
    (row) => row.data,
    (text) => mentionsPerson(text, identity),
  );
}

export const kpiEraser: PersonEraser = {
  area: "kpi",
  async erase(tx, identity) {
    const { count } = await tx.kpiEvent.updateMany({ where: { id: { in: await personKpiIds(tx, identity) } }, data: { data: { erased: true } } });
    return { counts: { KpiEvent: count } };
  },
  async collect(db, identity) {
    return { KpiEvent: await db.kpiEvent.findMany({ where: { id: { in: await personKpiIds(db, identity) } } }) };
  },
};
