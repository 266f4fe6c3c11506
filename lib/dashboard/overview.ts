/**
 * What the dashboard shows, read in one round of parallel queries through the tenant's
 * scoped client. Soft-deleted deals (and their tasks and messages) are left out everywhere.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { computeSla, type SlaFigures } from "@/lib/ladder/sla";
import { listMarketPolicies } from "@/lib/policy";
import { findUnansweredReplies } from "@/lib/outbound/replies";
import { blockedByGate, callsByWindow, OPEN_STATUSES, periodsAt, statusTotals } from "./rules";

const LIVE_DEAL = { deletedAt: null } satisfies Prisma.DealWhereInput;
const HOT_DEALS = 5;
/** A VA's queue is read whole up to this many due calls; the inbox pages past it. */
const VA_QUEUE_LIMIT = 500;
const SLA_DAYS = 30;

export interface OverviewOptions {
  timeZone: string;
  now?: Date;
  /** What the viewer may open: figures behind a list they cannot see are left out. */
  seesTasks: boolean;
  seesMessages: boolean;
}

/** The business at a glance, for owners, admins, investors (and viewers, deals only). */
export async function businessOverview(db: TenantDb, options: OverviewOptions) {
  const now = options.now ?? new Date();
  const periods = periodsAt(now, options.timeZone);
  const [newThisWeek, byStatus, hottest, contracts, closings, tasksOverdue, blocked, replies] = await Promise.all([
    db.deal.count({ where: { ...LIVE_DEAL, createdAt: { gte: periods.weekStart } } }),
    db.deal.groupBy({ by: ["status"], where: LIVE_DEAL, _count: { _all: true }, _sum: { spread: true } }),
    db.deal.findMany({
      where: { ...LIVE_DEAL, status: { in: [...OPEN_STATUSES] }, spread: { gt: 0 } },
      orderBy: [{ spread: "desc" }, { score: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      take: HOT_DEALS,
      select: { id: true, street: true, city: true, region: true, status: true, spread: true, score: true },
    }),
    db.deal.aggregate({ where: { ...LIVE_DEAL, contractedAt: { gte: periods.monthStart } }, _count: { _all: true }, _sum: { assignmentFee: true } }),
    db.deal.aggregate({ where: { ...LIVE_DEAL, closedAt: { gte: periods.monthStart } }, _count: { _all: true }, _sum: { assignmentFee: true } }),
    options.seesTasks ? db.followUpTask.count({ where: { status: "OPEN", dueAt: { lte: now }, deal: LIVE_DEAL } }) : Promise.resolve(null),
    options.seesMessages
      ? db.message.groupBy({ by: ["blockedReason"], where: { status: "BLOCKED", createdAt: { gte: periods.weekStart } }, _count: { _all: true } })
      : Promise.resolve([]),
    options.seesMessages ? findUnansweredReplies(db, { now }) : Promise.resolve(null),
  ]);
  return {
    periods,
    newThisWeek,
    byStatus: statusTotals(byStatus.map((g) => ({ status: g.status, count: g._count._all, spread: g._sum.spread }))),
    hottest,
    contracts: { count: contracts._count._all, fees: contracts._sum.assignmentFee ?? 0 },
    closings: { count: closings._count._all, fees: closings._sum.assignmentFee ?? 0 },
    tasksOverdue,
    blockedThisWeek: options.seesMessages ? blockedByGate(blocked.map((g) => ({ blockedReason: g.blockedReason, count: g._count._all }))) : null,
    repliesWaiting: replies?.length ?? null,
  };
}
export type BusinessOverview = Awaited<ReturnType<typeof businessOverview>>;

/** A VA's day: the calls they may make now, the ones waiting for the lead's hours, replies, their SLA. */
export async function vaOverview(db: TenantDb, userId: string, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - SLA_DAYS * 86_400_000);
  const [due, policies, replies, slaTasks] = await Promise.all([
    db.followUpTask.findMany({
      where: { status: "OPEN", channel: "CALL", ownerId: userId, dueAt: { lte: now }, deal: LIVE_DEAL },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: VA_QUEUE_LIMIT,
      select: {
        id: true,
        dueAt: true,
        deal: { select: { id: true, street: true, city: true, region: true, market: true, timeZone: true, contactName: true } },
      },
    }),
    listMarketPolicies(db, { enabled: true }),
    findUnansweredReplies(db, { now, dealOwnerId: userId }),
    db.followUpTask.findMany({
      where: { ownerId: userId, dueAt: { gte: since, lte: now } },
      select: { dueAt: true, completedAt: true, status: true, ownerId: true },
    }),
  ]);
  const calls = callsByWindow(due, policies, now);
  const sla: SlaFigures = computeSla(slaTasks.map((t) => ({ ...t, market: null })), now);
  return { now, calls, dueCount: due.length, repliesWaiting: replies.length, sla: { count: sla.count, completed: sla.completed, within30m: sla.within30m, within2h: sla.within2h } };
}
export type VaOverview = Awaited<ReturnType<typeof vaOverview>>;
