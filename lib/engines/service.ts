import type { EngineRun, EngineState } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { countEngineRun } from "@/lib/observability/metrics";
import { currentRequestId } from "@/lib/observability/request-context";
import { decideInterval, initialDecision } from "./orchestrator";
import { measureEngineLoad } from "./load";
import { engineDefinition, type EngineDefinition } from "./registry";
import { isOverdue, isRunInFlight, STALE_RUN_MS } from "./rules";
import type { EngineName, EngineTrigger, IntervalDecision } from "./types";

export interface EngineRunResult {
  runId: string;
  engine: EngineName;
  outcome: "OK" | "FAILED" | "SKIPPED";
  items: number;
  error: string | null;
  durationMs: number;
}

const stateKey = (db: TenantDb, engine: EngineName) => ({ tenantId_engine: { tenantId: db.tenantId, engine } });

/** The engine's state row, created with the default pace the first time it is needed. */
export async function ensureEngineState(db: TenantDb, engine: EngineName): Promise<EngineState> {
  const existing = await db.engineState.findUnique({ where: stateKey(db, engine) });
  if (existing) return existing;
  const { intervalSeconds, reason } = initialDecision(engineDefinition(engine));
  return db.engineState.upsert({
    where: stateKey(db, engine),
    create: { engine, intervalSeconds, intervalReason: reason },
    update: {},
  });
}

async function skippedRun(db: TenantDb, engine: EngineName, trigger: EngineTrigger, reason: string, started: number): Promise<EngineRunResult> {
  const now = new Date();
  const run = await db.engineRun.create({
    data: { engine, trigger, startedAt: now, finishedAt: now, outcome: "SKIPPED", error: reason, requestId: currentRequestId() ?? null },
  });
  countEngineRun(engine, "SKIPPED");
  return { runId: run.id, engine, outcome: "SKIPPED", items: 0, error: reason, durationMs: Math.round(performance.now() - started) };
}

/**
 * Starts a run unless the engine is paused or already running. The compare-and-set on
 * lastRunAt makes two simultaneous starters (a scheduled run and Run now) agree: the second
 * one's update matches no row, so only one RUNNING run exists at a time.
 */
async function claimRun(db: TenantDb, engine: EngineName, trigger: EngineTrigger): Promise<{ runId: string } | { skip: string }> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const state = await tx.engineState.findUniqueOrThrow({ where: stateKey(db, engine) });
    if (state.paused) return { skip: "Paused" };
    const latest = await tx.engineRun.findFirst({ where: { engine }, orderBy: { startedAt: "desc" }, select: { outcome: true, startedAt: true } });
    if (isRunInFlight(latest, now)) return { skip: "Another run was still in progress" };
    // Runs whose process died mid-way (deploy, crash) are closed, so the history does not show them running forever.
    await tx.engineRun.updateMany({
      where: { engine, outcome: "RUNNING", startedAt: { lte: new Date(now.getTime() - STALE_RUN_MS) } },
      data: { outcome: "FAILED", finishedAt: now, error: "Interrupted: the run never reported back" },
    });
    const { count } = await tx.engineState.updateMany({ where: { engine, paused: false, lastRunAt: state.lastRunAt }, data: { lastRunAt: now } });
    if (count === 0) return { skip: "Another run was still in progress" };
    const run = await tx.engineRun.create({ data: { engine, trigger, outcome: "RUNNING", startedAt: now, requestId: currentRequestId() ?? null } });
    return { runId: run.id };
  });
}

/**
 * One run of an engine for a tenant, recorded as an EngineRun: RUNNING while it works, then
 * OK, SKIPPED (paused, already running, nothing it can do) or FAILED with the error. The
 * Inngest functions and Run now both call it. It never throws for an engine failure: the
 * caller decides what a failure means (Inngest retries, Run now counts it at once).
 */
export async function runEngine(db: TenantDb, engine: EngineName | EngineDefinition, trigger: EngineTrigger): Promise<EngineRunResult> {
  const definition = typeof engine === "string" ? engineDefinition(engine) : engine;
  const name = definition.name;
  const started = performance.now();
  await ensureEngineState(db, name);
  const claim = await claimRun(db, name, trigger);
  if ("skip" in claim) return skippedRun(db, name, trigger, claim.skip, started);

  const run = { id: claim.runId };
  try {
    const work = await definition.run(db, { trigger });
    const finishedAt = new Date();
    const items = work.outcome === "OK" ? work.items : 0;
    await db.engineRun.update({
      where: { id: run.id },
      data: {
        finishedAt,
        outcome: work.outcome,
        items,
        error: work.outcome === "SKIPPED" ? work.reason : null,
        details: work.outcome === "OK" ? (work.details ?? {}) : undefined,
      },
    });
    // A pass that completed ends a failure streak; a SKIPPED one says nothing about health.
    await db.engineState.update({
      where: stateKey(db, name),
      data: work.outcome === "OK" ? { lastRunAt: finishedAt, consecutiveFailures: 0, escalatedAt: null } : { lastRunAt: finishedAt },
    });
    countEngineRun(name, work.outcome);
    return { runId: run.id, engine: name, outcome: work.outcome, items, error: work.outcome === "SKIPPED" ? work.reason : null, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = (error as Error)?.message || String(error);
    logger.warn({ err: error, tenantId: db.tenantId, engine: name, runId: run.id }, "engine run failed");
    const finishedAt = new Date();
    await db.engineRun.update({ where: { id: run.id }, data: { finishedAt, outcome: "FAILED", error: message.slice(0, 2000) } });
    await db.engineState.update({ where: stateKey(db, name), data: { lastRunAt: finishedAt } });
    countEngineRun(name, "FAILED");
    return { runId: run.id, engine: name, outcome: "FAILED", items: 0, error: message, durationMs: Math.round(performance.now() - started) };
  }
}

export interface ScheduleDecision extends IntervalDecision {
  nextRunAt: string;
}

/**
 * Measures the engine's load, decides its next interval and stores it with the next run time.
 * With `reschedule: false` (a run by hand) only the interval and its reason are refreshed:
 * the pending scheduled run stays the current one.
 */
export async function orchestrateEngine(
  db: TenantDb,
  engine: EngineName,
  now = new Date(),
  options: { reschedule?: boolean } = {},
): Promise<ScheduleDecision> {
  const definition = engineDefinition(engine);
  await ensureEngineState(db, engine);
  const load = await measureEngineLoad(db, definition, now);
  const decision = definition.decideInterval ? await definition.decideInterval(db, load, now) : decideInterval(definition, load);
  const nextRunAt = new Date(now.getTime() + decision.intervalSeconds * 1000);
  const reschedule = options.reschedule !== false;
  const state = await db.engineState.update({
    where: stateKey(db, engine),
    data: { intervalSeconds: decision.intervalSeconds, intervalReason: decision.reason, ...(reschedule ? { nextRunAt } : {}) },
  });
  return { ...decision, nextRunAt: (reschedule ? nextRunAt : (state.nextRunAt ?? nextRunAt)).toISOString() };
}

/** Engines whose schedule was lost (never scheduled, or well past due): the safety net restarts them. */
export async function listOverdueEngines(db: TenantDb, engines: readonly EngineName[], now = new Date()): Promise<EngineName[]> {
  const states = await Promise.all(engines.map((engine) => ensureEngineState(db, engine)));
  return states.filter((state) => isOverdue(state.nextRunAt, now)).map((state) => state.engine as EngineName);
}

/** Pauses or resumes an engine for the tenant, audited. A paused engine's runs are SKIPPED. */
export async function setEnginePaused(db: TenantDb, engine: EngineName, paused: boolean, ctx: AuditContext): Promise<EngineState> {
  await ensureEngineState(db, engine);
  return db.$transaction(async (tx) => {
    const before = await tx.engineState.findUniqueOrThrow({ where: stateKey(db, engine) });
    if (before.paused === paused) return before;
    const after = await tx.engineState.update({ where: stateKey(db, engine), data: { paused } });
    await recordAudit(tx, { action: paused ? "engine.paused" : "engine.resumed", entity: "engine", entityId: engine, before: { paused: before.paused }, after: { paused } }, ctx);
    return after;
  });
}

export type EngineRunView = Pick<EngineRun, "id" | "trigger" | "startedAt" | "finishedAt" | "items" | "outcome" | "error">;

export async function listRecentRuns(db: TenantDb, engine: EngineName, take = 10): Promise<EngineRunView[]> {
  return db.engineRun.findMany({
    where: { engine },
    orderBy: { startedAt: "desc" },
    take,
    select: { id: true, trigger: true, startedAt: true, finishedAt: true, items: true, outcome: true, error: true },
  });
}
