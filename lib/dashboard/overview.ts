import type { Role } from "@/lib/auth/permissions";
import type { TenantDb } from "@/lib/db/tenant";

/** Buckets events into the last `days` calendar days (UTC), oldest first, zeros included. */
export function activityByDay(timestamps: Date[], days: number, now = new Date()) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const buckets = Array.from({ length: days }, (_, i) => ({
    day: new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    count: 0,
  }));
  const index = new Map(buckets.map((b, i) => [b.day, i]));
  for (const t of timestamps) {
    const i = index.get(t.toISOString().slice(0, 10));
    if (i !== undefined) buckets[i].count += 1;
  }
  return buckets;
}

export async function dashboardOverview(db: TenantDb, options: { includeActivity: boolean }, now = new Date()) {
  const since = new Date(now.getTime() - 14 * 86_400_000);
  const [roles, pendingInvitations, recent, timestamps] = await Promise.all([
    db.membership.groupBy({ by: ["role"], _count: { _all: true } }),
    db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    options.includeActivity ? db.auditEvent.findMany({ orderBy: { createdAt: "desc" }, take: 8 }) : Promise.resolve([]),
    options.includeActivity
      ? db.auditEvent.findMany({ where: { createdAt: { gte: since } }, select: { createdAt: true } })
      : Promise.resolve([]),
  ]);
  const membersByRole = Object.fromEntries(roles.map((r) => [r.role, r._count._all])) as Partial<Record<Role, number>>;
  return {
    membersByRole,
    memberCount: roles.reduce((sum, r) => sum + r._count._all, 0),
    pendingInvitations,
    recent,
    activity: activityByDay(timestamps.map((t) => t.createdAt), 14, now),
  };
}
