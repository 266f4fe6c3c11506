/**
 * A requested engine run as both executors perform it (the Inngest function and the
 * embedded runner): a scheduled run whose schedule was replaced ends quietly, a failed
 * pass throws so the executor retries it, and a pass that ran (or failed for good) hands
 * over to the orchestrator for the next one.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { withRequestId } from "@/lib/observability/request-context";
import type { EVENTS, EventData } from "@/lib/events/catalog";
import { isScheduledRunCurrent } from "./rules";
import { ensureEngineState, orchestrateEngine, runEngine, type EngineRunResult } from "./service";

export type EngineRunRequest = EventData<typeof EVENTS.engineRunRequested>;

/** An orchestrator run is current when it was scheduled for the engine's stored next run. */
export async function isEngineRequestCurrent(db: TenantDb, request: EngineRunRequest): Promise<boolean> {
  if (request.trigger !== "orchestrator") return true;
  const state = await ensureEngineState(db, request.engine);
  return isScheduledRunCurrent(request.scheduledFor, state.nextRunAt);
}

/** One pass; throws on a FAILED one (each attempt is its own EngineRun row) so the executor retries. */
export async function runRequestedEngine(db: TenantDb, request: EngineRunRequest): Promise<EngineRunResult> {
  // Under the id of the request that asked for it (Run now, an API call), when one did.
  const run = await withRequestId(request.requestId, () => runEngine(db, request.engine, request.trigger));
  if (run.outcome === "FAILED") throw new Error(run.error ?? "Engine run failed");
  return run;
}

/** The next run the orchestrator decided, as the request the executor schedules for that moment. */
export async function planNextEngineRun(db: TenantDb, engine: EngineRunRequest["engine"], now = new Date()) {
  const decision = await orchestrateEngine(db, engine, now);
  const request: EngineRunRequest = { tenantId: db.tenantId, engine, trigger: "orchestrator", scheduledFor: decision.nextRunAt };
  // The id makes a repeated decision for the same moment one run.
  return { decision, request, id: `engine-run:${db.tenantId}:${engine}:${decision.nextRunAt}` };
}
