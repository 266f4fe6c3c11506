import type { GetStepTools } from "inngest";
import { getPrisma } from "@/lib/db/client";
import { tenantDbFor } from "@/lib/db/edge";
import { recordEngineFailure } from "@/lib/engines/escalation";
import { isEngineRequestCurrent, planNextEngineRun, runRequestedEngine } from "@/lib/engines/scheduled";
import { listOverdueEngines } from "@/lib/engines/service";
import { ENGINE_NAMES } from "@/lib/engines/types";
import { EVENTS, parseEventData } from "@/lib/events/catalog";
import { listActiveTenantIds } from "@/lib/tenants/directory";
import { inngest } from "../client";

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
  const request = parseEventData(EVENTS.engineRunRequested, event.data.event.data);
  // The failure event carries the final error too; prefer the SDK's deserialized one.
  const message = error?.message || event.data.error?.message || "Engine run failed";
  const report = await step.run("record-failure", async () =>
    recordEngineFailure(await tenantDbFor(request.tenantId), request.engine, { error: message }),
  );
  await step.sendEvent("run-finished", { name: EVENTS.engineRunFinished, data: { tenantId: request.tenantId, engine: request.engine, outcome: "FAILED" } });
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
    const request = parseEventData(EVENTS.engineRunRequested, event.data);
    if (request.trigger === "orchestrator") {
      const current = await step.run("check-schedule", async () => isEngineRequestCurrent(await tenantDbFor(request.tenantId), request));
      // Its schedule was replaced (by the safety net): end quietly so only one schedule lives.
      if (!current) return { stale: true };
    }
    // Throwing makes Inngest retry the step; each attempt is its own EngineRun row.
    const result = await step.run("run-engine", async () => runRequestedEngine(await tenantDbFor(request.tenantId), request));
    await step.sendEvent("run-finished", { name: EVENTS.engineRunFinished, data: { tenantId: request.tenantId, engine: request.engine, outcome: result.outcome } });
    return result;
  },
);

/** Measures the engine's load after a run, stores the next interval and schedules the next run. */
export const engineOrchestrator = inngest.createFunction(
  {
    id: "engine-orchestrator",
    triggers: [{ event: EVENTS.engineRunFinished }],
    concurrency: { key: 'event.data.tenantId + "-" + event.data.engine', limit: 1 },
    retries: 5,
  },
  async ({ event, step }) => {
    const { tenantId, engine } = parseEventData(EVENTS.engineRunFinished, event.data);
    const next = await step.run("decide-interval", async () => planNextEngineRun(await tenantDbFor(tenantId), engine));
    await step.sendEvent("schedule-next-run", {
      id: next.id,
      name: EVENTS.engineRunRequested,
      data: next.request,
      ts: new Date(next.decision.nextRunAt).getTime(),
    });
    return next.decision;
  },
);

/** Every 5 minutes: restarts any engine whose schedule was lost (never started, or well overdue). */
export const engineSafetyNet = inngest.createFunction(
  { id: "engine-safety-net", triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step }) => {
    // Listing the tenants spans them all, so it needs the root client.
    const tenantIds = await step.run("list-tenants", async () => listActiveTenantIds(await getPrisma()));
    const due: { tenantId: string; engine: (typeof ENGINE_NAMES)[number] }[] = [];
    for (const tenantId of tenantIds) {
      const engines = await step.run(`overdue-${tenantId}`, async () => listOverdueEngines(await tenantDbFor(tenantId), ENGINE_NAMES));
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
