import { recordAudit } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";

/**
 * Imports left RUNNING by a server that died mid-way (a crash, kill -9): nothing runs them
 * any more. Called when a server starts, for the jobs it is not running that started before
 * it did; each is marked FAILED with how far it got, so the page offers Retry, which resumes
 * after the rows already counted.
 */
export async function failInterruptedImports(
  db: TenantDb,
  options: { startedBefore: Date; isRunningHere: (jobId: string) => boolean; now?: Date },
): Promise<string[]> {
  const stuck = await db.importJob.findMany({
    where: { status: "RUNNING", startedAt: { lt: options.startedBefore } },
    select: { id: true, kind: true, fileName: true, processedRows: true, createdById: true },
  });
  const failed: string[] = [];
  for (const job of stuck) {
    if (options.isRunningHere(job.id)) continue;
    const message = `Interrupted after ${job.processedRows.toLocaleString("en-US")} rows: the server stopped while it ran. The rows before are imported; retry to continue.`;
    const marked = await db.$transaction(async (tx) => {
      // Conditional on RUNNING, so a job that finished meanwhile keeps its outcome.
      const { count } = await tx.importJob.updateMany({ where: { id: job.id, status: "RUNNING" }, data: { status: "FAILED", message, finishedAt: options.now ?? new Date() } });
      if (count === 0) return false;
      await recordAudit(
        tx,
        { action: job.kind === "BUYERS" ? "buyers.import_failed" : "deals.import_failed", entity: "ImportJob", entityId: job.id, after: { processedRows: job.processedRows, message } },
        { actorId: job.createdById, actorEmail: null, requestId: undefined },
      );
      return true;
    });
    if (marked) failed.push(job.id);
  }
  return failed;
}
