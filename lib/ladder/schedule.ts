/**
 * When each ladder step falls due: the start plus the step's delay, moved forward to the
 * next moment the lead's contact window is open for that step's channel, and spaced from the
 * touches before it (see spacingFloor). Pure; fails closed: a step with no policy, a refused
 * channel or score, or no open window within the horizon is skipped with its reason, never
 * scheduled outside the window.
 */
import { isContactAllowed, maxTouchesPer24HoursOf, nextAllowedInstant, type ContactReason, type PolicyRecord } from "@/lib/policy";
import type { LadderChannel } from "./schema";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Two touches of one lead are never closer than this, whatever the ladder's delays say. */
export const MIN_STEP_GAP_MINUTES = 30;
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
  // A mail piece reaches the lead days later, whatever the hour it is handed over: contact
  // windows do not apply; the direct-mail service's own gates (do-not-contact, the area's
  // blacklist, the address, the budget) judge it when it runs.
  if (channel === "MAIL") return { dueAt: from };
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

/** A touch of the lead, made or planned: when (epoch ms) and the delay of the step that made it. */
export interface PriorTouch {
  at: number;
  delayMinutes: number;
}

/**
 * The earliest instant a step may fall due after the lead's earlier touches (in time order):
 * - its own gap after the last touch: its delay minus that step's delay, never under
 *   MIN_STEP_GAP_MINUTES, so steps bunched by a closed window are spread out again;
 * - no more than `cap` touches in any 24 hours: with k >= cap touches in the 24 hours before
 *   it, the step waits until the (k - cap + 1)-th of them is 24 hours old. A span is half-open,
 *   so a touch exactly 24 hours after another starts the next span.
 */
export function spacingFloor(delayMinutes: number, earlier: readonly PriorTouch[], cap: number): number {
  if (earlier.length === 0) return Number.NEGATIVE_INFINITY;
  const last = earlier[earlier.length - 1];
  let floor = last.at + Math.max(MIN_STEP_GAP_MINUTES, delayMinutes - last.delayMinutes) * MINUTE_MS;
  const recent = earlier.filter((touch) => touch.at > floor - DAY_MS);
  const allowed = Math.max(1, cap);
  if (recent.length >= allowed) floor = Math.max(floor, recent[recent.length - allowed].at + DAY_MS);
  return floor;
}

/**
 * The due instant of a step asked at `from`, spaced from the earlier touches: the spacing
 * floor first, then the window (which only moves it later, so the spacing holds).
 */
export function spacedDueInstant(from: Date, plan: StepPlan, earlier: readonly PriorTouch[], context: PolicyContext): ReturnType<typeof dueInstant> {
  const floor = spacingFloor(plan.delayMinutes, earlier, maxTouchesPer24HoursOf(context.policy));
  return dueInstant(new Date(Math.max(from.getTime(), floor)), plan.channel, context);
}

export interface ScheduleOptions {
  /** The lead's touches before the first of `steps` (a running ladder's steps already run), in time order. */
  earlier?: readonly PriorTouch[];
  /** Nothing is due before this instant (a running ladder re-planned now). */
  notBefore?: Date;
  /** The number of the first of `steps` (1 for a whole ladder). */
  firstStep?: number;
}

/**
 * Every step's due instant. Steps keep their order and their spacing: a step is never due
 * before the step before it plus its gap, nor past the policy's touches in 24 hours, even
 * when its channel's window opens earlier. A skipped step is no touch.
 */
export function scheduleLadder(start: Date, steps: readonly StepPlan[], context: PolicyContext, options: ScheduleOptions = {}): ScheduledStep[] {
  const scheduled: ScheduledStep[] = [];
  const touches: PriorTouch[] = [...(options.earlier ?? [])];
  const notBefore = options.notBefore?.getTime() ?? Number.NEGATIVE_INFINITY;
  const firstStep = options.firstStep ?? 1;
  steps.forEach((plan, index) => {
    const nominalAt = new Date(start.getTime() + plan.delayMinutes * MINUTE_MS);
    const from = new Date(Math.max(nominalAt.getTime(), notBefore));
    const due = spacedDueInstant(from, plan, touches, context);
    const step = firstStep + index;
    if (due.dueAt === null) {
      scheduled.push({ step, channel: plan.channel, nominalAt, dueAt: null, skipped: true, reason: due.reason, detail: due.detail });
      return;
    }
    touches.push({ at: due.dueAt.getTime(), delayMinutes: plan.delayMinutes });
    scheduled.push({ step, channel: plan.channel, nominalAt, dueAt: due.dueAt, skipped: false });
  });
  return scheduled;
}
