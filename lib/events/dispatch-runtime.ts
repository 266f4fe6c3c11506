import { getPrisma } from "@/lib/db/client";
import { logger } from "@/lib/observability/logger";
import { dispatchPendingEvents, type DispatchReport, type SendEvents } from "./dispatcher";

// On globalThis, like the rest of this state: Next bundles instrumentation and each route
// apart, and a sender registered by one must serve the others.
const state = globalThis as unknown as {
  outboxSender?: SendEvents;
  outboxPass?: Promise<DispatchReport>;
  outboxAgain?: boolean;
  outboxLoop?: NodeJS.Timeout;
  /** Whether the last pass failed: logs say when delivery stops and when it resumes, not every retry. */
  outboxFailing?: boolean;
};

function logTransition(report: DispatchReport) {
  if (report.failed > 0 && !state.outboxFailing) {
    logger.warn({ error: report.lastError, events: report.failed }, "outbox events cannot be handed to the executor (Inngest or the embedded runner); retrying with backoff");
  } else if (report.failed === 0 && report.sent > 0 && state.outboxFailing) {
    logger.info({ events: report.sent }, "outbox events are being delivered again");
  }
  if (report.failed > 0) state.outboxFailing = true;
  else if (report.sent > 0) state.outboxFailing = false;
}

/**
 * The edge that owns the event bus (inngest/) registers how events leave this process, once
 * at startup. Returns a function that unregisters it.
 */
export function registerEventSender(send: SendEvents): () => void {
  state.outboxSender = send;
  return () => {
    if (state.outboxSender === send) state.outboxSender = undefined;
  };
}

/**
 * One dispatcher pass in this process; a call during a pass asks for one more pass after it.
 * Without a registered sender nothing is claimed or marked: the events wait for a process
 * (or the Inngest cron) that can deliver them.
 */
export function dispatchNow(): Promise<DispatchReport> {
  const send = state.outboxSender;
  if (!send) {
    logger.warn("outbox dispatch skipped: no event sender is registered in this process");
    return Promise.resolve({ sent: 0, failed: 0, lastError: null });
  }
  if (state.outboxPass) {
    state.outboxAgain = true;
    return state.outboxPass;
  }
  const pass = (async () => {
    let report: DispatchReport;
    do {
      state.outboxAgain = false;
      // The root client: a pass reads every tenant's outbox.
      report = await dispatchPendingEvents({ prisma: await getPrisma(), send });
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
 * Runs once a transaction that enqueued events has committed (enqueueEvents schedules it):
 * dispatches them right away, best effort, without making the request wait. If it fails the
 * loop and the cron retry. A process with no sender (the command line) leaves them to those.
 */
export function kickDispatcher(): void {
  if (!inProcessDispatchEnabled() || !state.outboxSender) return;
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
