/**
 * The demo's GovCon desk (US workspaces): a construction and facilities profile, two saved
 * searches, the fixture feed synced, and pursuits across the board's stages. Each area
 * seeds its own part through its own functions.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { seedDemoGovConProfile } from "@/lib/govcon/profile-demo";
import { seedDemoSavedSearches } from "@/lib/govcon/searches-demo";
import { seedDemoOpportunityWork } from "@/lib/govcon/opportunities-demo";
import { seedDemoGovConSync } from "@/lib/govcon/sync-demo";
import { seedDemoPursuits } from "@/lib/govcon/pursuits-demo";

export interface DemoGovConContext {
  now: Date;
  ownerId: string | null;
  /** The investor member: deciders work the GovCon desk. */
  investorId: string | null;
}

export async function seedDemoGovCon(db: TenantDb, context: DemoGovConContext): Promise<void> {
  await seedDemoGovConProfile(db);
  await seedDemoSavedSearches(db, context);
  await seedDemoGovConSync(db, context);
  await seedDemoOpportunityWork(db, context);
  await seedDemoPursuits(db, context);
}
