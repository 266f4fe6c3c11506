import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { dispatchBackoffMs } from "./backoff";

/** Sends events to Inngest; `id` is the outbox row id, which Inngest uses to drop repeats. */
export type SendEvents = (events: { id: string; name: string; data: Record<string, unknown> }[]) => Promise<unknown>;

export interface DispatchOptions {
  /** The root client: the dispatcher is a system process reading every tenant's outbox. */
  prisma: PrismaClient;
  send: SendEvents;
  now?: () => Date;
  batchSize?: number;
  /** How long a claimed row is reserved for this pass before another pass may retry it. */
  leaseMs?: number;
  /** Upper bound of batches in one pass, so a pass always ends. */
  maxBatches?: number;
}

export interface DispatchReport {
  sent: number;
  failed: number;
  lastError: string | null;
}

interface ClaimedRow {
  id: string;
  name: string;
  data: Record<string, unknown>;
  attempts: number;
}

export const DEFAULT_LEASE_MS = 60_000;

/** "fetch failed: connect ECONNREFUSED 127.0.0.1:8288": the cause says why Inngest did not answer. */
function describeSendError(error: unknown): string {
  const message = (error as Error)?.message || String(error);
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  return cause && !message.includes(cause) ? `${message}: ${cause}` : message;
}

/**
 * Claims up to `limit` due rows in one statement. The lease moves their next attempt into the
 * future, and SKIP LOCKED lets a concurrent pass take other rows instead of waiting for
 * these, so no row is handed to two passes at once.
 */
async function claimDueRows(prisma: PrismaClient, now: Date, lease: Date, limit: number): Promise<ClaimedRow[]> {
  return prisma.$queryRaw<ClaimedRow[]>(Prisma.sql`
    UPDATE "EventOutbox" SET "nextAttemptAt" = ${lease}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "EventOutbox"
      WHERE "dispatchedAt" IS NULL AND "nextAttemptAt" <= ${now}::timestamp(3)
      ORDER BY "createdAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    AND "dispatchedAt" IS NULL
    RETURNING "id", "name", "data", "attempts"`);
}

async function markFailed(prisma: PrismaClient, rows: ClaimedRow[], error: string, now: Date) {
  const byAttempts = new Map<number, string[]>();
  for (const row of rows) byAttempts.set(row.attempts, [...(byAttempts.get(row.attempts) ?? []), row.id]);
  for (const [attempts, ids] of byAttempts) {
    await prisma.eventOutbox.updateMany({
      where: { id: { in: ids }, dispatchedAt: null },
      data: { attempts: attempts + 1, lastError: error.slice(0, 1000), nextAttemptAt: new Date(now.getTime() + dispatchBackoffMs(attempts + 1)) },
    });
  }
}

/**
 * Sends waiting outbox events to Inngest, oldest first, and marks them dispatched once
 * Inngest accepted them. A failed send leaves them pending with one more attempt, the error
 * and a capped exponential backoff; a later pass retries. Each event goes out with its row
 * id as the Inngest event id, so even a resend after a crash between send and mark is seen
 * by Inngest once.
 */
export async function dispatchPendingEvents(options: DispatchOptions): Promise<DispatchReport> {
  const { prisma, send } = options;
  const clock = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const report: DispatchReport = { sent: 0, failed: 0, lastError: null };

  for (let batch = 0; batch < (options.maxBatches ?? 20); batch += 1) {
    const now = clock();
    const rows = await claimDueRows(prisma, now, new Date(now.getTime() + leaseMs), batchSize);
    if (rows.length === 0) break;
    try {
      await send(rows.map((row) => ({ id: row.id, name: row.name, data: row.data })));
    } catch (error) {
      const message = describeSendError(error);
      await markFailed(prisma, rows, message, clock());
      report.failed += rows.length;
      report.lastError = message;
      break;
    }
    await prisma.eventOutbox.updateMany({ where: { id: { in: rows.map((row) => row.id) }, dispatchedAt: null }, data: { dispatchedAt: clock() } });
    report.sent += rows.length;
    if (rows.length < batchSize) break;
  }
  return report;
}
