/**
 * What each plan allows. Pure data and arithmetic: the services in this folder read the
 * tenant's plan and count its usage against these figures.
 *
 * Property quotas are per calendar month in UTC (the month resets at 00:00 UTC on the 1st),
 * so every workspace, whatever its zone, resets at the same announced instant. Message caps
 * are per local day of the workspace, like the workspace's own daily cap setting, and the
 * outbound gate uses the lower of the two.
 */
import { z } from "zod";

export const PLANS = ["FREE", "PRO", "ENTERPRISE"] as const;
export type Plan = (typeof PLANS)[number];
export const PlanSchema = z.enum(PLANS, { error: "Choose Free, Pro or Enterprise" });

/** A token bucket: up to `capacity` requests at once, refilled at `refillPerSecond`. */
export interface RatePolicy {
  capacity: number;
  refillPerSecond: number;
}

export interface PlanLimits {
  label: string;
  /** New properties (deals created) per UTC calendar month; null means unlimited. */
  monthlyProperties: number | null;
  /** Outbound messages per local day of the workspace, per channel; null leaves the workspace's own cap alone. */
  dailyMessages: { SMS: number | null; EMAIL: number | null };
  /** Requests per API key. */
  apiKeyRate: RatePolicy;
  /** Requests per signed-in user (REST routes and server actions). */
  userRate: RatePolicy;
}

export const PLAN_LIMITS: Record<Plan, PlanLimits> = {
  FREE: {
    label: "Free",
    monthlyProperties: 100,
    dailyMessages: { SMS: 100, EMAIL: 250 },
    apiKeyRate: { capacity: 60, refillPerSecond: 1 },
    userRate: { capacity: 120, refillPerSecond: 2 },
  },
  PRO: {
    label: "Pro",
    monthlyProperties: 1_000,
    dailyMessages: { SMS: 1_000, EMAIL: 2_500 },
    apiKeyRate: { capacity: 300, refillPerSecond: 5 },
    userRate: { capacity: 300, refillPerSecond: 5 },
  },
  ENTERPRISE: {
    label: "Enterprise",
    monthlyProperties: null,
    dailyMessages: { SMS: null, EMAIL: null },
    apiKeyRate: { capacity: 1_200, refillPerSecond: 20 },
    userRate: { capacity: 600, refillPerSecond: 10 },
  },
};

/** Per client address on the public endpoints, whatever the workspace's plan. */
export const PUBLIC_IP_RATES = {
  /** The unsubscribe page and its confirmation. */
  unsubscribe: { capacity: 20, refillPerSecond: 0.2 },
  /** Provider webhooks: Twilio and SendGrid post in bursts from a few addresses. */
  webhook: { capacity: 600, refillPerSecond: 10 },
  /** Pages anyone may open without signing in (invitation acceptance). */
  publicPage: { capacity: 60, refillPerSecond: 1 },
} satisfies Record<string, RatePolicy>;

export function planLimits(plan: Plan): PlanLimits {
  return PLAN_LIMITS[plan];
}

/** The effective daily cap of a channel: the lower of the workspace's setting and its plan's cap. */
export function effectiveDailyCap(plan: Plan, channel: "SMS" | "EMAIL", tenantSetting: number): number {
  const planCap = PLAN_LIMITS[plan].dailyMessages[channel];
  return planCap === null ? tenantSetting : Math.min(tenantSetting, planCap);
}

/** The UTC calendar month containing `at`: its first instant and the next month's. */
export function quotaMonth(at: Date): { start: Date; resetsAt: Date } {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return { start: new Date(Date.UTC(year, month, 1)), resetsAt: new Date(Date.UTC(year, month + 1, 1)) };
}

/** How many more properties fit this month; Infinity when the plan is unlimited. */
export function propertiesRemaining(plan: Plan, usedThisMonth: number): number {
  const quota = PLAN_LIMITS[plan].monthlyProperties;
  return quota === null ? Number.POSITIVE_INFINITY : Math.max(0, quota - usedThisMonth);
}

/** "Your Free plan's quota of 100 new properties a month is used (100 of 100); it resets on 1 January 2027 at 00:00 UTC." */
export function describePropertyQuota(plan: Plan, used: number, resetsAt: Date): string {
  const quota = PLAN_LIMITS[plan].monthlyProperties;
  const when = resetsAt.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return `The ${PLAN_LIMITS[plan].label} plan's quota of ${(quota ?? 0).toLocaleString("en-US")} new properties a month is used (${used.toLocaleString("en-US")} of ${(quota ?? 0).toLocaleString("en-US")}); it resets on ${when} at 00:00 UTC.`;
}
