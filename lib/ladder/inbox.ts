import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { listMarketsWithOpenTasks } from "@/lib/deals/service";
import { ExpectedError } from "@/lib/errors";
import { recordKpiEvents } from "@/lib/kpi/service";
import { hotAreaCodes } from "@/lib/market/queries";
import { explainBlock, type BlockExplanation } from "@/lib/outbound/block-explanation";
import { decideCallRegistries } from "@/lib/outbound/call-gate";
import { listDealMessages } from "@/lib/outbound/queries";
import { getEffectivePolicy } from "@/lib/policy";
import { callingHoursAt, type CallingHours } from "./calling-hours";
import { leadTimeZones } from "./context";
import { BulkAssignInput, CompleteTaskInput } from "./schema";
import { computeSla, type SlaSnapshot } from "./sla";

/** Roles that work follow-up tasks and may be given them. */
export const TASK_WORKER_ROLES = ["owner", "admin", "va"] as const;

export interface DueTaskFilter {
  /** A user id, "unassigned", or undefined for everyone's. */
  ownerId?: string | "unassigned";
  market?: string;
  limit?: number;
  now?: Date;
}

const TASK_DEAL = {
  select: { id: true, street: true, city: true, region: true, postalCode: true, market: true, timeZone: true, contactName: true, contactPhone: true, contactEmail: true, status: true },
} as const;

function ownerWhere(ownerId: DueTaskFilter["ownerId"]): Prisma.FollowUpTaskWhereInput {
  if (ownerId === undefined) return {};
  return { ownerId: ownerId === "unassigned" ? null : ownerId };
}

const DUE_ORDER = [{ dueAt: "asc" }, { id: "asc" }] satisfies Prisma.FollowUpTaskOrderByWithRelationInput[];

/**
 * Open tasks that have fallen due, with their lead: the tasks of deals in HOT postal areas
 * first (market intel raises their priority), then the rest, each part oldest first. Each
 * row says whether its deal's area is hot.
 */
export async function listDueTasks(db: TenantDb, filter: DueTaskFilter = {}) {
  const where: Prisma.FollowUpTaskWhereInput = {
    status: "OPEN",
    dueAt: { lte: filter.now ?? new Date() },
    ...ownerWhere(filter.ownerId),
    ...(filter.market ? { deal: { market: filter.market.toUpperCase() } } : {}),
  };
  const limit = filter.limit ?? 100;
  const hot = [...(await hotAreaCodes(db))];
  const [hotRows, total] = await Promise.all([
    hot.length > 0
      ? db.followUpTask.findMany({ where: { AND: [where, { deal: { areaCode: { in: hot } } }] }, orderBy: DUE_ORDER, take: limit, include: { deal: TASK_DEAL } })
      : [],
    db.followUpTask.count({ where }),
  ]);
  const otherWhere: Prisma.FollowUpTaskWhereInput = hot.length > 0 ? { AND: [where, { deal: { OR: [{ areaCode: null }, { areaCode: { notIn: hot } }] } }] } : where;
  const otherRows = hotRows.length < limit ? await db.followUpTask.findMany({ where: otherWhere, orderBy: DUE_ORDER, take: limit - hotRows.length, include: { deal: TASK_DEAL } }) : [];
  const rows = [...hotRows.map((task) => ({ ...task, hotArea: true })), ...otherRows.map((task) => ({ ...task, hotArea: false }))];
  return { rows, total };
}
export type DueTask = Awaited<ReturnType<typeof listDueTasks>>["rows"][number];

/** The markets with open tasks, for the inbox's filter. */
export async function listTaskMarkets(db: TenantDb): Promise<string[]> {
  return (await listMarketsWithOpenTasks(db)).sort();
}

/** The lead's calling hours at `at`, under its market policy, in its zone (or its region's zones). */
async function leadCallingHours(
  db: TenantDb | TenantTransaction,
  deal: { region: string | null; market: string | null; timeZone: string | null },
  at: Date,
): Promise<CallingHours> {
  const policy = deal.region ? await getEffectivePolicy(db, deal.region, deal.market) : null;
  return callingHoursAt(policy, leadTimeZones(deal), at);
}

/**
 * Why the lead's number may not be called, when a do-not-call registry refuses it now (a
 * number can join a registry after its call task was made): the inbox shows this instead of
 * the tel: link.
 */
async function registryCallBlock(db: TenantDb, phone: string | null, now: Date): Promise<BlockExplanation | null> {
  const decision = await decideCallRegistries(db, phone, now);
  if (decision.allowed) return null;
  return explainBlock({ reason: decision.reason, channel: "SMS", address: phone, registry: decision.registry });
}

/** One task with its lead, the lead's calling hours now, any registry refusing the call, the lead's other tasks and its recent messages. */
export async function getTaskDetail(db: TenantDb, taskId: string, now = new Date()) {
  const task = await db.followUpTask.findFirst({ where: { id: taskId }, include: { deal: TASK_DEAL } });
  if (!task) return null;
  const [tasks, messages, callingHours, registryBlock] = await Promise.all([
    db.followUpTask.findMany({ where: { dealId: task.dealId, id: { not: task.id } }, orderBy: { dueAt: "desc" }, take: 20 }),
    listDealMessages(db, task.dealId, 20, { id: true, channel: true, direction: true, status: true, body: true, blockedReason: true, createdAt: true, ladderStep: true }),
    leadCallingHours(db, task.deal, now),
    registryCallBlock(db, task.deal.contactPhone, now),
  ]);
  return { task, callingHours, registryBlock, history: { tasks, messages } };
}
export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

export interface CompleteOptions {
  now?: Date;
  /** Set for a VA: only their own or unassigned tasks. */
  restrictToOwnerId?: string;
}

/**
 * Closes an open task with its outcome: done or skipped, audited, with a followup_completed KPI.
 * A call logged as done outside the lead's calling hours needs the VA's confirmation, which
 * the audit event keeps with the lead's local time.
 */
export async function completeTask(db: TenantDb, input: CompleteTaskInput, ctx: AuditContext, options: CompleteOptions = {}) {
  const parsed = CompleteTaskInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid input", issue?.path.map(String).join(".") || undefined);
  }
  const { taskId, resolution, outcome, notes, outsideHoursConfirmed } = parsed.data;
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const task = await tx.followUpTask.findFirst({ where: { id: taskId } });
    if (!task) throw new ExpectedError("not_found", "That task does not exist", "taskId");
    if (options.restrictToOwnerId && task.ownerId && task.ownerId !== options.restrictToOwnerId) {
      throw new ExpectedError("forbidden", "This task belongs to another VA");
    }
    let outsideHours: Extract<CallingHours, { open: false }> | null = null;
    // A closed task answers "already closed" below, whatever the hour.
    if (resolution === "done" && task.channel === "CALL" && task.status === "OPEN") {
      const deal = await tx.deal.findFirst({ where: { id: task.dealId }, select: { region: true, market: true, timeZone: true } });
      const hours = await leadCallingHours(tx, deal ?? { region: null, market: null, timeZone: null }, now);
      if (!hours.open) outsideHours = hours;
    }
    if (outsideHours && !outsideHoursConfirmed) {
      throw new ExpectedError(
        "invalid",
        `It is outside the lead's calling hours (${outsideHours.detail}). Confirm that you made this call anyway to log it.`,
        "outsideHoursConfirmed",
      );
    }
    const status = resolution === "done" ? "DONE" : "SKIPPED";
    // Only an open task closes: two VAs completing at once, the second one is told.
    const { count } = await tx.followUpTask.updateMany({
      where: { id: taskId, status: "OPEN" },
      data: { status, outcome, notes: notes ?? null, completedAt: now, completedById: ctx.actorId, ...(task.ownerId ? {} : { ownerId: ctx.actorId }) },
    });
    if (count === 0) throw new ExpectedError("conflict", `This task is already ${task.status.toLowerCase()}`, "taskId");
    const minutesFromDue = Math.round((now.getTime() - task.dueAt.getTime()) / 60_000);
    await recordKpiEvents(tx, [
      { name: "followup_completed", dealId: task.dealId, data: { taskId, step: task.step, channel: task.channel, outcome, resolution, minutesFromDue } },
    ]);
    await recordAudit(
      tx,
      {
        action: `followup.${resolution === "done" ? "completed" : "skipped"}`,
        entity: "FollowUpTask",
        entityId: taskId,
        before: { status: task.status },
        after: {
          status,
          outcome,
          notes,
          ...(outsideHours
            ? { outsideCallingHours: { confirmed: true, leadLocalTime: outsideHours.localTime, timeZone: outsideHours.timeZone, detail: outsideHours.detail, nextOpening: outsideHours.until?.toISOString() ?? null } }
            : {}),
        },
      },
      ctx,
    );
    return { taskId, status, outcome, completedAt: now.toISOString(), step: task.step, channel: task.channel, minutesFromDue };
  });
}

/** Gives open tasks to one VA (or admin/owner) of the workspace, audited. */
export async function assignTasks(db: TenantDb, input: BulkAssignInput, ctx: AuditContext) {
  const parsed = BulkAssignInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid input", issue?.path.map(String).join(".") || undefined);
  }
  const { taskIds, ownerId } = parsed.data;
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { userId: ownerId }, select: { role: true } });
    if (!member || !(TASK_WORKER_ROLES as readonly string[]).includes(member.role)) {
      throw new ExpectedError("invalid", "Choose a VA, admin or owner of this workspace", "ownerId");
    }
    const { count } = await tx.followUpTask.updateMany({ where: { id: { in: taskIds }, status: "OPEN" }, data: { ownerId } });
    await recordAudit(tx, { action: "followup.assigned", entity: "FollowUpTask", after: { taskIds, ownerId, assigned: count } }, ctx);
    return { assigned: count, skipped: taskIds.length - count };
  });
}

/** The SLA over tasks due in the last `days` days (30 by default). */
export async function getSlaSnapshot(db: TenantDb, options: { now?: Date; days?: number } = {}): Promise<SlaSnapshot> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - (options.days ?? 30) * 86_400_000);
  const tasks = await db.followUpTask.findMany({
    where: { dueAt: { gte: since, lte: now } },
    select: { dueAt: true, completedAt: true, status: true, ownerId: true, deal: { select: { market: true } } },
  });
  return computeSla(
    tasks.map((t) => ({ dueAt: t.dueAt, completedAt: t.completedAt, status: t.status, ownerId: t.ownerId, market: t.deal.market })),
    now,
  );
}

/** The members tasks can be assigned to, with names for the pickers. */
export async function listTaskAssignees(db: TenantDb) {
  const rows = await db.membership.findMany({
    where: { role: { in: [...TASK_WORKER_ROLES] } },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({ userId: m.userId, name: m.user.name ?? m.user.email, email: m.user.email, role: m.role }));
}
