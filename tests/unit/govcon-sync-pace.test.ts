import { describe, expect, it } from "vitest";
import { decideGovConInterval, GOVCON_BOUNDS } from "@/lib/govcon/interval";
import { planSyncWindow, readSyncWindow, windowAfter } from "@/lib/govcon/sync-window";

const now = new Date("2026-03-10T12:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const budget = (left: number, total = 10, exhaustedUntil: Date | null = null) => ({ budget: total, left, exhaustedUntil });

describe("the GovCon engine's interval", () => {
  it.each([
    ["default pace", budget(8), null, 0, 6 * 3600, /no tracked or pursued opportunity is due within 72 h; 8 of today's 10/i],
    ["a deadline 100 h away changes nothing", budget(8), hours(100), 0, 6 * 3600, /no tracked/],
    ["a deadline within 72 h: hourly", budget(8), hours(60), 0, 3600, /due in 60 h, within 72 h/],
    ["a deadline within 24 h: every 30 min", budget(8), hours(5), 0, 1800, /due in 5 h, within 24 h/],
    ["a passed deadline is no reason to hurry", budget(8), hours(-2), 0, 6 * 3600, /no tracked/],
    ["20% left: wait for the reset at midnight", budget(2), hours(5), 0, 12 * 3600, /only 2 of today's 10 SAM.gov requests left.*00:00 UTC/],
    ["one request left of a big budget", budget(1, 1000), null, 0, 12 * 3600, /only 1 of today's 1000/],
    ["200 of 1000 left is nearly spent", budget(200, 1000), null, 0, 12 * 3600, /only 200/],
    ["201 of 1000 left is not", budget(201, 1000), null, 0, 6 * 3600, /no tracked/],
    ["throttled: wait for exhaustedUntil", budget(0, 10, new Date("2026-03-11T00:00:00Z")), hours(1), 0, 12 * 3600, /throttled the key \(HTTP 429\).*2026-03-11 00:00 UTC/],
    ["failures back off from the default", budget(8), null, 3, 24 * 3600, /3 consecutive failure\(s\).*held at the slowest allowed \(24 h\)/],
    ["failures double a near-deadline pace", budget(8), hours(5), 1, 3600, /1 consecutive failure/],
  ])("%s", (_, usage, nearestDeadline, consecutiveFailures, seconds, reason) => {
    const decision = decideGovConInterval({ now, usage, nearestDeadline, consecutiveFailures });
    expect(decision.intervalSeconds).toBe(seconds);
    expect(decision.reason).toMatch(new RegExp(reason.source, "i"));
    expect(decision.reason).toMatch(/^Every /);
  });

  it("a reset minutes away still waits the shortest interval", () => {
    const late = new Date("2026-03-10T23:55:00Z");
    const decision = decideGovConInterval({ now: late, usage: budget(1), nearestDeadline: null, consecutiveFailures: 0 });
    expect(decision.intervalSeconds).toBe(GOVCON_BOUNDS.minSeconds);
  });

  it("stays within 15 min .. 24 h whatever the input", () => {
    for (const left of [0, 1, 2, 3, 9, 10]) {
      for (const h of [-5, 0.1, 1, 23, 25, 71, 73, 500]) {
        for (const failures of [0, 1, 9]) {
          const { intervalSeconds } = decideGovConInterval({ now, usage: budget(left), nearestDeadline: hours(h), consecutiveFailures: failures });
          expect(intervalSeconds).toBeGreaterThanOrEqual(GOVCON_BOUNDS.minSeconds);
          expect(intervalSeconds).toBeLessThanOrEqual(GOVCON_BOUNDS.maxSeconds);
        }
      }
    }
  });
});

describe("the sync window", () => {
  it("starts 60 days back the first time", () => {
    expect(planSyncWindow(null, now)).toEqual({ postedFrom: new Date("2026-01-09T00:00:00Z"), postedTo: new Date("2026-03-10T00:00:00Z"), offset: 0 });
  });

  it("continues from the last window's end, less a day of overlap", () => {
    const plan = planSyncWindow({ postedFrom: "2026-01-09", postedTo: "2026-03-08", nextOffset: null }, now);
    expect(plan).toEqual({ postedFrom: new Date("2026-03-07T00:00:00Z"), postedTo: new Date("2026-03-10T00:00:00Z"), offset: 0 });
  });

  it("resumes a window the budget cut short at the offset it reached", () => {
    const plan = planSyncWindow({ postedFrom: "2026-01-09", postedTo: "2026-03-09", nextOffset: 3000 }, now);
    expect(plan).toEqual({ postedFrom: new Date("2026-01-09T00:00:00Z"), postedTo: new Date("2026-03-09T00:00:00Z"), offset: 3000 });
    expect(windowAfter(plan, null)).toEqual({ postedFrom: "2026-01-09", postedTo: "2026-03-09", nextOffset: null });
  });

  it("resumes from the start a window whose first request was refused", () => {
    const plan = planSyncWindow({ postedFrom: "2026-01-09", postedTo: "2026-03-09", nextOffset: 0 }, now);
    expect(plan).toEqual({ postedFrom: new Date("2026-01-09T00:00:00Z"), postedTo: new Date("2026-03-09T00:00:00Z"), offset: 0 });
  });

  it("never asks for more than a year", () => {
    const plan = planSyncWindow({ postedFrom: "2023-01-01", postedTo: "2024-01-01", nextOffset: null }, now);
    expect(plan.postedFrom).toEqual(new Date("2025-03-10T00:00:00Z"));
  });

  it("ignores a malformed stored window", () => {
    expect(readSyncWindow({ postedFrom: "yesterday", postedTo: "2026-03-01" })).toBeNull();
    expect(readSyncWindow("x")).toBeNull();
    expect(readSyncWindow({ postedFrom: "2026-03-01", postedTo: "2026-03-02", nextOffset: -4 })).toEqual({ postedFrom: "2026-03-01", postedTo: "2026-03-02", nextOffset: null });
  });
});
