/**
 * The GovCon engine's pace. SAM.gov gives a key a small daily budget (10 requests for a
 * plain key), so the pace follows the budget and the deadlines the team cares about, not
 * the load measures of the other engines:
 *   - a day throttled by SAM.gov (429) waits until the budget resets (00:00 UTC);
 *   - a nearly spent budget (20% or less, or a single request, left) waits for the reset;
 *   - a tracked or pursued opportunity due within 24 h: every 30 min; within 72 h: hourly;
 *   - otherwise every 6 h;
 * consecutive failures double the interval each (up to 32x), all held within 15 min .. 24 h.
 * Pure.
 */
import { formatSeconds } from "@/lib/engines/orchestrator";
import type { IntervalBounds, IntervalDecision } from "@/lib/engines/types";

export const GOVCON_BOUNDS: IntervalBounds = { minSeconds: 15 * 60, maxSeconds: 24 * 60 * 60, defaultSeconds: 6 * 60 * 60 };

export const DEADLINE_TIERS = [
  { withinHours: 24, seconds: 30 * 60 },
  { withinHours: 72, seconds: 60 * 60 },
] as const;

/** A budget with this share or less left is nearly spent. */
export const LOW_BUDGET_SHARE = 0.2;
const MAX_FAILURE_DOUBLINGS = 5;
const HOUR_MS = 3_600_000;

export interface GovConPaceInput {
  now: Date;
  usage: { budget: number; left: number; exhaustedUntil: Date | null };
  /** The nearest response deadline still ahead among tracked and pursued opportunities. */
  nearestDeadline: Date | null;
  consecutiveFailures: number;
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

const hoursText = (ms: number) => {
  const hours = Math.max(0, Math.round(ms / HOUR_MS));
  return hours < 1 ? "less than an hour" : `${hours} h`;
};

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function decideGovConInterval(input: GovConPaceInput): IntervalDecision {
  const { now, usage, nearestDeadline } = input;
  const { minSeconds, maxSeconds, defaultSeconds } = GOVCON_BOUNDS;
  const reasons: string[] = [];
  let seconds: number;
  let waitsForReset = false;

  if (usage.exhaustedUntil && usage.exhaustedUntil > now) {
    seconds = Math.ceil((usage.exhaustedUntil.getTime() - now.getTime()) / 1000);
    reasons.push(`SAM.gov throttled the key (HTTP 429), so no request is made before ${usage.exhaustedUntil.toISOString().slice(0, 16).replace("T", " ")} UTC`);
    waitsForReset = true;
  } else if (usage.left <= 1 || usage.left <= usage.budget * LOW_BUDGET_SHARE) {
    seconds = Math.ceil((nextUtcMidnight(now).getTime() - now.getTime()) / 1000);
    reasons.push(`only ${usage.left} of today's ${usage.budget} SAM.gov requests left, so the next sync waits for the budget to reset at 00:00 UTC`);
    waitsForReset = true;
  } else {
    const msLeft = nearestDeadline ? nearestDeadline.getTime() - now.getTime() : null;
    const tier = msLeft !== null && msLeft > 0 ? DEADLINE_TIERS.find((t) => msLeft <= t.withinHours * HOUR_MS) : undefined;
    if (tier && msLeft !== null) {
      seconds = tier.seconds;
      reasons.push(`a tracked or pursued opportunity is due in ${hoursText(msLeft)}, within ${tier.withinHours} h`);
    } else {
      seconds = defaultSeconds;
      reasons.push(`no tracked or pursued opportunity is due within 72 h; ${usage.left} of today's ${usage.budget} SAM.gov requests left`);
    }
  }

  const failures = Math.max(0, Math.floor(input.consecutiveFailures));
  if (failures > 0 && !waitsForReset) {
    seconds *= 2 ** Math.min(failures, MAX_FAILURE_DOUBLINGS);
    reasons.push(`${failures} consecutive failure(s), backing off`);
  }

  let intervalSeconds = Math.round(seconds);
  if (intervalSeconds < minSeconds) {
    // A reset minutes away still waits the shortest interval: nothing is gained by polling sooner.
    if (!waitsForReset) reasons.push(`held at the fastest allowed (${formatSeconds(minSeconds)})`);
    intervalSeconds = minSeconds;
  } else if (intervalSeconds > maxSeconds) {
    reasons.push(`held at the slowest allowed (${formatSeconds(maxSeconds)})`);
    intervalSeconds = maxSeconds;
  }
  return { intervalSeconds, reason: `Every ${formatSeconds(intervalSeconds)}: ${capitalized(reasons.join("; "))}` };
}
