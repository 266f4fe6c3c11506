/**
 * The campaign runner, one pass of the campaigns engine: due scheduled campaigns start, each
 * sending campaign takes in its audience's newcomers, claims up to its daily limit of PENDING
 * recipients (PENDING -> SENDING in one compare-and-set UPDATE, so a pause, a resume or a
 * concurrent run never sends twice), and sends each through the outbound core
 * (email) or the mail service (mail), recording SENT, BLOCKED with the gate, or ERROR.
 */
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { sendMailPiece } from "@/lib/mail/service";
import { sendMessage, startOfLocalDay, type OutboundDeps } from "@/lib/outbound/service";
import { publicBaseUrl, unsubscribeSecret } from "@/lib/outbound/unsubscribe";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { materializeRecipients, recentlyEmailed } from "./audience";
import { addTracking } from "./tracking";
import { leadMergeValues, mergeCampaignTemplate, placesOwnFooter, textToHtml, type CampaignMergeValues } from "./templates";

export interface CampaignRunOptions {
  now?: () => Date;
  /** Providers, public URL and signing secret; default to the workspace's and the environment's. */
  deps?: OutboundDeps;
}

export interface CampaignRunReport {
  campaigns: number;
  added: number;
  sent: number;
  blocked: number;
  failed: number;
  finished: number;
}

/** A SENDING row older than this was claimed by a run that died: it may have left, so it is never sent again. */
export const STALE_SENDING_MS = 60 * 60 * 1000;

/** One pass over the workspace's due and sending campaigns, oldest first. */
export async function runDueCampaigns(db: TenantDb, options: CampaignRunOptions = {}): Promise<CampaignRunReport> {
  const clock = options.now ?? (() => new Date());
  const now = clock();
  await db.campaign.updateMany({ where: { status: "SCHEDULED", scheduledAt: { lte: now } }, data: { status: "SENDING", startedAt: now } });
  const sending = await db.campaign.findMany({ where: { status: "SENDING" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const report: CampaignRunReport = { campaigns: sending.length, added: 0, sent: 0, blocked: 0, failed: 0, finished: 0 };
  for (const { id } of sending) {
    const one = await runCampaign(db, id, options);
    report.added += one.added;
    report.sent += one.sent;
    report.blocked += one.blocked;
    report.failed += one.failed;
    if (one.finished) report.finished += 1;
  }
  return report;
}

export interface CampaignPassResult {
  added: number;
  sent: number;
  blocked: number;
  failed: number;
  finished: boolean;
}

const CAMPAIGN_SELECT = {
  id: true, name: true, status: true, channel: true, audience: true, audienceQuery: true, buyerSegmentId: true, minScore: true, dailyLimit: true, createdById: true,
  variants: { orderBy: { label: "asc" as const }, select: { id: true, label: true, subject: true, body: true } },
};

/** One pass of one campaign; sends nothing unless it is SENDING. */
export async function runCampaign(db: TenantDb, campaignId: string, options: CampaignRunOptions = {}): Promise<CampaignPassResult> {
  const clock = options.now ?? (() => new Date());
  const result: CampaignPassResult = { added: 0, sent: 0, blocked: 0, failed: 0, finished: false };
  const campaign = await db.campaign.findFirst({ where: { id: campaignId }, select: CAMPAIGN_SELECT });
  if (!campaign || campaign.status !== "SENDING") return result;
  const tenant = await getTenantWithSettings(db);
  result.added = await materializeRecipients(db, campaign, { now: clock(), timeZone: tenant.timeZone });
  await db.campaignRecipient.updateMany({
    where: { campaignId, state: "SENDING", updatedAt: { lt: new Date(clock().getTime() - STALE_SENDING_MS) } },
    data: { state: "ERROR", error: "The send was interrupted; it is not tried again, so nothing goes twice" },
  });

  // The quota read and the claim share one transaction holding the campaign's row, so two
  // runs at once take turns: the second sees the first's SENDING rows and the day's limit holds.
  const claimed = await db.$transaction(async (tx) => {
    await tx.campaign.update({ where: { id: campaignId }, data: { lastRunAt: clock() } });
    return claimRecipients(tx, campaignId, await quotaLeft(tx, campaign, clock(), tenant.timeZone), clock());
  });
  const deps = resolveDeps(options.deps);
  const variants = new Map(campaign.variants.map((v) => [v.id, v]));
  const recent = campaign.channel === "EMAIL" ? await recentlyEmailed(db, campaignId, claimed.map((r) => r.address), clock()) : new Map<string, Date>();
  const mergeValues = await mergeValuesOf(db, claimed);
  for (const [index, recipient] of claimed.entries()) {
    // A pause takes effect between sends: what this run claimed and did not send waits again.
    if (index > 0 && index % 10 === 0 && !(await stillSending(db, campaignId))) {
      await db.campaignRecipient.updateMany({ where: { id: { in: claimed.slice(index).map((r) => r.id) }, state: "SENDING" }, data: { state: "PENDING" } });
      break;
    }
    const last = recent.get(recipient.address);
    const outcome: Outcome = last
      ? { status: "BLOCKED", gate: "dedupe", reason: `Another campaign emailed this address on ${last.toISOString().slice(0, 10)}; one campaign email per 30 days`, messageId: null }
      : await sendOne(db, campaign, recipient, variants.get(recipient.variantId ?? "") ?? campaign.variants[0], mergeValues.get(recipient.id)!, clock(), deps);
    await recordOutcome(db, recipient.id, outcome, clock());
    if (outcome.status === "SENT") result.sent += 1;
    else if (outcome.status === "BLOCKED") result.blocked += 1;
    else result.failed += 1;
  }

  const open = await db.campaignRecipient.count({ where: { campaignId, state: { in: ["PENDING", "SENDING"] } } });
  const finished = open === 0 ? await db.campaign.updateMany({ where: { id: campaignId, status: "SENDING" }, data: { status: "FINISHED", finishedAt: clock(), lastRunAt: clock() } }) : { count: 0 };
  if (finished.count === 0) await db.campaign.update({ where: { id: campaignId }, data: { lastRunAt: clock() } });
  result.finished = finished.count > 0;
  return result;
}

async function stillSending(db: TenantDb, campaignId: string): Promise<boolean> {
  return (await db.campaign.count({ where: { id: campaignId, status: "SENDING" } })) > 0;
}

/** What the daily limit leaves for today (the workspace's day): sent or being sent today count. */
async function quotaLeft(db: TenantDb | TenantTransaction, campaign: { id: string; dailyLimit: number }, now: Date, timeZone: string): Promise<number> {
  const today = await db.campaignRecipient.count({
    where: { campaignId: campaign.id, OR: [{ sentAt: { gte: startOfLocalDay(now, timeZone) } }, { state: "SENDING" }] },
  });
  return Math.max(0, campaign.dailyLimit - today);
}

interface ClaimedRecipient {
  id: string;
  address: string;
  dealId: string | null;
  buyerId: string | null;
  variantId: string | null;
}

/**
 * Up to `limit` PENDING recipients moved to SENDING in one UPDATE ... WHERE state = PENDING
 * RETURNING (a compare-and-set per row, so a row goes to one run only).
 */
async function claimRecipients(db: TenantDb | TenantTransaction, campaignId: string, limit: number, at: Date): Promise<ClaimedRecipient[]> {
  if (limit <= 0) return [];
  const candidates = await db.campaignRecipient.findMany({
    where: { campaignId, state: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  const claimed = await db.campaignRecipient.updateManyAndReturn({
    where: { id: { in: candidates.map((c) => c.id) }, state: "PENDING" },
    // Stamped with the run's clock, which the stale-SENDING check reads with.
    data: { state: "SENDING", updatedAt: at },
    select: { id: true, address: true, dealId: true, buyerId: true, variantId: true, createdAt: true },
  });
  // Sent in the order they were taken in, as the candidates were read.
  claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return claimed.map(({ createdAt: _createdAt, ...recipient }) => recipient);
}

function resolveDeps(deps: OutboundDeps = {}): OutboundDeps & { baseUrl: string | null; secret: string | null } {
  return { ...deps, baseUrl: deps.baseUrl === undefined ? publicBaseUrl() : deps.baseUrl, secret: deps.secret === undefined ? unsubscribeSecret() : deps.secret };
}

type Outcome =
  | { status: "SENT"; messageId: string | null; mailPieceId?: string }
  | { status: "BLOCKED"; gate: string; reason: string; messageId: string | null; mailPieceId?: string }
  | { status: "ERROR"; error: string; messageId: string | null; mailPieceId?: string };

interface RunnableCampaign {
  id: string;
  channel: string;
  createdById: string | null;
}

/** Each claimed recipient's merge values, read in two queries (their leads, their buyers) rather than one per send. */
async function mergeValuesOf(db: TenantDb, recipients: ClaimedRecipient[]): Promise<Map<string, CampaignMergeValues>> {
  const dealIds = recipients.flatMap((r) => (r.dealId ? [r.dealId] : []));
  const buyerIds = recipients.flatMap((r) => (!r.dealId && r.buyerId ? [r.buyerId] : []));
  const [deals, buyers] = await Promise.all([
    dealIds.length ? db.deal.findMany({ where: { id: { in: dealIds } }, select: { id: true, contactName: true, street: true, city: true } }) : [],
    buyerIds.length ? db.buyer.findMany({ where: { id: { in: buyerIds } }, select: { id: true, name: true } }) : [],
  ]);
  const byDeal = new Map(deals.map((d) => [d.id, d]));
  const byBuyer = new Map(buyers.map((b) => [b.id, b]));
  const values = new Map<string, CampaignMergeValues>();
  for (const r of recipients) {
    const deal = r.dealId ? byDeal.get(r.dealId) : undefined;
    const contact = deal ?? { contactName: (r.buyerId && byBuyer.get(r.buyerId)?.name) || null, street: null, city: null };
    values.set(r.id, leadMergeValues(contact));
  }
  return values;
}

async function sendOne(
  db: TenantDb,
  campaign: RunnableCampaign,
  recipient: ClaimedRecipient,
  variant: { id: string; subject: string; body: string },
  values: CampaignMergeValues,
  at: Date,
  deps: ReturnType<typeof resolveDeps>,
): Promise<Outcome> {
  const body = mergeCampaignTemplate(variant.body, values);
  const variantKey = `campaign:${variant.id}`;
  try {
    if (campaign.channel === "MAIL") {
      if (!recipient.dealId) return { status: "ERROR", error: "Mail goes to a lead's mailing address", messageId: null };
      const piece = await sendMailPiece(db, { dealId: recipient.dealId, kind: "POSTCARD", body, campaignId: campaign.id, variantKey, now: at }, { actorId: campaign.createdById, actorEmail: null, requestId: undefined });
      if (piece.status === "CREATED") return { status: "SENT", messageId: null, mailPieceId: piece.pieceId };
      if (piece.status === "BLOCKED") return { status: "BLOCKED", gate: piece.gate, reason: piece.detail || piece.reason, messageId: null, mailPieceId: piece.pieceId };
      return { status: "ERROR", error: piece.error, messageId: null, mailPieceId: piece.pieceId };
    }
    const claim = { tenantId: db.tenantId, recipientId: recipient.id };
    const html = deps.baseUrl && deps.secret ? addTracking(textToHtml(body), { baseUrl: deps.baseUrl, secret: deps.secret, claim }) : undefined;
    const sent = await sendMessage(
      db,
      {
        ...(recipient.buyerId ? { buyerId: recipient.buyerId } : { dealId: recipient.dealId ?? undefined }),
        channel: "EMAIL",
        subject: mergeCampaignTemplate(variant.subject, values).slice(0, 200),
        body,
        footer: placesOwnFooter(body) ? "inline" : "append",
        html,
        variantKey,
        actorId: campaign.createdById,
        now: at,
      },
      deps,
    );
    if (sent.status === "SENT") return { status: "SENT", messageId: sent.messageId };
    if (sent.status === "BLOCKED") return { status: "BLOCKED", gate: sent.gate, reason: sent.detail, messageId: sent.messageId };
    return { status: "ERROR", error: sent.error, messageId: sent.messageId };
  } catch (error) {
    // A lead deleted since it was taken in, or a provider that threw: this recipient alone
    // fails, and is not retried (it may have left), so nothing is sent twice.
    const message = error instanceof ExpectedError ? error.message : error instanceof Error ? error.message : String(error);
    return { status: "ERROR", error: message.slice(0, 500) || "The send failed", messageId: null };
  }
}

async function recordOutcome(db: TenantDb, recipientId: string, outcome: Outcome, at: Date): Promise<void> {
  const common = { messageId: outcome.messageId, mailPieceId: outcome.mailPieceId ?? null };
  const data =
    outcome.status === "SENT"
      ? { ...common, state: "SENT" as const, sentAt: at }
      : outcome.status === "BLOCKED"
        ? { ...common, state: "BLOCKED" as const, gate: outcome.gate, reason: outcome.reason.slice(0, 500) }
        : { ...common, state: "ERROR" as const, error: outcome.error.slice(0, 500) };
  await db.campaignRecipient.updateMany({ where: { id: recipientId, state: "SENDING" }, data });
}
