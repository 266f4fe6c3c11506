/**
 * The demo desk's Pursuits board: the best-fit open notices still new pursued and spread
 * over the working stages, plus bids that never were on SAM.gov (one just identified, one won,
 * one lost). Runs last in the GovCon demo, through the same functions the board uses.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { DemoGovConContext } from "@/lib/demo/govcon";
import type { PursuitStageName } from "./codes";
import { setOpportunityStatus } from "./opportunities";
import { createPursuit, movePursuit, updatePursuit } from "./pursuits";

const DAY_MS = 86_400_000;

/** Stage and value (when the notice gives none) of each pursued notice, best fit first. */
const PURSUED: { stage: PursuitStageName; valueDollars: number; pWin?: number }[] = [
  { stage: "PROPOSAL", valueDollars: 1_250_000, pWin: 0.55 },
  { stage: "CAPTURE", valueDollars: 840_000 },
  { stage: "QUALIFYING", valueDollars: 420_000 },
  { stage: "IDENTIFIED", valueDollars: 2_600_000 },
];

const MANUAL: { title: string; stage: PursuitStageName; valueDollars: number; deadlineDays: number; notes: string }[] = [
  {
    title: "Travis County courthouse roof replacement (county RFP 26-0142)",
    stage: "IDENTIFIED",
    valueDollars: 640_000,
    deadlineDays: 24,
    notes: "County bid, posted on the county's own portal. Pre-bid walk-through on the 12th.",
  },
  {
    title: "VA clinic parking lot resurfacing (task order under our IDIQ)",
    stage: "WON",
    valueDollars: 310_000,
    deadlineDays: -40,
    notes: "Awarded. Kick-off meeting with the contracting officer's representative next week.",
  },
  {
    title: "Federal building elevator modernization",
    stage: "LOST",
    valueDollars: 980_000,
    deadlineDays: -25,
    notes: "Lost on price: the awardee came in 12% under us. Debrief requested.",
  },
];

export async function seedDemoPursuits(db: TenantDb, context: DemoGovConContext): Promise<{ pursuits: number }> {
  // Seeding runs at every fresh start: a board with cards on it keeps them as they are.
  if ((await db.pursuit.count()) > 0) return { pursuits: 0 };
  const owners = [context.ownerId, context.investorId].filter((id): id is string => id !== null);
  const ctxOf = (index: number) => ({ actorId: owners[index % Math.max(owners.length, 1)] ?? null, actorEmail: "demo-seed", requestId: "demo-seed" });
  const best = await db.opportunity.findMany({
    where: { status: "NEW", responseDeadline: { gt: context.now }, fitScore: { gt: 0 }, noticeType: { not: "Award Notice" } },
    orderBy: [{ fitScore: "desc" }, { id: "asc" }],
    take: PURSUED.length,
    select: { id: true, valueDollars: true },
  });
  let count = 0;
  for (const [index, opportunity] of best.entries()) {
    const plan = PURSUED[index];
    const ctx = ctxOf(index);
    const { pursuitId } = await setOpportunityStatus(db, { opportunityId: opportunity.id, status: "PURSUING" }, ctx, context.now);
    if (!pursuitId) continue;
    await updatePursuit(db, { pursuitId, ...(opportunity.valueDollars === null && { valueDollars: plan.valueDollars }), ...(plan.pWin !== undefined && { pWin: plan.pWin }) }, ctx);
    if (plan.stage !== "IDENTIFIED") await movePursuit(db, { pursuitId, stage: plan.stage }, ctx, context.now);
    count += 1;
  }
  for (const [index, manual] of MANUAL.entries()) {
    const ctx = ctxOf(index + 1);
    const { id } = await createPursuit(
      db,
      { title: manual.title, valueDollars: manual.valueDollars, deadline: new Date(context.now.getTime() + manual.deadlineDays * DAY_MS), notes: manual.notes, ownerId: ctx.actorId },
      ctx,
    );
    if (manual.stage !== "IDENTIFIED") await movePursuit(db, { pursuitId: id, stage: manual.stage }, ctx, context.now);
    count += 1;
  }
  return { pursuits: count };
}
