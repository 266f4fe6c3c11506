import type { AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { runImport, type RunImportOptions } from "./service";

// Survives dev-server module reloads, like the database handle.
const globalForImports = globalThis as unknown as { dealflowImports?: Map<string, Promise<void>> };
const running = (globalForImports.dealflowImports ??= new Map());

/**
 * Starts an import in the background of this server process and returns at once: the
 * request that uploaded the file answers with the job id, and the page polls the job.
 * runImport records its own failures on the job; anything that escapes it is logged.
 */
export function startImport(db: TenantDb, jobId: string, actor: AuditContext, options: Pick<RunImportOptions, "restart" | "recover"> = {}): boolean {
  if (running.has(jobId)) return false;
  const task = runImport(db, jobId, undefined, { ...options, actor })
    .then(() => undefined)
    .catch((error: unknown) => logger.error({ err: error, jobId, tenantId: db.tenantId }, "import could not start"))
    .finally(() => running.delete(jobId));
  running.set(jobId, task);
  return true;
}

/** Whether this process is running the job: a RUNNING job it is not running was orphaned. */
export function isImportRunning(jobId: string): boolean {
  return running.has(jobId);
}

/** Resolves when the background run of the job ends (tests, graceful shutdown). */
export async function settleImport(jobId: string): Promise<void> {
  await running.get(jobId);
}
