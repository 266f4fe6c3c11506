import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describePropertyQuota, effectiveDailyCap, PLAN_LIMITS, PLANS, propertiesRemaining, quotaMonth } from "@/lib/plans/plans";

describe("plans", () => {
  it("lists the quotas of the seed: Free 100, Pro 1,000, Enterprise unlimited", () => {
    expect(PLAN_LIMITS.FREE.monthlyProperties).toBe(100);
    expect(PLAN_LIMITS.PRO.monthlyProperties).toBe(1_000);
    expect(PLAN_LIMITS.ENTERPRISE.monthlyProperties).toBeNull();
    expect(propertiesRemaining("ENTERPRISE", 10_000_000)).toBe(Number.POSITIVE_INFINITY);
    expect(propertiesRemaining("FREE", 98)).toBe(2);
    expect(propertiesRemaining("FREE", 130)).toBe(0);
  });

  it("caps messages at the lower of the workspace's setting and the plan's cap", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLANS), fc.constantFrom("SMS" as const, "EMAIL" as const), fc.integer({ min: 0, max: 100_000 }), (plan, channel, setting) => {
        const cap = effectiveDailyCap(plan, channel, setting);
        const planCap = PLAN_LIMITS[plan].dailyMessages[channel];
        expect(cap).toBe(planCap === null ? setting : Math.min(setting, planCap));
        expect(cap).toBeLessThanOrEqual(setting);
      }),
      { numRuns: 200 },
    );
  });

  it("counts by UTC calendar month, resetting at 00:00 UTC on the 1st", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (at) => {
        const { start, resetsAt } = quotaMonth(at);
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(resetsAt.getTime()).toBeGreaterThan(at.getTime());
        expect(start.getUTCDate()).toBe(1);
        expect(resetsAt.getUTCDate()).toBe(1);
        expect(start.getUTCHours() + start.getUTCMinutes() + resetsAt.getUTCHours()).toBe(0);
        expect(quotaMonth(new Date(resetsAt.getTime() - 1)).start).toEqual(start);
      }),
      { numRuns: 300 },
    );
    expect(quotaMonth(new Date("2026-12-31T23:59:59Z")).resetsAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("names the quota, the usage and the reset", () => {
    expect(describePropertyQuota("FREE", 100, new Date("2027-01-01T00:00:00Z"))).toBe(
      "The Free plan's quota of 100 new properties a month is used (100 of 100); it resets on 1 January 2027 at 00:00 UTC.",
    );
  });
});
