/**
 * When each ladder step falls due: the start plus the step's delay, moved forward to the
 * next moment the lead's contact window is open for that step's channel. Pure; fails
 * closed: a step with no policy, a refused channel or score, or no open window within the
 * horizon is skipped with its reason, never scheduled outside the window.
 */
import { isContactAllowed, nextAllowedInstant, type ContactReason, type PolicyRecord } from "@/lib/policy";
import type { LadderChannel } from "./schema";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far past its nominal time a step may be moved; weekly windows repeat within 8 days. */
export const SCHEDULE_HORIZON_DAYS = 14;

export interface PolicyContext {
  policy: PolicyRecord | null;
  /** The lead's zone, or every zone of its region when only the region is known. */
  timeZones: readonly string[];
  score: number | null;
}

export interface StepPlan {
  channel: LadderChannel;
  delayMinutes: number;
}

export type SkipReason = Exclude<ContactReason, "within_window" | "outside_window" | "closed_today"> | "no_open_window";

export type ScheduledStep =
  | { step: number; channel: LadderChannel; nominalAt: Date; dueAt: Date; skipped: false }
  | { step: number; channel: LadderChannel; nominalAt: Date; dueAt: null; skipped: true; reason: SkipReason; detail: string };

/**
 * The due instant of one step asked at `from` (its nominal time, or later when re-checked):
 * the first allowed instant at or after `from` within the horizon, or why there is none.
 */
export function dueInstant(
  from: Date,
  channel: LadderChannel,
  context: PolicyContext,
): { dueAt: Date } | { dueAt: null; reason: SkipReason; detail: string } {
  const asked = isContactAllowed({ policy: context.policy, timeZones: context.timeZones, at: from, channel, score: context.score });
  if (asked.ok) return { dueAt: from };
  if (asked.reason !== "outside_window" && asked.reason !== "closed_today") {
    return { dueAt: null, reason: asked.reason as SkipReason, detail: asked.detail ?? asked.reason };
  }
  const limit = from.getTime() + SCHEDULE_HORIZON_DAYS * DAY_MS;
  let cursor = from;
  // nextAllowedInstant looks 8 days ahead; two looks cover the horizon.
  while (cursor.getTime() < limit) {
    const next = nextAllowedInstant(context.policy, context.timeZones, cursor, channel);
    if (next && next.getTime() <= limit) return { dueAt: next };
    if (next) break;
    cursor = new Date(cursor.getTime() + 7 * DAY_MS);
  }
  return { dueAt: null, reason: "no_open_window", detail: `No ${channel} contact window opens within ${SCHEDULE_HORIZON_DAYS} days` };
}

/**
 * Every step's due instant. Steps keep their order: a step is never due before the step
 * before it, even when its channel's window opens earlier.
 */
export function scheduleLadder(start: Date, steps: readonly StepPlan[], context: PolicyContext): ScheduledStep[] {
  const scheduled: ScheduledStep[] = [];
  let floor = start.getTime();
  steps.forEach((plan, index) => {
    const nominalAt = new Date(start.getTime() + plan.delayMinutes * MINUTE_MS);
    const from = new Date(Math.max(nominalAt.getTime(), floor));
    const due = dueInstant(from, plan.channel, context);
    if (due.dueAt === null) {
      scheduled.push({ step: index + 1, channel: plan.channel, nominalAt, dueAt: null, skipped: true, reason: due.reason, detail: due.detail });
      return;
    }
    floor = due.dueAt.getTime();
    scheduled.push({ step: index + 1, channel: plan.channel, nominalAt, dueAt: due.dueAt, skipped: false });
  });
  return scheduled;
}
