import { inngest } from "@/inngest/client";
import { getPrisma } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import { dispatchPendingEvents, type DispatchReport } from "./dispatcher";

/** Inngest's client as the dispatcher's sender; ids make resends no-ops. */
export const sendToInngest = (events: { id: string; name: string; data: Record<string, unknown> }[]) => inngest.send(events);

const state = globalThis as unknown as {
  outboxPass?: Promise<DispatchReport>;
  outboxAgain?: boolean;
  outboxLoop?: NodeJS.Timeout;
  /** Whether the last pass failed: logs say when delivery stops and when it resumes, not every retry. */
  outboxFailing?: boolean;
};

function logTransition(report: DispatchReport) {
  if (report.failed > 0 && !state.outboxFailing) {
    logger.warn({ error: report.lastError, events: report.failed }, "outbox events cannot be delivered to Inngest; retrying with backoff");
  } else if (report.failed === 0 && report.sent > 0 && state.outboxFailing) {
    logger.info({ events: report.sent }, "outbox events are being delivered to Inngest again");
  }
  if (report.failed > 0) state.outboxFailing = true;
  else if (report.sent > 0) state.outboxFailing = false;
}

/** One dispatcher pass in this process; a call during a pass asks for one more pass after it. */
export function dispatchNow(): Promise<DispatchReport> {
  if (state.outboxPass) {
    state.outboxAgain = true;
    return state.outboxPass;
  }
  const pass = (async () => {
    let report: DispatchReport;
    do {
      state.outboxAgain = false;
      report = await dispatchPendingEvents({ prisma: await getPrisma(), send: sendToInngest });
      logTransition(report);
    } while (state.outboxAgain && report.failed === 0);
    return report;
  })().finally(() => {
    state.outboxPass = undefined;
  });
  state.outboxPass = pass;
  return pass;
}

/**
 * Call after committing a transaction that enqueued events: dispatches them right away, best
 * effort, without making the request wait. If it fails the loop and the cron retry.
 */
export function kickDispatcher(): void {
  if (!inProcessDispatchEnabled()) return;
  dispatchNow().catch((error) => logger.warn({ err: error }, "outbox dispatch after commit failed; the loop will retry"));
}

/** OUTBOX_DISPATCHER=0 leaves dispatching to the Inngest cron: no loop, no dispatch after commits. */
export function inProcessDispatchEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.OUTBOX_DISPATCHER !== "0" && env.OUTBOX_DISPATCHER !== "off";
}

export function dispatcherLoopIntervalMs(env: NodeJS.ProcessEnv = process.env): number | null {
  if (!inProcessDispatchEnabled(env)) return null;
  const value = Number(env.OUTBOX_DISPATCH_INTERVAL_MS ?? 5000);
  return Number.isFinite(value) && value >= 500 ? value : 5000;
}

/** Dispatches every few seconds while the server runs, so events wait at most a few seconds once Inngest answers. */
export function startDispatcherLoop(intervalMs = dispatcherLoopIntervalMs()): void {
  if (intervalMs === null || state.outboxLoop) return;
  state.outboxLoop = setInterval(() => kickDispatcher(), intervalMs);
  state.outboxLoop.unref();
}

export function stopDispatcherLoop(): void {
  if (state.outboxLoop) clearInterval(state.outboxLoop);
  state.outboxLoop = undefined;
}
