/**
 * Users and sign-in attempts are global (one account, several workspaces), so sign-in reads
 * and writes them through the root client.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors";
import { verifyDecoy, verifyPassword } from "./password";
import { describeWait, evaluateLoginThrottle, forgetLoginAttempt, loadThrottleState, markLoginSucceeded, recordLoginAttempt } from "./throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  defaultTenantId: string | null;
  /** Sessions carry it; a password change bumps it and so ends every older session. */
  sessionVersion: number;
}

/** Whether someone already has an account under this address (an invitation then asks for its password). */
export async function accountExists(email: string): Promise<boolean> {
  const prisma = await getPrisma();
  return Boolean(await prisma.user.findUnique({ where: { email }, select: { id: true } }));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password sign-in. Throttled per (account, device or IP) before the password is
 * even checked, so a slowed-down attacker learns nothing from further guesses, and per IP
 * across accounts (see throttle.ts for the policy).
 */
export async function authenticate(
  prisma: PrismaClient,
  input: { email: string; password: string; ip: string; deviceId?: string | null },
  now = new Date(),
): Promise<AuthenticatedUser> {
  const email = normalizeEmail(input.email);
  const source = { email, ip: input.ip, deviceId: input.deviceId ?? null };
  // The attempt is recorded as a failure before the others are counted, so concurrent
  // guesses see each other and cannot slip past the limit together.
  const attempt = await recordLoginAttempt(prisma, source);
  const verdict = evaluateLoginThrottle(await loadThrottleState(prisma, source, attempt.id, now), now);
  if (!verdict.allowed) {
    await forgetLoginAttempt(prisma, attempt.id);
    const wait = describeWait(verdict.retryAfterSeconds);
    throw new ExpectedError(
      "rate_limited",
      verdict.reason === "pair"
        ? `Too many failed sign-ins from here. Try again in ${wait}.`
        : `Too many failed sign-ins from your network. Try again in ${wait}, or from a device you have signed in with before.`,
    );
  }
  const user = await prisma.user.findUnique({
    where: { email },
    include: { memberships: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDecoy(input.password);
  if (valid) await markLoginSucceeded(prisma, attempt.id);
  if (!user || !valid) throw new ExpectedError("unauthorized", "Email or password is incorrect.");
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    defaultTenantId: user.memberships[0]?.tenantId ?? null,
    sessionVersion: user.sessionVersion,
  };
}
