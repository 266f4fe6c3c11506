import type { TenantDb } from "@/lib/db/tenant";
import { displayedState, readStepStates, type LadderStepState, type StepState } from "./state";

export interface LadderView {
  id: string;
  status: "ACTIVE" | "COMPLETED" | "STOPPED";
  startedAt: Date;
  stoppedAt: Date | null;
  stopReason: string | null;
  steps: (LadderStepState & { shown: StepState | "cancelled"; taskStatus: string | null })[];
}

/** The deal's latest ladder with each step's state (and its call task's), for the deal page. */
export async function getDealLadder(db: TenantDb, dealId: string): Promise<LadderView | null> {
  const ladder = await db.followUpLadder.findFirst({ where: { dealId }, orderBy: { createdAt: "desc" } });
  if (!ladder) return null;
  const tasks = await db.followUpTask.findMany({ where: { ladderId: ladder.id }, select: { step: true, status: true } });
  const taskStatus = new Map(tasks.map((t) => [t.step, t.status]));
  return {
    id: ladder.id,
    status: ladder.status,
    startedAt: ladder.startedAt,
    stoppedAt: ladder.stoppedAt,
    stopReason: ladder.stopReason,
    steps: readStepStates(ladder.steps).map((step) => ({ ...step, shown: displayedState(step, ladder.status), taskStatus: taskStatus.get(step.step) ?? null })),
  };
}
