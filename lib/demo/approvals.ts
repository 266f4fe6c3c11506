/**
 * The demo approval queue: signals for some leads and buyers (lib/signals/demo.ts), a draft
 * proposed for each person they make hot, and one of those already rejected by the owner
 * with a reason, so the queue, its history and the laboratory's comparison start with data.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { proposeDraft, rejectDraft } from "@/lib/approvals/service";
import { templateDrafter } from "@/lib/providers/drafting";
import { seedDemoSignals } from "@/lib/signals/demo";

export async function seedDemoApprovals(db: TenantDb, now: Date, owner: { id: string; email: string } | null): Promise<{ signals: number; drafts: number }> {
  const { signals, hot } = await seedDemoSignals(db, now);
  const drafts: string[] = [];
  for (const subject of hot) {
    const result = await proposeDraft(db, subject, { now, drafter: templateDrafter });
    if (result.status === "PROPOSED") drafts.push(result.draftId);
  }
  // The last lead's draft was turned down: the owner had already called them.
  const rejected = drafts.length > 2 ? drafts[drafts.length - 3] : null;
  if (rejected && owner) {
    await rejectDraft(db, rejected, "Already spoke by phone this morning; the offer goes out by text", { actorId: owner.id, actorEmail: owner.email, requestId: "demo-seed" });
  }
  return { signals, drafts: drafts.length };
}
