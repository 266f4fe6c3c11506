import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISPATCH_BACKOFF_BASE_MS, DISPATCH_BACKOFF_CAP_MS, dispatchBackoffMs } from "@/lib/events/backoff";
import { deriveEngineStatus, failureVerdict, isOverdue, isRunInFlight, isScheduledRunCurrent, OVERDUE_GRACE_MS, STALE_RUN_MS } from "@/lib/engines/rules";

describe("engine status", () => {
  const base = { paused: false, running: false, consecutiveFailures: 0, escalatedAt: null };
  it.each([
    [{}, "idle"],
    [{ consecutiveFailures: 1 }, "failing"],
    [{ consecutiveFailures: 3, escalatedAt: new Date() }, "escalated"],
    [{ running: true, consecutiveFailures: 3, escalatedAt: new Date() }, "running"],
    [{ paused: true, running: true, consecutiveFailures: 3 }, "paused"],
  ] as const)("%o is %s", (input, status) => {
    expect(deriveEngineStatus({ ...base, ...input })).toBe(status);
  });

  it("a RUNNING run counts as in flight until it is stale", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(isRunInFlight({ outcome: "RUNNING", startedAt: new Date(now.getTime() - 1000) }, now)).toBe(true);
    expect(isRunInFlight({ outcome: "RUNNING", startedAt: new Date(now.getTime() - STALE_RUN_MS) }, now)).toBe(false);
    expect(isRunInFlight({ outcome: "OK", startedAt: now }, now)).toBe(false);
    expect(isRunInFlight(null, now)).toBe(false);
  });
});

describe("failure escalation", () => {
  it("escalates exactly once, on the failure that reaches the threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 40 }), (threshold, failures) => {
        let count = 0;
        let escalated = false;
        let escalations = 0;
        for (let i = 0; i < failures; i += 1) {
          const verdict = failureVerdict(count, threshold, escalated);
          count = verdict.consecutiveFailures;
          if (verdict.escalate) {
            escalations += 1;
            escalated = true;
            expect(count).toBe(threshold);
          }
        }
        expect(escalations).toBe(failures >= threshold ? 1 : 0);
      }),
    );
  });
});

describe("schedules", () => {
  it("a scheduled run is current only for the stored next run", () => {
    const next = new Date("2026-11-23T12:15:00Z");
    expect(isScheduledRunCurrent(next.toISOString(), next)).toBe(true);
    expect(isScheduledRunCurrent("2026-11-23T12:10:00.000Z", next)).toBe(false);
    expect(isScheduledRunCurrent(undefined, next)).toBe(false);
    expect(isScheduledRunCurrent(next.toISOString(), null)).toBe(false);
  });

  it("an engine is overdue when never scheduled or past the grace period", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(isOverdue(null, now)).toBe(true);
    expect(isOverdue(new Date(now.getTime() - OVERDUE_GRACE_MS + 1), now)).toBe(false);
    expect(isOverdue(new Date(now.getTime() - OVERDUE_GRACE_MS - 1), now)).toBe(true);
    expect(isOverdue(new Date(now.getTime() + 60_000), now)).toBe(false);
  });
});

describe("dispatch backoff", () => {
  it("doubles from the base and never exceeds the cap", () => {
    expect([1, 2, 3, 4].map(dispatchBackoffMs)).toEqual([2000, 4000, 8000, 16000]);
    expect(dispatchBackoffMs(1)).toBe(DISPATCH_BACKOFF_BASE_MS);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (attempts) => {
        const wait = dispatchBackoffMs(attempts);
        expect(wait).toBeGreaterThanOrEqual(DISPATCH_BACKOFF_BASE_MS);
        expect(wait).toBeLessThanOrEqual(DISPATCH_BACKOFF_CAP_MS);
        expect(dispatchBackoffMs(attempts + 1)).toBeGreaterThanOrEqual(wait);
      }),
    );
  });
});

describe("dispatcher loop setting", () => {
  it("defaults to every 5 s, can be tuned, and can be turned off", async () => {
    const { dispatcherLoopIntervalMs } = await import("@/lib/events/dispatch-runtime");
    expect(dispatcherLoopIntervalMs({} as NodeJS.ProcessEnv)).toBe(5000);
    expect(dispatcherLoopIntervalMs({ OUTBOX_DISPATCH_INTERVAL_MS: "2000" } as unknown as NodeJS.ProcessEnv)).toBe(2000);
    expect(dispatcherLoopIntervalMs({ OUTBOX_DISPATCH_INTERVAL_MS: "10" } as unknown as NodeJS.ProcessEnv)).toBe(5000);
    expect(dispatcherLoopIntervalMs({ OUTBOX_DISPATCHER: "0" } as unknown as NodeJS.ProcessEnv)).toBeNull();
  });
});
