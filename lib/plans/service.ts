import type { AuditContext } from "@/lib/audit/service";
import type { Role } from "@/lib/auth/permissions";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { countSentToday } from "@/lib/outbound/daily-usage";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { changeTenantPlan } from "@/lib/tenants/plan";
import { PLAN_LIMITS, effectiveDailyCap, type Plan, type RatePolicy } from "./plans";
import { readPropertyQuota } from "./quota";
import type { ChangePlanInput } from "./schema";

export interface ChannelUsage {
  sentToday: number;
  /** The cap the outbound gate applies: the lower of the workspace's setting and the plan's. */
  cap: number;
  planCap: number | null;
  settingCap: number;
}

export interface WorkspaceUsage {
  plan: Plan;
  properties: { used: number; quota: number | null; resetsAt: Date };
  messages: { SMS: ChannelUsage; EMAIL: ChannelUsage; timeZone: string };
  rates: { apiKey: RatePolicy; user: RatePolicy };
}

/** What the workspace used against its plan: properties this month, messages today, and its API rates. */
export async function getWorkspaceUsage(db: TenantDb, now = new Date()): Promise<WorkspaceUsage> {
  const tenant = await getTenantWithSettings(db);
  const [quota, sent] = await Promise.all([readPropertyQuota(db, now, tenant.plan), countSentToday(db, tenant.timeZone, now)]);
  const limits = PLAN_LIMITS[tenant.plan];
  const channel = (name: "SMS" | "EMAIL", settingCap: number): ChannelUsage => ({
    sentToday: sent[name],
    cap: effectiveDailyCap(tenant.plan, name, settingCap),
    planCap: limits.dailyMessages[name],
    settingCap,
  });
  // Unreadable settings fail closed in the outbound gate (a cap of 0); the page says the same.
  return {
    plan: tenant.plan,
    properties: { used: quota.used, quota: quota.quota, resetsAt: quota.resetsAt },
    messages: {
      SMS: channel("SMS", tenant.settings?.outboundDailyCapSms ?? 0),
      EMAIL: channel("EMAIL", tenant.settings?.outboundDailyCapEmail ?? 0),
      timeZone: tenant.timeZone,
    },
    rates: { apiKey: limits.apiKeyRate, user: limits.userRate },
  };
}

/** Only an owner moves the workspace to another plan; audited by changeTenantPlan. */
export async function changePlan(db: TenantDb, input: ChangePlanInput, actor: { role: Role; audit: AuditContext }) {
  if (actor.role !== "owner") throw new ExpectedError("forbidden", "Only an owner can change the workspace's plan.", "plan");
  return changeTenantPlan(db, input.plan, actor.audit);
}
