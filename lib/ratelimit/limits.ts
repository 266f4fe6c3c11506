/**
 * Where the token buckets apply: per API key and per signed-in user at the rate of the
 * workspace's plan, and per client address on the public endpoints. A refusal throws
 * LimitExceededError, which every route answers as 429 with Retry-After.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { LimitExceededError } from "@/lib/errors";
import { clientIpOf } from "@/lib/http/client-ip";
import { PLAN_LIMITS, PUBLIC_IP_RATES, type RatePolicy } from "@/lib/plans/plans";
import { getTenantPlan } from "@/lib/tenants/plan";
import type { TakeResult } from "./bucket";
import { takeRateLimitToken } from "./store";

export type PublicEndpoint = keyof typeof PUBLIC_IP_RATES;

const LIMIT_NAMES = { "api-key": "this API key", user: "your account", ip: "this address" } as const;

/** The refusal for a bucket that said no: names the limit and when to retry. */
export function rateLimitExceeded(name: string, subject: keyof typeof LIMIT_NAMES, policy: RatePolicy, result: TakeResult, nowMs: number): LimitExceededError {
  const perMinute = Math.round(policy.refillPerSecond * 60);
  return new LimitExceededError(
    `Too many requests from ${LIMIT_NAMES[subject]}: the limit is ${policy.capacity} at once and ${perMinute} a minute after that. Retry in ${result.retryAfterSeconds} s.`,
    { kind: "rate", name, limit: policy.capacity, resetsAt: new Date(nowMs + result.retryAfterSeconds * 1000).toISOString() },
    result.retryAfterSeconds,
  );
}

async function enforce(key: string, name: string, subject: keyof typeof LIMIT_NAMES, policy: RatePolicy, nowMs = Date.now()): Promise<void> {
  const result = await takeRateLimitToken(key, policy, 1, nowMs);
  if (!result.granted) throw rateLimitExceeded(name, subject, policy, result, nowMs);
}

/** One request of an API key, at its workspace plan's rate. */
export async function limitApiKey(db: TenantDb, keyId: string): Promise<void> {
  const plan = await getTenantPlan(db);
  await enforce(`api-key:${keyId}`, "api-key", "api-key", PLAN_LIMITS[plan].apiKeyRate);
}

/** One request (REST route or server action) of a signed-in user, at the current workspace plan's rate. */
export async function limitSignedInUser(db: TenantDb, userId: string): Promise<void> {
  const plan = await getTenantPlan(db);
  await enforce(`user:${userId}`, "user", "user", PLAN_LIMITS[plan].userRate);
}

/** One request to a public endpoint from the request's client address (clientIpOf: X-Forwarded-For only from trusted proxies). */
export async function limitClientIp(endpoint: PublicEndpoint, headers: Headers): Promise<void> {
  await enforce(`ip:${endpoint}:${clientIpOf(headers)}`, `ip:${endpoint}`, "ip", PUBLIC_IP_RATES[endpoint]);
}

/** For pages, which cannot answer 429: the refusal's message, or null when the request may go on. */
export async function clientIpRefusal(endpoint: PublicEndpoint, headers: Headers): Promise<LimitExceededError | null> {
  try {
    await limitClientIp(endpoint, headers);
    return null;
  } catch (error) {
    if (error instanceof LimitExceededError) return error;
    throw error;
  }
}
