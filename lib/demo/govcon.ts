/**
 * The demo's GovCon desk (US workspaces): a construction and facilities profile, two saved
 * searches, the fixture feed synced, and pursuits across the board's stages. Each area
 * seeds its own part through its own functions.
 */
import type { TenantDb } from "@/lib/db/tenant";

export interface DemoGovConContext {
  now: Date;
  ownerId: string | null;
  /** The investor member: deciders work the GovCon desk. */
  investorId: string | null;
}

export async function seedDemoGovCon(db: TenantDb, context: DemoGovConContext): Promise<void> {
  void db;
  void context;
}
