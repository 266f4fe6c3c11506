import { DateTime } from "luxon";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { openAuditEvents } from "./sealing";
import { storableText } from "@/lib/validation/text";

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), storableText().trim().max(200).optional());
/** A calendar day as a date input sends it; which instant it starts at depends on the zone. */
const optionalDay = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
    .refine((day) => DateTime.fromISO(day, { zone: "UTC" }).isValid, "Enter a valid date")
    .optional(),
);

/** The audit log's filters and page, as found in the URL. */
export const AuditQuerySchema = z.object({
  action: optionalText,
  entity: optionalText,
  actor: optionalText,
  from: optionalDay,
  to: optionalDay,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).catch(50).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/**
 * The page's reading of its URL: a malformed filter (from=garbage) is dropped rather than
 * failing the page, since URLs are hand-edited and shared; `ignored` names what was dropped.
 */
export function parseAuditQuery(raw: Record<string, string | string[] | undefined>): { query: AuditQuery; ignored: string[] } {
  const input: Record<string, unknown> = {};
  // A repeated parameter (?from=a&from=b) counts by its first value, as URLSearchParams.get does.
  for (const [key, value] of Object.entries(raw)) input[key] = Array.isArray(value) ? value[0] : value;
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = AuditQuerySchema.safeParse(input);
    if (parsed.success) return { query: parsed.data, ignored };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (key in input) ignored.push(key);
      delete input[key];
    }
  }
  return { query: AuditQuerySchema.parse({}), ignored };
}

/** Midnight starting `day` in `timeZone`, as an instant. */
export function startOfDay(day: string, timeZone: string): Date {
  return DateTime.fromISO(day, { zone: timeZone }).startOf("day").toJSDate();
}

/** Filters in the workspace's time zone, the zone the audit page shows times in. */
export function auditWhere(query: AuditQuery, timeZone = "UTC"): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (query.action) where.action = { contains: query.action, mode: "insensitive" };
  if (query.entity) where.entity = { equals: query.entity };
  if (query.actor) where.actorEmail = { contains: query.actor, mode: "insensitive" };
  if (query.from || query.to) {
    // `to` is a day picked in a date input: include that whole day (23 or 25 hours on DST days).
    const from = query.from ? startOfDay(query.from, timeZone) : undefined;
    const toExclusive = query.to
      ? DateTime.fromISO(query.to, { zone: timeZone }).plus({ days: 1 }).startOf("day").toJSDate()
      : undefined;
    where.createdAt = { ...(from && { gte: from }), ...(toExclusive && { lt: toExclusive }) };
  }
  return where;
}

export async function listAuditEvents(db: TenantDb, query: AuditQuery, timeZone = "UTC") {
  const where = auditWhere(query, timeZone);
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db.auditEvent.count({ where }),
  ]);
  return { rows: await openAuditEvents(db, rows), total, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

export async function listAuditEntities(db: TenantDb): Promise<string[]> {
  const groups = await db.auditEvent.groupBy({ by: ["entity"], orderBy: { entity: "asc" } });
  return groups.map((g) => g.entity);
}
