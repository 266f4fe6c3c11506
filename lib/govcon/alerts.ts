/**
 * GovCon alerts: which member is told what after a sync (saved-search matches, amendments of
 * what they track or pursue) and on schedule (deadline reminders, daily digests). Every alert
 * is one GovConAlert row with a unique dedupeKey, written before anyone is told, so a second
 * sync or engine run never tells anyone twice; an alert is marked delivered once told.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { discordNotifierFor, type AlertSink } from "@/lib/providers/discord";
import { messagingProvidersFor, type EmailProvider } from "@/lib/providers/messaging";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { deliverAlerts, type AlertLine, type DeliveryDeps } from "./alert-delivery";
import {
  amendmentAlertKey,
  daysLeftText,
  deadlineAlertKey,
  describeChanges,
  dueDeadlineReminder,
  opportunityPath,
  searchAlertKey,
} from "./alert-rules";
import { sendDueDigests } from "./alert-digest";
import { OpportunityFilters } from "./filters";
import type { AlertChannel } from "./search-schema";
import { memberEmails, savedSearchWhere } from "./searches";

/** Amendment and deadline alerts reach the opportunity's owner in-app and by email. */
export const OWNER_ALERT_CHANNELS: readonly AlertChannel[] = ["inApp", "email"];
const DAY_MS = 86_400_000;

export interface AlertDeps {
  email?: EmailProvider;
  discord?: AlertSink | null;
  baseUrl?: string | null;
}

export interface SyncAlertReport {
  /** Alerts told at once in this call (including earlier ones retried). */
  alerted: number;
  /** Saved-search alerts now waiting for their owner's daily digest. */
  queued: number;
  /** Alerts whose email failed: left undelivered for the next run. */
  failed: number;
}

export interface ScheduledAlertReport {
  /** Deadline reminders decided in this run. */
  deadline: number;
  /** Digests sent in this run. */
  digests: number;
  /** Alerts told at once (deadline reminders, and earlier alerts retried). */
  alerted: number;
  failed: number;
}

interface AlertRow {
  userId: string;
  opportunityId: string;
  searchId?: string;
  kind: string;
  dedupeKey: string;
  summary: string;
}

async function resolveDeps(db: TenantDb, deps: AlertDeps): Promise<DeliveryDeps> {
  return {
    email: deps.email ?? (await messagingProvidersFor(db)).email,
    discord: deps.discord !== undefined ? deps.discord : await discordNotifierFor(db),
    baseUrl: deps.baseUrl,
  };
}

/** Inserts the alerts not yet decided; answers the ones this call added. */
async function insertAlerts(db: TenantDb, rows: AlertRow[]) {
  if (rows.length === 0) return [];
  return db.govConAlert.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, kind: true, searchId: true } });
}

function dueText(deadline: Date | null): string {
  return deadline ? `, responses due ${deadline.toISOString().slice(0, 10)}` : "";
}

/** A match of every saved search among the new and amended notices, honouring its minimum fit. */
async function decideSearchAlerts(db: TenantDb, ids: string[], amended: Set<string>, members: Map<string, string>, now: Date): Promise<AlertRow[]> {
  const searches = await db.govConSearch.findMany({ orderBy: { createdAt: "asc" } });
  const rows: AlertRow[] = [];
  for (const search of searches) {
    if (!members.has(search.ownerId)) continue;
    const filters = OpportunityFilters.safeParse(search.filters);
    if (!filters.success) {
      logger.warn({ searchId: search.id }, "a saved search's filters no longer parse; it is skipped");
      continue;
    }
    const matches = await db.opportunity.findMany({
      where: { AND: [{ id: { in: ids } }, savedSearchWhere({ filters: filters.data, minFit: search.minFit }, now)] },
      select: { id: true, noticeId: true, version: true, title: true, fitScore: true, responseDeadline: true },
    });
    for (const o of matches) {
      const what = amended.has(o.id) ? "Amended" : "New";
      const fit = o.fitScore === null ? "" : `, fit ${o.fitScore}`;
      rows.push({
        userId: search.ownerId,
        opportunityId: o.id,
        searchId: search.id,
        kind: "search-match",
        dedupeKey: searchAlertKey(search.id, o.noticeId, o.version),
        summary: `${what} notice matching "${search.name}": ${o.title}${fit}${dueText(o.responseDeadline)}.`,
      });
    }
  }
  return rows;
}

/** Owners of opportunities: the one who tracks it, else its pursuit's owner. */
async function ownersOf(db: TenantDb, opportunities: { id: string; ownerId: string | null }[]): Promise<Map<string, string>> {
  const missing = opportunities.filter((o) => !o.ownerId).map((o) => o.id);
  const pursuits = missing.length
    ? await db.pursuit.findMany({ where: { opportunityId: { in: missing }, ownerId: { not: null } }, select: { opportunityId: true, ownerId: true } })
    : [];
  const byPursuit = new Map(pursuits.map((p) => [p.opportunityId, p.ownerId]));
  const owners = new Map<string, string>();
  for (const o of opportunities) {
    const owner = o.ownerId ?? byPursuit.get(o.id);
    if (owner) owners.set(o.id, owner);
  }
  return owners;
}

/** Every amended opportunity the team tracks or pursues tells its owner what changed. */
async function decideAmendmentAlerts(db: TenantDb, amendedIds: string[], members: Map<string, string>): Promise<AlertRow[]> {
  if (amendedIds.length === 0) return [];
  const opportunities = await db.opportunity.findMany({
    where: { id: { in: amendedIds }, status: { in: ["TRACKING", "PURSUING"] } },
    select: { id: true, title: true, version: true, ownerId: true },
  });
  if (opportunities.length === 0) return [];
  const owners = await ownersOf(db, opportunities);
  const versions = await db.opportunityVersion.findMany({
    where: { OR: opportunities.map((o) => ({ opportunityId: o.id, version: o.version })) },
    select: { opportunityId: true, changes: true },
  });
  const changesOf = new Map(versions.map((v) => [v.opportunityId, v.changes]));
  return opportunities.flatMap((o) => {
    const owner = owners.get(o.id);
    if (!owner || !members.has(owner)) return [];
    return [{
      userId: owner,
      opportunityId: o.id,
      kind: "amendment",
      dedupeKey: amendmentAlertKey(o.id, o.version),
      summary: `${o.title} was amended (version ${o.version}). ${describeChanges(changesOf.get(o.id))}`,
    }];
  });
}

function titleOf(kind: string): string {
  if (kind === "search-match") return "Saved search match";
  if (kind === "amendment") return "Tracked notice amended";
  // The reminder is the tightest of 7, 3 and 1 days the time left falls within.
  return `Deadline within ${kind.replace("deadline-", "")} day${kind === "deadline-1" ? "" : "s"}`;
}

/**
 * Tells every alert that waits to be told at once (search matches of IMMEDIATE searches,
 * amendments, deadline reminders), earlier failures included: one message per member and
 * channel set. Alerts are claimed before sending, so two runs never tell the same alert,
 * and released again when the email fails.
 */
async function deliverWaitingAlerts(db: TenantDb, members: Map<string, string>, deps: DeliveryDeps, now: Date): Promise<{ alerted: number; failed: number }> {
  const waiting = await db.govConAlert.findMany({ where: { deliveredAt: null }, orderBy: { createdAt: "asc" }, take: 2000 });
  if (waiting.length === 0) return { alerted: 0, failed: 0 };
  const searchIds = [...new Set(waiting.map((a) => a.searchId).filter((id): id is string => Boolean(id)))];
  const searches = new Map((await db.govConSearch.findMany({ where: { id: { in: searchIds } }, select: { id: true, delivery: true, channels: true } })).map((s) => [s.id, s]));
  const notices = new Map(
    (await db.opportunity.findMany({ where: { id: { in: [...new Set(waiting.map((a) => a.opportunityId))] } }, select: { id: true, noticeId: true } })).map((o) => [o.id, o.noticeId]),
  );
  const groups = new Map<string, { userId: string; channels: AlertChannel[]; alerts: typeof waiting }>();
  for (const alert of waiting) {
    const search = alert.searchId ? searches.get(alert.searchId) : null;
    if (alert.kind === "search-match" && (!search || search.delivery === "DIGEST")) continue;
    const channels = (search ? search.channels : OWNER_ALERT_CHANNELS) as AlertChannel[];
    const key = `${alert.userId}|${[...channels].sort().join(",")}`;
    const group = groups.get(key) ?? { userId: alert.userId, channels, alerts: [] };
    group.alerts.push(alert);
    groups.set(key, group);
  }
  let alerted = 0;
  let failed = 0;
  for (const group of groups.values()) {
    const claimed = await db.govConAlert.updateManyAndReturn({
      where: { id: { in: group.alerts.map((a) => a.id) }, deliveredAt: null },
      data: { deliveredAt: now },
      select: { id: true, kind: true, summary: true, opportunityId: true },
    });
    if (claimed.length === 0) continue;
    const lines: AlertLine[] = claimed.map((a) => ({ alertId: a.id, text: a.summary, title: titleOf(a.kind), path: opportunityPath(notices.get(a.opportunityId) ?? a.opportunityId) }));
    const subject = lines.length === 1 ? `${lines[0].title}: ${lines[0].text}`.slice(0, 200) : `${lines.length} GovCon alerts`;
    const outcome = await deliverAlerts(db, { userId: group.userId, email: members.get(group.userId) ?? null, subject, lines, channels: group.channels, kind: "govcon.alert" }, deps);
    if (outcome.delivered) {
      alerted += claimed.length;
      continue;
    }
    failed += claimed.length;
    await db.govConAlert.updateMany({ where: { id: { in: claimed.map((a) => a.id) } }, data: { deliveredAt: null } });
    logger.warn({ userId: group.userId, alerts: claimed.length, failures: outcome.failures }, "GovCon alerts not delivered; they wait for the next run");
  }
  return { alerted, failed };
}

/**
 * After a sync: every saved search whose filters and minimum fit match a new or amended
 * notice alerts its owner (at once, or into the daily digest), and every amended opportunity
 * the team tracks or pursues alerts its owner with what changed.
 */
export async function alertAfterSync(
  db: TenantDb,
  found: { newOpportunityIds: string[]; amendedOpportunityIds: string[] },
  now: Date,
  deps: AlertDeps = {},
): Promise<SyncAlertReport> {
  const ids = [...new Set([...found.newOpportunityIds, ...found.amendedOpportunityIds])];
  const members = await memberEmails(db);
  const rows = ids.length
    ? [...(await decideSearchAlerts(db, ids, new Set(found.amendedOpportunityIds), members, now)), ...(await decideAmendmentAlerts(db, found.amendedOpportunityIds, members))]
    : [];
  const inserted = await insertAlerts(db, rows);
  const digestSearches = new Set((await db.govConSearch.findMany({ where: { delivery: "DIGEST" }, select: { id: true } })).map((s) => s.id));
  const queued = inserted.filter((a) => a.searchId && digestSearches.has(a.searchId)).length;
  const told = await deliverWaitingAlerts(db, members, await resolveDeps(db, deps), now);
  return { alerted: told.alerted, queued, failed: told.failed };
}

/** Deadline reminders at 7, 3 and 1 days for tracked and pursued opportunities with an owner. */
async function decideDeadlineAlerts(db: TenantDb, members: Map<string, string>, now: Date): Promise<AlertRow[]> {
  const opportunities = await db.opportunity.findMany({
    where: { status: { in: ["TRACKING", "PURSUING"] }, responseDeadline: { gt: now, lte: new Date(now.getTime() + 7 * DAY_MS) } },
    select: { id: true, title: true, ownerId: true, responseDeadline: true },
  });
  const owners = await ownersOf(db, opportunities);
  return opportunities.flatMap((o) => {
    const deadline = o.responseDeadline!;
    const days = dueDeadlineReminder(deadline, now);
    const owner = owners.get(o.id);
    if (!days || !owner || !members.has(owner)) return [];
    return [{
      userId: owner,
      opportunityId: o.id,
      kind: `deadline-${days}`,
      dedupeKey: deadlineAlertKey(days, o.id, deadline),
      summary: `Responses to ${o.title} are due ${daysLeftText(deadline, now)}, at ${deadline.toISOString().replace("T", " ").slice(0, 16)} UTC.`,
    }];
  });
}

/**
 * The engine's scheduled part: deadline reminders told at once, earlier undelivered alerts
 * retried, and each member's daily digest once it is due in the workspace's time zone.
 */
export async function runScheduledGovConAlerts(db: TenantDb, now: Date, deps: AlertDeps = {}): Promise<ScheduledAlertReport> {
  const members = await memberEmails(db);
  const inserted = await insertAlerts(db, await decideDeadlineAlerts(db, members, now));
  const resolved = await resolveDeps(db, deps);
  const told = await deliverWaitingAlerts(db, members, resolved, now);
  const { timeZone } = await getTenantWithSettings(db);
  const digests = await sendDueDigests(db, members, resolved, { now, timeZone });
  return { deadline: inserted.length, digests: digests.sent, alerted: told.alerted, failed: told.failed + digests.failed };
}
