/**
 * An opportunity's incumbent and similar awards from USAspending (X7), cached per
 * opportunity for seven days. USAspending needs no key, but laptops and CI are offline, so
 * the notices of the shipped SAM.gov feed get the shipped awards (the same client over a
 * local transport) unless USASPENDING_LIVE=1 or USASPENDING_API_URL is set; a notice from the
 * real SAM.gov is always looked up on USAspending, never matched against the sample. A failed
 * lookup keeps the last good result, marked with the error, and never stands in a made-up one.
 */
import { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { isShippedNotice } from "@/lib/providers/samgov/fixture-feed";
import { usaSpendingClient, type AwardSummary } from "@/lib/providers/usaspending/client";
import { fixtureUsaSpendingFetch } from "@/lib/providers/usaspending/fixture";
import { incumbentSearch, pickIncumbent, similarSearch, similarWithout, type OpportunityForAwards } from "./award-matching";

export const AWARDS_CACHE_DAYS = 7;
const CACHE_MS = AWARDS_CACHE_DAYS * 86_400_000;

export type AwardsSource = "usaspending" | "fixture";
export type { AwardSummary };

export interface AwardsView {
  source: AwardsSource;
  /** When the shown awards were fetched; null when none ever were. */
  fetchedAt: Date | null;
  incumbent: AwardSummary | null;
  similar: AwardSummary[];
  /** The last lookup's failure, when it failed. */
  error: string | null;
  /** True when the awards shown are older than the cache keeps them (the refresh failed). */
  stale: boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Live USAspending when asked for (USASPENDING_LIVE=1), pointed at (USASPENDING_API_URL) or
 * the notice is a real one; the shipped awards for the shipped feed's notices otherwise.
 */
export function usaSpendingSource(env: Env, shippedNotice: boolean): { source: AwardsSource; baseUrl: string | null } {
  const baseUrl = env.USASPENDING_API_URL?.trim() || null;
  const live = baseUrl !== null || env.USASPENDING_LIVE === "1" || env.USASPENDING_LIVE === "true";
  return live || !shippedNotice ? { source: "usaspending", baseUrl } : { source: "fixture", baseUrl: null };
}

export interface AwardsOptions {
  now?: Date;
  /** Replaces the transport (tests, a recording proxy); the source still follows the environment. */
  fetchImpl?: typeof fetch;
  env?: Env;
}

function awardList(value: unknown): AwardSummary[] {
  return Array.isArray(value) ? (value as AwardSummary[]) : [];
}

function toJson(value: AwardSummary | AwardSummary[]): Prisma.InputJsonValue {
  return value as unknown as Prisma.InputJsonValue;
}

function awardNumberOf(raw: unknown): string | null {
  const award = raw && typeof raw === "object" ? (raw as { award?: { number?: unknown } | null }).award : null;
  return typeof award?.number === "string" && award.number.trim() ? award.number.trim() : null;
}

async function lookUp(opportunity: OpportunityForAwards, fetchImpl: typeof fetch, baseUrl: string | null, now: Date) {
  const client = usaSpendingClient({ baseUrl, fetchImpl });
  const incumbentQuery = incumbentSearch(opportunity);
  const similarQuery = similarSearch(opportunity, now);
  const [incumbentResult, similarResult] = await Promise.all([
    incumbentQuery ? client.searchAwards(incumbentQuery) : null,
    similarQuery ? client.searchAwards(similarQuery) : null,
  ]);
  const incumbent = incumbentResult ? pickIncumbent(incumbentResult.awards, opportunity) : null;
  return { incumbent, similar: similarResult ? similarWithout(similarResult.awards, incumbent) : [] };
}

/**
 * The incumbent and similar awards of an opportunity: from the cache when younger than
 * seven days (and from the same source), else looked up and cached.
 */
export async function awardsForOpportunity(db: TenantDb, opportunityId: string, options: AwardsOptions = {}): Promise<AwardsView> {
  const now = options.now ?? new Date();
  const opportunity = await db.opportunity.findFirst({
    where: { id: opportunityId },
    select: { id: true, noticeId: true, solicitationNumber: true, naicsCode: true, pscCode: true, agency: true, agencyPath: true, raw: true },
  });
  if (!opportunity) throw new ExpectedError("not_found", "Opportunity not found");
  const { source, baseUrl } = usaSpendingSource(options.env ?? process.env, isShippedNotice(opportunity.noticeId, now));

  const key = { tenantId_opportunityId: { tenantId: db.tenantId, opportunityId } };
  const cached = await db.opportunityAwards.findUnique({ where: key });
  const cachedView = (error: string | null): AwardsView | null =>
    cached
      ? {
          source: cached.source as AwardsSource,
          fetchedAt: cached.fetchedAt,
          incumbent: (cached.incumbent as AwardSummary | null) ?? null,
          similar: awardList(cached.similar),
          error,
          stale: now.getTime() - cached.fetchedAt.getTime() >= CACHE_MS,
        }
      : null;
  if (cached && cached.source === source && now.getTime() - cached.fetchedAt.getTime() < CACHE_MS) return cachedView(cached.error)!;

  const fetchImpl = options.fetchImpl ?? (source === "fixture" ? fixtureUsaSpendingFetch(() => now) : fetch);
  const subject: OpportunityForAwards = {
    solicitationNumber: opportunity.solicitationNumber,
    awardNumber: awardNumberOf(opportunity.raw),
    naicsCode: opportunity.naicsCode,
    pscCode: opportunity.pscCode,
    agency: opportunity.agency ?? opportunity.agencyPath,
  };
  try {
    const found = await lookUp(subject, fetchImpl, baseUrl, now);
    const data = { source, incumbent: found.incumbent ? toJson(found.incumbent) : Prisma.DbNull, similar: toJson(found.similar), fetchedAt: now, error: null };
    await db.opportunityAwards.upsert({ where: key, create: { opportunityId, ...data }, update: data });
    return { source, fetchedAt: now, incumbent: found.incumbent, similar: found.similar, error: null, stale: false };
  } catch (error) {
    const message = `USAspending: ${(error as Error)?.message ?? String(error)}`;
    // Keep the last good awards and note why they were not refreshed; without any, show the error alone.
    if (cached) {
      await db.opportunityAwards.update({ where: key, data: { error: message } });
      return cachedView(message)!;
    }
    return { source, fetchedAt: null, incumbent: null, similar: [], error: message, stale: false };
  }
}
