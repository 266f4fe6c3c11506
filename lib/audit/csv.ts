import type { AuditEvent } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { auditWhere, type AuditQuery } from "./query";

export const AUDIT_CSV_COLUMNS = [
  "time", "actor", "action", "entity", "entity_id", "before", "after", "request_id", "id",
] as const;

/** RFC 4180 field; cells that a spreadsheet would run as a formula are neutralised. */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsvRow(event: AuditEvent): string {
  return [
    event.createdAt.toISOString(),
    event.actorEmail,
    event.action,
    event.entity,
    event.entityId,
    event.before === null ? null : JSON.stringify(event.before),
    event.after === null ? null : JSON.stringify(event.after),
    event.requestId,
    event.id,
  ].map(csvField).join(",");
}

/** Streams every matching event, in pages, so a large log is never held in memory. */
export function auditCsvStream(
  db: TenantDb,
  query: AuditQuery,
  options: { timeZone?: string; batchSize?: number } = {},
): ReadableStream<Uint8Array> {
  const { timeZone = "UTC", batchSize = 1000 } = options;
  const encoder = new TextEncoder();
  const where = auditWhere(query, timeZone);
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`));
        return;
      }
      const batch = await db.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: batchSize,
        ...(cursor && { cursor: { id: cursor }, skip: 1 }),
      });
      if (batch.length === 0) return controller.close();
      cursor = batch[batch.length - 1].id;
      controller.enqueue(encoder.encode(batch.map((event) => `${auditCsvRow(event)}\r\n`).join("")));
      if (batch.length < batchSize) controller.close();
    },
  });
}
