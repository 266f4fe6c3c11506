/**
 * The executor of this server process, decided once at startup, and the embedded runner's
 * loop when it is the one. State lives on globalThis: Next bundles instrumentation and each
 * route apart, and they must see the same executor.
 */
import { getPrisma } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { registerEventSender } from "@/lib/events/dispatch-runtime";
import { failInterruptedImports } from "@/lib/imports/recovery";
import { isImportRunning } from "@/lib/imports/runner";
import type { LadderSender } from "@/lib/ladder/steps";
import { logger } from "@/lib/observability/logger";
import { listActiveTenantIds } from "@/lib/tenants/directory";
import { chooseExecutor, inngestBaseUrl, isInngestDevMode, type ExecutorChoice } from "./executor";
import { embeddedEventSender, runDueJobs } from "./runner";

const state = globalThis as unknown as {
  runtimeExecutor?: ExecutorChoice;
  runtimeLoop?: NodeJS.Timeout;
  runtimePass?: Promise<unknown>;
  runtimeAgain?: boolean;
};

/** How often the embedded runner looks for due jobs. */
export const RUNNER_INTERVAL_MS = 2_000;

async function devServerAnswers(url: string, attempts: number): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_500), cache: "no-store" });
      return true;
    } catch {
      // not answering (yet): the Dev Server may still be starting
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return false;
}

/** Decides (once per process) which executor runs the background work, probing a Dev Server when INNGEST_DEV=1. */
export async function decideExecutor(env: NodeJS.ProcessEnv = process.env, probeAttempts = 5): Promise<ExecutorChoice> {
  const devServerUrl = inngestBaseUrl(env);
  const devServerReachable = isInngestDevMode(env) ? await devServerAnswers(devServerUrl, probeAttempts) : false;
  state.runtimeExecutor = chooseExecutor({ env, devServerReachable, devServerUrl });
  return state.runtimeExecutor;
}

/** The executor this process chose at startup; a process that has not decided (a build) decides now, quickly. */
export async function currentExecutor(): Promise<ExecutorChoice> {
  return state.runtimeExecutor ?? decideExecutor(process.env, 1);
}

function runPass(send: LadderSender): void {
  if (state.runtimePass) {
    state.runtimeAgain = true;
    return;
  }
  state.runtimePass = (async () => {
    do {
      state.runtimeAgain = false;
      await runDueJobs({ prisma: await getPrisma(), send });
    } while (state.runtimeAgain);
  })()
    .catch((error: unknown) => logger.warn({ err: error }, "embedded runner pass failed; the next tick retries"))
    .finally(() => {
      state.runtimePass = undefined;
    });
}

/**
 * Makes this process the executor: outbox events become jobs, and due jobs run every
 * RUNNER_INTERVAL_MS and right after new events arrive.
 */
export async function startEmbeddedRunner(send: LadderSender): Promise<void> {
  if (state.runtimeLoop) return;
  const toJobs = embeddedEventSender(await getPrisma());
  registerEventSender(async (events) => {
    await toJobs(events);
    runPass(send);
  });
  state.runtimeLoop = setInterval(() => runPass(send), RUNNER_INTERVAL_MS);
  state.runtimeLoop.unref();
  runPass(send);
}

export function stopEmbeddedRunner(): void {
  if (state.runtimeLoop) clearInterval(state.runtimeLoop);
  state.runtimeLoop = undefined;
}

/**
 * Once, soon after startup (every executor): imports a dead server left RUNNING are marked
 * FAILED so their page offers Retry.
 */
export async function recoverInterruptedImports(startedAt: Date): Promise<number> {
  const prisma = await getPrisma();
  let failed = 0;
  for (const tenantId of await listActiveTenantIds(prisma)) {
    const ids = await failInterruptedImports(scopeToTenant(prisma, tenantId), { startedBefore: startedAt, isRunningHere: isImportRunning });
    failed += ids.length;
  }
  if (failed > 0) logger.warn({ imports: failed }, "imports interrupted by a restart were marked failed; retry resumes them");
  return failed;
}
