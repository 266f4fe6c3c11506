/**
 * The drafting step: on an `intent/high` event for one person (enrich a missing phone or
 * email first, then propose), and as a sweep over everyone at or above the threshold
 * (catching an event missed or a limit that reset at midnight). Nothing here sends.
 */
import type { TenantDb } from "@/lib/db/tenant";
import { enrichPerson } from "@/lib/enrichment/service";
import { ExpectedError } from "@/lib/errors";
import type { SkipTracer } from "@/lib/providers/skiptrace";
import type { SignalSubject } from "@/lib/signals/types";
import { getIntentSettings } from "@/lib/signals/settings";
import { drafterFor } from "@/lib/providers/drafting";
import { proposeDraft, type ProposeResult } from "./service";
import type { Drafter } from "./types";

/** People a sweep considers at most, highest intent first: a burst is worked off over several passes. */
export const SWEEP_LIMIT = 200;

export interface HighIntentEvent {
  dealId?: string;
  buyerId?: string;
}

export function subjectOfEvent(data: HighIntentEvent): SignalSubject | null {
  if (data.dealId) return { kind: "lead", dealId: data.dealId };
  if (data.buyerId) return { kind: "buyer", buyerId: data.buyerId };
  return null;
}

/**
 * Fills a missing phone or email from the skip tracer (within the person's budget) before
 * drafting, so a lead without an email can still get one. Small JSON: a step's result.
 */
export async function enrichForHighIntent(db: TenantDb, data: HighIntentEvent, options: { now?: Date; tracer?: SkipTracer } = {}): Promise<{ status: string; detail: string }> {
  const subject = subjectOfEvent(data);
  if (!subject) return { status: "NOT_FOUND", detail: "The event names neither a lead nor a buyer" };
  try {
    const outcome = await enrichPerson(db, subject, options);
    return { status: outcome.status, detail: outcome.detail };
  } catch (error) {
    // A person deleted since the event: drafting says so in its own words.
    if (error instanceof ExpectedError && error.code === "not_found") return { status: "NOT_FOUND", detail: error.message };
    throw error;
  }
}

/** Proposes a draft for the person an `intent/high` event names. */
export async function proposeForHighIntent(db: TenantDb, data: HighIntentEvent, options: { now?: Date; drafter?: Drafter } = {}): Promise<ProposeResult> {
  const subject = subjectOfEvent(data);
  if (!subject) return { status: "SKIPPED", reason: "not_found", detail: "The event names neither a lead nor a buyer" };
  return proposeDraft(db, subject, options);
}

/** The whole step for the embedded runner: enrich, then propose (the Inngest function runs them as two steps). */
export async function draftForHighIntent(db: TenantDb, data: HighIntentEvent, options: { now?: Date; drafter?: Drafter; tracer?: SkipTracer } = {}): Promise<ProposeResult> {
  await enrichForHighIntent(db, data, { now: options.now, tracer: options.tracer });
  return proposeForHighIntent(db, data, { now: options.now, drafter: options.drafter });
}

export interface DraftingSweepReport {
  considered: number;
  proposed: number;
  skipped: Record<string, number>;
}

/** Proposes drafts for people at or above the threshold who have none waiting and got no email from a draft today. */
export async function runDraftingSweep(db: TenantDb, options: { now?: Date; drafter?: Drafter } = {}): Promise<DraftingSweepReport> {
  const now = options.now ?? new Date();
  const settings = await getIntentSettings(db);
  const threshold = settings.highIntentThreshold;
  const waiting = { status: { in: ["PENDING" as const, "SENDING" as const] } };
  const [deals, buyers] = await Promise.all([
    db.deal.findMany({
      where: { deletedAt: null, intentScore: { gte: threshold }, contactEmail: { not: null } },
      orderBy: { intentScore: "desc" },
      take: SWEEP_LIMIT,
      select: { id: true },
    }),
    db.buyer.findMany({ where: { deletedAt: null, intentScore: { gte: threshold } }, orderBy: { intentScore: "desc" }, take: SWEEP_LIMIT, select: { id: true } }),
  ]);
  const pending = await db.emailDraft.findMany({
    where: { ...waiting, OR: [{ dealId: { in: deals.map((d) => d.id) }, buyerId: null }, { buyerId: { in: buyers.map((b) => b.id) } }] },
    select: { dealId: true, buyerId: true },
  });
  const hasPending = new Set(pending.map((p) => p.buyerId ?? p.dealId));
  const subjects: SignalSubject[] = [
    ...deals.filter((d) => !hasPending.has(d.id)).map((d) => ({ kind: "lead" as const, dealId: d.id })),
    ...buyers.filter((b) => !hasPending.has(b.id)).map((b) => ({ kind: "buyer" as const, buyerId: b.id })),
  ];
  const drafter = options.drafter ?? (await drafterFor(db));
  const report: DraftingSweepReport = { considered: subjects.length, proposed: 0, skipped: {} };
  for (const subject of subjects) {
    const result = await proposeDraft(db, subject, { now, drafter });
    if (result.status === "PROPOSED") report.proposed += 1;
    else report.skipped[result.reason] = (report.skipped[result.reason] ?? 0) + 1;
  }
  return report;
}
