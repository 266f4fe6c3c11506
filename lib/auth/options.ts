// Sign-in and workspace switching read global users and memberships, hence the root client.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPrisma } from "@/lib/db/client";
import { isExpectedError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { authenticate } from "./credentials";
import type { Role } from "./permissions";
import { SignInSchema } from "./sign-in-schema";


function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return first || (Array.isArray(real) ? real[0] : real) || "unknown";
}

async function membershipRole(userId: string, tenantId: string | null): Promise<Role | null> {
  if (!tenantId) return null;
  const prisma = await getPrisma();
  const membership = await prisma.membership.findUnique({ where: { tenantId_userId: { tenantId, userId } } });
  return (membership?.role as Role | undefined) ?? null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/login" },
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = SignInSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Invalid sign-in");
        try {
          const prisma = await getPrisma();
          return await authenticate(prisma, { ...parsed.data, ip: clientIp(req?.headers) });
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
        token.userId = user.id;
        token.email = user.email;
        token.name = user.name;
        token.tenantId = user.defaultTenantId;
        token.role = await membershipRole(user.id, user.defaultTenantId);
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
};
