import type { TenantDb } from "@/lib/db/tenant";

export interface AuditDigest {
  since: string;
  until: string;
  total: number;
  byAction: { action: string; count: number }[];
  byActor: { actor: string; count: number }[];
}

/** Pure: counts events per action and per actor, most frequent first. */
export function summarizeAuditEvents(
  events: { action: string; actorEmail: string | null }[],
  window: { since: Date; until: Date },
): AuditDigest {
  const tally = (keys: string[]) =>
    [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    since: window.since.toISOString(),
    until: window.until.toISOString(),
    total: events.length,
    byAction: tally(events.map((e) => e.action)).map(([action, count]) => ({ action, count })),
    byActor: tally(events.map((e) => e.actorEmail ?? "system")).map(([actor, count]) => ({ actor, count })),
  };
}

export function digestText(digest: AuditDigest): string {
  if (digest.total === 0) return "No changes were recorded in the last 24 hours.";
  const actions = digest.byAction.slice(0, 5).map((a) => `${a.action} ×${a.count}`).join(", ");
  const actors = digest.byActor.slice(0, 3).map((a) => a.actor).join(", ");
  return `${digest.total} change${digest.total === 1 ? "" : "s"}: ${actions}. Most active: ${actors}.`;
}

/**
 * Summarises the last 24 hours of the audit log into an in-app notification for each
 * owner and admin. Idempotent per window: a second run for the same window adds nothing.
 */
export async function sendAuditDigest(db: TenantDb, until = new Date()) {
  const since = new Date(until.getTime() - 86_400_000);
  const windowKey = until.toISOString().slice(0, 10);
  const already = await db.notification.count({ where: { kind: "audit.digest", data: { path: ["window"], equals: windowKey } } });
  if (already > 0) return { notified: 0, total: null, skipped: true as const };
  const events = await db.auditEvent.findMany({
    where: { createdAt: { gte: since, lt: until } },
    select: { action: true, actorEmail: true },
  });
  const digest = summarizeAuditEvents(events, { since, until });
  const recipients = await db.membership.findMany({ where: { role: { in: ["owner", "admin"] } }, select: { userId: true } });
  await db.notification.createMany({
    data: recipients.map((r) => ({
      userId: r.userId,
      kind: "audit.digest",
      title: "Daily audit summary",
      body: digestText(digest),
      data: { window: windowKey, ...digest },
    })),
  });
  return { notified: recipients.length, total: digest.total, skipped: false as const };
}
