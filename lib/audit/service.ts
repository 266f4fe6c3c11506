import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { sealAuditFields } from "./sealing";

export interface AuditContext {
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | undefined;
}

export interface AuditChange {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

function asJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Appends one audit event. Call it inside the same transaction as the change it records,
 * so a change without its audit line (or the reverse) cannot exist. There is no update or
 * delete counterpart, and the database rejects both.
 */
export async function recordAudit(db: TenantDb | TenantTransaction, change: AuditChange, ctx: AuditContext) {
  // A person's data is sealed under their key (crypto-shredding), so erasing them needs no update here.
  const stored = await sealAuditFields(db, {
    entity: change.entity,
    entityId: change.entityId ?? null,
    actorId: ctx.actorId,
    actorEmail: ctx.actorEmail,
    before: change.before,
    after: change.after,
  });
  return db.auditEvent.create({
    data: {
      action: change.action,
      entity: change.entity,
      entityId: stored.entityId,
      before: asJson(stored.before),
      after: asJson(stored.after),
      actorId: ctx.actorId,
      actorEmail: stored.actorEmail,
      requestId: ctx.requestId ?? null,
    } as Prisma.AuditEventUncheckedCreateInput,
  });
}
