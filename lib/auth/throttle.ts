// Sign-in attempts are kept per email and IP, before any workspace is known: a global model
// that only the root client reaches.
import type { PrismaClient } from "@/generated/prisma/client";

/** Failed sign-ins allowed per window before the account or the address is locked out. */
export const LOGIN_THROTTLE = { windowMinutes: 15, maxAccountFailures: 5, maxIpFailures: 20 } as const;

export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: "account" | "ip"; retryAfterMinutes: number };

/** Pure rule: given recent failures, may this attempt proceed? */
export function evaluateLoginThrottle(
  failures: { account: number; ip: number },
  limits: typeof LOGIN_THROTTLE = LOGIN_THROTTLE,
): ThrottleVerdict {
  if (failures.account >= limits.maxAccountFailures) {
    return { allowed: false, reason: "account", retryAfterMinutes: limits.windowMinutes };
  }
  if (failures.ip >= limits.maxIpFailures) {
    return { allowed: false, reason: "ip", retryAfterMinutes: limits.windowMinutes };
  }
  return { allowed: true };
}

export async function countRecentFailures(prisma: PrismaClient, email: string, ip: string, now = new Date()) {
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
  // A success resets the account's count: only failures after the last success count.
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [account, ipCount] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, success: false, createdAt: { gt: accountSince } } }),
    prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return { account, ip: ipCount };
}

export async function recordLoginAttempt(prisma: PrismaClient, email: string, ip: string, success: boolean) {
  return prisma.loginAttempt.create({ data: { email, ip, success }, select: { id: true } });
}

export async function markLoginSucceeded(prisma: PrismaClient, attemptId: string) {
  await prisma.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
