/**
 * The laboratory: experiments hold an alternative intent configuration, run in shadow over
 * the real signals of a window, and are promoted to production only by an owner.
 *
 * A run reads production rows and writes only LabRun and LabDraft: it never sends, never calls
 * a provider (it is handed providers that refuse, and drafts with templates only), and never
 * touches production settings or scores.
 */
import type { Prisma } from "@/generated/prisma/client";
import { buildDraftContext } from "@/lib/approvals/context";
import type { DraftProposal, Drafter } from "@/lib/approvals/types";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { can, type Role } from "@/lib/auth/permissions";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { draftWithTemplate } from "@/lib/providers/drafting/template";
import { refusingSkipTracer } from "@/lib/providers/skiptrace/refusing";
import type { SkipTracer } from "@/lib/providers/skiptrace/types";
import type { ScoredSignal } from "@/lib/signals/score";
import { configFromStored, IntentConfigInput, type IntentConfig, type IntentSettings } from "@/lib/signals/settings-schema";
import { getIntentSettings, saveIntentSettings } from "@/lib/signals/settings";
import { isSignalType, type SignalSubject } from "@/lib/signals/types";
import { compareRun, type Comparison, type ConsideredPerson, type LabPerson, type PastDecision } from "./compare";
import { refreshActiveExperiments } from "./metrics";
import { personKey, readPeople, unknownPerson } from "./people";
import { replaySignals } from "./replay";
import { ExperimentInput } from "./schema";

const DAY_MS = 86_400_000;

/** What a run may use. Both refuse the outside world: a lab run has nothing to call. */
export interface LaboratoryProviders {
  drafter: Drafter;
  skipTracer: SkipTracer;
}

/** The template drafter, and nothing else: a language model is never asked in shadow. */
export const laboratoryDrafter: Drafter = {
  name: "template",
  async draft(context) {
    return { proposal: draftWithTemplate(context), prompt: null };
  },
};

export const laboratoryProviders: LaboratoryProviders = { drafter: laboratoryDrafter, skipTracer: refusingSkipTracer };

export interface RunSummary {
  windowStart: string;
  windowEnd: string;
  /** The production settings version the run compared against. */
  productionVersion: number;
  productionThreshold: number;
  labThreshold: number;
  signals: number;
  considered: number;
  labProposed: number;
  productionProposed: number;
  drafter: string;
  notes: string[];
}

export type ExperimentRow = Awaited<ReturnType<typeof findExperiment>>;

async function findExperiment(db: TenantDb, experimentId: string) {
  const row = await db.labExperiment.findFirst({ where: { id: experimentId } });
  if (!row) throw new ExpectedError("not_found", "This experiment does not exist");
  return row;
}

/** The configuration an experiment holds, read leniently like a stored settings version. */
export function experimentConfig(row: { config: unknown }): IntentConfig {
  const stored = (typeof row.config === "object" && row.config !== null ? row.config : {}) as Record<string, unknown>;
  return configFromStored({
    weights: stored.weights,
    halfLifeHours: stored.halfLifeHours,
    highIntentThreshold: Number(stored.highIntentThreshold),
    emailDailyLimitPerPerson: Number(stored.emailDailyLimitPerPerson),
    enrichmentMonthlyCapCents: Number(stored.enrichmentMonthlyCapCents),
    drafting: stored.drafting,
  });
}

function parseOrThrow(input: ExperimentInput) {
  const parsed = ExperimentInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExpectedError("invalid", issue?.message ?? "Invalid experiment", issue?.path.map(String).join(".") || undefined);
  }
  return parsed.data;
}

export async function createExperiment(db: TenantDb, input: ExperimentInput, actor: AuditContext) {
  const data = parseOrThrow(input);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.labExperiment.create({
      data: {
        name: data.name,
        description: data.description ?? null,
        config: data.config as unknown as Prisma.InputJsonObject,
        windowDays: data.windowDays,
        createdById: actor.actorId,
      },
    });
    await recordAudit(
      tx,
      { action: "laboratory.experiment.created", entity: "LabExperiment", entityId: created.id, after: { name: created.name, windowDays: created.windowDays, highIntentThreshold: data.config.highIntentThreshold } },
      actor,
    );
    return created;
  });
  await refreshActiveExperiments(db);
  return row;
}

export async function listExperiments(db: TenantDb) {
  const experiments = await db.labExperiment.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  const runs = experiments.length
    ? await db.labRun.findMany({ where: { experimentId: { in: experiments.map((e) => e.id) } }, orderBy: { startedAt: "desc" } })
    : [];
  const latest = new Map<string, (typeof runs)[number]>();
  for (const run of runs) if (!latest.has(run.experimentId)) latest.set(run.experimentId, run);
  await refreshActiveExperiments(db);
  return experiments.map((e) => {
    const run = latest.get(e.id);
    return {
      id: e.id,
      name: e.name,
      description: e.description,
      status: e.status,
      windowDays: e.windowDays,
      threshold: experimentConfig(e).highIntentThreshold,
      createdAt: e.createdAt,
      promotedVersion: e.promotedVersion,
      lastRun: run ? { id: run.id, status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, summary: run.summary as RunSummary | null } : null,
    };
  });
}

export async function getExperiment(db: TenantDb, experimentId: string) {
  const row = await findExperiment(db, experimentId);
  return { ...row, config: experimentConfig(row) };
}

function scoredSignalsByPerson(rows: { dealId: string | null; buyerId: string | null; type: string; occurredAt: Date; dedupeKey: string }[]) {
  const byPerson = new Map<string, ScoredSignal[]>();
  for (const row of rows) {
    const key = personKey(row);
    // A type this version does not know cannot be scored by either side: left out of both.
    if (!key || !isSignalType(row.type)) continue;
    const list = byPerson.get(key) ?? [];
    list.push({ type: row.type, occurredAt: row.occurredAt, dedupeKey: row.dedupeKey });
    byPerson.set(key, list);
  }
  return byPerson;
}

function subjectOfKey(key: string): SignalSubject {
  const [kind, id] = key.split(":") as [string, string];
  return kind === "buyer" ? { kind: "buyer", buyerId: id } : { kind: "lead", dealId: id };
}

function runNotes(lab: IntentConfig, production: IntentSettings): string[] {
  const notes: string[] = [];
  const lines = (text: string) => text.replace(/\r\n?/g, "\n").trim();
  if (lines(lab.drafting.prompt) !== lines(production.drafting.prompt)) {
    notes.push("The experiment's prompt differs from production's. A laboratory run never calls a language model: its would-be drafts are written from the experiment's templates.");
  }
  notes.push("Scores are replayed from the window's signals only; a person's signals from before the window are not counted by either side.");
  return notes;
}

/**
 * Replays the window's signals under the experiment's configuration and production's, writes
 * one LabDraft per person considered and the run's summary. Throws ExpectedError conflict for
 * an archived or promoted experiment.
 */
export async function runExperiment(
  db: TenantDb,
  experimentId: string,
  options: { now?: Date; providers?: LaboratoryProviders } = {},
): Promise<{ runId: string; status: "DONE"; summary: RunSummary }> {
  const providers = options.providers ?? laboratoryProviders;
  if (providers.drafter.name !== "template") throw new Error(`The laboratory drafts with templates only, not ${providers.drafter.name}`);
  const experiment = await findExperiment(db, experimentId);
  if (experiment.status === "ARCHIVED" || experiment.status === "PROMOTED") {
    throw new ExpectedError("conflict", `This experiment is ${experiment.status.toLowerCase()}: create a new one to run again`);
  }
  const now = options.now ?? new Date();
  const windowStart = new Date(now.getTime() - experiment.windowDays * DAY_MS);
  const run = await db.labRun.create({ data: { experimentId, windowStart, windowEnd: now, status: "RUNNING" } });
  try {
    const lab = experimentConfig(experiment);
    const production = await getIntentSettings(db);
    const signals = await db.signal.findMany({
      where: { occurredAt: { gte: windowStart, lte: now } },
      orderBy: { occurredAt: "asc" },
      select: { dealId: true, buyerId: true, type: true, occurredAt: true, dedupeKey: true },
    });
    const byPerson = scoredSignalsByPerson(signals);
    const people = await readPeople(db, byPerson.keys());
    const labSettings: IntentSettings = { ...lab, version: production.version, source: "laboratory", createdAt: null };
    const drafts: Omit<Prisma.LabDraftCreateManyInput, "tenantId">[] = [];
    for (const [key, personSignals] of byPerson) {
      const person = people.get(key);
      if (!person) continue; // deleted since its signals arrived
      const labReplay = replaySignals(personSignals, lab);
      const prodReplay = replaySignals(personSignals, production);
      const labWouldDraft = labReplay.reachedAt !== null && person.emailReachable;
      const prodWouldDraft = prodReplay.reachedAt !== null && person.emailReachable;
      let proposal: DraftProposal | null = null;
      if (labWouldDraft) {
        const subject = subjectOfKey(key);
        const context = await buildDraftContext(db, subject, { now: labReplay.reachedAt!, settings: labSettings });
        if (context) proposal = (await providers.drafter.draft({ ...context, templates: lab.drafting })).proposal;
      }
      drafts.push({
        runId: run.id,
        dealId: person.kind === "lead" ? person.id : null,
        buyerId: person.kind === "buyer" ? person.id : null,
        labScore: labReplay.peak,
        productionScore: prodReplay.peak,
        labWouldDraft,
        prodWouldDraft,
        subject: proposal?.subject ?? null,
        body: proposal?.body ?? null,
        confidence: proposal?.confidence ?? null,
        reasoning: proposal ? (proposal.reasoning as unknown as Prisma.InputJsonObject) : undefined,
      });
    }
    const summary: RunSummary = {
      windowStart: windowStart.toISOString(),
      windowEnd: now.toISOString(),
      productionVersion: production.version,
      productionThreshold: production.highIntentThreshold,
      labThreshold: lab.highIntentThreshold,
      signals: signals.length,
      considered: drafts.length,
      labProposed: drafts.filter((d) => d.labWouldDraft).length,
      productionProposed: drafts.filter((d) => d.prodWouldDraft).length,
      drafter: providers.drafter.name,
      notes: runNotes(lab, production),
    };
    await db.$transaction(async (tx) => {
      if (drafts.length) await tx.labDraft.createMany({ data: drafts });
      await tx.labRun.update({ where: { id: run.id }, data: { status: "DONE", finishedAt: new Date(), summary: summary as unknown as Prisma.InputJsonObject } });
      await tx.labExperiment.update({ where: { id: experimentId }, data: { status: "RAN" } });
    });
    await refreshActiveExperiments(db);
    return { runId: run.id, status: "DONE", summary };
  } catch (error) {
    await db.labRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), error: error instanceof Error ? error.message : String(error) } });
    throw error;
  }
}

export interface WouldBeDraft extends LabPerson {
  labScore: number;
  productionScore: number;
  subject: string | null;
  body: string | null;
  confidence: number | null;
  reasoning: unknown;
  /** Production would have drafted to this person too. */
  alsoProduction: boolean;
}

export interface ExperimentComparison {
  run: { id: string; status: string; startedAt: Date; finishedAt: Date | null; error: string | null; summary: RunSummary | null } | null;
  comparison: Comparison | null;
  wouldBeDrafts: WouldBeDraft[];
}

/** The latest run against production and the decisions people made on drafts in its window. */
export async function compareExperiment(db: TenantDb, experimentId: string): Promise<ExperimentComparison> {
  await findExperiment(db, experimentId);
  const run = await db.labRun.findFirst({ where: { experimentId }, orderBy: { startedAt: "desc" } });
  if (!run) return { run: null, comparison: null, wouldBeDrafts: [] };
  const runView = { id: run.id, status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, error: run.error, summary: run.summary as RunSummary | null };
  if (run.status !== "DONE") return { run: runView, comparison: null, wouldBeDrafts: [] };
  const [rows, decided] = await Promise.all([
    db.labDraft.findMany({ where: { runId: run.id }, orderBy: { labScore: "desc" } }),
    db.emailDraft.findMany({
      where: { createdAt: { gte: run.windowStart, lte: run.windowEnd }, status: { in: ["SENT", "SENDING", "REJECTED"] } },
      select: { dealId: true, buyerId: true, status: true },
    }),
  ]);
  const keys = new Set([...rows, ...decided].flatMap((r) => personKey(r) ?? []));
  const people = await readPeople(db, keys);
  const named = (key: string): LabPerson => {
    const p = people.get(key);
    return p ? { key, kind: p.kind, id: p.id, name: p.name } : unknownPerson(key);
  };
  const considered: ConsideredPerson[] = rows.flatMap((r) => {
    const key = personKey(r);
    return key ? [{ ...named(key), labScore: r.labScore, productionScore: r.productionScore, labWouldDraft: r.labWouldDraft, prodWouldDraft: r.prodWouldDraft }] : [];
  });
  const decisions: PastDecision[] = decided.flatMap((d) => {
    const key = personKey(d);
    return key ? [{ ...named(key), decision: d.status === "REJECTED" ? ("rejected" as const) : ("approved" as const) }] : [];
  });
  const wouldBeDrafts: WouldBeDraft[] = rows.flatMap((r) => {
    const key = personKey(r);
    if (!key || !r.labWouldDraft) return [];
    return [{ ...named(key), labScore: r.labScore, productionScore: r.productionScore, subject: r.subject, body: r.body, confidence: r.confidence, reasoning: r.reasoning, alsoProduction: r.prodWouldDraft }];
  });
  return { run: runView, comparison: compareRun(considered, decisions), wouldBeDrafts };
}

/** Throws forbidden unless `userId` is a member whose role may promote (an owner). */
export async function assertMayPromote(db: TenantDb, userId: string): Promise<void> {
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true } });
  if (!membership || !can(membership.role as Role, "laboratory:promote")) {
    throw new ExpectedError("forbidden", "Only an owner of the workspace can promote an experiment to production");
  }
}

/**
 * Makes the experiment's configuration production's next settings version, in the transaction
 * that marks it promoted. The caller checks laboratory:promote (owners only); the actor must
 * be a person, since a promotion is a decision someone answers for.
 */
export async function promoteExperiment(db: TenantDb, experimentId: string, actor: AuditContext): Promise<{ version: number }> {
  if (!actor.actorId) throw new ExpectedError("forbidden", "Promoting an experiment needs an owner: use a signed-in owner or an API key bound to one");
  const experiment = await findExperiment(db, experimentId);
  if (experiment.status !== "RAN") {
    throw new ExpectedError("conflict", experiment.status === "DRAFT" ? "Run the experiment before promoting it" : `This experiment is already ${experiment.status.toLowerCase()}`);
  }
  const config = IntentConfigInput.parse(experimentConfig(experiment));
  const result = await db.$transaction(async (tx) => {
    // The status guard in the update makes two concurrent promotions agree: one wins.
    const claimed = await tx.labExperiment.updateMany({ where: { id: experimentId, status: "RAN" }, data: { status: "PROMOTED", promotedById: actor.actorId, promotedAt: new Date() } });
    if (claimed.count !== 1) throw new ExpectedError("conflict", "This experiment was promoted or archived meanwhile");
    const settings = await saveIntentSettings(tx, config, actor, { source: "laboratory", experimentId });
    await tx.labExperiment.update({ where: { id: experimentId }, data: { promotedVersion: settings.version } });
    await recordAudit(
      tx,
      { action: "laboratory.experiment.promoted", entity: "LabExperiment", entityId: experimentId, before: { status: "RAN" }, after: { status: "PROMOTED", version: settings.version } },
      actor,
    );
    return { version: settings.version };
  });
  await refreshActiveExperiments(db);
  return result;
}

export async function archiveExperiment(db: TenantDb, experimentId: string, actor: AuditContext): Promise<{ status: "ARCHIVED" }> {
  const experiment = await findExperiment(db, experimentId);
  if (experiment.status === "ARCHIVED" || experiment.status === "PROMOTED") {
    throw new ExpectedError("conflict", `This experiment is already ${experiment.status.toLowerCase()}`);
  }
  await db.$transaction(async (tx) => {
    await tx.labExperiment.update({ where: { id: experimentId }, data: { status: "ARCHIVED" } });
    await recordAudit(tx, { action: "laboratory.experiment.archived", entity: "LabExperiment", entityId: experimentId, before: { status: experiment.status }, after: { status: "ARCHIVED" } }, actor);
  });
  await refreshActiveExperiments(db);
  return { status: "ARCHIVED" };
}
