/** Pure rules about an engine's health, shared by the runner, the failure handler and the page. */

export type EngineStatus = "paused" | "running" | "escalated" | "failing" | "idle";

/** A run still RUNNING after this long was cut off (process killed) and no longer blocks. */
export const STALE_RUN_MS = 15 * 60_000;

export function isRunInFlight(run: { outcome: string; startedAt: Date } | null | undefined, now: Date): boolean {
  return !!run && run.outcome === "RUNNING" && now.getTime() - run.startedAt.getTime() < STALE_RUN_MS;
}

export function deriveEngineStatus(input: {
  paused: boolean;
  running: boolean;
  consecutiveFailures: number;
  escalatedAt: Date | null;
}): EngineStatus {
  if (input.paused) return "paused";
  if (input.running) return "running";
  if (input.escalatedAt) return "escalated";
  if (input.consecutiveFailures > 0) return "failing";
  return "idle";
}

export interface FailureVerdict {
  consecutiveFailures: number;
  /** True once: the failure that reaches the threshold. Later failures alert, not escalate again. */
  escalate: boolean;
}

export function failureVerdict(previousFailures: number, threshold: number, alreadyEscalated: boolean): FailureVerdict {
  const consecutiveFailures = previousFailures + 1;
  return { consecutiveFailures, escalate: !alreadyEscalated && consecutiveFailures >= Math.max(1, threshold) };
}

/**
 * A scheduled run is current when it was scheduled for the engine's stored next run.
 * A stale one (its chain was replaced by the safety net) ends without rescheduling, so
 * an engine never has two schedules at once.
 */
export function isScheduledRunCurrent(scheduledFor: string | undefined, nextRunAt: Date | null): boolean {
  if (!scheduledFor || !nextRunAt) return false;
  return Math.abs(new Date(scheduledFor).getTime() - nextRunAt.getTime()) < 1000;
}

/** An engine whose next run is this late has lost its schedule; the safety-net cron restarts it. */
export const OVERDUE_GRACE_MS = 2 * 60_000;

export function isOverdue(nextRunAt: Date | null, now: Date): boolean {
  return !nextRunAt || now.getTime() - nextRunAt.getTime() > OVERDUE_GRACE_MS;
}
