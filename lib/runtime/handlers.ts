/**
 * What the embedded runner does for each kind of job. Every handler calls the same lib
 * functions as the matching Inngest function, so both executors do the same work.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { draftForHighIntent } from "@/lib/approvals/drafting";
import { sendAuditDigest } from "@/lib/audit/digest";
import { sendBlastChunk } from "@/lib/blasts/sending";
import type { TenantDb } from "@/lib/db/tenant";
import { recordEngineFailure } from "@/lib/engines/escalation";
import { isEngineRequestCurrent, planNextEngineRun, runRequestedEngine, type EngineRunRequest } from "@/lib/engines/scheduled";
import { listOverdueEngines } from "@/lib/engines/service";
import { ENGINE_NAMES, type EngineName } from "@/lib/engines/types";
import { EVENTS, parseEventData } from "@/lib/events/catalog";
import { OUTBOX_RETENTION_MS, pruneDeliveredEvents } from "@/lib/events/retention";
import { stopReasonFor } from "@/lib/ladder/events";
import { stopLadder } from "@/lib/ladder/lifecycle";
import { MAX_RESCHEDULES, openLadderRun, type LadderStart } from "@/lib/ladder/runs";
import { planLadderStep, runLadderStep, type LadderSender } from "@/lib/ladder/steps";
import { currentRequestId } from "@/lib/observability/request-context";
import { HEARTBEAT_EVERY_MS, recordHeartbeat } from "@/lib/system/heartbeat";
import { listActiveTenantIds } from "@/lib/tenants/directory";
import { pruneFinishedJobs, scheduleJobs, type ClaimedJob, type NewJob } from "./jobs";

export interface JobContext {
  prisma: PrismaClient;
  now: Date;
  tenantDb: (tenantId: string) => TenantDb;
  send: LadderSender;
}

/** A handler finishes its job, or defers it to a later instant (a ladder step whose window moved). */
export type JobResult = void | { defer: { runAt: Date; payload: Record<string, unknown> } };

interface JobHandler {
  maxAttempts: number;
  run(ctx: JobContext, job: ClaimedJob): Promise<JobResult>;
  /** After the last attempt failed. */
  onFinalFailure?(ctx: JobContext, job: ClaimedJob, error: string): Promise<void>;
}


const LADDER_STEP = "ladder-step";
const ENGINE_RUN = "engine-run";

interface LadderStepPayload {
  ladderId: string;
  index: number;
  dueAt: string;
  reschedules: number;
  requestId?: string;
}

function tenantOf(job: ClaimedJob): string {
  if (!job.tenantId) throw new Error(`Job ${job.id} names no workspace`);
  return job.tenantId;
}

/** The job that runs step `index` of a ladder when it is due. */
async function scheduleLadderStep(ctx: JobContext, db: TenantDb, ladderId: string, index: number): Promise<void> {
  const plan = await planLadderStep(db, ladderId, index, ctx.now);
  if (plan.action === "end") return;
  // Each step keeps the request id of the work that started the ladder, so its logs and events carry it on.
  const requestId = currentRequestId();
  const payload: LadderStepPayload = { ladderId, index, dueAt: plan.dueAt, reschedules: 0, ...(requestId ? { requestId } : {}) };
  await scheduleJobs(ctx.prisma, [
    { id: `${LADDER_STEP}:${ladderId}:${index}`, kind: LADDER_STEP, tenantId: db.tenantId, payload: { ...payload }, runAt: new Date(plan.dueAt), maxAttempts: 5 },
  ]);
}

const ladderStep: JobHandler = {
  maxAttempts: 5,
  async run(ctx, job) {
    const db = ctx.tenantDb(tenantOf(job));
    const step = job.payload as unknown as LadderStepPayload;
    // Never before the instant it waited for; after several moved windows, as of that instant.
    const at = step.reschedules >= MAX_RESCHEDULES ? new Date(step.dueAt) : new Date(Math.max(ctx.now.getTime(), Date.parse(step.dueAt)));
    const result = await runLadderStep(db, step.ladderId, step.index, at, ctx.send);
    if (result.outcome === "wait") {
      return { defer: { runAt: new Date(result.dueAt), payload: { ...step, dueAt: result.dueAt, reschedules: step.reschedules + 1 } } };
    }
    if (result.outcome === "done" && !result.completed) await scheduleLadderStep(ctx, db, step.ladderId, step.index + 1);
  },
};

async function scheduleEngineRun(ctx: JobContext, id: string, request: EngineRunRequest, runAt: Date): Promise<void> {
  await scheduleJobs(ctx.prisma, [{ id, kind: ENGINE_RUN, tenantId: request.tenantId, payload: { ...request }, runAt, maxAttempts: 4 }]);
}

async function scheduleNextEngineRun(ctx: JobContext, db: TenantDb, engine: EngineName): Promise<void> {
  const next = await planNextEngineRun(db, engine, ctx.now);
  await scheduleEngineRun(ctx, next.id, next.request, new Date(next.decision.nextRunAt));
}

const engineRun: JobHandler = {
  maxAttempts: 4,
  async run(ctx, job) {
    const db = ctx.tenantDb(tenantOf(job));
    const request = parseEventData(EVENTS.engineRunRequested, job.payload);
    // Its schedule was replaced (by the safety net): end quietly so only one schedule lives.
    if (!(await isEngineRequestCurrent(db, request))) return;
    await runRequestedEngine(db, request);
    await scheduleNextEngineRun(ctx, db, request.engine);
  },
  async onFinalFailure(ctx, job, error) {
    const db = ctx.tenantDb(tenantOf(job));
    const request = parseEventData(EVENTS.engineRunRequested, job.payload);
    await recordEngineFailure(db, request.engine, { error }, { now: ctx.now });
    // The engine keeps going, more slowly: the orchestrator counts the failures.
    await scheduleNextEngineRun(ctx, db, request.engine);
  },
};

function startsLadder(name: string): JobHandler {
  return {
    maxAttempts: 5,
    async run(ctx, job) {
      const db = ctx.tenantDb(tenantOf(job));
      const data = parseEventData(name, job.payload) as LadderStart;
      const opened = await openLadderRun(db, data, ctx.now);
      if ("ladderId" in opened) await scheduleLadderStep(ctx, db, opened.ladderId, 0);
    },
  };
}

function stopsLadder(name: string): JobHandler {
  return {
    maxAttempts: 5,
    async run(ctx, job) {
      const data = parseEventData(name, job.payload) as { tenantId: string; dealId: string };
      const reason = stopReasonFor(name, data);
      // The step jobs of a stopped ladder end on their own: each re-reads the ladder first.
      if (reason) await stopLadder(ctx.tenantDb(data.tenantId), { dealId: data.dealId, reason, now: ctx.now });
    },
  };
}

/** Cron slots: the latest slot at or before `now`; a slot missed while the server was down runs once. */
export const CRONS = {
  "audit-digest": { everyMs: 86_400_000, offsetMs: 6 * 3_600_000 },
  "engine-safety-net": { everyMs: 5 * 60_000, offsetMs: 0 },
  "runtime-upkeep": { everyMs: 3_600_000, offsetMs: 0 },
  "system-heartbeat": { everyMs: HEARTBEAT_EVERY_MS, offsetMs: 0 },
} as const;

export function cronSlotJobs(now: Date): NewJob[] {
  return Object.entries(CRONS).map(([name, cron]) => {
    const slot = new Date(Math.floor((now.getTime() - cron.offsetMs) / cron.everyMs) * cron.everyMs + cron.offsetMs);
    return { id: `cron:${name}:${slot.toISOString()}`, kind: `cron:${name}`, runAt: slot, maxAttempts: 3 };
  });
}

const auditDigestCron: JobHandler = {
  maxAttempts: 3,
  async run(ctx, job) {
    const tenantIds = await listActiveTenantIds(ctx.prisma);
    const day = job.runAt.toISOString().slice(0, 10);
    await scheduleJobs(
      ctx.prisma,
      tenantIds.map((tenantId) => ({ id: `audit-digest:${tenantId}:${day}`, kind: `event:${EVENTS.auditDigestRequested}`, tenantId, payload: { tenantId }, runAt: ctx.now, maxAttempts: 4 })),
    );
  },
};

const engineSafetyNet: JobHandler = {
  maxAttempts: 3,
  async run(ctx, job) {
    for (const tenantId of await listActiveTenantIds(ctx.prisma)) {
      const overdue = await listOverdueEngines(ctx.tenantDb(tenantId), ENGINE_NAMES, ctx.now);
      for (const engine of overdue) {
        // One id per engine per slot: a retried cron does not start an engine twice.
        await scheduleEngineRun(ctx, `engine-restart:${tenantId}:${engine}:${job.runAt.toISOString()}`, { tenantId, engine, trigger: "cron" }, ctx.now);
      }
    }
  },
};

const runtimeUpkeep: JobHandler = {
  maxAttempts: 3,
  async run(ctx) {
    const before = new Date(ctx.now.getTime() - OUTBOX_RETENTION_MS);
    await pruneDeliveredEvents(ctx.prisma, before);
    await pruneFinishedJobs(ctx.prisma, before);
  },
};

const auditDigest: JobHandler = {
  maxAttempts: 4,
  async run(ctx, job) {
    const { tenantId } = parseEventData(EVENTS.auditDigestRequested, job.payload);
    await sendAuditDigest(ctx.tenantDb(tenantId), ctx.now);
  },
};

const engineRunFinished: JobHandler = {
  maxAttempts: 5,
  async run(ctx, job) {
    const { tenantId, engine } = parseEventData(EVENTS.engineRunFinished, job.payload);
    await scheduleNextEngineRun(ctx, ctx.tenantDb(tenantId), engine);
  },
};

/** One chunk of a blast per run; the job defers itself to now while recipients remain, so other jobs interleave. */
const blastQueued: JobHandler = {
  maxAttempts: 5,
  async run(ctx, job) {
    const data = parseEventData(EVENTS.blastQueued, job.payload);
    const chunk = await sendBlastChunk(ctx.tenantDb(data.tenantId), data.blastId);
    if (chunk.status === "SENDING" && chunk.remaining > 0) return { defer: { runAt: ctx.now, payload: { ...data } } };
  },
};

/** A person's intent reached the threshold: propose a draft for approval (the drafting Inngest function's work). */
const intentHigh: JobHandler = {
  maxAttempts: 4,
  async run(ctx, job) {
    const data = parseEventData(EVENTS.intentHigh, job.payload);
    await draftForHighIntent(ctx.tenantDb(data.tenantId), data, { now: ctx.now });
  },
};

const HANDLERS: Record<string, JobHandler> = {
  [LADDER_STEP]: ladderStep,
  [ENGINE_RUN]: engineRun,
  [`event:${EVENTS.leadCreated}`]: startsLadder(EVENTS.leadCreated),
  [`event:${EVENTS.ladderStartRequested}`]: startsLadder(EVENTS.ladderStartRequested),
  [`event:${EVENTS.ladderStopRequested}`]: stopsLadder(EVENTS.ladderStopRequested),
  [`event:${EVENTS.messageReceived}`]: stopsLadder(EVENTS.messageReceived),
  [`event:${EVENTS.contactOptedOut}`]: stopsLadder(EVENTS.contactOptedOut),
  [`event:${EVENTS.dealStatusChanged}`]: stopsLadder(EVENTS.dealStatusChanged),
  [`event:${EVENTS.engineRunRequested}`]: engineRun,
  [`event:${EVENTS.engineRunFinished}`]: engineRunFinished,
  [`event:${EVENTS.auditDigestRequested}`]: auditDigest,
  [`event:${EVENTS.blastQueued}`]: blastQueued,
  [`event:${EVENTS.intentHigh}`]: intentHigh,
  "cron:audit-digest": auditDigestCron,
  "cron:engine-safety-net": engineSafetyNet,
  "cron:runtime-upkeep": runtimeUpkeep,
  "cron:system-heartbeat": { maxAttempts: 1, run: (ctx) => recordHeartbeat(ctx.prisma, "embedded", ctx.now) },
};

export function jobHandler(kind: string): JobHandler | undefined {
  return HANDLERS[kind];
}

/** The job that consumes an outbox event: its id is the event's, so a resend is one job. */
export function jobForEvent(event: { id: string; name: string; data: Record<string, unknown> }, now: Date): NewJob {
  const kind = `event:${event.name}`;
  return {
    id: `event:${event.id}`,
    kind,
    tenantId: typeof event.data.tenantId === "string" ? event.data.tenantId : null,
    payload: event.data,
    runAt: now,
    maxAttempts: HANDLERS[kind]?.maxAttempts ?? 1,
  };
}
