/**
 * The background runtime's heartbeat (the seed's sys_heartbeat): whichever executor runs the
 * jobs writes a row every 5 minutes; the web server watches it and, when the newest beat is
 * older than STALE_AFTER_MS, alerts owners and admins of every workspace once per stop (and
 * logs it and counts it in /api/metrics). The System page shows the last beat.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import { scopeToTenant } from "@/lib/db/tenant";
import { notifyRoles } from "@/lib/notifications/service";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { listActiveTenantIds } from "@/lib/tenants/directory";

export const HEARTBEAT_EVERY_MS = 5 * 60_000;
export const STALE_AFTER_MS = 15 * 60_000;
const KEEP_BEATS_MS = 7 * 86_400_000;

export async function recordHeartbeat(prisma: PrismaClient, executor: string, now = new Date()): Promise<void> {
  await prisma.systemHeartbeat.create({ data: { executor, beatAt: now } });
  await prisma.systemHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - KEEP_BEATS_MS) } } });
}

export interface HeartbeatStatus {
  lastBeatAt: string | null;
  executor: string | null;
  ageSeconds: number | null;
  stale: boolean;
}

export async function heartbeatStatus(prisma: PrismaClient, now = new Date()): Promise<HeartbeatStatus> {
  const latest = await prisma.systemHeartbeat.findFirst({ orderBy: { beatAt: "desc" } });
  if (!latest) return { lastBeatAt: null, executor: null, ageSeconds: null, stale: false };
  const ageMs = now.getTime() - latest.beatAt.getTime();
  return { lastBeatAt: latest.beatAt.toISOString(), executor: latest.executor, ageSeconds: Math.round(ageMs / 1000), stale: ageMs > STALE_AFTER_MS };
}

/** Sets the heartbeat-age gauge before a scrape. */
export async function refreshHeartbeatAge(now = new Date()): Promise<void> {
  const status = await heartbeatStatus(await getPrisma(), now).catch(() => null);
  if (status?.ageSeconds != null) metrics().heartbeatAge.set(status.ageSeconds);
}

/**
 * Alerts once when the newest beat went stale: the compare-and-set on staleAlertedAt makes
 * two watchers (two web servers) agree. A new beat starts a new episode.
 */
export async function watchHeartbeat(prisma: PrismaClient, now = new Date()): Promise<{ alerted: boolean; status: HeartbeatStatus }> {
  const status = await heartbeatStatus(prisma, now);
  if (status.ageSeconds != null) metrics().heartbeatAge.set(status.ageSeconds);
  if (!status.stale || !status.lastBeatAt) return { alerted: false, status };
  const { count } = await prisma.systemHeartbeat.updateMany({ where: { beatAt: new Date(status.lastBeatAt), staleAlertedAt: null }, data: { staleAlertedAt: now } });
  if (count === 0) return { alerted: false, status };
  const minutes = Math.round((status.ageSeconds ?? 0) / 60);
  logger.error({ lastBeatAt: status.lastBeatAt, executor: status.executor, ageSeconds: status.ageSeconds }, "background runtime heartbeat stopped");
  metrics().heartbeatStaleAlerts.inc();
  for (const tenantId of await listActiveTenantIds(prisma)) {
    await notifyRoles(scopeToTenant(prisma, tenantId), ["owner", "admin"], {
      kind: "system.heartbeat-stale",
      title: "Background jobs have stopped",
      body: `The ${status.executor ?? "background"} runtime last reported ${minutes} minutes ago (${status.lastBeatAt}). Ladders, engines and alerts wait until it runs again; see the System page.`,
      data: { lastBeatAt: status.lastBeatAt },
    });
  }
  return { alerted: true, status };
}

const state = globalThis as unknown as { heartbeatWatch?: NodeJS.Timeout };

/** The web server's watch, once a minute. */
export function startHeartbeatWatch(intervalMs = 60_000): void {
  if (state.heartbeatWatch) return;
  state.heartbeatWatch = setInterval(() => {
    getPrisma()
      .then((prisma) => watchHeartbeat(prisma))
      .catch((error: unknown) => logger.warn({ err: error }, "heartbeat watch failed"));
  }, intervalMs);
  state.heartbeatWatch.unref();
}
