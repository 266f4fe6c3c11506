import { getDatabase } from "@/lib/db/client";
import { pendingMigrations } from "@/lib/db/migrate";

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

export function inngestBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INNGEST_BASE_URL) return env.INNGEST_BASE_URL.replace(/\/$/, "");
  if (env.INNGEST_DEV && env.INNGEST_DEV.startsWith("http")) return env.INNGEST_DEV.replace(/\/$/, "");
  return env.INNGEST_SIGNING_KEY ? "https://api.inngest.com" : "http://127.0.0.1:8288";
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
        detail: `Inngest is unreachable (${reason}); scheduled engines are paused, manual runs still work`,
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

export async function detailedHealth() {
  const [database, migrations, inngest] = await Promise.all([checkDatabase(), checkMigrations(), checkInngest()]);
  const status = overallStatus([database, migrations, inngest]);
  return { status, time: new Date().toISOString(), checks: { database, migrations, inngest } };
}
