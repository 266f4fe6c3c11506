/**
 * The outbound-control rule, pure: from a sending number's (or email domain's) recent
 * figures, slow it, pause it, keep it, or restore it one step.
 *
 * - Delivery under 85 % over the last 24 h, opt-outs over 2 %, or replies collapsing to under
 *   half of the baseline (the six days before those 24 h) slow the sender; far worse figures
 *   (delivery under 70 %, opt-outs over 5 %) or a breach while already at the slowest rate
 *   pause it.
 * - Nothing is judged on fewer than `minSample` messages: a handful of bad receipts says
 *   nothing about a number, so they never slow or pause it.
 * - Recovery is step by step: PAUSED -> SLOWED at `restoreFloorRate`, then the rate doubles
 *   each healthy run until it reaches 1 (ACTIVE). A paused sender sends nothing, so once its
 *   last 24 h hold too few messages to judge (the breach aged out), it goes back on probation
 *   at the floor rate; a slowed one with too few recent messages is judged on its 7 days.
 */

export type SenderStatusValue = "ACTIVE" | "SLOWED" | "PAUSED";
export type ThrottleAction = "keep" | "slow" | "pause" | "restore";

/** Counts over one window. `sent`: handed to the provider; `settled`: with a final receipt. */
export interface WindowCounts {
  sent: number;
  settled: number;
  delivered: number;
  replies: number;
  optOuts: number;
}

export interface SenderStats {
  status: SenderStatusValue;
  /** Share of the channel's daily cap share the sender may use: 1 active, 0 paused. */
  rate: number;
  last24h: WindowCounts;
  /** The last 7 days, the last 24 h included. */
  last7d: WindowCounts;
}

export interface ThrottlePolicy {
  minDeliveryRate: number;
  maxOptOutRate: number;
  /** Replies collapse when the 24 h reply rate falls under this share of the baseline's. */
  replyCollapseRatio: number;
  pauseDeliveryRate: number;
  pauseOptOutRate: number;
  /** Messages in the last 24 h (settled ones for delivery) before anything is judged. */
  minSample: number;
  /** Messages in the baseline before a reply collapse is judged. */
  minBaselineSample: number;
  /** A slowed sender's rate is multiplied by this on each further breach. */
  slowFactor: number;
  /** The slowest a sender goes before a further breach pauses it. */
  minRate: number;
  /** The rate a paused sender comes back at. */
  restoreFloorRate: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  minDeliveryRate: 0.85,
  maxOptOutRate: 0.02,
  replyCollapseRatio: 0.5,
  pauseDeliveryRate: 0.7,
  pauseOptOutRate: 0.05,
  minSample: 20,
  minBaselineSample: 50,
  slowFactor: 0.5,
  minRate: 0.125,
  restoreFloorRate: 0.25,
};

export interface ThrottleDecisionResult {
  action: ThrottleAction;
  status: SenderStatusValue;
  rate: number;
  reasons: string[];
}

export interface Rates {
  deliveryRate: number | null;
  replyRate: number | null;
  optOutRate: number | null;
}

/** Rates of one window; null where nothing was sent (or settled). */
export function ratesOf(counts: WindowCounts): Rates {
  return {
    deliveryRate: counts.settled > 0 ? counts.delivered / counts.settled : null,
    replyRate: counts.sent > 0 ? Math.min(1, counts.replies / counts.sent) : null,
    optOutRate: counts.sent > 0 ? Math.min(1, counts.optOuts / counts.sent) : null,
  };
}

const percent = (value: number) => `${(Math.round(value * 1000) / 10).toString()} %`;

interface Judgement {
  breaches: string[];
  severe: boolean;
  /** Enough messages to say the sender is healthy (and no breach). */
  healthy: boolean;
}

/** The six days before the last 24 h: the baseline the 24 h reply rate is held against. */
function baselineOf(stats: SenderStats): WindowCounts {
  const minus = (key: keyof WindowCounts) => Math.max(0, stats.last7d[key] - stats.last24h[key]);
  return { sent: minus("sent"), settled: minus("settled"), delivered: minus("delivered"), replies: minus("replies"), optOuts: minus("optOuts") };
}

/** Judges one window's counts against the thresholds, each only on a sufficient sample. */
function judge(counts: WindowCounts, baseline: WindowCounts | null, policy: ThrottlePolicy, span: string): Judgement {
  const breaches: string[] = [];
  let severe = false;
  const rates = ratesOf(counts);
  const deliveryJudged = counts.settled >= policy.minSample && rates.deliveryRate !== null;
  const volumeJudged = counts.sent >= policy.minSample;
  if (deliveryJudged && rates.deliveryRate! < policy.minDeliveryRate) {
    breaches.push(`Delivery over ${span} is ${percent(rates.deliveryRate!)}, under ${percent(policy.minDeliveryRate)}.`);
    if (rates.deliveryRate! < policy.pauseDeliveryRate) severe = true;
  }
  if (volumeJudged && rates.optOutRate! > policy.maxOptOutRate) {
    breaches.push(`Opt-outs over ${span} are ${percent(rates.optOutRate!)}, over ${percent(policy.maxOptOutRate)}.`);
    if (rates.optOutRate! > policy.pauseOptOutRate) severe = true;
  }
  const baselineRate = baseline && baseline.sent >= policy.minBaselineSample ? ratesOf(baseline).replyRate : null;
  if (volumeJudged && baselineRate !== null && baselineRate > 0 && rates.replyRate! < baselineRate * policy.replyCollapseRatio) {
    breaches.push(`Replies collapsed: ${percent(rates.replyRate!)} over ${span} against a baseline of ${percent(baselineRate)} the 6 days before.`);
  }
  return { breaches, severe, healthy: breaches.length === 0 && (deliveryJudged || volumeJudged) };
}

function clampRate(rate: number): number {
  return Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0;
}

function statusOfRate(rate: number): SenderStatusValue {
  return rate <= 0 ? "PAUSED" : rate >= 1 ? "ACTIVE" : "SLOWED";
}

/** Where a sender stands now, read defensively: a paused status always means rate 0. */
function currentOf(stats: SenderStats): { status: SenderStatusValue; rate: number } {
  if (stats.status === "PAUSED") return { status: "PAUSED", rate: 0 };
  const rate = clampRate(stats.rate);
  if (stats.status === "ACTIVE") return { status: "ACTIVE", rate: rate > 0 ? rate : 1 };
  return { status: rate >= 1 ? "ACTIVE" : rate <= 0 ? "PAUSED" : "SLOWED", rate };
}

function restoreStep(current: { status: SenderStatusValue; rate: number }, policy: ThrottlePolicy, why: string): ThrottleDecisionResult {
  const rate = current.status === "PAUSED" ? clampRate(policy.restoreFloorRate) : clampRate(Math.max(current.rate * 2, policy.restoreFloorRate));
  return { action: "restore", status: statusOfRate(rate), rate, reasons: [why] };
}

export function decideThrottle(stats: SenderStats, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY): ThrottleDecisionResult {
  const current = currentOf(stats);
  const recent = judge(stats.last24h, baselineOf(stats), policy, "the last 24 h");

  if (recent.breaches.length > 0) {
    if (current.status === "PAUSED") return { action: "keep", status: "PAUSED", rate: 0, reasons: ["Still paused.", ...recent.breaches] };
    const slower = clampRate(current.rate * policy.slowFactor);
    if (recent.severe || current.rate <= policy.minRate || slower < policy.minRate) {
      return { action: "pause", status: "PAUSED", rate: 0, reasons: recent.breaches };
    }
    return { action: "slow", status: "SLOWED", rate: slower, reasons: recent.breaches };
  }

  if (current.status === "ACTIVE") {
    return { action: "keep", status: "ACTIVE", rate: current.rate, reasons: recent.healthy ? ["Delivery, replies and opt-outs are within limits."] : [sampleNote(stats, policy)] };
  }
  if (recent.healthy) return restoreStep(current, policy, "Delivery, replies and opt-outs recovered over the last 24 h.");
  if (current.status === "PAUSED") {
    // Paused, the sender sends nothing: once its breach has aged out of the 24 h it goes on probation.
    return restoreStep(current, policy, "Paused for a full day with no new evidence: back at a reduced rate to measure again.");
  }
  const week = judge(stats.last7d, null, policy, "the last 7 days");
  if (week.healthy) return restoreStep(current, policy, "Too few messages in the last 24 h; the last 7 days are within limits.");
  return { action: "keep", status: current.status, rate: current.rate, reasons: week.breaches.length > 0 ? week.breaches : [sampleNote(stats, policy)] };
}

function sampleNote(stats: SenderStats, policy: ThrottlePolicy): string {
  return `Only ${stats.last24h.sent} message(s) in the last 24 h; at least ${policy.minSample} are needed to judge.`;
}
