/**
 * Making and steering campaigns: create and edit a DRAFT (its audience copied from a saved
 * Prospects view, its variants labelled A, B...), delete a DRAFT, start (refused with the field
 * to fix when its emails could not carry the unsubscribe link and the postal address), pause
 * and resume. The messages themselves leave in runs of the campaigns engine (./runner).
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { EVENTS } from "@/lib/events/catalog";
import { enqueueEvents } from "@/lib/events/outbox";
import { publicBaseUrl, unsubscribeSecret } from "@/lib/outbound/unsubscribe";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { CampaignInput, variantLabel, type CampaignRequest } from "./schema";
import { startRefusal } from "./rules";

export interface CampaignDeps {
  /** The app's public URL for unsubscribe and tracking links; defaults to NEXTAUTH_URL. */
  baseUrl?: string | null;
  /** The secret signing those links; defaults to AUTH_SECRET. */
  secret?: string | null;
  now?: Date;
}

function parseCampaign(input: CampaignInput): CampaignRequest {
  const parsed = CampaignInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid campaign", issue?.path.map(String).join(".") || undefined);
}

/** The columns the audience sets: a saved view's query copied, or a segment named. */
async function audienceColumns(db: TenantDb, campaign: CampaignRequest) {
  if (campaign.audience === "BUYER_SEGMENT") {
    const segment = await db.buyerSegment.findFirst({ where: { id: campaign.buyerSegmentId }, select: { id: true } });
    if (!segment) throw new ExpectedError("not_found", "This buyer segment does not exist", "buyerSegmentId");
    return { audience: "BUYER_SEGMENT" as const, buyerSegmentId: segment.id, savedViewId: null, audienceQuery: "" };
  }
  if (campaign.savedViewId) {
    // A view is its maker's; a manager may build a campaign on anyone's view in the workspace.
    const view = await db.savedView.findFirst({ where: { id: campaign.savedViewId }, select: { id: true, query: true, userId: true } });
    if (!view) throw new ExpectedError("not_found", "This saved view does not exist", "savedViewId");
    return { audience: "PROSPECTS_VIEW" as const, savedViewId: view.id, audienceQuery: view.query, buyerSegmentId: null };
  }
  return { audience: "PROSPECTS_VIEW" as const, savedViewId: null, audienceQuery: (campaign.audienceQuery ?? "").replace(/^\?/, ""), buyerSegmentId: null };
}

function variantRows(campaign: CampaignRequest) {
  return campaign.variants.map((v, i) => ({ label: variantLabel(i), subject: campaign.channel === "EMAIL" ? v.subject : "", body: v.body }));
}

/** The columns and variants a campaign's input sets, the same for a new campaign and an edited draft. */
function campaignColumns(db: TenantDb, campaign: ReturnType<typeof parseCampaign>, audience: Awaited<ReturnType<typeof audienceColumns>>) {
  return {
    name: campaign.name,
    channel: campaign.channel,
    ...audience,
    minScore: campaign.minScore,
    dailyLimit: campaign.dailyLimit,
    scheduledAt: campaign.scheduledAt ?? null,
    variants: { create: variantRows(campaign).map((v) => ({ ...v, tenantId: db.tenantId })) },
  };
}

export async function createCampaign(db: TenantDb, input: CampaignInput, ctx: AuditContext): Promise<{ id: string }> {
  const campaign = parseCampaign(input);
  const audience = await audienceColumns(db, campaign);
  return db.$transaction(async (tx) => {
    const row = await tx.campaign.create({
      data: { ...campaignColumns(db, campaign, audience), createdById: ctx.actorId },
      select: { id: true },
    });
    await recordAudit(tx, { action: "campaign.created", entity: "Campaign", entityId: row.id, after: { name: campaign.name, channel: campaign.channel, ...audience } }, ctx);
    return row;
  });
}

async function draftOf(tx: TenantTransaction, campaignId: string, verb: string) {
  const row = await tx.campaign.findFirst({ where: { id: campaignId }, select: { id: true, status: true, name: true } });
  if (!row) throw new ExpectedError("not_found", "This campaign does not exist");
  if (row.status !== "DRAFT") throw new ExpectedError("conflict", `Only a draft campaign can be ${verb}; this one is ${row.status.toLowerCase()}`, "status");
  return row;
}

/** Replaces a draft's fields and variants with the input (the same fields as creating it). */
export async function updateCampaign(db: TenantDb, campaignId: string, input: CampaignInput, ctx: AuditContext): Promise<{ id: string }> {
  const campaign = parseCampaign(input);
  const audience = await audienceColumns(db, campaign);
  return db.$transaction(async (tx) => {
    await draftOf(tx, campaignId, "edited");
    await tx.campaignVariant.deleteMany({ where: { campaignId } });
    await tx.campaign.update({
      where: { id: campaignId },
      data: campaignColumns(db, campaign, audience),
    });
    await recordAudit(tx, { action: "campaign.updated", entity: "Campaign", entityId: campaignId, after: { name: campaign.name, ...audience } }, ctx);
    return { id: campaignId };
  });
}

export async function deleteCampaign(db: TenantDb, campaignId: string, ctx: AuditContext): Promise<{ id: string; deleted: true }> {
  return db.$transaction(async (tx) => {
    const row = await draftOf(tx, campaignId, "deleted");
    await tx.campaign.delete({ where: { id: campaignId } });
    await recordAudit(tx, { action: "campaign.deleted", entity: "Campaign", entityId: campaignId, before: { name: row.name } }, ctx);
    return { id: campaignId, deleted: true as const };
  });
}

export interface CampaignStatusResult {
  id: string;
  status: "SCHEDULED" | "SENDING" | "PAUSED";
}

/**
 * Starts a draft, or resumes a paused campaign: SCHEDULED while its time is ahead, else
 * SENDING with a run of the campaigns engine asked for at once. Refused (422, with the field)
 * when its emails could not carry the unsubscribe link and the postal address.
 */
export async function startCampaign(db: TenantDb, campaignId: string, ctx: AuditContext, deps: CampaignDeps = {}): Promise<CampaignStatusResult> {
  const now = deps.now ?? new Date();
  const secret = deps.secret === undefined ? unsubscribeSecret() : deps.secret;
  const baseUrl = deps.baseUrl === undefined ? publicBaseUrl() : deps.baseUrl;
  const tenant = await getTenantWithSettings(db);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirst({ where: { id: campaignId }, select: { id: true, status: true, channel: true, scheduledAt: true, startedAt: true, _count: { select: { variants: true } } } });
    if (!campaign) throw new ExpectedError("not_found", "This campaign does not exist");
    const refusal = startRefusal({
      status: campaign.status,
      channel: campaign.channel,
      variants: campaign._count.variants,
      postalAddress: tenant.settings?.postalAddress ?? null,
      canLinkUnsubscribe: Boolean(secret && baseUrl),
    });
    if (refusal) throw new ExpectedError(refusal.field === "status" ? "conflict" : "invalid", refusal.message, refusal.field);
    const status = campaign.scheduledAt && campaign.scheduledAt > now ? "SCHEDULED" : "SENDING";
    const { count } = await tx.campaign.updateMany({
      where: { id: campaignId, status: campaign.status },
      data: { status, pausedAt: null, ...(status === "SENDING" && !campaign.startedAt ? { startedAt: now } : {}) },
    });
    if (count === 0) throw new ExpectedError("conflict", "The campaign changed meanwhile: reload and try again", "status");
    const action = campaign.status === "PAUSED" ? "campaign.resumed" : "campaign.started";
    await recordAudit(tx, { action, entity: "Campaign", entityId: campaignId, before: { status: campaign.status }, after: { status } }, ctx);
    if (status === "SENDING") await requestCampaignRun(tx);
    return { id: campaignId, status };
  });
}

/** Pauses a sending or scheduled campaign: the runner sends nothing more until it is resumed. */
export async function pauseCampaign(db: TenantDb, campaignId: string, ctx: AuditContext, now = new Date()): Promise<CampaignStatusResult> {
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirst({ where: { id: campaignId }, select: { status: true } });
    if (!campaign) throw new ExpectedError("not_found", "This campaign does not exist");
    const { count } = await tx.campaign.updateMany({ where: { id: campaignId, status: { in: ["SENDING", "SCHEDULED"] } }, data: { status: "PAUSED", pausedAt: now } });
    if (count === 0) throw new ExpectedError("conflict", `A ${campaign.status.toLowerCase()} campaign cannot be paused`, "status");
    await recordAudit(tx, { action: "campaign.paused", entity: "Campaign", entityId: campaignId, before: { status: campaign.status }, after: { status: "PAUSED" } }, ctx);
    return { id: campaignId, status: "PAUSED" as const };
  });
}

/** Asks both executors for a campaigns-engine run once the transaction commits. */
async function requestCampaignRun(tx: TenantTransaction): Promise<void> {
  await enqueueEvents(tx, [{ name: EVENTS.engineRunRequested, data: { engine: "campaigns", trigger: "event" } }]);
}
