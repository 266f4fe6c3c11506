import { getDatabase, getPrisma } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrate";
import { inngestBaseUrl } from "@/lib/runtime/executor";
import { jobBacklog } from "@/lib/runtime/jobs";
import { currentExecutor } from "@/lib/runtime/process";
import { heartbeatStatus } from "./heartbeat";
import { checkProviders } from "./providers-health";

export type CheckStatus = "ok" | "degraded" | "down";

export interface HealthCheck {
  status: CheckStatus;
  latencyMs: number;
  detail?: string;
  [key: string]: unknown;
}

type CheckResult = { status: CheckStatus; detail?: string; [key: string]: unknown };

async function timed(run: () => Promise<CheckResult>): Promise<HealthCheck> {
  const started = performance.now();
  try {
    const result = await run();
    return { ...result, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { status: "down", detail: (error as Error).message, latencyMs: Math.round(performance.now() - started) };
  }
}

export async function checkInngest(timeoutMs = 1500): Promise<HealthCheck> {
  const url = inngestBaseUrl();
  return timed(async () => {
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
      // Any HTTP answer means a server is there; engines can be dispatched.
      return { status: "ok", url, httpStatus: response.status };
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? "timed out" : "no answer";
      return {
        status: "degraded",
        url,
        detail: `Inngest is unreachable (${reason}); background jobs wait until it answers, manual runs still work`,
      };
    }
  });
}

export async function checkDatabase(): Promise<HealthCheck> {
  return timed(async () => {
    const database = await getDatabase();
    await database.sql.query("SELECT 1");
    return { status: "ok", kind: database.kind };
  });
}

export async function checkMigrations(): Promise<HealthCheck> {
  return timed(async () => {
    const pending = await pendingMigrations((await getDatabase()).sql);
    return pending.length === 0
      ? { status: "ok", pending }
      : { status: "down", pending, detail: `${pending.length} migration(s) not applied` };
  });
}

export function overallStatus(checks: HealthCheck[]): CheckStatus {
  if (checks.some((c) => c.status === "down")) return "down";
  if (checks.some((c) => c.status === "degraded")) return "degraded";
  return "ok";
}

/**
 * Which executor runs the background jobs, and why; for Inngest whether it answers, for
 * the embedded runner what it has in hand (across workspaces).
 */
export async function checkExecutor(): Promise<HealthCheck> {
  return timed(async () => {
    const executor = await currentExecutor();
    if (executor.kind === "embedded") {
      const jobs = await jobBacklog(await getPrisma());
      return { status: "ok", kind: executor.kind, reason: executor.reason, jobs, detail: `Embedded runner: ${executor.reason}. ${jobs.waiting} job(s) waiting, ${jobs.failed} failed after their retries.` };
    }
    const inngest = await checkInngest();
    const reachable = inngest.status === "ok";
    return {
      status: inngest.status,
      kind: executor.kind,
      reason: executor.reason,
      url: inngest.url,
      detail: reachable ? `Inngest: ${executor.reason}.` : `Inngest: ${executor.reason}, but ${inngest.detail}.`,
    };
  });
}

/** The runtime's heartbeat: degraded once it is older than STALE_AFTER_MS (background work stopped). */
export async function checkHeartbeat(): Promise<HealthCheck> {
  return timed(async () => {
    const beat = await heartbeatStatus(await getPrisma());
    if (!beat.lastBeatAt) return { status: "ok", ...beat, detail: "No heartbeat yet: the first arrives within 5 minutes of the runtime starting." };
    const minutes = Math.round((beat.ageSeconds ?? 0) / 60);
    return beat.stale
      ? { status: "degraded", ...beat, detail: `Last heartbeat ${minutes} min ago from the ${beat.executor} runtime: background jobs have stopped.` }
      : { status: "ok", ...beat, detail: `Last heartbeat ${minutes} min ago from the ${beat.executor} runtime.` };
  });
}

export async function detailedHealth() {
  const [database, migrations, executor, heartbeat, providers] = await Promise.all([checkDatabase(), checkMigrations(), checkExecutor(), checkHeartbeat(), checkProviders()]);
  const status = overallStatus([database, migrations, executor, heartbeat, providers]);
  return { status, time: new Date().toISOString(), checks: { database, migrations, executor, heartbeat, providers } };
}
