/**
 * Users and sign-in attempts are global (one account, several workspaces), so sign-in reads
 * and writes them through the root client.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { ExpectedError } from "@/lib/errors";
import { verifyDecoy, verifyPassword } from "./password";
import { countRecentFailures, evaluateLoginThrottle, markLoginSucceeded, recordLoginAttempt } from "./throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  defaultTenantId: string | null;
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
 * Checks a password sign-in. Throttled per account and per IP before the password is
 * even checked, so a locked-out attacker learns nothing from further guesses.
 */
export async function authenticate(
  prisma: PrismaClient,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticatedUser> {
  const email = normalizeEmail(input.email);
  // The attempt is recorded as a failure before it is counted and checked, so concurrent
  // guesses see each other and cannot slip past the limit together.
  const attempt = await recordLoginAttempt(prisma, email, input.ip, false);
  const failures = await countRecentFailures(prisma, email, input.ip);
  const verdict = evaluateLoginThrottle({ account: failures.account - 1, ip: failures.ip - 1 });
  if (!verdict.allowed) {
    throw new ExpectedError(
      "rate_limited",
      `Too many failed sign-ins. Try again in ${verdict.retryAfterMinutes} minutes.`,
    );
  }
  const user = await prisma.user.findUnique({
    where: { email },
    include: { memberships: { orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDecoy(input.password);
  if (valid) await markLoginSucceeded(prisma, attempt.id);
  if (!user || !valid) throw new ExpectedError("unauthorized", "Email or password is incorrect.");
  return { id: user.id, email: user.email, name: user.name, defaultTenantId: user.memberships[0]?.tenantId ?? null };
}
