/**
 * Descriptions cost a request each, so only notices at or above the profile's
 * descriptionMinFit that have none yet get theirs, best fit first, and one request of the
 * day is always left for the next sync. Each fetched text re-scores its notice (keywords in
 * the description count).
 */
import type { TenantDb } from "@/lib/db/tenant";
import { SamGovError, SamGovThrottled, type SamGovClient } from "@/lib/providers/samgov/client";
import type { SamNotice } from "@/lib/providers/samgov/types";
import type { GovConProfileView } from "./profile-schema";
import { usageOf, type SamGovAccount } from "./quota";
import { withinBudget } from "./samgov-requests";
import { fitColumns } from "./sync-store";

/** Requests a sync never spends on descriptions: the next sync's search needs one. */
export const RESERVED_REQUESTS = 1;

export async function fetchDescriptions(
  db: TenantDb,
  context: { account: SamGovAccount; client: SamGovClient; profile: GovConProfileView; now: Date; max: number },
): Promise<{ requests: number; fetched: number }> {
  const { account, client, profile, now } = context;
  const usage = await usageOf(db, account, now);
  const affordable = Math.min(context.max, usage.left - RESERVED_REQUESTS);
  if (affordable <= 0) return { requests: 0, fetched: 0 };
  const candidates = await db.opportunity.findMany({
    where: { fitScore: { gte: profile.descriptionMinFit }, description: null, descriptionUrl: { not: null } },
    orderBy: [{ fitScore: "desc" }, { responseDeadline: "asc" }],
    take: affordable,
    select: { id: true, descriptionUrl: true, raw: true },
  });
  let requests = 0;
  let fetched = 0;
  for (const candidate of candidates) {
    let answer;
    try {
      answer = await withinBudget(db, account, now, () => client.fetchDescription(candidate.descriptionUrl!));
    } catch (error) {
      requests++;
      if (error instanceof SamGovThrottled) break;
      // A notice whose description is gone (404) is marked fetched and empty, so it costs no request again.
      if (error instanceof SamGovError && error.status === 404) {
        await db.opportunity.update({ where: { id: candidate.id }, data: { description: "", descriptionFetchedAt: now } });
        continue;
      }
      // A rejected key or a server error stops here; the searches' results stand.
      if (error instanceof SamGovError) break;
      throw error;
    }
    if ("refused" in answer) break;
    requests++;
    fetched++;
    const text = answer.value.trim();
    await db.opportunity.update({
      where: { id: candidate.id },
      data: { description: text, descriptionFetchedAt: now, ...fitColumns(candidate.raw as SamNotice, text, profile, now) },
    });
  }
  return { requests, fetched };
}
