import { randomUUID } from "node:crypto";
import { insertRows } from "@/lib/db/bulk";
import { isTenantTransaction, type TenantDb, type TenantTransaction } from "@/lib/db/tenant";
import { currentRequestId } from "@/lib/observability/request-context";
import { kickDispatcher } from "./dispatch-runtime";

export interface OutboxEventInput {
  name: string;
  data: Record<string, unknown>;
  /**
   * The Inngest event id. Give a stable one ("ladder-start:<dealId>") when the same cause
   * could be written twice; Inngest drops a second event with an id it has already seen.
   */
  id?: string;
}

/**
 * Writes events to the transactional outbox. Call it with the transaction that makes the
 * change causing them, so the change and its events commit together or not at all; the
 * dispatcher sends them to Inngest afterwards, retrying until Inngest accepts them. A
 * dispatch pass is kicked once they are committed (after the transaction, or at once outside
 * one), so no caller has to remember it. Returns the event ids.
 */
export async function enqueueEvents(db: TenantDb | TenantTransaction, events: OutboxEventInput[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    id: event.id ?? randomUUID(),
    name: event.name,
    // Every event names its tenant, so functions can scope their work and their concurrency.
    // ...and the request that caused them, so the work they start logs under the same id.
    data: { ...event.data, tenantId: db.tenantId, ...withCurrentRequestId() },
  }));
  await insertRows(db, "EventOutbox", rows, { skipDuplicates: true });
  if (isTenantTransaction(db)) db.afterCommit(kickDispatcher);
  else kickDispatcher();
  return rows.map((row) => row.id);
}

function withCurrentRequestId(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}
