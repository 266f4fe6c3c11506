/**
 * Materialising a campaign's recipients from its audience: every lead of the copied Prospects
 * query with an email (or, for mail, a mailing address), or every buyer of the segment with an
 * email. A lead under the campaign's minimum score, or an address another campaign emailed in
 * the last 30 days, is recorded BLOCKED with its gate; the rest wait PENDING with their variant.
 * Recipients already recorded are kept as they are, so a run adds only the newcomers.
 */
import type { Prisma } from "@/generated/prisma/client";
import { buyersInSegment } from "@/lib/buyers/segments";
import { normalizeEmail } from "@/lib/contact/address";
import { insertRows } from "@/lib/db/bulk";
import type { TenantDb } from "@/lib/db/tenant";
import { parseProspectQuery, prospectWhere } from "@/lib/prospects/query";
import { dedupeSince, variantIndexFor } from "./rules";

export interface AudienceCampaign {
  id: string;
  channel: "EMAIL" | "MAIL" | string;
  audience: "PROSPECTS_VIEW" | "BUYER_SEGMENT";
  audienceQuery: string;
  buyerSegmentId: string | null;
  minScore: number;
  variants: { id: string }[];
}

interface Candidate {
  address: string;
  dealId: string | null;
  buyerId: string | null;
  /** Null for a buyer: the minimum score qualifies sellers' leads. */
  score: number | null;
}

const BATCH = 1000;

/** The campaign's query string as the Prospects table reads it. */
function audienceFilter(query: string, timeZone: string): Prisma.DealWhereInput {
  const source = new URLSearchParams(query.replace(/^\?/, ""));
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(source.keys())) {
    const values = source.getAll(key);
    raw[key] = values.length > 1 ? values : values[0];
  }
  return prospectWhere(parseProspectQuery(raw), timeZone);
}

/** "12 Main St, Springfield 62701": the line a mail recipient is recorded under. */
function mailingLine(deal: { street: string | null; city: string | null; postalCode: string | null }): string | null {
  if (!deal.street?.trim() || !deal.city?.trim() || !deal.postalCode?.trim()) return null;
  return `${deal.street.trim()}, ${deal.city.trim()} ${deal.postalCode.trim().toUpperCase()}`.toLowerCase();
}

async function* leadCandidates(db: TenantDb, campaign: AudienceCampaign, timeZone: string): AsyncGenerator<Candidate[]> {
  const base = audienceFilter(campaign.audienceQuery, timeZone);
  const reachable: Prisma.DealWhereInput = campaign.channel === "MAIL" ? { street: { not: null }, postalCode: { not: null } } : { contactEmail: { not: null } };
  let after: string | undefined;
  for (;;) {
    const deals = await db.deal.findMany({
      where: { AND: [base, reachable] },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: { id: true, contactEmail: true, street: true, city: true, postalCode: true, score: true },
    });
    if (deals.length === 0) return;
    after = deals[deals.length - 1].id;
    yield deals.flatMap((deal) => {
      const address = campaign.channel === "MAIL" ? mailingLine(deal) : normalizeEmail(deal.contactEmail ?? "");
      return address ? [{ address, dealId: deal.id, buyerId: null, score: deal.score }] : [];
    });
    if (deals.length < BATCH) return;
  }
}

async function* buyerCandidates(db: TenantDb, campaign: AudienceCampaign): AsyncGenerator<Candidate[]> {
  if (!campaign.buyerSegmentId) return;
  const ids = await buyersInSegment(db, campaign.buyerSegmentId);
  for (let i = 0; i < ids.length; i += BATCH) {
    const buyers = await db.buyer.findMany({ where: { id: { in: ids.slice(i, i + BATCH) }, deletedAt: null }, select: { id: true, emails: true } });
    yield buyers.flatMap((b) => {
      const address = b.emails[0] ? normalizeEmail(b.emails[0]) : null;
      return address ? [{ address, dealId: null, buyerId: b.id, score: null }] : [];
    });
  }
}

/** Adds the audience's newcomers as recipients; returns how many were added. */
export async function materializeRecipients(db: TenantDb, campaign: AudienceCampaign, options: { now: Date; timeZone: string }): Promise<number> {
  if (campaign.variants.length === 0) return 0;
  const candidates = campaign.audience === "BUYER_SEGMENT" ? buyerCandidates(db, campaign) : leadCandidates(db, campaign, options.timeZone);
  let added = 0;
  for await (const batch of candidates) {
    const fresh = await newcomers(db, campaign.id, batch);
    if (fresh.length === 0) continue;
    const recent = campaign.channel === "EMAIL" ? await recentlyEmailed(db, campaign.id, fresh.map((c) => c.address), options.now) : new Map<string, Date>();
    const rows = fresh.map((c) => {
      const variant = campaign.variants[variantIndexFor(campaign.id, c.address, campaign.variants.length)];
      const base = { campaignId: campaign.id, variantId: variant.id, dealId: c.dealId, buyerId: c.buyerId, address: c.address };
      if (c.buyerId === null && (c.score ?? 0) < campaign.minScore) {
        return { ...base, state: "BLOCKED" as const, gate: "score", reason: c.score === null ? `Not scored yet; the campaign's minimum is ${campaign.minScore}` : `Score ${c.score} is under the campaign's minimum of ${campaign.minScore}` };
      }
      const last = recent.get(c.address);
      if (last) return { ...base, state: "BLOCKED" as const, gate: "dedupe", reason: `Another campaign emailed this address on ${last.toISOString().slice(0, 10)}; one campaign email per 30 days` };
      return { ...base, state: "PENDING" as const };
    });
    // One COPY per batch (Prisma's createMany costs several times the insert); a concurrent run
    // that took an address in meanwhile keeps it (the unique campaign + address skips ours).
    added += (await insertRows(db, "CampaignRecipient", rows, { skipDuplicates: true })).length;
  }
  if (added > 0) await db.campaign.update({ where: { id: campaign.id }, data: { total: await db.campaignRecipient.count({ where: { campaignId: campaign.id } }) } });
  return added;
}

/** The candidates not yet recipients of this campaign, one per address (the first lead wins). */
async function newcomers(db: TenantDb, campaignId: string, batch: Candidate[]): Promise<Candidate[]> {
  const unique = [...new Map(batch.map((c) => [c.address, c])).values()];
  if (unique.length === 0) return [];
  const known = await db.campaignRecipient.findMany({ where: { campaignId, address: { in: unique.map((c) => c.address) } }, select: { address: true } });
  const taken = new Set(known.map((k) => k.address));
  return unique.filter((c) => !taken.has(c.address));
}

/** The last time another campaign emailed each of these addresses within the dedupe window. */
export async function recentlyEmailed(db: TenantDb, campaignId: string, addresses: string[], now: Date): Promise<Map<string, Date>> {
  if (addresses.length === 0) return new Map();
  const rows = await db.campaignRecipient.findMany({
    where: { address: { in: addresses }, campaignId: { not: campaignId }, sentAt: { gt: dedupeSince(now), lte: now }, campaign: { channel: "EMAIL" } },
    select: { address: true, sentAt: true },
  });
  const last = new Map<string, Date>();
  for (const row of rows) if (row.sentAt && (!last.has(row.address) || row.sentAt > last.get(row.address)!)) last.set(row.address, row.sentAt);
  return last;
}
