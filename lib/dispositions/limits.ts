/**
 * The per-link rate limit of a buyer deal page, on top of the per-address one every public
 * page has: a link forwarded around (or scripted) cannot flood the deal's feedback.
 */
import { LimitExceededError } from "@/lib/errors";
import type { RatePolicy } from "@/lib/plans/plans";
import { takeRateLimitToken } from "@/lib/ratelimit/store";

/** 30 requests at once, then one every 2 s: far above a person reading and answering. */
export const BUYER_LINK_RATE: RatePolicy = { capacity: 30, refillPerSecond: 0.5 };

export async function limitBuyerLink(linkId: string, nowMs = Date.now()): Promise<void> {
  const result = await takeRateLimitToken(`buyer-link:${linkId}`, BUYER_LINK_RATE, 1, nowMs);
  if (result.granted) return;
  throw new LimitExceededError(
    `Too many requests on this link. Retry in ${result.retryAfterSeconds} s.`,
    { kind: "rate", name: "buyer-link", limit: BUYER_LINK_RATE.capacity, resetsAt: new Date(nowMs + result.retryAfterSeconds * 1000).toISOString() },
    result.retryAfterSeconds,
  );
}
