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
  /** Of the duplicates, the rows that repeated an existing deal and added this import's list to it. */
  stacked: number;
  /** The lead list a deals import fills; null for buyers (and imports made before lists). */
  listName: string | null;
  errorCount: number;
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Average since the run started; null before it does. */
  rowsPerSecond: number | null;
}

export function toJobView(job: ImportJob, now = new Date(), listName: string | null = null): ImportJobView {
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
    stacked: job.stacked,
    listName,
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
  const names = await listNames(db, [job]);
  return toJobView(job, new Date(), names.get(job.leadListId ?? "") ?? null);
}

/** The names of the jobs' lead lists, by list id. */
async function listNames(db: TenantDb, jobs: readonly ImportJob[]): Promise<Map<string, string>> {
  const ids = jobs.flatMap((job) => (job.leadListId ? [job.leadListId] : []));
  if (ids.length === 0) return new Map();
  const lists = await db.leadList.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(lists.map((list) => [list.id, list.name]));
}

export async function listImportJobs(db: TenantDb, limit = 10): Promise<ImportJobView[]> {
  const jobs = await db.importJob.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  const now = new Date();
  const names = await listNames(db, jobs);
  return jobs.map((job) => toJobView(job, now, names.get(job.leadListId ?? "") ?? null));
}
