/**
 * The demo's outreach: conversation threads with replies on both channels, a finished email
 * campaign, a throttled sending number, calls on the timeline and a mailed postcard. Each
 * area seeds its own part through its own functions.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { seedDemoMail } from "@/lib/mail/demo";
import { seedDemoCampaigns } from "@/lib/campaigns/demo";
import { seedDemoCalls } from "@/lib/calls/demo";
import { seedDemoConversationThreads } from "@/lib/conversations/demo";
import { seedDemoDeliverability } from "@/lib/deliverability/demo";

export interface DemoOutreachContext {
  now: Date;
  ownerId: string | null;
  vaId: string | null;
  country: "US" | "CA";
}

export async function seedDemoOutreach(db: TenantDb, context: DemoOutreachContext): Promise<void> {
  await seedDemoMail(db, context);
  await seedDemoCampaigns(db, context);
  await seedDemoCalls(db, context);
  await seedDemoConversationThreads(db, context);
  // Last: its sending numbers would otherwise carry the texts the other areas' demos send.
  await seedDemoDeliverability(db, context);
}
