import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
    tenantId: string | null;
    role: Role | null;
  }
  interface User {
    id: string;
    email: string;
    name: string;
    defaultTenantId: string | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    email: string;
    name: string;
    tenantId: string | null;
    role: Role | null;
    /** This session's id, revoked on sign-out. */
    sid: string;
    /** The user's session version when signed in; a password change bumps it. */
    sessionVersion: number;
  }
}
