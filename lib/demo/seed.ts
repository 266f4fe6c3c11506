import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import { scopeToTenant } from "@/lib/db/tenant";
import { intakeDeals } from "@/lib/intake/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { demoDeals } from "./deals";

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
  const tenant = await provisionTenant(
    prisma,
    { slug: DEMO_TENANT_SLUG, name: "Maple & Main Investments", timeZone: "America/New_York", country: "US" },
    DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
  );
  const db = scopeToTenant(prisma, tenant.id);
  const system = { actorId: null, actorEmail: "demo-seed", requestId: undefined };
  await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "Demo workspace: price every deal with the 70% rule" }, system);
  await intakeDeals(db, demoDeals(240).map((deal, i) => ({ deal, raw: { demo: true, row: i + 1 } })), { source: "CSV", sourceRef: "demo-seed", raiseAlerts: false });
  await provisionTenant(
    prisma,
    { slug: "demo-north", name: "Northern Lights Homes", timeZone: "America/Toronto", country: "CA" },
    [{ ...DEMO_USERS[0], password: DEMO_PASSWORD }],
  );
  return { created: true };
}
