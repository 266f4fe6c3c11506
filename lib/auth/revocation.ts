// Users and revoked sessions are global, hence the root client.
import type { PrismaClient } from "@/generated/prisma/client";

/**
 * Sessions are signed tokens the server does not store, so ending one early takes a record:
 * - sign-out revokes that one session by its id (other devices stay signed in), kept until
 *   the token would have expired anyway;
 * - a password change bumps the user's session version, which ends every session at once.
 */
export async function revokeSession(prisma: PrismaClient, session: { sid: string; userId: string; expiresAt: Date }, now = new Date()) {
  await prisma.$transaction([
    prisma.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.revokedSession.upsert({
      where: { id: session.sid },
      create: { id: session.sid, userId: session.userId, expiresAt: session.expiresAt },
      update: {},
    }),
  ]);
}

/** Whether a session token is still honoured: its user exists, its version is current, it was not signed out. */
export async function isSessionActive(prisma: PrismaClient, token: { sid?: string; userId?: string; sessionVersion?: number }): Promise<boolean> {
  if (!token.sid || !token.userId || typeof token.sessionVersion !== "number") return false;
  const [user, revoked] = await Promise.all([
    prisma.user.findUnique({ where: { id: token.userId }, select: { sessionVersion: true } }),
    prisma.revokedSession.findUnique({ where: { id: token.sid }, select: { id: true } }),
  ]);
  return Boolean(user && user.sessionVersion === token.sessionVersion && !revoked);
}

/** Ends every session of a user (password change, or an admin's "sign out everywhere"). */
export async function revokeAllSessions(prisma: Pick<PrismaClient, "user">, userId: string) {
  await prisma.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
