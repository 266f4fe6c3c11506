import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import { provisionTenant } from "@/lib/tenants/provision";

export const DEMO_PASSWORD = "dealflow-demo-2026";
export const DEMO_TENANT_SLUG = "demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "owner@demo.dealflow.app", name: "Olivia Owner", role: "owner" },
  { email: "admin@demo.dealflow.app", name: "Adam Admin", role: "admin" },
  { email: "investor@demo.dealflow.app", name: "Ines Investor", role: "investor" },
  { email: "va@demo.dealflow.app", name: "Victor VA", role: "va" },
  { email: "viewer@demo.dealflow.app", name: "Vera Viewer", role: "viewer" },
];

/**
 * Seeds the demo workspace on first run (and a second, smaller one the demo owner also
 * belongs to, so switching tenants can be tried). Does nothing when it already exists.
 */
export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean }> {
  const existing = await prisma.tenant.findUnique({ where: { slug: DEMO_TENANT_SLUG } });
  if (existing) return { created: false };
  await provisionTenant(
    prisma,
    { slug: DEMO_TENANT_SLUG, name: "Maple & Main Investments", timeZone: "America/New_York", country: "US" },
    DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
  );
  await provisionTenant(
    prisma,
    { slug: "demo-north", name: "Northern Lights Homes", timeZone: "America/Toronto", country: "CA" },
    [{ ...DEMO_USERS[0], password: DEMO_PASSWORD }],
  );
  return { created: true };
}
