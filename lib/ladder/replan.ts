/**
 * A running ladder's spacing, read from its stored steps: the touches already made and the
 * re-planned due instants of the steps still to run. Pure.
 */
import { scheduleLadder, type PolicyContext, type PriorTouch } from "./schedule";
import type { LadderStepState, StepState } from "./state";

/** Step outcomes that reached (or may have reached) the lead: a failed send counts, to stay on the safe side. */
const TOUCH_STATES: ReadonlySet<StepState> = new Set(["sent", "task_created", "failed"]);

/** The touches the given steps made, in time order, at the instant each ran for. */
export function touchesOf(steps: readonly LadderStepState[]): PriorTouch[] {
  return steps
    .filter((s) => TOUCH_STATES.has(s.state) && s.dueAt)
    .map((s) => ({ at: Date.parse(s.dueAt!), delayMinutes: s.delayMinutes }))
    .filter((t) => Number.isFinite(t.at))
    .sort((a, b) => a.at - b.at);
}

/**
 * The steps with those from `fromIndex` on re-planned after the steps before it ran: each
 * still-scheduled step gets the due instant its gap, the touch cap and the window give from
 * the earlier steps' actual times, never before `now`. Steps that ran, or were skipped, keep
 * what they say.
 */
export function replanPendingSteps(
  steps: readonly LadderStepState[],
  fromIndex: number,
  startedAt: Date,
  context: PolicyContext,
  now: Date,
): LadderStepState[] {
  const pending = steps.slice(fromIndex);
  if (pending.length === 0) return [...steps];
  const schedule = scheduleLadder(startedAt, pending, context, { earlier: touchesOf(steps.slice(0, fromIndex)), notBefore: now, firstStep: fromIndex + 1 });
  return steps.map((step, i) => {
    if (i < fromIndex || step.state !== "scheduled") return step;
    const planned = schedule[i - fromIndex];
    return planned.dueAt ? { ...step, dueAt: planned.dueAt.toISOString() } : step;
  });
}
