/**
 * The embedded runner's job table. A system module: jobs of every tenant (and the crons,
 * which have none) are claimed together, so it uses the root client, and the claim is one
 * raw UPDATE ... FOR UPDATE SKIP LOCKED, which Prisma's query API cannot express, so that
 * two runners (two server processes on one PostgreSQL) never take the same job.
 */
import { Prisma, type PrismaClient, type RuntimeJob } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";

export interface NewJob {
  /** The work's natural key: writing the same work twice keeps the first row. */
  id: string;
  kind: string;
  tenantId?: string | null;
  payload?: Record<string, unknown>;
  runAt: Date;
  maxAttempts?: number;
}

export type ClaimedJob = Pick<RuntimeJob, "id" | "kind" | "tenantId" | "payload" | "attempts" | "maxAttempts" | "runAt">;

/** How long a claimed job is reserved; a runner that died releases it when this passes. */
export const JOB_LEASE_MS = 5 * 60_000;
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_CAP_MS = 10 * 60_000;

/** Wait before attempt `attempts + 1` after `attempts` failed ones: 10 s, 20 s, 40 s... capped at 10 min. */
export function jobBackoffMs(attempts: number): number {
  const exponent = Math.max(0, Math.min(20, Math.floor(attempts) - 1));
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

export async function scheduleJobs(prisma: PrismaClient, jobs: readonly NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const { count } = await prisma.runtimeJob.createMany({
    data: jobs.map((job) => ({
      id: job.id,
      kind: job.kind,
      tenantId: job.tenantId ?? null,
      payload: (job.payload ?? {}) as Prisma.InputJsonValue,
      runAt: job.runAt,
      maxAttempts: job.maxAttempts ?? 4,
    })),
    skipDuplicates: true,
  });
  return count;
}

/**
 * Claims up to `limit` jobs that are due, or whose runner's lease ran out (the process died
 * mid-job), counting the attempt and leasing them until `leaseUntil`.
 */
export async function claimDueJobs(prisma: PrismaClient, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedJob[]> {
  return prisma.$queryRaw<ClaimedJob[]>(Prisma.sql`
    UPDATE "RuntimeJob"
    SET "status" = 'RUNNING'::"RuntimeJobStatus", "attempts" = "attempts" + 1, "leaseUntil" = ${leaseUntil}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "RuntimeJob"
      WHERE ("status" = 'PENDING'::"RuntimeJobStatus" AND "runAt" <= ${now}::timestamp(3))
         OR ("status" = 'RUNNING'::"RuntimeJobStatus" AND "leaseUntil" <= ${now}::timestamp(3))
      ORDER BY "runAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "tenantId", "payload", "attempts", "maxAttempts", "runAt"`);
}

export async function completeJob(prisma: PrismaClient, id: string, now: Date): Promise<void> {
  await prisma.runtimeJob.updateMany({ where: { id, status: "RUNNING" }, data: { status: "DONE", finishedAt: now, leaseUntil: null, lastError: null } });
}

/** Puts the job back to wait until `runAt` (a ladder step whose window moved): not a failure. */
export async function deferJob(prisma: PrismaClient, id: string, runAt: Date, payload: Record<string, unknown>): Promise<void> {
  await prisma.runtimeJob.updateMany({
    where: { id, status: "RUNNING" },
    data: { status: "PENDING", runAt, attempts: 0, leaseUntil: null, payload: payload as Prisma.InputJsonValue },
  });
}

/** A failed attempt: retried after the backoff, or FAILED for good once its attempts are spent. */
export async function failJobAttempt(prisma: PrismaClient, job: ClaimedJob, error: string, now: Date): Promise<"retry" | "failed"> {
  const final = job.attempts >= job.maxAttempts;
  await prisma.runtimeJob.updateMany({
    where: { id: job.id, status: "RUNNING" },
    data: final
      ? { status: "FAILED", finishedAt: now, leaseUntil: null, lastError: error.slice(0, 2000) }
      : { status: "PENDING", runAt: new Date(now.getTime() + jobBackoffMs(job.attempts)), leaseUntil: null, lastError: error.slice(0, 2000) },
  });
  return final ? "failed" : "retry";
}

/** Drops finished jobs older than `before`: their outcome is recorded where it matters (runs, ladders). */
export async function pruneFinishedJobs(prisma: PrismaClient, before: Date): Promise<number> {
  const { count } = await prisma.runtimeJob.deleteMany({ where: { status: { in: ["DONE", "FAILED"] }, finishedAt: { lt: before } } });
  return count;
}

export interface JobBacklog {
  waiting: number;
  running: number;
  failed: number;
  nextRunAt: string | null;
}

type JobReader = Pick<PrismaClient, "runtimeJob"> | Pick<TenantDb, "runtimeJob">;

/** What the embedded runner has in hand: a tenant's jobs (its scoped client) or all of them. */
export async function jobBacklog(db: JobReader): Promise<JobBacklog> {
  const reader = db.runtimeJob as PrismaClient["runtimeJob"];
  const [waiting, running, failed, next] = await Promise.all([
    reader.count({ where: { status: "PENDING" } }),
    reader.count({ where: { status: "RUNNING" } }),
    reader.count({ where: { status: "FAILED" } }),
    reader.findFirst({ where: { status: "PENDING" }, orderBy: { runAt: "asc" }, select: { runAt: true } }),
  ]);
  return { waiting, running, failed, nextRunAt: next?.runAt.toISOString() ?? null };
}
