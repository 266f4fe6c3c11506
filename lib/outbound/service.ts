/**
 * The one way a message leaves: sendMessage gathers the facts, asks the gates, records the
 * Message with its lifecycle and KPI event, and hands the message to the provider. A refused
 * message is recorded as BLOCKED with its reason; a provider error marks it FAILED.
 */
import type { MessageStatus } from "@/generated/prisma/enums";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { getDealContact } from "@/lib/deals/service";
import { parseMarketKey } from "@/lib/buyers/schema";
import { ExpectedError } from "@/lib/errors";
import { getRegion, regionTimeZones, resolveGeo, type Country } from "@/lib/geo";
import { recordKpiEvents } from "@/lib/kpi/service";
import { isSuppressed, SUPPRESSED_MESSAGE } from "@/lib/privacy/suppression";
import { readRegistryFacts } from "@/lib/dnc/facts";
import { countMessage } from "@/lib/observability/metrics";
import { effectiveDailyCap } from "@/lib/plans/plans";
import { getEffectivePolicy } from "@/lib/policy";
import { nextAllowedInstant } from "@/lib/policy/rules";
import { DAY_MS, localDay, zoneClock } from "@/lib/policy/zone-clock";
import { messagingProvidersFor, type EmailAttachment, type MessagingProviders } from "@/lib/providers/messaging";
import { areaBlacklistOf, type AreaBlacklist } from "@/lib/market/queries";
import { getTenantIdentity } from "@/lib/tenants/profile";
import { getTenantWithSettings, lockTenantRow } from "@/lib/tenants/settings";
import { normalizeAddress } from "@/lib/contact/address";
import { explainBlock, formatOpening, type BlockExplanation } from "./block-explanation";
import { decideOutbound, type BlockReason, type Gate, type OutboundChannel, type OutboundDecision, type OutboundFacts } from "./gates";
import { SendMessageInput, type SendMessageRequest } from "./schema";
import { deliver } from "./delivery";
import { capUnderThrottle } from "./throttle";
import { markSenderUsed, nextVariant, selectSender } from "@/lib/deliverability/sending";
import type { TemplateVariant } from "@/lib/deliverability/rotation";
import type { SenderChoice } from "@/lib/deliverability/sender-rules";
import { emailWithFooter, fillInlineFooter, hasInlineFooter, htmlEscaped, htmlWithFooter, publicBaseUrl, signUnsubscribeToken, unsubscribeSecret } from "./unsubscribe";

export interface OutboundDeps {
  /** Defaults to the workspace's providers: its own credentials, else the environment's, else the local outbox. */
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
  /** Files an email carries (a blast's investor memo); ignored for SMS. */
  attachments?: EmailAttachment[];
  /**
   * An email's HTML part (a campaign's, with its open pixel and tracked links). It carries the
   * same footer as the text: with `footer: "inline"` its own {{postal_address}} and
   * {{unsubscribe_link}} tokens are filled in, else the footer is appended. Ignored for SMS.
   */
  html?: string;
  /** The template variant that produced the message: "ladder:<step>:<index>", "blast:<id>:<index>", "campaign:<variantId>". */
  variantKey?: string;
  /**
   * Several wordings of an SMS, rendered (lib/deliverability/rotation.ts): the core sends the
   * one after the last in the chosen sender's stream, never the stream's last text again, and
   * records its key as the variantKey. `body` is ignored when given; ignored for email.
   */
  variants?: TemplateVariant[];
}

export type SendMessageResult =
  | { messageId: string; status: "SENT"; provider: string }
  | { messageId: string; status: "FAILED"; provider: string; error: string }
  | { messageId: string; status: "BLOCKED"; provider: string; gate: Gate; reason: BlockReason; detail: string; fix: BlockExplanation };

/** Statuses of messages that count against the daily cap: everything handed to a provider. */
export const COUNTED: MessageStatus[] = ["QUEUED", "SENT", "DELIVERED", "UNDELIVERED"];

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

type ResolvedDeps = Awaited<ReturnType<typeof resolveDeps>>;

async function resolveDeps(db: TenantDb, deps: OutboundDeps) {
  return {
    providers: deps.providers ?? (await messagingProvidersFor(db)),
    baseUrl: deps.baseUrl === undefined ? publicBaseUrl() : deps.baseUrl,
    secret: deps.secret === undefined ? unsubscribeSecret() : deps.secret,
  };
}

/** The columns every outbound row of one send shares, whatever the gates decide. */
interface MessageFields {
  dealId: string | null;
  buyerId: string | null;
  channel: OutboundChannel;
  subject: string | null;
  ladderId: string | null;
  ladderStep: number | null;
  sentById: string | null;
  variantKey: string | null;
}

/** What an email's footer needs: present only when the workspace and the app can provide it all. */
interface EmailFooter {
  senderName: string;
  postalAddress: string;
  unsubscribeSecret: string;
  baseUrl: string;
}

/** Everything a send is judged and composed from, read before the workspace is locked. */
interface PendingSend {
  fields: MessageFields;
  body: string;
  html: string | null;
  /** The body places its own footer (tokens the core fills in) instead of getting one appended. */
  inlineFooter: boolean;
  at: Date;
  lead: SendContact;
  /** The recipient's address on the channel in stored form, null when missing or malformed. */
  address: string | null;
  timeZones: readonly string[];
  workspace: { tenantId: string; slug: string; timeZone: string; postalAddress: string | null; dailyCap: number };
  emailFooter: EmailFooter | null;
  providerName: string;
  canLinkUnsubscribe: boolean;
  /** The blacklist mark of the lead's area; always null for a buyer. */
  areaBlacklist: AreaBlacklist | null;
  /** The SMS wordings to rotate; null for a single text. */
  variants: TemplateVariant[] | null;
}

/**
 * Who a send is for, as the gates see them: a lead (the deal's seller) or a buyer. `id` is the
 * deal the message is about (null for a buyer's message about no deal).
 */
interface SendContact {
  id: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  timeZone: string | null;
  region: string | null;
  country: Country | null;
  market: string | null;
  /** The lead score the market minimum is held against; a buyer is not a lead and passes it. */
  score: number | null;
  /** The lead's postal area and postal code (the area's blacklist refuses the send); nulls for a buyer. */
  areaCode: string | null;
  postalCode: string | null;
  buyer: { id: string; active: boolean } | null;
}

/** What leaves once the gates allow it. */
interface Outgoing {
  to: string;
  /** The SMS sending number deliverability control chose. */
  from?: string;
  body: string;
  html?: string;
  unsubscribeUrl?: string;
  oneClickUnsubscribeUrl?: string;
}

/**
 * Sends one SMS or email to a lead, through every gate in order: consent and opt-out, the
 * do-not-contact list, the market policy in the lead's time zone, the channel, the email
 * compliance footer, the tenant's daily cap. Never throws for a refusal: the result says
 * BLOCKED with the gate and the reason. Throws ExpectedError for bad input or an unknown lead.
 *
 * A buyer (`buyerId`, with the `dealId` the message is about when there is one) passes the
 * same gates on their first phone or email, in their own time zone; a buyer who is not
 * active is refused first (gate `recipient`, reason `buyer_inactive`).
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
  const request = parseSendRequest(input);
  const resolved = await resolveDeps(db, deps);
  const send = await gatherSend(db, request, { actorId: input.actorId, now: input.now, html: input.html, variantKey: input.variantKey, variants: input.variants }, resolved);
  // The gates read and the message row is written in one transaction that first locks the
  // workspace row: concurrent sends queue up, so each counts the others against the daily
  // cap and sees an opt-out committed a moment before.
  const gated = await db.$transaction((tx) => gateAndRecord(tx, send));
  if (gated.status === "BLOCKED") {
    countMessage(send.fields.channel, "blocked", gated.gate);
    return gated;
  }
  const attachments = send.fields.channel === "EMAIL" && input.attachments?.length ? input.attachments : undefined;
  const message = { ...send.fields, ...gated.outgoing, attachments };
  return deliver(db, message, resolved.providers, resolved.baseUrl, { tenantId: db.tenantId, slug: send.workspace.slug }, gated.messageId);
}

function parseSendRequest(input: SendMessageInput): SendMessageRequest {
  const parsed = SendMessageInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid message", issue?.path.map(String).join(".") || undefined);
}

/** Reads the lead and the workspace, and works out what does not depend on the lock. */
async function gatherSend(db: TenantDb, request: SendMessageRequest, options: SendMessageOptions, deps: ResolvedDeps): Promise<PendingSend> {
  const channel: OutboundChannel = request.channel;
  const lead = request.buyerId ? await getBuyerContact(db, request.buyerId, request.dealId ?? null) : await getLeadContact(db, request.dealId ?? "");
  const tenant = await getTenantWithSettings(db);
  // Unreadable settings: no postal address and a cap of 0, so every send fails closed.
  const postalAddress = tenant.settings?.postalAddress ?? null;
  // The workspace's own cap, lowered to its plan's cap when the plan has one.
  const dailyCap = tenant.settings ? effectiveDailyCap(tenant.plan, channel, channel === "SMS" ? tenant.settings.outboundDailyCapSms : tenant.settings.outboundDailyCapEmail) : 0;
  const { secret, baseUrl } = deps;
  return {
    fields: {
      dealId: lead.id,
      buyerId: lead.buyer?.id ?? null,
      channel,
      subject: channel === "EMAIL" ? (request.subject ?? null) : null,
      ladderId: request.ladderId ?? null,
      ladderStep: request.ladderStep ?? null,
      sentById: options.actorId ?? null,
      variantKey: options.variantKey ?? null,
    },
    body: request.body,
    html: channel === "EMAIL" && options.html ? options.html : null,
    inlineFooter: channel === "EMAIL" && request.footer === "inline",
    at: options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date(),
    lead,
    address: normalizeAddress(channel, channel === "SMS" ? lead.contactPhone : lead.contactEmail),
    timeZones: lead.timeZone ? [lead.timeZone] : lead.region ? regionTimeZones(lead.region, lead.country ?? undefined) : [],
    workspace: { tenantId: db.tenantId, slug: tenant.slug, timeZone: tenant.timeZone, postalAddress, dailyCap },
    emailFooter: postalAddress && secret && baseUrl ? { senderName: tenant.name, postalAddress, unsubscribeSecret: secret, baseUrl } : null,
    providerName: (channel === "SMS" ? deps.providers.sms : deps.providers.email).name,
    canLinkUnsubscribe: Boolean(secret && baseUrl),
    areaBlacklist: lead.buyer ? null : await readAreaBlacklist(db, lead),
    variants: channel === "SMS" && options.variants?.length ? options.variants : null,
  };
}

/**
 * The blacklist mark of a lead's area. Fails closed: a mark that cannot be read refuses the
 * send as if the area were blacklisted, saying so. Read before the workspace lock, because a
 * failed read inside the transaction would abort it before the refusal could be recorded.
 */
async function readAreaBlacklist(db: TenantDb, lead: SendContact): Promise<AreaBlacklist | null> {
  try {
    return await areaBlacklistOf(db, { areaCode: lead.areaCode, postalCode: lead.postalCode });
  } catch {
    return { areaCode: lead.areaCode ?? lead.postalCode ?? "unknown", reason: "its blacklist could not be read, so its leads are not contacted until it can" };
  }
}

async function getLeadContact(db: TenantDb, dealId: string): Promise<SendContact> {
  const lead = await getDealContact(db, dealId);
  if (!lead) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  return { ...lead, buyer: null };
}

/**
 * A buyer as a recipient: the first phone for SMS, the first email for EMAIL; judged by the
 * market policy of the buyer's first market (else of their first postal code) in the buyer's
 * own time zone, or every zone of that region when the buyer has none (which fails closed).
 */
async function getBuyerContact(db: TenantDb, buyerId: string, dealId: string | null): Promise<SendContact> {
  const buyer = await db.buyer.findFirst({
    where: { id: buyerId, deletedAt: null },
    select: { id: true, status: true, phones: true, emails: true, timeZone: true, markets: true, postalCodes: true },
  });
  if (!buyer) throw new ExpectedError("not_found", "This buyer does not exist", "buyerId");
  if (dealId && !(await db.deal.findFirst({ where: { id: dealId, deletedAt: null }, select: { id: true } }))) {
    throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  }
  const place = buyerPlace(buyer.markets, buyer.postalCodes);
  return {
    id: dealId,
    contactPhone: buyer.phones[0] ?? null,
    contactEmail: buyer.emails[0] ?? null,
    timeZone: buyer.timeZone,
    ...place,
    // The market minimum qualifies sellers' leads; it has nothing to say about a buyer.
    score: Number.POSITIVE_INFINITY,
    // An area's blacklist stops contacting its sellers, not the buyers a deal is offered to.
    areaCode: null,
    postalCode: null,
    buyer: { id: buyer.id, active: buyer.status === "ACTIVE" },
  };
}

/** The region and market whose policy governs contacting a buyer; nulls when none is known. */
function buyerPlace(markets: readonly string[], postalCodes: readonly string[]): { region: string | null; market: string | null; country: Country | null } {
  const first = markets.map(parseMarketKey).find((m) => m !== null);
  if (first) return { region: first.region, market: first.market, country: getRegion(first.region)?.country ?? null };
  for (const postalCode of postalCodes) {
    const geo = resolveGeo({ postalCode });
    if (geo.region) return { region: geo.region, market: geo.market ?? null, country: geo.country ?? null };
  }
  return { region: null, market: null, country: null };
}

type GatedSend = Extract<SendMessageResult, { status: "BLOCKED" }> | { status: "QUEUED"; messageId: string; outgoing: Outgoing };

/** Under the workspace lock: asks the gates, then records the message as QUEUED or BLOCKED. */
async function gateAndRecord(tx: TenantTransaction, pending: PendingSend): Promise<GatedSend> {
  await lockTenantRow(tx);
  const gateFacts = await readGateFacts(tx, pending);
  // Deliverability control: the sender (a paused one never), then the wording for its stream.
  const sender = await selectSender(tx, pending.fields.channel, startOfLocalDay(pending.at, pending.workspace.timeZone), gateFacts.dailyCap);
  const facts: OutboundFacts = { ...gateFacts, senderRefusal: sender.kind === "refused" ? { reason: sender.reason, detail: sender.detail } : null };
  const send = await withRotatedVariant(tx, pending, sender);
  // An erased person is never contacted again: checked before the gates, and a failed check fails the send.
  const suppressed = await isSuppressed(tx, { phone: send.lead.contactPhone, email: send.lead.contactEmail });
  const decision: OutboundDecision =
    send.lead.buyer && !send.lead.buyer.active
      ? { allowed: false, gate: "recipient", reason: "buyer_inactive", detail: "The buyer is not active (inactive or do not use)" }
      : suppressed
        ? { allowed: false, gate: "do_not_contact", reason: "do_not_contact", detail: SUPPRESSED_MESSAGE }
        : decideOutbound(facts);
  if (!decision.allowed) return recordBlocked(tx, send, decision, facts);
  const outgoing = facts.address ? composeOutgoing(send, facts.address) : null;
  // The gates refuse a send without an address, and an email without its footer's parts.
  if (!outgoing) throw new Error("An allowed message could not be composed");
  const from = sender.kind === "chosen" && send.fields.channel === "SMS" ? sender.sender.address : undefined;
  const queued = await tx.message.create({
    // The HTML kept is the one the provider gets (footer and tracking in), so the Outbox shows the email as it left.
    data: { ...send.fields, toAddress: outgoing.to, fromAddress: from ?? null, body: outgoing.body, html: outgoing.html ?? null, direction: "OUTBOUND", status: "QUEUED", provider: send.providerName },
  });
  if (sender.kind === "chosen") await markSenderUsed(tx, sender.sender.id, send.at);
  return { status: "QUEUED", messageId: queued.id, outgoing: from ? { ...outgoing, from } : outgoing };
}

/** The send with the next wording of its rotated SMS in the sender's stream; unchanged for a single text. */
async function withRotatedVariant(tx: TenantTransaction, send: PendingSend, sender: SenderChoice): Promise<PendingSend> {
  if (!send.variants) return send;
  const variant = await nextVariant(tx, send.variants, sender.kind === "chosen" ? sender.sender.address : null);
  return { ...send, body: variant.body, fields: { ...send.fields, variantKey: variant.key } };
}

/** What the gates judge: the pending send plus what only the locked transaction may read. */
async function readGateFacts(tx: TenantTransaction, send: PendingSend): Promise<OutboundFacts> {
  const { channel } = send.fields;
  const { address, lead } = send;
  const [consent, dnc, policy, sentToday] = await Promise.all([
    address ? tx.contactConsent.findFirst({ where: { channel, address }, select: { status: true, basis: true, givenAt: true, createdAt: true } }) : null,
    address ? tx.doNotContact.findFirst({ where: { value: address }, select: { id: true } }) : null,
    lead.region ? getEffectivePolicy(tx, lead.region, lead.market) : null,
    tx.message.count({
      where: { channel, direction: "OUTBOUND", status: { in: COUNTED }, createdAt: { gte: startOfLocalDay(send.at, send.workspace.timeZone) } },
    }),
  ]);
  return {
    channel,
    address,
    consent: consent?.status ?? null,
    onDoNotContact: Boolean(dnc),
    areaBlacklist: send.areaBlacklist,
    // Read after the cheaper gates' facts: a registry copy is loaded into memory on its first lookup.
    registries: channel === "SMS" ? await readRegistryFacts(tx, address) : null,
    consentBasis: consent?.status === "OPTED_IN" ? { basis: consent.basis, givenAt: consent.givenAt ?? consent.createdAt } : null,
    policy,
    timeZones: send.timeZones,
    at: send.at,
    score: lead.score,
    postalAddress: send.workspace.postalAddress,
    canLinkUnsubscribe: send.canLinkUnsubscribe,
    // An HTML part placing its own footer must keep it too.
    footerInBody: send.inlineFooter ? hasInlineFooter(send.body) && (send.html === null || hasInlineFooter(send.html)) : null,
    sentToday,
    // A KPI breach may have throttled outbound: the cap shrinks while it lasts.
    dailyCap: await capUnderThrottle(tx, send.workspace.dailyCap),
  };
}

/** What leaves: an email gets the workspace's postal address and an unsubscribe link; null when it cannot. */
function composeOutgoing(send: PendingSend, to: string): Outgoing | null {
  if (send.fields.channel === "SMS") return { to, body: send.body };
  const footer = send.emailFooter;
  if (!footer) return null;
  const token = signUnsubscribeToken({ tenantId: send.workspace.tenantId, address: to }, footer.unsubscribeSecret);
  const unsubscribeUrl = `${footer.baseUrl}/unsubscribe/${token}`;
  const links = { unsubscribeUrl, oneClickUnsubscribeUrl: `${footer.baseUrl}/api/unsubscribe/${token}` };
  const parts = { postalAddress: footer.postalAddress, unsubscribeUrl };
  if (send.inlineFooter) {
    return { to, body: fillInlineFooter(send.body, parts), ...(send.html ? { html: fillInlineFooter(send.html, htmlEscaped(parts)) } : {}), ...links };
  }
  const withFooter = { senderName: footer.senderName, ...parts };
  return { to, body: emailWithFooter(send.body, withFooter), ...(send.html ? { html: htmlWithFooter(send.html, withFooter) } : {}), ...links };
}

/** A refused send: recorded as BLOCKED with the gate's reason, and counted. */
async function recordBlocked(
  tx: TenantTransaction,
  send: PendingSend,
  decision: Extract<OutboundDecision, { allowed: false }>,
  facts: OutboundFacts,
): Promise<GatedSend> {
  const { fields, lead } = send;
  const row = await tx.message.create({
    data: {
      ...fields,
      direction: "OUTBOUND",
      status: "BLOCKED",
      toAddress: send.address ?? (fields.channel === "SMS" ? lead.contactPhone : lead.contactEmail) ?? "",
      body: send.body,
      provider: send.providerName,
      blockedReason: decision.reason,
      error: decision.detail,
    },
  });
  const data = { messageId: row.id, channel: fields.channel, gate: decision.gate, reason: decision.reason, ladderStep: fields.ladderStep };
  await recordKpiEvents(tx, [
    { name: "message_blocked", dealId: lead.id, data },
    ...(decision.gate === "market_policy" || decision.gate === "channel" ? [{ name: "policy_blocked" as const, dealId: lead.id, data }] : []),
  ]);
  return { messageId: row.id, status: "BLOCKED", provider: send.providerName, gate: decision.gate, reason: decision.reason, detail: decision.detail, fix: explainRefusal(send, decision, facts) };
}

/** The refusal in words with its fix, with the facts only the send knows (the window's next opening). */
function explainRefusal(send: PendingSend, decision: Extract<OutboundDecision, { allowed: false }>, facts: OutboundFacts): BlockExplanation {
  const timing = decision.reason === "outside_window" || decision.reason === "closed_today";
  const opens = timing ? nextAllowedInstant(facts.policy, facts.timeZones, facts.at, facts.channel) : null;
  return explainBlock({
    reason: decision.reason,
    channel: facts.channel,
    address: facts.address,
    dealId: send.lead.id,
    buyerId: send.lead.buyer?.id ?? null,
    region: facts.policy?.region ?? send.lead.region,
    market: facts.policy?.market ?? send.lead.market,
    score: facts.score,
    minimumScore: facts.policy?.rules.minLeadScore ?? null,
    opensAt: opens && facts.timeZones[0] ? formatOpening(opens, facts.at, facts.timeZones[0]) : null,
    dailyCap: facts.dailyCap,
    registry: decision.registry ?? null,
    areaCode: facts.areaBlacklist?.areaCode ?? send.lead.areaCode,
    areaReason: facts.areaBlacklist?.reason ?? null,
  });
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
  const { providers, baseUrl } = await resolveDeps(db, deps);
  const tenant = await getTenantIdentity(db);
  return deliver(
    db,
    { dealId: message.dealId, buyerId: null, channel: "SMS", to: message.to, body: message.body, subject: null, ladderId: null, ladderStep: null, sentById: null },
    providers,
    baseUrl,
    { tenantId: db.tenantId, slug: tenant.slug },
  );
}
