/**
 * Stores one page of SAM.gov notices: skips those without a noticeId, keeps those the
 * profile matches, dedupes by noticeId (within the sync and against the table), creates the
 * new ones, writes a version for each amended one, and only touches lastSeenAt of the rest.
 * The page is one transaction: a failure leaves none of it written.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import type { SamNotice } from "@/lib/providers/samgov/types";
import { parseSamDate } from "./dates";
import { scoreBidFit } from "./fit";
import { diffNotices } from "./notice-diff";
import { matchesProfile, noticeFields, noticeIdOf } from "./notice-fields";
import type { GovConProfileView } from "./profile-schema";

export interface PageOutcome {
  newIds: string[];
  amendedIds: string[];
  /** Notices without a noticeId: never stored. */
  skipped: number;
  /** Notices neither the profile's NAICS nor its keywords match. */
  filteredOut: number;
  /** Repeats of a notice already seen in this sync, or older copies of a stored one. */
  duplicates: number;
}

type Stored = { id: string; noticeId: string; raw: Prisma.JsonValue; version: number; postedAt: Date | null; description: string | null; fitScore: number | null };

const PAGE_TX_TIMEOUT_MS = 120_000;

/** The fit columns of a notice, or none without a profile (nothing to score against). */
export function fitColumns(notice: SamNotice, descriptionText: string | null, profile: GovConProfileView | null, now: Date) {
  if (!profile) return { fitScore: null, fitReasons: [] as Prisma.InputJsonValue, scoredAt: null };
  const fit = scoreBidFit({ ...notice, descriptionText }, profile, now);
  return { fitScore: fit.score, fitReasons: fit.reasons as unknown as Prisma.InputJsonValue, scoredAt: now };
}

/** Within a page, the oldest copy first, so a later copy of a notice reads as its amendment. */
function byPostedDate(a: SamNotice, b: SamNotice): number {
  const at = parseSamDate(a.postedDate).at?.getTime() ?? 0;
  const bt = parseSamDate(b.postedDate).at?.getTime() ?? 0;
  return at - bt;
}

export async function storeNoticePage(
  db: TenantDb,
  notices: SamNotice[],
  context: { profile: GovConProfileView | null; now: Date; seen: Set<string> },
): Promise<PageOutcome> {
  const { profile } = context;
  const outcome: PageOutcome = { newIds: [], amendedIds: [], skipped: 0, filteredOut: 0, duplicates: 0 };
  const kept: (SamNotice & { noticeId: string })[] = [];
  for (const notice of [...notices].sort(byPostedDate)) {
    const noticeId = notice && typeof notice === "object" ? noticeIdOf(notice) : null;
    if (!noticeId) {
      outcome.skipped++;
      continue;
    }
    if (!matchesProfile(notice, profile)) {
      outcome.filteredOut++;
      continue;
    }
    kept.push({ ...notice, noticeId });
  }
  if (kept.length === 0) return outcome;

  // A notice twice in a page (an amendment posted inside the window) is stored in rounds:
  // the first copy, then the later one against it, so the amendment gets its version.
  const rounds: (SamNotice & { noticeId: string })[][] = [];
  const occurrences = new Map<string, number>();
  for (const notice of kept) {
    const round = occurrences.get(notice.noticeId) ?? 0;
    occurrences.set(notice.noticeId, round + 1);
    (rounds[round] ??= []).push(notice);
  }
  await db.$transaction(
    async (tx) => {
      for (const round of rounds) await storeRound(tx, round, context, outcome);
    },
    { timeout: PAGE_TX_TIMEOUT_MS },
  );
  return outcome;
}

async function storeRound(
  tx: TenantTransaction,
  notices: (SamNotice & { noticeId: string })[],
  context: { profile: GovConProfileView | null; now: Date; seen: Set<string> },
  outcome: PageOutcome,
): Promise<void> {
  const { profile, now, seen } = context;
  const rows = await tx.opportunity.findMany({
    where: { noticeId: { in: notices.map((n) => n.noticeId) } },
    select: { id: true, noticeId: true, raw: true, version: true, postedAt: true, description: true, fitScore: true },
  });
  const stored = new Map<string, Stored>(rows.map((row) => [row.noticeId, row]));
  const creates: Prisma.OpportunityCreateManyInput[] = [];
  const unchanged: string[] = [];
  for (const notice of notices) {
    const existing = stored.get(notice.noticeId);
    if (!existing) {
      creates.push(createInput(notice, profile, now));
      seen.add(notice.noticeId);
      continue;
    }
    const posted = parseSamDate(notice.postedDate).at;
    if (existing.postedAt && posted && posted < existing.postedAt) {
      outcome.duplicates++; // an older copy than the one stored
      continue;
    }
    const repeat = seen.has(notice.noticeId);
    seen.add(notice.noticeId);
    if (await applySeenAgain(tx, existing, notice, profile, now)) {
      if (!outcome.amendedIds.includes(existing.id)) outcome.amendedIds.push(existing.id);
    } else {
      if (repeat) outcome.duplicates++; // the same copy again in this sync (overlapping pages)
      unchanged.push(existing.id);
    }
  }
  if (creates.length > 0) {
    const created = await tx.opportunity.createManyAndReturn({ data: creates, select: { id: true }, skipDuplicates: true });
    outcome.newIds.push(...created.map((row) => row.id));
  }
  if (unchanged.length > 0) await tx.opportunity.updateMany({ where: { id: { in: unchanged } }, data: { lastSeenAt: now } });
}

function createInput(notice: SamNotice & { noticeId: string }, profile: GovConProfileView | null, now: Date): Prisma.OpportunityCreateManyInput {
  const fields = noticeFields(notice);
  const inline = fields.descriptionUrl ? null : textOrNull(notice.description);
  return {
    ...fields,
    description: inline,
    descriptionFetchedAt: inline ? now : null,
    ...fitColumns(notice, inline, profile, now),
    firstSeenAt: now,
    lastSeenAt: now,
  } as Prisma.OpportunityCreateManyInput;
}

const textOrNull = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/**
 * A stored notice seen again: a new version when something people act on changed, else
 * only its lastSeenAt (and its score when the clock moved it). Returns true when amended.
 */
async function applySeenAgain(tx: TenantTransaction, existing: Stored, notice: SamNotice & { noticeId: string }, profile: GovConProfileView | null, now: Date): Promise<boolean> {
  const previous = (existing.raw ?? {}) as SamNotice;
  const changes = diffNotices(previous, notice);
  const fields = noticeFields(notice);
  if (changes.length === 0) {
    const fit = fitColumns(notice, existing.description, profile, now);
    if (fit.fitScore === existing.fitScore) return false;
    await tx.opportunity.update({ where: { id: existing.id }, data: { ...fit, lastSeenAt: now } });
    return false;
  }
  const version = existing.version + 1;
  const linkChanged = changes.some((c) => c.field === "Description");
  const inline = fields.descriptionUrl ? null : textOrNull(notice.description);
  // A new description link makes the old text stale: it is fetched again when the fit qualifies.
  const description = linkChanged ? inline : existing.description;
  await tx.opportunityVersion.create({
    data: {
      opportunityId: existing.id,
      version,
      changes: changes as unknown as Prisma.InputJsonValue,
      previous: { ...(previous as object), descriptionText: existing.description } as Prisma.InputJsonValue,
      seenAt: now,
    },
  });
  await tx.opportunity.update({
    where: { id: existing.id },
    data: {
      ...fields,
      ...(linkChanged ? { description, descriptionFetchedAt: inline ? now : null } : {}),
      ...fitColumns(notice, description, profile, now),
      version,
      lastAmendedAt: now,
      lastSeenAt: now,
    },
  });
  return true;
}
