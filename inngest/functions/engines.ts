import type { GetStepTools } from "inngest";
import { z } from "zod";
import { getPrisma } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { recordEngineFailure } from "@/lib/engines/escalation";
import { isScheduledRunCurrent } from "@/lib/engines/rules";
import { ensureEngineState, listOverdueEngines, orchestrateEngine, runEngine } from "@/lib/engines/service";
import { ENGINE_NAMES, ENGINE_TRIGGERS } from "@/lib/engines/types";
import { listActiveTenantIds } from "@/lib/tenants/directory";
import { EVENTS, inngest } from "../client";

/** Sent after every engine run, done or failed: the orchestrator picks the next run from it. */
export const ENGINE_RUN_FINISHED = "engine/run.finished";

const EngineRunRequest = z.object({
  tenantId: z.string().min(1),
  engine: z.enum(ENGINE_NAMES),
  // A sender that names no known trigger still gets its run, recorded as an event run.
  trigger: z.enum(ENGINE_TRIGGERS).catch("event"),
  /** For orchestrator runs: the next run time they were scheduled for. */
  scheduledFor: z.string().optional(),
});
const EngineRunFinished = z.object({ tenantId: z.string().min(1), engine: z.enum(ENGINE_NAMES) });

const tenantDb = async (tenantId: string) => scopeToTenant(await getPrisma(), tenantId);

/**
 * After a run exhausted its retries: count the failure, alert, escalate at the tenant's
 * threshold, and hand over to the orchestrator so the engine keeps going (more slowly).
 */
export async function handleEngineRunFailure({
  event,
  error,
  step,
}: {
  event: { data: { event: { data: unknown }; error?: { message?: string } } };
  error?: { message?: string };
  step: GetStepTools<typeof inngest>;
}) {
  const request = EngineRunRequest.parse(event.data.event.data);
  // The failure event carries the final error too; prefer the SDK's deserialized one.
  const message = error?.message || event.data.error?.message || "Engine run failed";
  const report = await step.run("record-failure", async () =>
    recordEngineFailure(await tenantDb(request.tenantId), request.engine, { error: message }),
  );
  await step.sendEvent("run-finished", { name: ENGINE_RUN_FINISHED, data: { tenantId: request.tenantId, engine: request.engine, outcome: "FAILED" } });
  return report;
}

/** One engine pass for one tenant. Keyed by tenant: one pass per engine at a time, throttled. */
export const engineRun = inngest.createFunction(
  {
    id: "engine-run",
    triggers: [{ event: EVENTS.engineRunRequested }],
    concurrency: [
      { key: 'event.data.tenantId + "-" + event.data.engine', limit: 1 },
      { key: "event.data.tenantId", limit: 2 },
    ],
    throttle: { key: "event.data.tenantId", limit: 30, period: "1m" },
    retries: 3,
    onFailure: handleEngineRunFailure,
  },
  async ({ event, step }) => {
    const request = EngineRunRequest.parse(event.data);
    if (request.trigger === "orchestrator") {
      const current = await step.run("check-schedule", async () => {
        const state = await ensureEngineState(await tenantDb(request.tenantId), request.engine);
        return isScheduledRunCurrent(request.scheduledFor, state.nextRunAt);
      });
      // Its schedule was replaced (by the safety net): end quietly so only one schedule lives.
      if (!current) return { stale: true };
    }
    const result = await step.run("run-engine", async () => {
      const run = await runEngine(await tenantDb(request.tenantId), request.engine, request.trigger);
      // Throwing makes Inngest retry the step; each attempt is its own EngineRun row.
      if (run.outcome === "FAILED") throw new Error(run.error ?? "Engine run failed");
      return run;
    });
    await step.sendEvent("run-finished", { name: ENGINE_RUN_FINISHED, data: { tenantId: request.tenantId, engine: request.engine, outcome: result.outcome } });
    return result;
  },
);

/** Measures the engine's load after a run, stores the next interval and schedules the next run. */
export const engineOrchestrator = inngest.createFunction(
  {
    id: "engine-orchestrator",
    triggers: [{ event: ENGINE_RUN_FINISHED }],
    concurrency: { key: 'event.data.tenantId + "-" + event.data.engine', limit: 1 },
    retries: 5,
  },
  async ({ event, step }) => {
    const { tenantId, engine } = EngineRunFinished.parse(event.data);
    const decision = await step.run("decide-interval", async () => orchestrateEngine(await tenantDb(tenantId), engine));
    await step.sendEvent("schedule-next-run", {
      // The id makes a repeated decision for the same moment one event.
      id: `engine-run:${tenantId}:${engine}:${decision.nextRunAt}`,
      name: EVENTS.engineRunRequested,
      data: { tenantId, engine, trigger: "orchestrator", scheduledFor: decision.nextRunAt },
      ts: new Date(decision.nextRunAt).getTime(),
    });
    return decision;
  },
);

/** Every 5 minutes: restarts any engine whose schedule was lost (never started, or well overdue). */
export const engineSafetyNet = inngest.createFunction(
  { id: "engine-safety-net", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => {
    const tenantIds = await step.run("list-tenants", async () => listActiveTenantIds(await getPrisma()));
    const due: { tenantId: string; engine: (typeof ENGINE_NAMES)[number] }[] = [];
    for (const tenantId of tenantIds) {
      const engines = await step.run(`overdue-${tenantId}`, async () => listOverdueEngines(await tenantDb(tenantId), ENGINE_NAMES));
      due.push(...engines.map((engine) => ({ tenantId, engine })));
    }
    if (due.length === 0) return { restarted: 0 };
    // One id per engine per 5-minute slot: a retried cron does not start an engine twice.
    const slot = Math.floor(Date.now() / 300_000);
    await step.sendEvent(
      "restart-engines",
      due.map(({ tenantId, engine }) => ({
        id: `engine-restart:${tenantId}:${engine}:${slot}`,
        name: EVENTS.engineRunRequested,
        data: { tenantId, engine, trigger: "cron" },
      })),
    );
    return { restarted: due.length };
  },
);
