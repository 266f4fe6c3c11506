/** Reading campaigns: the list with its rates, one campaign's metrics (funnel, per variant), its recipients. */
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { campaignRates, RECIPIENT_STATES, type CampaignRates, type EngagementCounts, type RecipientState } from "./rules";
import type { CampaignRecipientsQuery } from "./schema";

export interface VariantMetrics extends EngagementCounts {
  variantId: string;
  label: string;
  subject: string;
  recipients: number;
  rates: CampaignRates;
}

export interface CampaignMetrics {
  campaignId: string;
  status: string;
  recipients: number;
  /** How many recipients are in each state now. */
  states: Record<RecipientState, number>;
  /** Cumulative: an opened recipient counts as sent and delivered too. */
  funnel: EngagementCounts;
  rates: CampaignRates;
  /** BLOCKED recipients by the gate that refused them. */
  blockedByGate: Record<string, number>;
  variants: VariantMetrics[];
}

const zeroStates = () => Object.fromEntries(RECIPIENT_STATES.map((s) => [s, 0])) as Record<RecipientState, number>;
const zeroCounts = (): EngagementCounts => ({ sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, spam: 0, unsubscribed: 0 });

function add(into: EngagementCounts, from: EngagementCounts): void {
  for (const key of Object.keys(into) as (keyof EngagementCounts)[]) into[key] += from[key];
}

/** Counts of one campaign's recipients, per variant, from three grouped reads. */
async function countsByVariant(db: TenantDb, campaignIds: string[]) {
  const [stamps, states, gates] = await Promise.all([
    db.campaignRecipient.groupBy({
      by: ["campaignId", "variantId"],
      where: { campaignId: { in: campaignIds } },
      _count: { _all: true, sentAt: true, deliveredAt: true, openedAt: true, clickedAt: true, bouncedAt: true, unsubscribedAt: true },
    }),
    db.campaignRecipient.groupBy({ by: ["campaignId", "variantId", "state"], where: { campaignId: { in: campaignIds } }, _count: { _all: true } }),
    db.campaignRecipient.groupBy({ by: ["campaignId", "gate"], where: { campaignId: { in: campaignIds }, state: "BLOCKED" }, _count: { _all: true } }),
  ]);
  return { stamps, states, gates };
}

function metricsOf(
  campaign: { id: string; status: string; variants: { id: string; label: string; subject: string }[] },
  grouped: Awaited<ReturnType<typeof countsByVariant>>,
): CampaignMetrics {
  const states = zeroStates();
  const funnel = zeroCounts();
  const perVariant = new Map<string | null, { recipients: number; counts: EngagementCounts }>();
  const slot = (variantId: string | null) => perVariant.get(variantId) ?? perVariant.set(variantId, { recipients: 0, counts: zeroCounts() }).get(variantId)!;
  for (const row of grouped.stamps.filter((r) => r.campaignId === campaign.id)) {
    const target = slot(row.variantId);
    target.recipients += row._count._all;
    const counts: EngagementCounts = {
      sent: row._count.sentAt,
      delivered: row._count.deliveredAt,
      opened: row._count.openedAt,
      clicked: row._count.clickedAt,
      bounced: row._count.bouncedAt,
      spam: 0,
      unsubscribed: row._count.unsubscribedAt,
    };
    add(target.counts, counts);
  }
  for (const row of grouped.states.filter((r) => r.campaignId === campaign.id)) {
    states[row.state] += row._count._all;
    if (row.state === "SPAM") slot(row.variantId).counts.spam += row._count._all;
  }
  for (const { counts } of perVariant.values()) add(funnel, counts);
  const blockedByGate: Record<string, number> = {};
  for (const row of grouped.gates.filter((r) => r.campaignId === campaign.id)) blockedByGate[row.gate ?? "unknown"] = row._count._all;
  const variants = campaign.variants.map((v) => {
    const { recipients, counts } = perVariant.get(v.id) ?? { recipients: 0, counts: zeroCounts() };
    return { variantId: v.id, label: v.label, subject: v.subject, recipients, ...counts, rates: campaignRates(counts) };
  });
  const recipients = Object.values(states).reduce((a, b) => a + b, 0);
  return { campaignId: campaign.id, status: campaign.status, recipients, states, funnel, rates: campaignRates(funnel), blockedByGate, variants };
}

const VARIANTS = { orderBy: { label: "asc" as const }, select: { id: true, label: true, subject: true, body: true } };

export async function getCampaignMetrics(db: TenantDb, campaignId: string): Promise<CampaignMetrics> {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId }, select: { id: true, status: true, variants: VARIANTS } });
  if (!campaign) throw new ExpectedError("not_found", "This campaign does not exist");
  return metricsOf(campaign, await countsByVariant(db, [campaign.id]));
}

const CAMPAIGN_VIEW = {
  id: true, name: true, channel: true, status: true, audience: true, savedViewId: true, audienceQuery: true, buyerSegmentId: true,
  minScore: true, dailyLimit: true, scheduledAt: true, startedAt: true, pausedAt: true, finishedAt: true, lastRunAt: true, total: true, createdAt: true, updatedAt: true,
  variants: VARIANTS,
} as const;

export async function getCampaign(db: TenantDb, campaignId: string) {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId }, select: CAMPAIGN_VIEW });
  if (!campaign) throw new ExpectedError("not_found", "This campaign does not exist");
  return campaign;
}
export type CampaignView = Awaited<ReturnType<typeof getCampaign>>;

/** The name of a buyer-segment campaign's segment; null when it was deleted since (the campaign keeps its id). */
export async function audienceSegmentName(db: TenantDb, campaign: { buyerSegmentId: string | null }): Promise<string | null> {
  if (!campaign.buyerSegmentId) return null;
  const segment = await db.buyerSegment.findFirst({ where: { id: campaign.buyerSegmentId }, select: { name: true } });
  return segment?.name ?? null;
}

export const CAMPAIGN_PAGE_SIZE = 50;

/** Newest first, each with its sent count and rates; a page of 50. */
export async function listCampaigns(db: TenantDb, options: { page?: number } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const [total, campaigns] = await Promise.all([
    db.campaign.count(),
    db.campaign.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * CAMPAIGN_PAGE_SIZE, take: CAMPAIGN_PAGE_SIZE, select: CAMPAIGN_VIEW }),
  ]);
  const grouped = campaigns.length ? await countsByVariant(db, campaigns.map((c) => c.id)) : { stamps: [], states: [], gates: [] };
  const rows = campaigns.map((c) => {
    const metrics = metricsOf(c, grouped);
    return { ...c, recipients: metrics.recipients, funnel: metrics.funnel, rates: metrics.rates };
  });
  return { rows, total, page, pageSize: CAMPAIGN_PAGE_SIZE };
}

/** One page of a campaign's recipients, in the order they were taken in, with the lead's label. */
export async function listCampaignRecipients(db: TenantDb, campaignId: string, query: CampaignRecipientsQuery) {
  const where = { campaignId, ...(query.state ? { state: query.state } : {}) };
  const [total, rows] = await Promise.all([
    db.campaignRecipient.count({ where }),
    db.campaignRecipient.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * CAMPAIGN_PAGE_SIZE,
      take: CAMPAIGN_PAGE_SIZE,
      select: { id: true, address: true, dealId: true, buyerId: true, variantId: true, state: true, gate: true, reason: true, error: true, opens: true, clicks: true, sentAt: true },
    }),
  ]);
  return { rows, total, pageSize: CAMPAIGN_PAGE_SIZE };
}
