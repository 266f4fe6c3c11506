import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import type { Plan } from "@/lib/plans/plans";

/** The workspace's plan (what lib/plans counts its usage against). */
export async function getTenantPlan(db: TenantDb | TenantTransaction): Promise<Plan> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { plan: true } });
  return tenant.plan;
}

/** Moves the workspace to another plan, with the audit line naming both. A no-op when unchanged. */
export async function changeTenantPlan(db: TenantDb, plan: Plan, ctx: AuditContext): Promise<{ before: Plan; after: Plan }> {
  return db.$transaction(async (tx) => {
    const before = await getTenantPlan(tx);
    if (before === plan) return { before, after: plan };
    await tx.tenant.update({ where: { id: db.tenantId }, data: { plan } });
    await recordAudit(tx, { action: "tenant.plan_changed", entity: "Tenant", entityId: db.tenantId, before: { plan: before }, after: { plan } }, ctx);
    return { before, after: plan };
  });
}
