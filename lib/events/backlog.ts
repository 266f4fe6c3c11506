import type { PrismaClient } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";

export interface OutboxBacklog {
  /** Events written but not yet accepted by Inngest. */
  pending: number;
  /** When the oldest of them was written: how long events have been waiting. */
  oldestCreatedAt: string | null;
  /** Most attempts any waiting event has had. */
  maxAttempts: number;
  /** The error of the most recently retried waiting event. */
  lastError: string | null;
}

type OutboxReader = Pick<PrismaClient, "eventOutbox"> | Pick<TenantDb, "eventOutbox">;

/**
 * The backlog of a tenant (through its scoped client) or of the whole system (root client,
 * for the health check: a stuck dispatcher shows across all workspaces at once).
 */
export async function outboxBacklog(db: OutboxReader): Promise<OutboxBacklog> {
  const reader = db.eventOutbox as PrismaClient["eventOutbox"];
  const waiting = { dispatchedAt: null };
  const [stats, failing] = await Promise.all([
    reader.aggregate({ where: waiting, _count: { _all: true }, _min: { createdAt: true }, _max: { attempts: true } }),
    reader.findFirst({ where: { ...waiting, attempts: { gt: 0 } }, orderBy: { nextAttemptAt: "desc" }, select: { lastError: true } }),
  ]);
  return {
    pending: stats._count._all,
    oldestCreatedAt: stats._min.createdAt?.toISOString() ?? null,
    maxAttempts: stats._max.attempts ?? 0,
    lastError: failing?.lastError ?? null,
  };
}
