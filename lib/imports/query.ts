import type { ImportJob } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";

export type ImportStatus = ImportJob["status"];

/** A job as the progress panel and the recent-imports list read it (JSON-safe). */
export interface ImportJobView {
  id: string;
  /** What the rows became: deals (a lead list) or buyers. */
  kind: ImportJob["kind"];
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  created: number;
  duplicates: number;
  errorCount: number;
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Average since the run started; null before it does. */
  rowsPerSecond: number | null;
}

export function toJobView(job: ImportJob, now = new Date()): ImportJobView {
  const end = job.finishedAt ?? (job.status === "RUNNING" ? now : null);
  const seconds = job.startedAt && end ? (end.getTime() - job.startedAt.getTime()) / 1000 : 0;
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    created: job.created,
    duplicates: job.duplicates,
    errorCount: job.errorCount,
    message: job.message,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    rowsPerSecond: seconds > 0 ? Math.round(job.processedRows / seconds) : null,
  };
}

export async function getImportJob(db: TenantDb, jobId: string): Promise<ImportJobView> {
  const job = await db.importJob.findFirst({ where: { id: jobId } });
  if (!job) throw new ExpectedError("not_found", "That import does not exist.");
  return toJobView(job);
}

export async function listImportJobs(db: TenantDb, limit = 10): Promise<ImportJobView[]> {
  const jobs = await db.importJob.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const now = new Date();
  return jobs.map((job) => toJobView(job, now));
}
