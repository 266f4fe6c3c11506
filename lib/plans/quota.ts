/**
 * The monthly new-property quota, counted from the deals the workspace created this UTC
 * month (deleted ones included: deleting a deal does not give its slot back).
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { LimitExceededError } from "@/lib/errors";
import { getTenantPlan } from "@/lib/tenants/plan";
import { describePropertyQuota, PLAN_LIMITS, propertiesRemaining, quotaMonth, type Plan } from "./plans";

export interface PropertyQuota {
  plan: Plan;
  /** Null when the plan is unlimited. */
  quota: number | null;
  used: number;
  /** Infinity when the plan is unlimited. */
  remaining: number;
  resetsAt: Date;
}

export async function countPropertiesSince(db: TenantDb | TenantTransaction, since: Date): Promise<number> {
  return db.deal.count({ where: { createdAt: { gte: since } } });
}

export async function readPropertyQuota(db: TenantDb | TenantTransaction, now = new Date(), plan?: Plan): Promise<PropertyQuota> {
  const resolvedPlan = plan ?? (await getTenantPlan(db));
  const { start, resetsAt } = quotaMonth(now);
  const used = await countPropertiesSince(db, start);
  return { plan: resolvedPlan, quota: PLAN_LIMITS[resolvedPlan].monthlyProperties, used, remaining: propertiesRemaining(resolvedPlan, used), resetsAt };
}

/** The refusal for a property past the quota: 429, Retry-After until the month resets. */
export function propertyQuotaExceeded(quota: PropertyQuota, now = new Date()): LimitExceededError {
  return new LimitExceededError(
    describePropertyQuota(quota.plan, quota.used, quota.resetsAt),
    { kind: "quota", name: "monthly-properties", limit: quota.quota ?? 0, used: quota.used, resetsAt: quota.resetsAt.toISOString() },
    Math.max(1, Math.ceil((quota.resetsAt.getTime() - now.getTime()) / 1000)),
  );
}
