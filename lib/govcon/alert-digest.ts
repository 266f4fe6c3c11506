/**
 * The daily digest: a member's saved searches with daily delivery gather their matches as
 * waiting alerts; once a day in the workspace's time zone (from 08:00), one message per
 * channel lists them all, and they are marked told. A failed email keeps them waiting.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { deliverAlerts, type AlertLine, type DeliveryDeps } from "./alert-delivery";
import { isDigestDue, localDayAndHour, opportunityPath } from "./alert-rules";
import { ALERT_CHANNELS, type AlertChannel } from "./search-schema";

interface DigestAlert {
  id: string;
  searchId: string;
  summary: string;
  noticeId: string;
}

/** Waiting digest alerts per member, each with the channels of the search that found it. */
async function waitingDigests(db: TenantDb) {
  const searches = await db.govConSearch.findMany({ where: { delivery: "DIGEST" }, select: { id: true, ownerId: true, channels: true, lastDigestAt: true } });
  if (searches.length === 0) return [];
  const alerts = await db.govConAlert.findMany({
    where: { deliveredAt: null, kind: "search-match", searchId: { in: searches.map((s) => s.id) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, searchId: true, summary: true, opportunityId: true },
  });
  const notices = new Map(
    (await db.opportunity.findMany({ where: { id: { in: [...new Set(alerts.map((a) => a.opportunityId))] } }, select: { id: true, noticeId: true } })).map((o) => [o.id, o.noticeId]),
  );
  return [...new Set(searches.map((s) => s.ownerId))].map((userId) => {
    const own = searches.filter((s) => s.ownerId === userId);
    const lastDigestAt = own.reduce<Date | null>((latest, s) => (s.lastDigestAt && (!latest || s.lastDigestAt > latest) ? s.lastDigestAt : latest), null);
    const items: DigestAlert[] = alerts
      .filter((a) => a.userId === userId)
      .map((a) => ({ id: a.id, searchId: a.searchId!, summary: a.summary, noticeId: notices.get(a.opportunityId) ?? a.opportunityId }));
    return { userId, searches: own, lastDigestAt, items };
  });
}

/** Sends every member's digest that is due; answers how many went out and how many alerts wait on a failure. */
export async function sendDueDigests(
  db: TenantDb,
  members: Map<string, string>,
  deps: DeliveryDeps,
  clock: { now: Date; timeZone: string },
): Promise<{ sent: number; failed: number }> {
  const { now, timeZone } = clock;
  const day = localDayAndHour(now, timeZone).day;
  let sent = 0;
  let failed = 0;
  for (const digest of await waitingDigests(db)) {
    if (digest.items.length === 0 || !members.has(digest.userId) || !isDigestDue(now, timeZone, digest.lastDigestAt)) continue;
    const channelsOf = new Map(digest.searches.map((s) => [s.id, s.channels as AlertChannel[]]));
    const subject = `Your GovCon digest for ${day}: ${digest.items.length} notice${digest.items.length === 1 ? "" : "s"}`;
    let delivered = true;
    // In-app first (idempotent per member and day), then email, whose failure stops the rest.
    for (const channel of ALERT_CHANNELS) {
      const lines: AlertLine[] = digest.items
        .filter((a) => channelsOf.get(a.searchId)?.includes(channel))
        .map((a) => ({ alertId: a.id, text: a.summary, title: "Saved search match", path: opportunityPath(a.noticeId) }));
      if (lines.length === 0) continue;
      const outcome = await deliverAlerts(
        db,
        { userId: digest.userId, email: members.get(digest.userId) ?? null, subject, lines, channels: [channel], kind: "govcon.digest", digestKey: `${digest.userId}:${day}` },
        deps,
      );
      if (!outcome.delivered) {
        delivered = false;
        logger.warn({ userId: digest.userId, failures: outcome.failures }, "GovCon digest not delivered; it waits for the next run");
        break;
      }
    }
    if (!delivered) {
      failed += digest.items.length;
      continue;
    }
    await db.$transaction(async (tx) => {
      await tx.govConAlert.updateMany({ where: { id: { in: digest.items.map((a) => a.id) }, deliveredAt: null }, data: { deliveredAt: now } });
      await tx.govConSearch.updateMany({ where: { id: { in: digest.searches.map((s) => s.id) } }, data: { lastDigestAt: now } });
    });
    sent += 1;
  }
  return { sent, failed };
}
