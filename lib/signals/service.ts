/**
 * Storing signals and keeping intent scores current. recordSignals stores a batch (a dedupe
 * key already stored is a no-op), recomputes the score of every person it touched in the same
 * transaction, and writes an `intent/high` event for each score that reached the threshold.
 */
import type { Prisma } from "@/generated/prisma/client";
import { isTenantTransaction, type TenantDb, type TenantTransaction } from "@/lib/db/tenant";
import { storeBuyerIntentScore } from "@/lib/buyers/intent";
import { storeDealIntentScore } from "@/lib/deals/intent";
import { ExpectedError } from "@/lib/errors";
import { EVENTS } from "@/lib/events/catalog";
import { enqueueEvents } from "@/lib/events/outbox";
import { countSignal, observeIntentScoreSeconds } from "@/lib/observability/metrics";
import { computeIntentScore, type IntentModel, type IntentScore } from "./score";
import { getIntentSettings } from "./settings";
import type { SignalSource, SignalSubject, SignalType } from "./types";

export interface SignalInput {
  subject: SignalSubject;
  type: SignalType;
  source: SignalSource;
  occurredAt: Date;
  /** Unique per workspace: the same key again stores nothing (a replay, a double delivery). */
  dedupeKey: string;
  payload?: Prisma.InputJsonObject;
}

export interface ScoreChange {
  subject: SignalSubject;
  before: number;
  after: number;
  /** The score reached the threshold with this change (it was under it before). */
  crossed: boolean;
}

export interface RecordSignalsResult {
  stored: number;
  duplicates: number;
  /** The ids of the signals stored by this call, in input order (duplicates left out). */
  storedIds: string[];
  scores: ScoreChange[];
}

/** Signals older than this many of their half-lives add under 0.001% of their weight: not read. */
const HALF_LIVES_READ = 20;

export function subjectKey(subject: SignalSubject): string {
  return subject.kind === "lead" ? `lead:${subject.dealId}` : `buyer:${subject.buyerId}`;
}

export function subjectOf(row: { dealId: string | null; buyerId: string | null }): SignalSubject | null {
  if (row.dealId) return { kind: "lead", dealId: row.dealId };
  if (row.buyerId) return { kind: "buyer", buyerId: row.buyerId };
  return null;
}

/**
 * Stores signals and recomputes the scores they touch, in `db`'s transaction when it is one
 * (a reply and its signal commit together) or in a new one. Throws ExpectedError not_found
 * for a lead or buyer that does not exist (or was deleted) in the workspace.
 */
export async function recordSignals(db: TenantDb | TenantTransaction, inputs: readonly SignalInput[], options: { now?: Date } = {}): Promise<RecordSignalsResult> {
  if (inputs.length === 0) return { stored: 0, duplicates: 0, storedIds: [], scores: [] };
  const work = async (tx: TenantTransaction) => {
    await assertSubjectsExist(tx, inputs.map((i) => i.subject));
    const created = await tx.signal.createManyAndReturn({
      data: inputs.map((input) => ({
        dealId: input.subject.kind === "lead" ? input.subject.dealId : null,
        buyerId: input.subject.kind === "buyer" ? input.subject.buyerId : null,
        type: input.type,
        source: input.source,
        occurredAt: input.occurredAt,
        dedupeKey: input.dedupeKey,
        payload: input.payload ?? {},
      })),
      skipDuplicates: true,
      select: { id: true, dedupeKey: true },
    });
    const storedKeys = new Set(created.map((row) => row.dedupeKey));
    for (const input of inputs) countSignal(input.source, input.type, storedKeys.has(input.dedupeKey) ? "stored" : "duplicate");
    const touched = uniqueSubjects(inputs.filter((i) => storedKeys.has(i.dedupeKey)).map((i) => i.subject));
    const scores = await recomputeIntent(tx, touched, { now: options.now });
    const idByKey = new Map(created.map((row) => [row.dedupeKey, row.id]));
    return {
      stored: created.length,
      duplicates: inputs.length - created.length,
      storedIds: inputs.flatMap((i) => (idByKey.has(i.dedupeKey) ? [idByKey.get(i.dedupeKey)!] : [])),
      scores,
    };
  };
  return isTenantTransaction(db) ? work(db) : db.$transaction(work);
}

/** One signal; see recordSignals. */
export async function recordSignal(db: TenantDb | TenantTransaction, input: SignalInput, options: { now?: Date } = {}): Promise<RecordSignalsResult> {
  return recordSignals(db, [input], options);
}

function uniqueSubjects(subjects: readonly SignalSubject[]): SignalSubject[] {
  const byKey = new Map(subjects.map((s) => [subjectKey(s), s]));
  return [...byKey.values()];
}

async function assertSubjectsExist(tx: TenantTransaction, subjects: readonly SignalSubject[]): Promise<void> {
  const unique = uniqueSubjects(subjects);
  const dealIds = unique.flatMap((s) => (s.kind === "lead" ? [s.dealId] : []));
  const buyerIds = unique.flatMap((s) => (s.kind === "buyer" ? [s.buyerId] : []));
  const [deals, buyers] = await Promise.all([
    dealIds.length ? tx.deal.count({ where: { id: { in: dealIds }, deletedAt: null } }) : 0,
    buyerIds.length ? tx.buyer.count({ where: { id: { in: buyerIds }, deletedAt: null } }) : 0,
  ]);
  if (deals !== dealIds.length) throw new ExpectedError("not_found", "This lead does not exist", "dealId");
  if (buyers !== buyerIds.length) throw new ExpectedError("not_found", "This buyer does not exist", "buyerId");
}

/** The oldest a signal may be and still move a score under `model` (the read window's start). */
export function signalReadSince(model: IntentModel, now: Date): Date {
  const longest = Math.max(...Object.values(model.halfLifeHours));
  return new Date(now.getTime() - longest * HALF_LIVES_READ * 3_600_000);
}

/** The signals that can still move a person's score, as the formula reads them. */
export async function readSubjectSignals(db: TenantDb | TenantTransaction, subject: SignalSubject, model: IntentModel, now: Date) {
  const since = signalReadSince(model, now);
  return db.signal.findMany({
    where: { ...(subject.kind === "lead" ? { dealId: subject.dealId } : { buyerId: subject.buyerId }), occurredAt: { gte: since, lte: now } },
    orderBy: { occurredAt: "desc" },
    select: { id: true, type: true, source: true, occurredAt: true, dedupeKey: true, payload: true },
  });
}

/** A person's score now with its contributing signals (the deal and buyer pages' breakdown). */
export async function explainIntent(db: TenantDb, subject: SignalSubject, now = new Date()): Promise<IntentScore & { threshold: number; version: number }> {
  const settings = await getIntentSettings(db);
  const signals = await readSubjectSignals(db, subject, settings, now);
  return { ...computeIntentScore(signals, settings, now), threshold: settings.highIntentThreshold, version: settings.version };
}

/**
 * Recomputes and stores the scores of `subjects` at `now`, and writes an `intent/high` event
 * for each that reached the threshold from below. Used by recordSignals and the decay pass.
 */
export async function recomputeIntent(tx: TenantTransaction, subjects: readonly SignalSubject[], options: { now?: Date } = {}): Promise<ScoreChange[]> {
  if (subjects.length === 0) return [];
  const started = performance.now();
  const now = options.now ?? new Date();
  const settings = await getIntentSettings(tx);
  const changes: ScoreChange[] = [];
  for (const subject of subjects) {
    const signals = await readSubjectSignals(tx, subject, settings, now);
    const { score } = computeIntentScore(signals, settings, now);
    const before = await storeScore(tx, subject, score, now);
    if (before === null) continue;
    changes.push({ subject, before, after: score, crossed: before < settings.highIntentThreshold && score >= settings.highIntentThreshold });
  }
  const crossed = changes.filter((c) => c.crossed);
  await enqueueEvents(
    tx,
    crossed.map((c) => ({
      // One event per person per score reached: a retried transaction does not draft twice.
      id: `intent-high:${subjectKey(c.subject)}:${now.getTime()}`,
      name: EVENTS.intentHigh,
      data: {
        ...(c.subject.kind === "lead" ? { dealId: c.subject.dealId } : { buyerId: c.subject.buyerId }),
        score: c.after,
        threshold: settings.highIntentThreshold,
      },
    })),
  );
  observeIntentScoreSeconds((performance.now() - started) / 1000);
  return changes;
}

/** Writes the score through the area owning the row; returns the score it replaced, or null when the person is gone. */
function storeScore(tx: TenantTransaction, subject: SignalSubject, score: number, now: Date): Promise<number | null> {
  return subject.kind === "lead" ? storeDealIntentScore(tx, subject.dealId, score, now) : storeBuyerIntentScore(tx, subject.buyerId, score, now);
}
