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
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    email: string;
    name: string;
    tenantId: string | null;
    role: Role | null;
  }
}
