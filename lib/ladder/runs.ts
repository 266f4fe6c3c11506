/**
 * What a ladder's run does between its steps, shared by both executors (the Inngest
 * function and the embedded runner): adopt or open the ladder, and how often a step may
 * find its window moved before it runs as is.
 */
import type { TenantDb } from "@/lib/db/tenant";
import type { EVENTS, EventData } from "@/lib/events/catalog";
import { getTenantSettings } from "@/lib/tenants/settings";
import { startLadders } from "./lifecycle";

export type LadderStart = EventData<typeof EVENTS.leadCreated> | EventData<typeof EVENTS.ladderStartRequested>;

export type OpenedLadder = { ladderId: string; stepCount: number } | { skipped: string };

/** How often one step may find its window moved while it waited before it is run as is. */
export const MAX_RESCHEDULES = 3;

/** Adopts the ladder a Start wrote, or starts one for a new lead when the workspace auto-starts. */
export async function openLadderRun(db: TenantDb, data: LadderStart, now: Date): Promise<OpenedLadder> {
  if ("ladderId" in data && typeof data.ladderId === "string") {
    const ladder = await db.followUpLadder.findFirst({ where: { id: data.ladderId, status: "ACTIVE" }, select: { id: true, steps: true } });
    return ladder ? { ladderId: ladder.id, stepCount: Array.isArray(ladder.steps) ? ladder.steps.length : 0 } : { skipped: "ladder_not_active" };
  }
  if (!(await getTenantSettings(db)).ladderAutoStart) return { skipped: "auto_start_off" };
  const [result] = await startLadders(db, [data.dealId], { now, trigger: "lead_created", enqueue: false });
  if (result.status === "started") return { ladderId: result.ladderId, stepCount: result.steps.length };
  return { skipped: result.status === "skipped" ? result.reason : result.status };
}
