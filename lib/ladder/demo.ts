import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { listWorkableDealIds } from "@/lib/deals/service";
import { TASK_OUTCOMES } from "./schema";

const MINUTE_MS = 60_000;

/**
 * Call tasks for the demo workspace, so the inbox and its SLA have something to show: open
 * ones already due (mostly the demo VA's, a few unassigned) and closed ones answered at
 * various delays, across markets. Deterministic for a given `now`.
 */
export async function seedDemoFollowUps(db: TenantDb, vaId: string, now = new Date()): Promise<{ open: number; closed: number }> {
  const deals = (await listWorkableDealIds(db, 40)).map((id) => ({ id }));
  const open = deals.slice(0, 12);
  const closed = deals.slice(12, 40);
  const rows: Prisma.FollowUpTaskCreateManyInput[] = [];
  open.forEach((deal, i) => {
    rows.push({
      tenantId: db.tenantId,
      dealId: deal.id,
      step: i % 2 === 0 ? 2 : 4,
      channel: "CALL",
      ownerId: i % 4 === 3 ? null : vaId,
      dueAt: new Date(now.getTime() - (10 + i * 23) * MINUTE_MS),
    });
  });
  // Answered 5 minutes to 4 hours after falling due, over the past two weeks.
  const delays = [5, 12, 18, 25, 40, 55, 75, 100, 130, 240];
  closed.forEach((deal, i) => {
    const dueAt = new Date(now.getTime() - (1 + i * 11) * 60 * MINUTE_MS);
    rows.push({
      tenantId: db.tenantId,
      dealId: deal.id,
      step: [2, 4, 6][i % 3],
      channel: "CALL",
      ownerId: vaId,
      dueAt,
      status: "DONE",
      outcome: TASK_OUTCOMES[i % TASK_OUTCOMES.length],
      completedAt: new Date(dueAt.getTime() + delays[i % delays.length] * MINUTE_MS),
      completedById: vaId,
    });
  });
  await db.followUpTask.createMany({ data: rows });
  return { open: open.length, closed: closed.length };
}
