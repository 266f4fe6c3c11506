import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import type { TenantProfileInput } from "./schema";

export async function getTenantProfile(db: TenantDb) {
  return db.tenant.findUniqueOrThrow({ where: { id: db.tenantId } });
}

/** The workspace's name (what messages sign with) and slug (what its webhook URLs carry). */
export async function getTenantIdentity(db: TenantDb | TenantTransaction): Promise<{ name: string; slug: string }> {
  return db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true, slug: true } });
}

/** The workspace's name, null when its row cannot be read. */
export async function findTenantName(db: TenantDb | TenantTransaction): Promise<string | null> {
  const tenant = await db.tenant.findUnique({ where: { id: db.tenantId }, select: { name: true } });
  return tenant?.name ?? null;
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
