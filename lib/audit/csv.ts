import type { AuditEvent } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { auditWhere, type AuditQuery } from "./query";
import { openAuditEvents } from "./sealing";

export const AUDIT_CSV_COLUMNS = [
  "time", "actor", "action", "entity", "entity_id", "before", "after", "request_id", "id",
] as const;

/**
 * A cell a spreadsheet would run as a formula: one starting with =, +, - or @ (or their
 * full-width forms), also after leading spaces, line breaks or other control characters,
 * which spreadsheets skip; and one starting with a tab or carriage return (OWASP's list).
 */
const FORMULA_START = /^(?:[\s\u0000-\u001f]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/**
 * RFC 4180 field; formula-like cells get a leading apostrophe so spreadsheets show them as
 * text. Every CSV the app writes (audit log, prospects export, import error report) uses it.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = isFormulaLike(value) ? `'${value}` : value;
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
      const opened = await openAuditEvents(db, batch);
      controller.enqueue(encoder.encode(opened.map((event) => `${auditCsvRow(event)}\r\n`).join("")));
      if (batch.length < batchSize) controller.close();
    },
  });
}
