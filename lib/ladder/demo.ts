import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { findDealsByIds, listWorkableDealIds } from "@/lib/deals/service";
import { listMarketPolicies, nextAllowedInstant, resolveEffectivePolicy } from "@/lib/policy";
import { DEFAULT_LADDER_STEPS, TASK_OUTCOMES } from "./schema";
import type { LadderStepState, StepState } from "./state";

const MINUTE_MS = 60_000;

/** The ladder states the demo shows, in turn: running, finished, ended by a reply, ended by a status change. */
const LADDER_KINDS = ["active", "completed", "reply", "status"] as const;

/** A ladder's stored steps when started at `start`, the first `done` of them already run. */
function demoSteps(start: Date, done: number): LadderStepState[] {
  return DEFAULT_LADDER_STEPS.map((step, index) => {
    const at = new Date(start.getTime() + step.delayMinutes * MINUTE_MS).toISOString();
    const state: StepState = index >= done ? "scheduled" : step.channel === "CALL" ? "task_created" : "sent";
    return { step: index + 1, channel: step.channel, delayMinutes: step.delayMinutes, template: step.template, nominalAt: at, dueAt: at, state, reason: null };
  });
}

/**
 * A moment inside the lead's last calling window before `now` (plus `offsetMinutes`, kept
 * under an hour past the opening): a call that fell due then and was not made, so the inbox
 * has overdue calls whatever the hour the demo is seeded.
 */
function lastOpeningBefore(policy: Parameters<typeof nextAllowedInstant>[0], timeZone: string, now: Date, offsetMinutes: number): Date | null {
  for (let days = 1; days <= 8; days++) {
    const opening = nextAllowedInstant(policy, [timeZone], new Date(now.getTime() - days * 24 * 60 * MINUTE_MS), "CALL");
    const dueAt = opening && new Date(opening.getTime() + (offsetMinutes % 60) * MINUTE_MS);
    if (dueAt && dueAt.getTime() < now.getTime() - 60 * MINUTE_MS) return dueAt;
  }
  return null;
}

/**
 * Demo follow-up, deterministic for a given `now`: ladders in every state; open call tasks
 * (mostly the demo VA's, a few unassigned) each due at the first moment the lead's market
 * policy lets a call happen, from a little before `now`, so the inbox has calls to make now
 * inside calling hours whenever the leads' windows are open (else at their opening); half
 * overdue from the last window; and
 * closed tasks answered at various delays, so the SLA has a history.
 */
export async function seedDemoFollowUps(db: TenantDb, vaId: string, now = new Date()): Promise<{ ladders: number; open: number; closed: number }> {
  const ids = await listWorkableDealIds(db, 60);
  const [deals, policies] = await Promise.all([
    findDealsByIds(db, ids, { id: true, region: true, market: true, timeZone: true }),
    listMarketPolicies(db, { enabled: true }),
  ]);
  const byId = new Map(deals.map((d) => [d.id, d]));
  const ordered = ids.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));

  const ladders: Omit<Prisma.FollowUpLadderCreateManyInput, "tenantId">[] = ordered.slice(0, 24).map((deal, i) => {
    const kind = LADDER_KINDS[i % LADDER_KINDS.length];
    const start = new Date(now.getTime() - (kind === "active" ? 2 * 60 : (8 + i) * 24 * 60) * MINUTE_MS);
    const done = kind === "active" ? 2 : kind === "completed" ? DEFAULT_LADDER_STEPS.length : 3;
    const stoppedAt = kind === "reply" || kind === "status" ? new Date(start.getTime() + 2 * 24 * 60 * MINUTE_MS) : null;
    return {
      dealId: deal.id,
      status: kind === "active" ? "ACTIVE" : kind === "completed" ? "COMPLETED" : "STOPPED",
      steps: demoSteps(start, done) as unknown as Prisma.InputJsonValue,
      startedAt: start,
      createdAt: start,
      nextStep: done,
      stoppedAt,
      stopReason: kind === "reply" ? "reply" : kind === "status" ? "deal_status:NEGOTIATING" : null,
    };
  });

  const tasks: Omit<Prisma.FollowUpTaskCreateManyInput, "tenantId">[] = [];
  ordered.slice(24, 40).forEach((deal, i) => {
    const policy = deal.region ? resolveEffectivePolicy(policies, deal.region, deal.market) : null;
    const dueAt = deal.timeZone
      ? i % 2 === 0
        ? nextAllowedInstant(policy, [deal.timeZone], new Date(now.getTime() - (5 + i * 17) * MINUTE_MS), "CALL")
        : lastOpeningBefore(policy, deal.timeZone, now, i * 7)
      : null;
    if (!dueAt) return;
    tasks.push({ dealId: deal.id, step: i % 2 === 0 ? 2 : 4, channel: "CALL", ownerId: i % 4 === 3 ? null : vaId, dueAt });
  });
  const open = tasks.length;
  // Answered 5 minutes to 4 hours after falling due, over the past two weeks.
  const delays = [5, 12, 18, 25, 40, 55, 75, 100, 130, 240];
  ordered.slice(40, 60).forEach((deal, i) => {
    const dueAt = new Date(now.getTime() - (1 + i * 11) * 60 * MINUTE_MS);
    tasks.push({
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
  if (ladders.length) await db.followUpLadder.createMany({ data: ladders });
  if (tasks.length) await db.followUpTask.createMany({ data: tasks });
  return { ladders: ladders.length, open, closed: tasks.length - open };
}
