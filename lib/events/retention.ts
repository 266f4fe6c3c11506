import type { PrismaClient } from "@/generated/prisma/client";

/** How long delivered events are kept (for the Engines page and for looking into a problem). */
export const OUTBOX_RETENTION_MS = 7 * 86_400_000;

/**
 * Deletes outbox events delivered before `before`. Once delivered an event has done its
 * work (its consumer keeps the outcome), and kept forever the table only grows. Pending
 * events are never pruned. Root client: the upkeep spans every workspace's outbox.
 */
export async function pruneDeliveredEvents(prisma: PrismaClient, before: Date): Promise<number> {
  const { count } = await prisma.eventOutbox.deleteMany({ where: { dispatchedAt: { not: null, lt: before } } });
  return count;
}
