import type { EngineLoad, EngineProfile, IntervalDecision } from "./types";

/*
 * Dynamic intervals: an engine speeds up when work piles up or arrives quickly, slows down
 * when idle, throttles when deliverability drops, and backs off while it keeps failing.
 * Every figure is clamped to the engine's own bounds.
 */

/** Backlog tiers: at least `atLeast` items waiting divides the interval by `speedup`. */
export const BACKLOG_TIERS = [
  { atLeast: 200, speedup: 16 },
  { atLeast: 50, speedup: 8 },
  { atLeast: 10, speedup: 4 },
  { atLeast: 1, speedup: 2 },
] as const;

/** Inbound velocity tiers, in deal emails taken in during the last hour. */
export const VELOCITY_TIERS = [
  { atLeast: 20, speedup: 8 },
  { atLeast: 5, speedup: 4 },
  { atLeast: 1, speedup: 2 },
] as const;

/** Reply-rate tiers: leads who answer bring more work back sooner. */
export const REPLY_RATE_TIERS = [
  { atLeast: 0.25, speedup: 4 },
  { atLeast: 0.1, speedup: 2 },
] as const;

/** Deliverability below these shares multiplies the interval (throttles sending). */
export const DELIVERY_THROTTLE = [
  { below: 0.8, slowdown: 4 },
  { below: 0.95, slowdown: 2 },
] as const;

/** Idle (no signal asks for speed): the interval grows to this multiple of the default. */
export const IDLE_SLOWDOWN = 4;
/** Consecutive failures double the interval each, up to 2^MAX_FAILURE_DOUBLINGS. */
export const MAX_FAILURE_DOUBLINGS = 5;

function tierSpeedup(value: number, tiers: readonly { atLeast: number; speedup: number }[]): number {
  return tiers.find((tier) => value >= tier.atLeast)?.speedup ?? 1;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The next interval for an engine under a load, and why, in words. */
export function decideInterval(engine: EngineProfile, load: EngineLoad): IntervalDecision {
  const { minSeconds, maxSeconds, defaultSeconds } = engine.bounds;
  const uses = (signal: EngineProfile["signals"][number]) => engine.signals.includes(signal);
  const reasons: string[] = [];

  let speedup = 1;
  if (uses("backlog") && load.backlog > 0) {
    speedup = Math.max(speedup, tierSpeedup(load.backlog, BACKLOG_TIERS));
    reasons.push(`${load.backlog} ${engine.backlogNoun}`);
  }
  if (uses("inboundVelocity") && load.inboundLastHour > 0) {
    speedup = Math.max(speedup, tierSpeedup(load.inboundLastHour, VELOCITY_TIERS));
    reasons.push(`${load.inboundLastHour} deal email(s) in the last hour`);
  }
  if (uses("replyRate") && load.replyRate !== null && tierSpeedup(load.replyRate, REPLY_RATE_TIERS) > 1) {
    speedup = Math.max(speedup, tierSpeedup(load.replyRate, REPLY_RATE_TIERS));
    reasons.push(`${percent(load.replyRate)} of messages get replies`);
  }

  let seconds = speedup > 1 ? defaultSeconds / speedup : defaultSeconds * IDLE_SLOWDOWN;
  if (speedup === 1) reasons.push("nothing waiting, slowing down");

  if (uses("deliveryRate") && load.deliveryRate !== null) {
    const throttle = DELIVERY_THROTTLE.find((t) => load.deliveryRate! < t.below);
    if (throttle) {
      seconds *= throttle.slowdown;
      reasons.push(`delivery rate ${percent(load.deliveryRate)}, throttling`);
    }
  }

  const failures = Math.max(0, Math.floor(load.consecutiveFailures));
  if (failures > 0) {
    seconds *= 2 ** Math.min(failures, MAX_FAILURE_DOUBLINGS);
    reasons.push(`${failures} consecutive failure(s), backing off`);
  }

  let intervalSeconds = Math.round(seconds);
  if (intervalSeconds <= minSeconds) {
    if (intervalSeconds < minSeconds) reasons.push(`held at the fastest allowed (${formatSeconds(minSeconds)})`);
    intervalSeconds = minSeconds;
  } else if (intervalSeconds >= maxSeconds) {
    if (intervalSeconds > maxSeconds) reasons.push(`held at the slowest allowed (${formatSeconds(maxSeconds)})`);
    intervalSeconds = maxSeconds;
  }
  const because = reasons.join("; ");
  return { intervalSeconds, reason: `Every ${formatSeconds(intervalSeconds)}: ${because.charAt(0).toUpperCase()}${because.slice(1)}` };
}

/** The interval a new engine starts with, before any load was measured. */
export function initialDecision(engine: EngineProfile): IntervalDecision {
  return { intervalSeconds: engine.bounds.defaultSeconds, reason: `Every ${formatSeconds(engine.bounds.defaultSeconds)}: Default pace, load not measured yet` };
}
