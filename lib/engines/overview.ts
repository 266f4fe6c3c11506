import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { recordEngineFailure } from "./escalation";
import { ENGINE_LIST } from "./registry";
import { deriveEngineStatus, isRunInFlight, type EngineStatus } from "./rules";
import { ensureEngineState, listRecentRuns, orchestrateEngine, runEngine, type EngineRunResult, type EngineRunView } from "./service";
import type { EngineName, IntervalBounds } from "./types";

export interface EngineOverview {
  name: EngineName;
  label: string;
  description: string;
  bounds: IntervalBounds;
  status: EngineStatus;
  paused: boolean;
  intervalSeconds: number;
  intervalReason: string;
  lastRunAt: Date | null;
  nextRunAt: Date | null;
  consecutiveFailures: number;
  escalatedAt: Date | null;
  lastError: { at: Date; message: string } | null;
  recentRuns: EngineRunView[];
}

/** Every engine's state for the Engines page. */
export async function listEngineOverviews(db: TenantDb, now = new Date()): Promise<EngineOverview[]> {
  return Promise.all(
    ENGINE_LIST.map(async (engine) => {
      const [state, recentRuns, lastFailure] = await Promise.all([
        ensureEngineState(db, engine.name),
        listRecentRuns(db, engine.name, 10),
        db.engineRun.findFirst({ where: { engine: engine.name, outcome: "FAILED" }, orderBy: { startedAt: "desc" }, select: { startedAt: true, error: true } }),
      ]);
      return {
        name: engine.name,
        label: engine.label,
        description: engine.description,
        bounds: engine.bounds,
        status: deriveEngineStatus({ ...state, running: isRunInFlight(recentRuns[0], now) }),
        paused: state.paused,
        intervalSeconds: state.intervalSeconds,
        intervalReason: state.intervalReason,
        lastRunAt: state.lastRunAt,
        nextRunAt: state.paused ? null : state.nextRunAt,
        consecutiveFailures: state.consecutiveFailures,
        escalatedAt: state.escalatedAt,
        lastError: lastFailure ? { at: lastFailure.startedAt, message: lastFailure.error ?? "Failed" } : null,
        recentRuns,
      };
    }),
  );
}

/**
 * Run now: the same run the schedule makes, in the caller's process, so it works with no
 * Inngest server. With no retries to wait for, a failure counts against the engine at once.
 */
export async function runEngineNow(db: TenantDb, engine: EngineName, ctx: AuditContext): Promise<EngineRunResult> {
  const result = await runEngine(db, engine, "manual");
  await recordAudit(db, { action: "engine.run_now", entity: "engine", entityId: engine, after: { runId: result.runId, outcome: result.outcome, items: result.items } }, ctx);
  if (result.outcome === "FAILED") await recordEngineFailure(db, engine, { error: result.error ?? "Failed", runId: result.runId });
  // The page then shows the pace the current load calls for, even with no Inngest to schedule it.
  await orchestrateEngine(db, engine, new Date(), { reschedule: false });
  return result;
}
