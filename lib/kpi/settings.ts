import { z } from "zod";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { updateTenantSettings } from "@/lib/tenants/settings";

/** The KPIs page's auto-throttle switch (a checkbox: present means on). */
export const AutoThrottleInput = z.object({ enabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()) });
export type AutoThrottleInput = z.infer<typeof AutoThrottleInput>;

/** Turns auto-throttle on or off for the workspace, audited. */
export async function setKpiAutoThrottle(db: TenantDb, input: AutoThrottleInput, ctx: AuditContext): Promise<{ enabled: boolean }> {
  await db.$transaction(async (tx) => {
    const { before } = await updateTenantSettings(tx, { kpiAutoThrottle: input.enabled });
    await recordAudit(tx, { action: "tenant.kpi-auto-throttle", entity: "tenant", entityId: db.tenantId, before: { kpiAutoThrottle: before.kpiAutoThrottle ?? false }, after: { kpiAutoThrottle: input.enabled } }, ctx);
  });
  return { enabled: input.enabled };
}
