/**
 * Outbound held back after a KPI breach. While a throttle is active the daily caps shrink to
 * THROTTLE_CAP_SHARE of the workspace's setting (rounded down), so a campaign going wrong
 * keeps going wrong ten times more slowly while someone looks. The KPI tripwire engages it
 * (when the workspace turned auto-throttle on) and lifts it when the KPIs clear; an admin may
 * lift it at any time.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";

export const THROTTLE_CAP_SHARE = 0.1;

type Db = TenantDb | TenantTransaction;

export async function activeThrottle(db: Db) {
  return db.outboundThrottle.findFirst({ where: { liftedAt: null }, orderBy: { engagedAt: "desc" } });
}

/** The daily cap the gates apply: the setting, or its throttled share while a throttle is active. */
export function throttledCap(cap: number, throttled: boolean): number {
  return throttled ? Math.floor(cap * THROTTLE_CAP_SHARE) : cap;
}

export async function capUnderThrottle(db: Db, cap: number): Promise<number> {
  return throttledCap(cap, Boolean(await activeThrottle(db)));
}

/** Engages the throttle unless one is active already; returns whether this call engaged it. */
export async function engageThrottle(db: TenantDb, reason: string, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (await activeThrottle(tx)) return false;
    await tx.outboundThrottle.create({ data: { reason: reason.slice(0, 1000), engagedAt: now } });
    return true;
  });
}

/** Lifts the active throttle: `by` is "kpi-cleared" or the member's id (audited). Returns whether one was lifted. */
export async function liftThrottle(db: TenantDb, by: { kpiCleared: true } | { ctx: AuditContext }, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const active = await activeThrottle(tx);
    if (!active) return false;
    const liftedBy = "kpiCleared" in by ? "kpi-cleared" : (by.ctx.actorId ?? "admin");
    await tx.outboundThrottle.update({ where: { id: active.id }, data: { liftedAt: now, liftedBy } });
    if ("ctx" in by) {
      await recordAudit(tx, { action: "outbound.throttle-lifted", entity: "outbound_throttle", entityId: active.id, before: { liftedAt: null }, after: { liftedAt: now.toISOString() } }, by.ctx);
    }
    return true;
  });
}
