/**
 * The demo desk's work on the synced feed: the best-fit open notices tracked by a decider,
 * one declined with its reason, and notes the team left. Runs after the sync, before the
 * pursuits, through the same functions the detail page uses.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { DemoGovConContext } from "@/lib/demo/govcon";
import { addOpportunityNote, setOpportunityStatus } from "./opportunities";

const TRACKED = 3;
/** Below this fit the demo team passes on an open notice. */
const DECLINED_BELOW = 40;

const NOTES = [
  "Site visit is worth it: the last two task orders here went to firms that walked the building first.",
  "Check the bonding requirement against our surety line before we commit estimating time.",
];

export async function seedDemoOpportunityWork(db: TenantDb, context: DemoGovConContext): Promise<{ tracked: number; declined: number }> {
  // Seeding runs at every fresh start: a desk that has worked its notices keeps them as they are.
  if ((await db.opportunity.count({ where: { status: { not: "NEW" } } })) > 0) return { tracked: 0, declined: 0 };
  const actorId = context.investorId ?? context.ownerId;
  const ctx = { actorId, actorEmail: "demo-seed", requestId: "demo-seed" };
  const open = { status: "NEW" as const, responseDeadline: { gt: context.now } };
  const best = await db.opportunity.findMany({
    where: { ...open, fitScore: { not: null } },
    orderBy: [{ fitScore: "desc" }, { id: "asc" }],
    take: TRACKED,
    select: { id: true },
  });
  for (const [index, opportunity] of best.entries()) {
    await setOpportunityStatus(db, { opportunityId: opportunity.id, status: "TRACKING" }, ctx, context.now);
    if (NOTES[index]) await addOpportunityNote(db, { opportunityId: opportunity.id, body: NOTES[index] }, ctx);
  }
  const weak = await db.opportunity.findFirst({
    where: { ...open, fitScore: { lt: DECLINED_BELOW, gt: 0 } },
    orderBy: [{ fitScore: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  if (weak) {
    const reason = "Mostly design work we would subcontract, and outside the states we staff: not worth the proposal effort.";
    await setOpportunityStatus(db, { opportunityId: weak.id, status: "NO_BID", reason }, ctx, context.now);
  }
  return { tracked: best.length, declined: weak ? 1 : 0 };
}
