/**
 * The embedded runner: when no Inngest server is configured, this server process runs the
 * background work itself, from the RuntimeJob table. Outbox events become jobs (the
 * dispatcher's sender), cron slots are written as jobs, and due jobs are claimed, run by
 * the same lib functions as the Inngest functions, retried with backoff, and survive a
 * restart: all state is in the database.
 */
import { withRequestId } from "@/lib/observability/request-context";
import type { PrismaClient } from "@/generated/prisma/client";
import { scopeToTenant } from "@/lib/db/tenant";
import type { SendEvents } from "@/lib/events/dispatcher";
import type { LadderSender } from "@/lib/ladder/steps";
import { logger } from "@/lib/observability/logger";
import { cronSlotJobs, jobForEvent, jobHandler, type JobContext } from "./handlers";
import { claimDueJobs, completeJob, deferJob, failJobAttempt, JOB_LEASE_MS, scheduleJobs, type ClaimedJob } from "./jobs";

export interface RunnerOptions {
  prisma: PrismaClient;
  send: LadderSender;
  now?: () => Date;
  leaseMs?: number;
  batchSize?: number;
  /** Upper bound of batches in one pass, so a pass always ends. */
  maxBatches?: number;
}

export interface RunnerReport {
  done: number;
  deferred: number;
  retried: number;
  failed: number;
}

/** The dispatcher's sender while the embedded runner is the executor: each event becomes a job. */
export function embeddedEventSender(prisma: PrismaClient, now: () => Date = () => new Date()): SendEvents {
  return async (events) => {
    await scheduleJobs(prisma, events.map((event) => jobForEvent(event, now())));
  };
}

function describeError(error: unknown): string {
  return (error as Error)?.message || String(error);
}

async function runJob(options: RunnerOptions, job: ClaimedJob, now: Date, report: RunnerReport): Promise<void> {
  const { prisma } = options;
  const handler = jobHandler(job.kind);
  const ctx: JobContext = { prisma, now, send: options.send, tenantDb: (tenantId) => scopeToTenant(prisma, tenantId) };
  if (!handler) {
    await failJobAttempt(prisma, { ...job, attempts: job.maxAttempts }, `No handler for jobs of kind ${job.kind}`, now);
    report.failed += 1;
    return;
  }
  try {
    const requestId = (job.payload as { requestId?: unknown } | null)?.requestId;
    const result = await withRequestId(typeof requestId === "string" ? requestId : null, () => handler.run(ctx, job));
    if (result && "defer" in result) {
      await deferJob(prisma, job.id, result.defer.runAt, result.defer.payload);
      report.deferred += 1;
    } else {
      await completeJob(prisma, job.id, now);
      report.done += 1;
    }
  } catch (error) {
    const message = describeError(error);
    logger.warn({ err: error, jobId: job.id, kind: job.kind, attempt: job.attempts }, "background job failed");
    const verdict = await failJobAttempt(prisma, job, message, now);
    if (verdict === "retry") {
      report.retried += 1;
      return;
    }
    report.failed += 1;
    await handler.onFinalFailure?.(ctx, job, message).catch((failure: unknown) => logger.error({ err: failure, jobId: job.id }, "handling a failed job failed"));
  }
}

/** One pass: writes the current cron slots, then claims and runs due jobs in batches. */
export async function runDueJobs(options: RunnerOptions): Promise<RunnerReport> {
  const clock = options.now ?? (() => new Date());
  const report: RunnerReport = { done: 0, deferred: 0, retried: 0, failed: 0 };
  await scheduleJobs(options.prisma, cronSlotJobs(clock()));
  const batchSize = options.batchSize ?? 20;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch += 1) {
    const now = clock();
    const jobs = await claimDueJobs(options.prisma, now, new Date(now.getTime() + (options.leaseMs ?? JOB_LEASE_MS)), batchSize);
    if (jobs.length === 0) break;
    // Jobs may write follow-ups that are due at once (an opened ladder's first step): the next batch takes them.
    for (const job of jobs) await runJob(options, job, clock(), report);
  }
  return report;
}
