import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import type { TenantProfileInput } from "./schema";

export async function getTenantProfile(db: TenantDb) {
  return db.tenant.findUniqueOrThrow({ where: { id: db.tenantId } });
}

export async function updateTenantProfile(db: TenantDb, input: TenantProfileInput, ctx: AuditContext) {
  return db.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: db.tenantId } });
    const after = await tx.tenant.update({ where: { id: db.tenantId }, data: input });
    const pick = (t: typeof before) => ({ name: t.name, timeZone: t.timeZone, country: t.country });
    await recordAudit(tx, { action: "tenant.updated", entity: "Tenant", entityId: after.id, before: pick(before), after: pick(after) }, ctx);
    return after;
  });
}
