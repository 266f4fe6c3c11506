import type { TenantTransaction } from "@/lib/db/tenant";
import { PLAN_LIMITS } from "@/lib/plans/plans";
import { readPropertyQuota, type PropertyQuota } from "@/lib/plans/quota";
import { getTenantPlan } from "@/lib/tenants/plan";
import { lockTenantRow } from "@/lib/tenants/settings";

/**
 * Splits new rows into those the plan's monthly quota still admits (in order) and the rest.
 * On a limited plan the workspace row is locked first, so concurrent intakes of the same
 * workspace count each other's deals and together never pass the quota.
 */
export async function splitByPropertyQuota<T>(tx: TenantTransaction, rows: T[], now: Date): Promise<{ fit: T[]; over: T[]; quota: PropertyQuota | null }> {
  if (rows.length === 0) return { fit: rows, over: [], quota: null };
  const plan = await getTenantPlan(tx);
  if (PLAN_LIMITS[plan].monthlyProperties === null) return { fit: rows, over: [], quota: null };
  await lockTenantRow(tx);
  const quota = await readPropertyQuota(tx, now, plan);
  const fit = rows.slice(0, quota.remaining);
  // As it stands once these rows are in: the figures a refusal of the rest reports.
  return { fit, over: rows.slice(quota.remaining), quota: { ...quota, used: quota.used + fit.length, remaining: quota.remaining - fit.length } };
}
