import { performance } from "node:perf_hooks";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as grant } from "@/app/api/v1/consent/route";
import { DELETE as withdraw } from "@/app/api/v1/consent/[contact]/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ENGINE_NAMES } from "@/lib/engines/types";
import { dispatchPendingEvents } from "@/lib/events/dispatcher";
import { registerEventSender, startDispatcherLoop, stopDispatcherLoop } from "@/lib/events/dispatch-runtime";
import { startLadders } from "@/lib/ladder/lifecycle";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { readStepStates } from "@/lib/ladder/state";
import { sendMessage } from "@/lib/outbound/service";
import { seedMarketPolicies } from "@/lib/policy";
import { embeddedEventSender, runDueJobs } from "@/lib/runtime/runner";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

// A withdrawal through DELETE /api/v1/consent/{contact} must reach every pending send and
// ladder step: the ladder of each lead with the number stops (its open call task cancelled)
// as soon as the opt-out event is dispatched after the commit, and a step that runs anyway
// (the event not delivered yet) is refused by the consent gate at send time.

let database: Database;
let db: TenantDb;
let tenantId: string;
let key: string;
let vaId: string;
let phoneSeq = 700;
let unregister: (() => void) | undefined;

/** The simulated clock of the ladder's steps (Monday 09:00 in Toronto, inside the window). */
let clock = new Date("2026-03-02T14:00:00Z");
const now = () => clock;
const prisma = () => database.prisma;
const pass = () => runDueJobs({ prisma: prisma(), send: sendThroughOutbound, now });
/** The server's dispatcher pass (outbox rows claimed a second ahead of the real clock, see embedded-runner.test.ts). */
const dispatch = () => dispatchPendingEvents({ prisma: prisma(), send: embeddedEventSender(prisma(), now), now: () => new Date(Date.now() + 1_000) });

const WORDING = "I agree to receive texts and calls about my property. Reply STOP to opt out.";

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "withdrawal", name: "Maple Homes", timeZone: "America/Toronto", country: "CA" } });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  await seedMarketPolicies(db, null);
  vaId = (await database.prisma.user.create({ data: { email: "va@withdrawal.test", name: "Vera VA", passwordHash: "x" } })).id;
  await database.prisma.membership.create({ data: { tenantId, userId: vaId, role: "va" } });
  for (const engine of ENGINE_NAMES) {
    await db.engineState.create({ data: { engine, intervalSeconds: 300, intervalReason: "test", nextRunAt: new Date("2027-01-01T00:00:00Z") } as never });
  }
  key = (await createApiKey(db, { name: "crm", scopes: ["consent:read", "consent:write"] }, { actorId: null, actorEmail: "test", requestId: "req" })).key;
});
afterAll(() => database.close());
afterEach(() => {
  unregister?.();
  unregister = undefined;
  stopDispatcherLoop();
});

/** A Toronto lead whose consent came in through the API, with its ladder run to its first call task. */
async function leadWithLadderUnderway() {
  const phone = `+1416555${String(phoneSeq++).padStart(4, "0")}`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, street: "12 Elm St", city: "Toronto", region: "ON", market: "TORONTO",
      timeZone: "America/Toronto", score: 80, contactName: "Dana Seller", contactPhone: phone, ownerId: vaId,
    } as never,
  });
  const granted = await callRoute(grant, "/api/v1/consent", { key, method: "POST", body: { contact: phone, source: "web form", wording: WORDING, evidence: "198.51.100.4" } });
  expect(granted.status).toBe(201);
  clock = new Date("2026-03-02T14:00:00Z");
  const [started] = await startLadders(db, [deal.id], { now: clock, trigger: "manual", enqueue: true });
  if (started.status !== "started") throw new Error(`ladder not started: ${started.status}`);
  await dispatch();
  await pass(); // step 1: the first text leaves
  clock = (await nextStepJob(started.ladderId))!.runAt;
  await pass(); // step 2: a call task for the VA
  expect(await db.message.count({ where: { dealId: deal.id, status: "SENT" } })).toBe(1);
  expect(await db.followUpTask.count({ where: { dealId: deal.id, status: "OPEN" } })).toBe(1);
  return { deal, phone, ladderId: started.ladderId };
}

async function nextStepJob(ladderId: string) {
  return prisma().runtimeJob.findFirst({ where: { kind: "ladder-step", status: "PENDING", id: { startsWith: `ladder-step:${ladderId}:` } }, orderBy: { runAt: "asc" } });
}

const withdrawPhone = (phone: string) =>
  callRoute(withdraw, `/api/v1/consent/${encodeURIComponent(phone)}`, { key, method: "DELETE", params: { contact: encodeURIComponent(phone) } });

/** Runs every remaining step job, moving the simulated clock ten days on. */
async function runEverythingLeft() {
  clock = new Date(clock.getTime() + 10 * 86_400_000);
  for (let guard = 0; guard < 10; guard += 1) await pass();
}

describe("withdrawing consent through the API", () => {
  it("stops the lead's ladder within seconds of the commit, cancels its call task, and nothing more goes out", async () => {
    const { deal, phone, ladderId } = await leadWithLadderUnderway();
    // The server's setup: outbox events become runner jobs and a pass runs at once, with
    // the dispatcher kicked after every commit and its loop as the fallback.
    const toJobs = embeddedEventSender(prisma(), now);
    unregister = registerEventSender(async (events) => {
      await toJobs(events);
      await pass();
    });
    startDispatcherLoop();

    const started = performance.now();
    const response = await withdrawPhone(phone);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ withdrawn: ["SMS", "CALL"], leads: 1 });
    await vi.waitFor(async () => expect((await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } })).status).toBe("STOPPED"), {
      timeout: 60_000,
      interval: 20,
    });
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeLessThan(60_000);

    const ladder = await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } });
    expect(ladder.stopReason).toBe("opted_out");
    expect(await db.followUpTask.findFirstOrThrow({ where: { dealId: deal.id } })).toMatchObject({ status: "CANCELLED" });

    await runEverythingLeft();
    expect(await db.message.count({ where: { dealId: deal.id, direction: "OUTBOUND" } })).toBe(1);
    expect(await db.followUpTask.count({ where: { dealId: deal.id } })).toBe(1);
    expect(await nextStepJob(ladderId)).toBeNull();

    // A message by hand is refused too.
    const manual = await sendMessage(db, { dealId: deal.id, channel: "SMS", body: "Still interested?", actorId: vaId, now: clock });
    expect(manual).toMatchObject({ status: "BLOCKED", gate: "consent", reason: "opted_out" });
  });

  it("refuses a step that runs before the opt-out event is delivered: the gate re-reads consent at send time", async () => {
    const { deal, phone, ladderId } = await leadWithLadderUnderway();
    // No sender: the opt-out event waits in the outbox (executor down, or not dispatched yet).
    const response = await withdrawPhone(phone);
    expect(response.status).toBe(200);
    expect((await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } })).status).toBe("ACTIVE");

    clock = (await nextStepJob(ladderId))!.runAt;
    await pass(); // step 3, a text, falls due
    const step3 = readStepStates((await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } })).steps)[2];
    expect(step3).toMatchObject({ state: "blocked", reason: "consent: opted_out" });
    expect(await db.message.count({ where: { dealId: deal.id, status: "SENT" } })).toBe(1);
    expect(await db.message.count({ where: { dealId: deal.id, status: "BLOCKED" } })).toBe(1);

    // Once the event is delivered, the ladder stops with the reason.
    await dispatch();
    await pass();
    expect(await db.followUpLadder.findFirstOrThrow({ where: { id: ladderId } })).toMatchObject({ status: "STOPPED", stopReason: "opted_out" });
  });
});
