import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ENGINES } from "@/lib/engines/registry";
import { ENGINE_NAMES } from "@/lib/engines/types";
import { EVENTS } from "@/lib/events/catalog";
import { dispatchPendingEvents } from "@/lib/events/dispatcher";
import { enqueueEvents } from "@/lib/events/outbox";
import { startLadders } from "@/lib/ladder/lifecycle";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { readStepStates } from "@/lib/ladder/state";
import { seedMarketPolicies } from "@/lib/policy";
import { claimDueJobs, scheduleJobs } from "@/lib/runtime/jobs";
import { embeddedEventSender, runDueJobs } from "@/lib/runtime/runner";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let tenantId: string;
let vaId: string;
let phoneSeq = 100;

/** The simulated clock every pass of the runner reads. */
let clock = new Date("2026-03-02T14:00:00Z");
const now = () => clock;

const prisma = () => database.prisma;
const pass = () => runDueJobs({ prisma: prisma(), send: sendThroughOutbound, now });
/**
 * What the server's dispatcher does every few seconds: outbox events become runner jobs, due
 * at once on the simulated clock. The outbox rows are claimed on the real clock, a second
 * ahead: PostgreSQL rounds the row's default timestamp to the millisecond, possibly up, so a
 * pass in the same millisecond as the insert would find it not yet due (the server's next
 * pass takes it; a test has no next pass).
 */
const dispatch = () =>
  dispatchPendingEvents({ prisma: prisma(), send: embeddedEventSender(prisma(), now), now: () => new Date(Date.now() + 1_000) });

/** Engines far from due, so the safety-net cron leaves them alone unless a test says otherwise. */
async function parkEngines(until = new Date("2027-01-01T00:00:00Z")) {
  for (const engine of ENGINE_NAMES) {
    await db.engineState.upsert({
      where: { tenantId_engine: { tenantId, engine } },
      create: { engine, intervalSeconds: 300, intervalReason: "test", nextRunAt: until } as never,
      update: { nextRunAt: until },
    });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "runner", name: "Maple Homes", timeZone: "America/Toronto", country: "CA" } });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  await seedMarketPolicies(db, null);
  vaId = (await database.prisma.user.create({ data: { email: "va@runner.test", name: "Vera VA", passwordHash: "x" } })).id;
  const ownerId = (await database.prisma.user.create({ data: { email: "owner@runner.test", name: "Olive Owner", passwordHash: "x" } })).id;
  await database.prisma.membership.createMany({ data: [{ tenantId, userId: ownerId, role: "owner" }, { tenantId, userId: vaId, role: "va" }] });
  await parkEngines();
});
afterAll(() => database.close());
afterEach(() => vi.restoreAllMocks());

/** A Toronto lead with a phone number that consented to SMS, owned by the VA. */
async function makeLead() {
  const phone = `+1416555${String(phoneSeq++).padStart(4, "0")}`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, street: "12 Elm St", city: "Toronto", region: "ON", market: "TORONTO",
      timeZone: "America/Toronto", score: 80, contactName: "Dana Seller", contactPhone: phone, ownerId: vaId,
    } as never,
  });
  await db.contactConsent.create({ data: { channel: "SMS", address: phone, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
  return deal;
}

/** Start ladder as a person does: the row now, its event in the outbox. */
async function startLadder(dealId: string) {
  const [result] = await startLadders(db, [dealId], { now: clock, trigger: "manual", enqueue: true });
  if (result.status !== "started") throw new Error(`ladder not started: ${result.status}`);
  await dispatch();
  return result.ladderId;
}

async function nextStepJob(ladderId: string) {
  return prisma().runtimeJob.findFirst({ where: { kind: "ladder-step", status: "PENDING", id: { startsWith: `ladder-step:${ladderId}:` } }, orderBy: { runAt: "asc" } });
}

/** Runs passes, moving the clock to each next step of the ladder, until it has none left. */
async function runLadderToEnd(ladderId: string) {
  await pass();
  for (let guard = 0; guard < 30; guard += 1) {
    const job = await nextStepJob(ladderId);
    if (!job) return;
    clock = new Date(Math.max(clock.getTime(), job.runAt.getTime()));
    await pass();
  }
  throw new Error("the ladder did not end");
}

const ladderOf = async (ladderId: string) => {
  const ladder = await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } });
  return { ...ladder, stepStates: readStepStates(ladder.steps) };
};

describe("the ladder on the embedded runner", () => {
  beforeEach(() => {
    clock = new Date("2026-03-02T14:00:00Z"); // Monday 09:00 in Toronto
  });

  it("runs all six steps, each when it falls due: three SMS through the outbound core, three call tasks", async () => {
    const deal = await makeLead();
    const ladderId = await startLadder(deal.id);
    await runLadderToEnd(ladderId);

    const ladder = await ladderOf(ladderId);
    expect(ladder.status).toBe("COMPLETED");
    expect(ladder.stepStates.map((s) => s.state)).toEqual(["sent", "task_created", "sent", "task_created", "sent", "task_created"]);
    // Each step ran at the instant it was due, not before and not when the test happened to look.
    for (const step of ladder.stepStates) expect(step.ranAt).toBe(step.dueAt);
    const messages = await db.message.findMany({ where: { dealId: deal.id }, orderBy: { ladderStep: "asc" } });
    expect(messages.map((m) => [m.ladderStep, m.status])).toEqual([[1, "SENT"], [3, "SENT"], [5, "SENT"]]);
    const tasks = await db.followUpTask.findMany({ where: { dealId: deal.id }, orderBy: { step: "asc" } });
    expect(tasks.map((t) => [t.step, t.ownerId, t.status])).toEqual([[2, vaId, "OPEN"], [4, vaId, "OPEN"], [6, vaId, "OPEN"]]);
    const jobs = await prisma().runtimeJob.findMany({ where: { id: { startsWith: `ladder-step:${ladderId}:` } } });
    expect(jobs).toHaveLength(6);
    expect(jobs.every((job) => job.status === "DONE")).toBe(true);
  });

  it("a reply stops the ladder: no further message, the open call task is cancelled", async () => {
    const deal = await makeLead();
    const ladderId = await startLadder(deal.id);
    await pass(); // step 1: the first text
    clock = (await nextStepJob(ladderId))!.runAt;
    await pass(); // step 2: the call task
    expect(await db.followUpTask.count({ where: { dealId: deal.id, status: "OPEN" } })).toBe(1);

    await enqueueEvents(db, [{ name: EVENTS.messageReceived, data: { dealId: deal.id, messageId: "reply-1", channel: "SMS" } }]);
    await dispatch();
    await pass();
    expect(await ladderOf(ladderId)).toMatchObject({ status: "STOPPED", stopReason: "reply" });
    expect(await db.followUpTask.findFirstOrThrow({ where: { dealId: deal.id } })).toMatchObject({ status: "CANCELLED" });

    clock = new Date(clock.getTime() + 10 * 86_400_000);
    await pass();
    expect(await db.message.count({ where: { dealId: deal.id } })).toBe(1);
    expect(await nextStepJob(ladderId)).toBeNull();
  });

  it("a step due while the server was down runs once when it is back, even with two runners", async () => {
    const deal = await makeLead();
    const ladderId = await startLadder(deal.id);
    await pass(); // step 1 at 09:00
    clock = new Date("2026-03-02T16:00:00Z"); // back at 11:00: the 09:30 call was due while down
    await Promise.all([pass(), pass()]);
    await pass();
    expect(await db.followUpTask.count({ where: { dealId: deal.id, step: 2 } })).toBe(1);
    expect((await ladderOf(ladderId)).stepStates[1]).toMatchObject({ state: "task_created", ranAt: "2026-03-02T16:00:00.000Z" });
  });
});

describe("engine runs on the embedded runner", () => {
  beforeAll(() => {
    clock = new Date("2026-03-04T15:00:00Z");
  });

  it("retries a failing run with backoff, escalates after the last attempt, and keeps the engine scheduled", async () => {
    vi.spyOn(ENGINES.underwriting, "run").mockRejectedValue(new Error("database went away"));
    await enqueueEvents(db, [{ name: EVENTS.engineRunRequested, data: { engine: "underwriting", trigger: "event" } }]);
    await dispatch();
    const job = () => prisma().runtimeJob.findFirstOrThrow({ where: { kind: `event:${EVENTS.engineRunRequested}` } });

    await pass();
    expect(await job()).toMatchObject({ status: "PENDING", attempts: 1, lastError: "database went away" });
    expect((await job()).runAt.getTime() - clock.getTime()).toBe(10_000);
    await pass(); // the backoff has not passed: nothing runs
    expect((await job()).attempts).toBe(1);

    for (let attempt = 2; attempt <= 4; attempt += 1) {
      clock = (await job()).runAt;
      await pass();
    }
    expect(await job()).toMatchObject({ status: "FAILED", attempts: 4 });
    expect(ENGINES.underwriting.run).toHaveBeenCalledTimes(4);
    const state = await db.engineState.findUniqueOrThrow({ where: { tenantId_engine: { tenantId, engine: "underwriting" } } });
    expect(state.consecutiveFailures).toBe(1);
    expect(await db.notification.count({ where: { kind: "engine.failed" } })).toBe(1);

    // The orchestrator scheduled the next run; when it comes and succeeds, the streak ends.
    const next = await prisma().runtimeJob.findFirstOrThrow({ where: { kind: "engine-run", status: "PENDING", tenantId } });
    expect(next.runAt.toISOString()).toBe(state.nextRunAt!.toISOString());
    vi.spyOn(ENGINES.underwriting, "run").mockResolvedValue({ outcome: "OK", items: 3 });
    clock = next.runAt;
    await pass();
    expect(await prisma().runtimeJob.findUniqueOrThrow({ where: { id: next.id } })).toMatchObject({ status: "DONE" });
    expect(await db.engineState.findUniqueOrThrow({ where: { tenantId_engine: { tenantId, engine: "underwriting" } } })).toMatchObject({ consecutiveFailures: 0 });
    expect(await prisma().runtimeJob.count({ where: { kind: "engine-run", status: "PENDING", tenantId } })).toBe(1);
    await parkEngines();
  });

  it("the safety-net cron restarts an engine whose schedule was lost, once per slot", async () => {
    vi.spyOn(ENGINES["email-intake"], "run").mockResolvedValue({ outcome: "OK", items: 0 });
    await db.engineState.update({ where: { tenantId_engine: { tenantId, engine: "email-intake" } }, data: { nextRunAt: null } });
    clock = new Date("2026-03-04T15:07:00Z");
    await pass();
    await pass();
    expect(ENGINES["email-intake"].run).toHaveBeenCalledTimes(1);
    expect(await prisma().runtimeJob.findUniqueOrThrow({ where: { id: `engine-restart:${tenantId}:email-intake:2026-03-04T15:05:00.000Z` } })).toMatchObject({ status: "DONE" });
    await parkEngines();
  });
});

describe("crons on the embedded runner", () => {
  it("sends the audit digest once per day, including a day whose 06:00 passed while the server was down", async () => {
    const digests = () => db.notification.count({ where: { kind: "audit.digest" } });
    const before = await digests();
    clock = new Date("2026-04-05T09:30:00Z"); // down at 06:00; back at 09:30
    await pass();
    await pass();
    expect(await digests()).toBe(before + 1);
    expect(await db.notification.findFirstOrThrow({ where: { kind: "audit.digest" }, orderBy: { createdAt: "desc" } })).toMatchObject({ data: { window: "2026-04-05" } });
    clock = new Date("2026-04-05T23:00:00Z");
    await pass();
    expect(await digests()).toBe(before + 1);
    clock = new Date("2026-04-06T06:00:00Z");
    await pass();
    expect(await digests()).toBe(before + 2);
  });

  it("prunes delivered outbox events and finished jobs older than a week; pending events stay", async () => {
    clock = new Date("2026-04-20T10:00:00Z");
    const old = new Date("2026-04-10T00:00:00Z");
    await database.prisma.eventOutbox.createMany({
      data: [
        { id: "old-delivered", tenantId, name: "test/old", data: {}, createdAt: old, dispatchedAt: old },
        { id: "recent-delivered", tenantId, name: "test/recent", data: {}, dispatchedAt: new Date("2026-04-19T00:00:00Z") },
      ],
    });
    await pass();
    const ids = (await database.prisma.eventOutbox.findMany({ select: { id: true } })).map((row) => row.id);
    expect(ids).toContain("recent-delivered");
    expect(ids).not.toContain("old-delivered");
    expect(await prisma().runtimeJob.count({ where: { status: "DONE", finishedAt: { lt: new Date("2026-04-13T10:00:00Z") } } })).toBe(0);
  });
});

describe("surviving a restart", () => {
  it("a job claimed by a runner that died is run again once its lease has passed", async () => {
    clock = new Date("2026-04-21T10:00:00Z");
    await scheduleJobs(prisma(), [{ id: "digest-after-crash", kind: `event:${EVENTS.auditDigestRequested}`, tenantId, payload: { tenantId }, runAt: clock }]);
    // A runner claims it and dies before finishing.
    await claimDueJobs(prisma(), clock, new Date(clock.getTime() + 5 * 60_000), 50);
    const job = () => prisma().runtimeJob.findUniqueOrThrow({ where: { id: "digest-after-crash" } });
    expect(await job()).toMatchObject({ status: "RUNNING", attempts: 1 });

    clock = new Date("2026-04-21T10:02:00Z");
    await pass();
    expect(await job()).toMatchObject({ status: "RUNNING", attempts: 1 });
    clock = new Date("2026-04-21T10:06:00Z");
    await pass();
    expect(await job()).toMatchObject({ status: "DONE", attempts: 2 });
  });
});
