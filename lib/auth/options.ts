// Sign-in and workspace switching read global users and memberships, hence the root client.
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getPrisma } from "@/lib/db/client";
import { isExpectedError } from "@/lib/errors";
import { clientIpOf } from "@/lib/http/client-ip";
import { logger } from "@/lib/observability/logger";
import { authenticate, normalizeEmail } from "./credentials";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, issueDeviceToken, verifyDeviceToken } from "./device";
import type { Role } from "./permissions";
import { isSessionActive, revokeSession } from "./revocation";
import { SignInSchema } from "./sign-in-schema";

const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;
const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
// NextAuth's own default, stated: Secure cookies (and their __Secure- names) when the public URL is https.
const useSecureCookies = Boolean(process.env.NEXTAUTH_URL?.startsWith("https://"));

class SessionRevokedError extends Error {
  constructor() {
    super("session revoked");
    this.name = "SessionRevokedError";
  }
}

function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  const raw = Array.isArray(header) ? header.join("; ") : header;
  for (const part of raw?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** Remembers this browser for the account it just signed in to (see device.ts). */
async function rememberDevice(email: string, knownDeviceId: string | null) {
  if (knownDeviceId || !secret) return;
  const { token } = issueDeviceToken(email, secret);
  (await cookies()).set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: useSecureCookies,
    path: "/api/auth",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}

async function membershipRole(userId: string, tenantId: string | null): Promise<Role | null> {
  if (!tenantId) return null;
  const prisma = await getPrisma();
  const membership = await prisma.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
  return (membership?.role as Role | undefined) ?? null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  secret,
  useSecureCookies,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Invalid sign-in");
        try {
          const prisma = await getPrisma();
          const email = normalizeEmail(parsed.data.email);
          const deviceId = secret ? verifyDeviceToken(cookieValue(req?.headers?.cookie, DEVICE_COOKIE), email, secret) : null;
          const user = await authenticate(prisma, { ...parsed.data, ip: clientIpOf(req?.headers), deviceId });
          await rememberDevice(email, deviceId);
          return user;
        } catch (error) {
          if (isExpectedError(error)) throw new Error(error.message);
          logger.error({ err: error }, "sign-in failed unexpectedly");
          throw new Error("Sign-in is unavailable right now. Try again shortly.");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.sid = randomUUID();
        token.sessionVersion = user.sessionVersion;
        token.userId = user.id;
        token.email = user.email;
        token.name = user.name;
        token.tenantId = user.defaultTenantId;
        token.role = await membershipRole(user.id, user.defaultTenantId);
      } else if (!(await isSessionActive(await getPrisma(), token))) {
        // NextAuth answers a throw here by clearing the cookie and reporting no session.
        throw new SessionRevokedError();
      }
      // Switching tenant: accepted only for a tenant the user belongs to.
      if (trigger === "update" && typeof session?.tenantId === "string") {
        const role = await membershipRole(token.userId, session.tenantId);
        if (role) {
          token.tenantId = session.tenantId;
          token.role = role;
        }
      }
      return token;
    },
    async session({ session, token }) {
      session.user = { id: token.userId, email: token.email, name: token.name };
      session.tenantId = token.tenantId;
      session.role = token.role;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sid || !token.userId) return;
      const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
      await revokeSession(await getPrisma(), { sid: token.sid, userId: token.userId, expiresAt });
    },
  },
  logger: {
    error(code, metadata) {
      const named = (value: unknown) => (value as { name?: unknown } | undefined)?.name === "SessionRevokedError";
      const revoked = named(metadata) || named((metadata as { error?: unknown } | undefined)?.error);
      if (revoked) logger.info({ code }, "refused a signed-out or outdated session");
      else logger.error({ code, err: metadata }, "authentication error");
    },
    warn(code) {
      logger.warn({ code }, "authentication warning");
    },
    debug() {},
  },
};
