/**
 * The token bucket, as a pure rule. A bucket holds up to `capacity` tokens and gains
 * `refillPerSecond` tokens a second; a request takes `cost` tokens or is refused. Refused
 * requests take nothing, so a client that keeps retrying is served as soon as it may be.
 * The SQL store (store.ts) computes exactly this in one statement.
 */
import type { RatePolicy } from "@/lib/plans/plans";

export interface BucketState {
  tokens: number;
  /** Epoch milliseconds of the last take. */
  refilledAtMs: number;
}

export interface TakeResult {
  granted: boolean;
  state: BucketState;
  /** Whole tokens left after this take. */
  remaining: number;
  /** Seconds until `cost` tokens are there again (0 when granted); the Retry-After header. */
  retryAfterSeconds: number;
}

/** Tokens in the bucket at `nowMs`: what was left plus the refill, never above capacity. A clock going back refills nothing. */
export function levelAt(state: BucketState | null, policy: RatePolicy, nowMs: number): number {
  if (!state) return policy.capacity;
  const elapsedSeconds = Math.max(0, nowMs - state.refilledAtMs) / 1000;
  return Math.min(policy.capacity, state.tokens + elapsedSeconds * policy.refillPerSecond);
}

/**
 * Whole seconds from `nowMs` until the bucket holds `cost` tokens, rounded up so a retry then
 * is granted. Counted from the bucket's own instant, which is later than `nowMs` when this
 * server's clock is behind the one that took last.
 */
export function secondsUntil(state: BucketState, cost: number, policy: RatePolicy, nowMs: number): number {
  if (state.tokens >= cost) return 0;
  return Math.ceil(Math.max(0, state.refilledAtMs - nowMs) / 1000 + (cost - state.tokens) / policy.refillPerSecond);
}

export function takeToken(state: BucketState | null, policy: RatePolicy, nowMs: number, cost = 1): TakeResult {
  const level = levelAt(state, policy, nowMs);
  const refilledAtMs = Math.max(nowMs, state?.refilledAtMs ?? nowMs);
  if (level >= cost) {
    const tokens = level - cost;
    return { granted: true, state: { tokens, refilledAtMs }, remaining: Math.floor(tokens), retryAfterSeconds: 0 };
  }
  const kept = { tokens: level, refilledAtMs };
  return { granted: false, state: kept, remaining: Math.floor(level), retryAfterSeconds: secondsUntil(kept, cost, policy, nowMs) };
}
