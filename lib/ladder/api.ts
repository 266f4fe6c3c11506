/**
 * The follow-up endpoints of the public API: start a ladder, complete a task, due tasks, SLA.
 * Thin over the ladder and inbox services; shapes follow the original follow-up pack.
 */
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { completeTask, listDueTasks } from "./inbox";
import { startLadders } from "./lifecycle";
import { CompleteTaskInput, StartLadderInput } from "./schema";

export const StartLadderBody = StartLadderInput;
/** The complete endpoint's body: the task id comes from the path. */
export const CompleteTaskBody = CompleteTaskInput.omit({ taskId: true });
export const TaskIdParams = z.object({ id: z.string() });

/** Starts the tenant's ladder for a lead now; a lead with an active ladder keeps it. */
export async function startLadderFromApi(db: TenantDb, body: z.output<typeof StartLadderInput>, now = new Date()) {
  const [result] = await startLadders(db, [body.dealId], { now, trigger: "api", enqueue: true });
  if (result.status === "deal_not_found") throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  if (result.status === "already_active") return { created: false, ladderId: result.ladderId, dealId: body.dealId, tasks: [] };
  if (result.status === "skipped") throw new ExpectedError("conflict", result.detail, "dealId");
  return {
    created: true,
    ladderId: result.ladderId,
    dealId: body.dealId,
    tasks: result.steps.map((s) => ({ step: s.step, channel: s.channel, due_at: s.dueAt, state: s.state, reason: s.reason ?? null })),
  };
}

export async function completeTaskFromApi(db: TenantDb, taskId: string, body: z.output<typeof CompleteTaskBody>, ctx: AuditContext) {
  return completeTask(db, { ...body, taskId }, ctx);
}

export async function dueTasksForApi(db: TenantDb, limit: number) {
  const { rows } = await listDueTasks(db, { limit });
  return rows.map((t) => ({
    id: t.id,
    due_at: t.dueAt.toISOString(),
    channel: t.channel,
    step: t.step,
    owner: t.ownerId,
    deal_id: t.dealId,
    market: t.deal.market,
    contact_phone: t.deal.contactPhone,
    // Tasks of deals in HOT postal areas come first.
    hot_area: t.hotArea,
  }));
}
