/**
 * The demo workspace's opportunities: one real sync of the shipped fixture feed, through the
 * same client, quota, dedupe, amendments and scoring as any sync (the demo has no SAM.gov key).
 */
import type { TenantDb } from "@/lib/db/tenant";
import { createOutboxEmailProvider } from "@/lib/providers/outbox";
import { alertAfterSync } from "./alerts";
import { syncOpportunities } from "./sync";

export async function seedDemoGovConSync(db: TenantDb, context: { now: Date }): Promise<void> {
  // No environment: the demo never spends a real key's budget, whatever the installation has.
  const report = await syncOpportunities(db, { now: context.now, env: {}, previousWindow: null, maxDescriptions: 10 });
  // The demo's saved searches, seeded just before, hear of what the sync found; their email
  // goes to the local outbox whatever provider the installation has, and never to Discord.
  await alertAfterSync(db, report, context.now, { email: createOutboxEmailProvider(), discord: null });
}
