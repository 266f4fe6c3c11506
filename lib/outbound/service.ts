/**
 * The one way a message leaves: sendMessage gathers the facts, asks the gates, records the
 * Message with its lifecycle and KPI event, and hands the message to the provider. A refused
 * message is recorded as BLOCKED with its reason; a provider error marks it FAILED.
 */
import type { MessageStatus } from "@/generated/prisma/enums";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { regionTimeZones } from "@/lib/geo";
import { recordKpiEvents } from "@/lib/kpi/service";
import { getEffectivePolicy } from "@/lib/policy";
import { DAY_MS, localDay, zoneClock } from "@/lib/policy/zone-clock";
import { messagingProvidersFromEnv, type MessagingProviders } from "@/lib/providers/messaging";
import { TenantSettingsSchema } from "@/lib/tenants/settings";
import { normalizeAddress } from "@/lib/contact/address";
import { decideOutbound, type BlockReason, type Gate, type OutboundChannel } from "./gates";
import { SendMessageInput } from "./schema";
import { emailWithFooter, publicBaseUrl, signUnsubscribeToken, unsubscribeSecret } from "./unsubscribe";

export interface OutboundDeps {
  /** Defaults to the providers the environment configures (the local outbox without credentials). */
  providers?: MessagingProviders;
  /** The app's public URL for unsubscribe links and status callbacks; defaults to NEXTAUTH_URL. */
  baseUrl?: string | null;
  /** The secret signing unsubscribe links; defaults to AUTH_SECRET / NEXTAUTH_SECRET. */
  secret?: string | null;
}

export interface SendMessageOptions {
  /** Who sends: a user id for a message by hand, null for the ladder. */
  actorId?: string | null;
  /** The instant the gates judge (the contact window, the day of the cap); defaults to now. */
  now?: Date;
}

export type SendMessageResult =
  | { messageId: string; status: "SENT"; provider: string }
  | { messageId: string; status: "FAILED"; provider: string; error: string }
  | { messageId: string; status: "BLOCKED"; provider: string; gate: Gate; reason: BlockReason; detail: string };

/** Statuses of messages that count against the daily cap: everything handed to a provider. */
const COUNTED: MessageStatus[] = ["QUEUED", "SENT", "DELIVERED", "UNDELIVERED"];

/** The instant the local day containing `at` began in `zone` (UTC when the zone is unknown). */
export function startOfLocalDay(at: Date, zone: string): Date {
  const clock = zoneClock(zone);
  const ms = at.getTime();
  if (!clock) return new Date(Math.floor(ms / DAY_MS) * DAY_MS);
  const wallMidnight = localDay(ms + clock.offsetAt(ms)) * DAY_MS;
  // The offset at midnight may differ from the offset now (a DST change during the day).
  let start = wallMidnight - clock.offsetAt(ms);
  start = wallMidnight - clock.offsetAt(start);
  return new Date(start);
}

function resolveDeps(deps: OutboundDeps) {
  return {
    providers: deps.providers ?? messagingProvidersFromEnv(),
    baseUrl: deps.baseUrl === undefined ? publicBaseUrl() : deps.baseUrl,
    secret: deps.secret === undefined ? unsubscribeSecret() : deps.secret,
  };
}

/**
 * Sends one SMS or email to a lead, through every gate in order: consent and opt-out, the
 * do-not-contact list, the market policy in the lead's time zone, the channel, the email
 * compliance footer, the tenant's daily cap. Never throws for a refusal: the result says
 * BLOCKED with the gate and the reason. Throws ExpectedError for bad input or an unknown lead.
 *
 * ```ts
 * const result = await sendMessage(db, { dealId, channel: "SMS", body, ladderId, ladderStep: 2, now: dueAt });
 * if (result.status === "BLOCKED") console.log(result.gate, result.reason);
 * ```
 */
export async function sendMessage(
  db: TenantDb,
  input: SendMessageInput & SendMessageOptions,
  deps: OutboundDeps = {},
): Promise<SendMessageResult> {
  const parsed = SendMessageInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid message", issue?.path.map(String).join(".") || undefined);
  }
  const request = parsed.data;
  const channel: OutboundChannel = request.channel;
  const options: SendMessageOptions = { actorId: input.actorId, now: input.now };
  const at = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
  const { providers, baseUrl, secret } = resolveDeps(deps);
  const provider = channel === "SMS" ? providers.sms : providers.email;

  const deal = await db.deal.findFirst({ where: { id: request.dealId } });
  if (!deal) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true, slug: true, timeZone: true, settings: true } });
  const settings = TenantSettingsSchema.safeParse(tenant.settings ?? {});
  const { postalAddress, outboundDailyCapSms, outboundDailyCapEmail } = settings.success
    ? settings.data
    : { postalAddress: undefined, outboundDailyCapSms: 0, outboundDailyCapEmail: 0 }; // unreadable settings: cap 0, fail closed

  const address = normalizeAddress(channel, channel === "SMS" ? deal.contactPhone : deal.contactEmail);
  const timeZones = deal.timeZone ? [deal.timeZone] : deal.region ? regionTimeZones(deal.region, deal.country ?? undefined) : [];
  const common = {
    dealId: deal.id,
    channel,
    subject: channel === "EMAIL" ? (request.subject ?? null) : null,
    ladderId: request.ladderId ?? null,
    ladderStep: request.ladderStep ?? null,
    sentById: options.actorId ?? null,
  };

  // What leaves: an email gets the workspace's postal address and an unsubscribe link.
  const compose = (to: string): { body: string; unsubscribeUrl?: string } => {
    if (channel === "SMS") return { body: request.body };
    const unsubscribeUrl = `${baseUrl}/unsubscribe/${signUnsubscribeToken({ tenantId: db.tenantId, address: to }, secret!)}`;
    return { body: emailWithFooter(request.body, { senderName: tenant.name, postalAddress: postalAddress!, unsubscribeUrl }), unsubscribeUrl };
  };

  // The gates read and the message row is written in one transaction that first locks the
  // workspace row: concurrent sends queue up, so each counts the others against the daily
  // cap and sees an opt-out committed a moment before.
  const gated = await db.$transaction(async (tx) => {
    await tx.tenant.update({ where: { id: db.tenantId }, data: { updatedAt: new Date() } });
    const [consent, dnc, policy, sentToday] = await Promise.all([
      address ? tx.contactConsent.findFirst({ where: { channel, address }, select: { status: true } }) : null,
      address ? tx.doNotContact.findFirst({ where: { value: address }, select: { id: true } }) : null,
      deal.region ? getEffectivePolicy(tx, deal.region, deal.market) : null,
      tx.message.count({
        where: { channel, direction: "OUTBOUND", status: { in: COUNTED }, createdAt: { gte: startOfLocalDay(at, tenant.timeZone) } },
      }),
    ]);
    const decision = decideOutbound({
      channel,
      address,
      consent: consent?.status ?? null,
      onDoNotContact: Boolean(dnc),
      policy,
      timeZones,
      at,
      score: deal.score,
      postalAddress: postalAddress ?? null,
      canLinkUnsubscribe: Boolean(secret && baseUrl),
      sentToday,
      dailyCap: channel === "SMS" ? outboundDailyCapSms : outboundDailyCapEmail,
    });
    if (decision.allowed) {
      const outgoing = compose(address!);
      const queued = await tx.message.create({
        data: { ...common, toAddress: address!, body: outgoing.body, direction: "OUTBOUND", status: "QUEUED", provider: provider.name } as never,
      });
      return { decision, messageId: queued.id, outgoing };
    }
    const row = await tx.message.create({
      data: {
        ...common,
        direction: "OUTBOUND",
        status: "BLOCKED",
        toAddress: address ?? (channel === "SMS" ? deal.contactPhone : deal.contactEmail) ?? "",
        body: request.body,
        provider: provider.name,
        blockedReason: decision.reason,
        error: decision.detail,
      } as never,
    });
    const data = { messageId: row.id, channel, gate: decision.gate, reason: decision.reason, ladderStep: common.ladderStep };
    await recordKpiEvents(tx, [
      { name: "message_blocked", dealId: deal.id, data },
      ...(decision.gate === "market_policy" || decision.gate === "channel" ? [{ name: "policy_blocked" as const, dealId: deal.id, data }] : []),
    ]);
    return { decision, messageId: row.id, outgoing: null };
  });
  const { decision } = gated;
  if (!decision.allowed) {
    return { messageId: gated.messageId, status: "BLOCKED", provider: provider.name, gate: decision.gate, reason: decision.reason, detail: decision.detail };
  }

  const ids = { tenantId: db.tenantId, slug: tenant.slug };
  const { body, unsubscribeUrl } = gated.outgoing!;
  return deliver(db, { ...common, to: address!, body, unsubscribeUrl }, providers, baseUrl, ids, gated.messageId);
}

interface Delivery {
  dealId: string | null;
  channel: OutboundChannel;
  to: string;
  body: string;
  subject: string | null;
  ladderId: string | null;
  ladderStep: number | null;
  sentById: string | null;
  unsubscribeUrl?: string;
}

/**
 * Hands an allowed message to the provider: QUEUED first (so a crash leaves a trace), then
 * SENT with the provider's id, or FAILED with the provider's error. Status callbacks name our
 * message id, so one arriving before the SENT update still finds the message.
 */
async function deliver(
  db: TenantDb,
  message: Delivery,
  providers: MessagingProviders,
  baseUrl: string | null,
  ids: { tenantId: string; slug: string },
  /** The QUEUED row the gated send already wrote; otherwise one is written here. */
  queuedId?: string,
): Promise<SendMessageResult> {
  const provider = message.channel === "SMS" ? providers.sms : providers.email;
  const { unsubscribeUrl, to, ...fields } = message;
  const row = queuedId
    ? { id: queuedId }
    : await db.message.create({ data: { ...fields, toAddress: to, direction: "OUTBOUND", status: "QUEUED", provider: provider.name } as never });
  let receipt: { providerMessageId: string; from: string | null };
  try {
    receipt =
      message.channel === "SMS"
        ? await providers.sms.send({
            to,
            body: message.body,
            statusCallbackUrl: baseUrl ? `${baseUrl}/api/webhooks/twilio/${ids.slug}/status?messageId=${row.id}` : undefined,
          })
        : await providers.email.send({
            to,
            subject: message.subject ?? "",
            text: message.body,
            headers: unsubscribeUrl ? { "List-Unsubscribe": `<${unsubscribeUrl}>` } : undefined,
            customArgs: { dealflow_message_id: row.id, dealflow_tenant: ids.tenantId },
          });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000) || "The provider refused the message";
    await db.$transaction(async (tx) => {
      await tx.message.update({ where: { id: row.id }, data: { status: "FAILED", error: reason, failedAt: new Date() } });
      await recordKpiEvents(tx, [{ name: "message_failed", dealId: message.dealId, data: { messageId: row.id, channel: message.channel, provider: provider.name } }]);
    });
    return { messageId: row.id, status: "FAILED", provider: provider.name, error: reason };
  }
  await db.$transaction(async (tx) => {
    const sentAt = new Date();
    await tx.message.update({ where: { id: row.id }, data: { providerMessageId: receipt.providerMessageId, fromAddress: receipt.from, sentAt } });
    // A callback may already have moved it past SENT; only a QUEUED message becomes SENT here.
    await tx.message.updateMany({ where: { id: row.id, status: "QUEUED" }, data: { status: "SENT" } });
    await recordKpiEvents(tx, [
      { name: "message_sent", dealId: message.dealId, data: { messageId: row.id, channel: message.channel, provider: provider.name, ladderStep: message.ladderStep } },
    ]);
  });
  return { messageId: row.id, status: "SENT", provider: provider.name };
}

/**
 * The one message allowed past an opt-out: the confirmation of a STOP (or START) keyword,
 * sent once when the keyword changed the contact's consent. It skips the gates on purpose
 * (carriers require it) and is recorded like any other message.
 */
export async function sendKeywordConfirmation(
  db: TenantDb,
  message: { dealId: string | null; to: string; body: string },
  deps: OutboundDeps = {},
): Promise<SendMessageResult> {
  const { providers, baseUrl } = resolveDeps(deps);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { slug: true } });
  return deliver(
    db,
    { dealId: message.dealId, channel: "SMS", to: message.to, body: message.body, subject: null, ladderId: null, ladderStep: null, sentById: null },
    providers,
    baseUrl,
    { tenantId: db.tenantId, slug: tenant.slug },
  );
}
