// Sign-in attempts are kept per email, IP and device, before any workspace is known: a global
// model that only the root client reaches.
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * The sign-in throttle. Nothing here can lock an account for everyone: failures slow down
 * only the (account, source) pair that made them, where the source is the signed device
 * cookie when the browser holds one for this account, otherwise the client's IP.
 *
 * - A pair gets `freeFailures` wrong passwords; after that each attempt must wait
 *   `baseDelaySeconds` doubled per further failure (30 s, 1 min, 2 min... up to
 *   `maxDelaySeconds`) since the pair's last failure. Waiting it out is enough: no captcha.
 * - One IP gets `maxIpFailures` failures across all accounts per `ipWindowMinutes`, then its
 *   unknown devices wait for the window to pass. Known devices are exempt, so an attacker
 *   behind the same address cannot keep the owner out.
 * - A success resets its pair; failures older than `pairWindowHours` are forgotten.
 */
export const LOGIN_THROTTLE = {
  freeFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  pairWindowHours: 24,
  ipWindowMinutes: 15,
  maxIpFailures: 20,
} as const;

export type ThrottleLimits = { [K in keyof typeof LOGIN_THROTTLE]: number };

export interface ThrottleState {
  /** Failures of this (account, source) pair since its last success, inside the pair window. */
  pairFailures: number;
  lastPairFailureAt: Date | null;
  /** Failures from this IP over every account inside the IP window (unknown devices only). */
  ipFailures: number;
  knownDevice: boolean;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: "pair" | "ip"; retryAfterSeconds: number };

/** Seconds a pair must wait after its last failure, given how many it has made. */
export function backoffSeconds(pairFailures: number, limits: ThrottleLimits = LOGIN_THROTTLE): number {
  if (pairFailures < limits.freeFailures) return 0;
  const doublings = pairFailures - limits.freeFailures;
  // 2^30 already dwarfs any cap; clamping keeps the arithmetic finite.
  return Math.min(limits.baseDelaySeconds * 2 ** Math.min(doublings, 30), limits.maxDelaySeconds);
}

/** Pure rule: may this attempt reach the password check now? */
export function evaluateLoginThrottle(state: ThrottleState, now: Date, limits: ThrottleLimits = LOGIN_THROTTLE): ThrottleVerdict {
  const delay = backoffSeconds(state.pairFailures, limits);
  if (delay > 0 && state.lastPairFailureAt) {
    const waited = (now.getTime() - state.lastPairFailureAt.getTime()) / 1000;
    if (waited < delay) return { allowed: false, reason: "pair", retryAfterSeconds: Math.max(1, Math.ceil(delay - waited)) };
  }
  if (!state.knownDevice && state.ipFailures >= limits.maxIpFailures) {
    return { allowed: false, reason: "ip", retryAfterSeconds: limits.ipWindowMinutes * 60 };
  }
  return { allowed: true };
}

/** "30 seconds", "2 minutes": how long the person must wait, for the sign-in form. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export interface AttemptSource {
  email: string;
  ip: string;
  /** The device id from a valid device cookie for this account, or null. */
  deviceId: string | null;
}

/** Where clause of one (account, source) pair: the device when known, otherwise the IP. */
function pairWhere(source: AttemptSource) {
  return source.deviceId
    ? { email: source.email, deviceId: source.deviceId }
    : { email: source.email, ip: source.ip, deviceId: null };
}

/**
 * The throttle state of an attempt already recorded as `attemptId`, counting every other
 * attempt (finished or in flight), so concurrent guesses see each other.
 */
export async function loadThrottleState(
  prisma: PrismaClient,
  source: AttemptSource,
  attemptId: string,
  now = new Date(),
  limits: ThrottleLimits = LOGIN_THROTTLE,
): Promise<ThrottleState> {
  const pairSince = new Date(now.getTime() - limits.pairWindowHours * 3_600_000);
  const ipSince = new Date(now.getTime() - limits.ipWindowMinutes * 60_000);
  const pair = pairWhere(source);
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { ...pair, success: true, createdAt: { gte: pairSince } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess ? lastSuccess.createdAt : pairSince;
  const failureWhere = { ...pair, success: false, createdAt: { gt: since }, id: { not: attemptId } };
  const [pairFailures, lastFailure, ipFailures] = await Promise.all([
    prisma.loginAttempt.count({ where: failureWhere }),
    prisma.loginAttempt.findFirst({ where: failureWhere, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
    prisma.loginAttempt.count({ where: { ip: source.ip, deviceId: null, success: false, createdAt: { gte: ipSince }, id: { not: attemptId } } }),
  ]);
  return { pairFailures, lastPairFailureAt: lastFailure?.createdAt ?? null, ipFailures, knownDevice: source.deviceId !== null };
}

export async function recordLoginAttempt(prisma: PrismaClient, source: AttemptSource) {
  return prisma.loginAttempt.create({ data: { email: source.email, ip: source.ip, deviceId: source.deviceId, success: false }, select: { id: true } });
}

export async function markLoginSucceeded(prisma: PrismaClient, attemptId: string) {
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

/** A refused attempt never reached the password check: it must not lengthen the wait. */
export async function forgetLoginAttempt(prisma: PrismaClient, attemptId: string) {
  await prisma.loginAttempt.delete({ where: { id: attemptId } });
}
