/**
 * Telling a member about GovCon alerts: in-app (a Notification per alert, linking to the
 * opportunity), email to the member's own address through the workspace's email provider,
 * and the workspace's Discord channel. These are internal alerts to a team member, not
 * outreach to a lead, so the lead-contact gates do not apply; email fails closed: an alert
 * whose email did not leave stays undelivered and the next run tries again.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { logger } from "@/lib/observability/logger";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import type { AlertSink } from "@/lib/providers/discord";
import type { EmailProvider } from "@/lib/providers/messaging";
import type { AlertChannel } from "./search-schema";


export interface AlertLine {
  alertId: string;
  /** One line: what happened to which notice. */
  text: string;
  /** The opportunity's page, a path (/govcon/<noticeId>). */
  path: string;
  /** The in-app notification's title. */
  title: string;
}

export interface AlertDelivery {
  userId: string;
  email: string | null;
  /** The message's subject: "3 new GovCon alerts", "Your GovCon digest for 2026-01-10". */
  subject: string;
  lines: AlertLine[];
  channels: readonly AlertChannel[];
  /** Notification kind, and what makes the in-app part idempotent across retries. */
  kind: string;
  /** A digest is one in-app notification for all its lines; otherwise one per alert. */
  digestKey?: string;
}

export interface DeliveryOutcome {
  /** True when every channel that must succeed took it (email when asked). */
  delivered: boolean;
  failures: { channel: AlertChannel; reason: string }[];
  skipped: { channel: AlertChannel; reason: string }[];
}

export interface DeliveryDeps {
  email: EmailProvider;
  discord: AlertSink | null;
  baseUrl?: string | null;
}

function absolute(path: string, baseUrl: string | null): string {
  return baseUrl ? `${baseUrl}${path}` : path;
}

/** In-app notifications not yet created: a retry after an email failure adds none twice. */
async function notifyInApp(db: TenantDb, delivery: AlertDelivery): Promise<void> {
  if (delivery.digestKey) {
    const exists = await db.notification.count({ where: { userId: delivery.userId, kind: delivery.kind, data: { path: ["digestKey"], equals: delivery.digestKey } } });
    if (exists > 0) return;
    const body = delivery.lines.map((l) => l.text).join("\n");
    await db.notification.create({
      data: { userId: delivery.userId, kind: delivery.kind, title: delivery.subject, body, data: { digestKey: delivery.digestKey, href: "/govcon/searches", alertIds: delivery.lines.map((l) => l.alertId) } },
    });
    return;
  }
  const existing = await db.notification.findMany({
    where: { userId: delivery.userId, kind: delivery.kind, OR: delivery.lines.map((l) => ({ data: { path: ["alertId"], equals: l.alertId } })) },
    select: { data: true },
  });
  const done = new Set(existing.map((n) => (n.data as { alertId?: string } | null)?.alertId));
  const fresh = delivery.lines.filter((l) => !done.has(l.alertId));
  if (fresh.length === 0) return;
  await db.notification.createMany({
    data: fresh.map((l) => ({ userId: delivery.userId, kind: delivery.kind, title: l.title, body: l.text, data: { alertId: l.alertId, href: l.path } })),
  });
}

function emailText(delivery: AlertDelivery, baseUrl: string | null): string {
  const items = delivery.lines.map((l) => `- ${l.text}\n  ${absolute(l.path, baseUrl)}`);
  return [`${delivery.subject}`, "", ...items, "", `Your saved searches and alerts: ${absolute("/govcon/searches", baseUrl)}`].join("\n");
}

/**
 * Tells one member through the channels asked: in-app first (idempotent), then email (a
 * failure stops here, so nothing is marked told and Discord is not posted twice on the
 * retry), then Discord (best effort, as every Discord alert of the app: skipped with a
 * reason when the workspace has no webhook, a refusal reported).
 */
export async function deliverAlerts(db: TenantDb, delivery: AlertDelivery, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const baseUrl = deps.baseUrl === undefined ? publicBaseUrl() : deps.baseUrl;
  const outcome: DeliveryOutcome = { delivered: true, failures: [], skipped: [] };
  if (delivery.lines.length === 0) return outcome;
  if (delivery.channels.includes("inApp")) await notifyInApp(db, delivery);
  if (delivery.channels.includes("email")) {
    if (!delivery.email) {
      outcome.failures.push({ channel: "email", reason: "The member has no email address" });
      return { ...outcome, delivered: false };
    }
    try {
      await deps.email.send({ to: delivery.email, subject: delivery.subject, text: emailText(delivery, baseUrl) });
    } catch (error) {
      const reason = (error as Error).message || "The email provider refused the message";
      logger.warn({ err: error, userId: delivery.userId }, "GovCon alert email failed; the next run retries it");
      outcome.failures.push({ channel: "email", reason });
      return { ...outcome, delivered: false };
    }
  }
  if (delivery.channels.includes("discord")) {
    if (!deps.discord) outcome.skipped.push({ channel: "discord", reason: "No Discord webhook is set for this workspace" });
    else {
      const body = delivery.lines.map((l) => (baseUrl ? `• [${l.text}](${absolute(l.path, baseUrl)})` : `• ${l.text} (${l.path})`)).join("\n");
      const sent = await deps.discord.send({ title: delivery.subject, body, url: delivery.lines.length === 1 ? absolute(delivery.lines[0].path, baseUrl) : undefined });
      if (!sent.delivered) outcome.skipped.push({ channel: "discord", reason: sent.detail ?? "Discord did not take the message" });
    }
  }
  return outcome;
}
