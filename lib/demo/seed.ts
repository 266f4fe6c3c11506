// The seed provisions workspaces (and their global users), which only the root client can;
// each workspace's own rows are then written through its scoped client.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { listDealRawPayloads, setDealHistory } from "@/lib/deals/service";
import { intakeDeals } from "@/lib/intake/service";
import { seedDemoFollowUps } from "@/lib/ladder/demo";
import { seedDemoConsent } from "@/lib/outbound/demo-consent";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { demoDeals, demoHistory } from "./deals";

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
  await seedDemoDeals(db, 240);
  await seedDemoConsent(db, "1200 Maple Avenue, Suite 300, Columbus, OH 43215");
  const demoVa = await prisma.user.findUnique({ where: { email: "va@demo.dealflow.app" }, select: { id: true } });
  if (demoVa) await seedDemoFollowUps(db, demoVa.id);
  await provisionTenant(
    prisma,
    { slug: "demo-north", name: "Northern Lights Homes", timeZone: "America/Toronto", country: "CA" },
    [{ ...DEMO_USERS[0], password: DEMO_PASSWORD }],
  );
  return { created: true };
}

/** Demo deals arrive through each source and are moved along the funnel and back in time. */
async function seedDemoDeals(db: TenantDb, count: number) {
  const deals = demoDeals(count);
  const history = demoHistory(count);
  for (const source of new Set(history.map((h) => h.source))) {
    const items = deals.flatMap((deal, i) => (history[i].source === source ? [{ deal, raw: { demo: true, row: i + 1 } }] : []));
    await intakeDeals(db, items, { source, sourceRef: "demo-seed", raiseAlerts: false });
  }
  const rows = await listDealRawPayloads(db);
  const day = 24 * 60 * 60 * 1000;
  await setDealHistory(db, rows.map((row) => {
    const h = history[Number((row.raw as { row: number }).row) - 1];
    const createdAt = new Date(Date.now() - h.daysAgo * day - (Number((row.raw as { row: number }).row) % 24) * 3_600_000);
    return { dealId: row.id, status: h.status, createdAt };
  }));
}
