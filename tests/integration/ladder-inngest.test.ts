import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS } from "@/lib/events/catalog";
import { createFollowUpLadder, createLadderStopHandler } from "@/inngest/functions/ladder";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { startLadders } from "@/lib/ladder/lifecycle";
import { readStepStates } from "@/lib/ladder/state";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { seedMarketPolicies } from "@/lib/policy";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let tenantId: string;
let vaId: string;
let phoneSeq = 100;

const tenantDb = async () => db;
const stopHandler = createLadderStopHandler({ tenantDb });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await database.prisma.tenant.create({ data: { slug: "ladder", name: "Maple Homes", timeZone: "America/Toronto", country: "CA" } });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  await seedMarketPolicies(db, null);
  vaId = (await database.prisma.user.create({ data: { email: "va@ladder.test", name: "Vera VA", passwordHash: "x" } })).id;
});
afterAll(() => database.close());

interface Lead {
  region: string;
  market: string;
  timeZone: string;
}
const TORONTO: Lead = { region: "ON", market: "TORONTO", timeZone: "America/Toronto" };
const NEW_YORK: Lead = { region: "NY", market: "NEW YORK", timeZone: "America/New_York" };
const ST_JOHNS: Lead = { region: "NL", market: "ST. JOHN'S", timeZone: "America/St_Johns" };

/** A lead with a phone number that consented to SMS, owned by the VA. */
async function makeLead(lead: Lead) {
  const phone = `+1416555${String(phoneSeq++).padStart(4, "0")}`;
  const deal = await db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, street: "12 Elm St", city: "Town", ...lead,
      score: 80, contactName: "Dana Seller", contactPhone: phone, ownerId: vaId,
    } as never,
  });
  await db.contactConsent.create({ data: { channel: "SMS", address: phone, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "form" } as never });
  return deal;
}

const waits = (extra: Record<string, () => unknown> = {}) =>
  [1, 2, 3, 4, 5, 6].map((n) => ({ id: `wait-step-${n}`, handler: extra[`wait-step-${n}`] ?? (() => undefined) }));

function ladderRun(start: Date, extra: Record<string, () => unknown> = {}, moreSteps: { id: string; handler: () => unknown }[] = []) {
  return (dealId: string) =>
    new InngestTestEngine({
      function: createFollowUpLadder({ send: sendThroughOutbound, now: () => start, tenantDb }),
      events: [{ name: EVENTS.leadCreated, data: { tenantId, dealId } }],
      steps: [...waits(extra), ...moreSteps],
    }).execute();
}

async function ladderOf(dealId: string) {
  const ladder = await db.followUpLadder.findFirstOrThrow({ where: { dealId } });
  return { ...ladder, stepStates: readStepStates(ladder.steps) };
}

const deliver = (name: string, data: Record<string, unknown>) =>
  new InngestTestEngine({ function: stopHandler, events: [{ name, data: { tenantId, ...data } }] }).execute();

describe("the follow-up ladder on Inngest", () => {
  it("runs all six steps: three SMS through the outbound core, three call tasks for the owning VA", async () => {
    const deal = await makeLead(TORONTO);
    const start = new Date("2026-03-02T14:00:00Z"); // Monday 09:00 in Toronto
    const { result } = await ladderRun(start)(deal.id);
    expect(result).toMatchObject({ ended: "COMPLETED", steps: 6 });

    const messages = await db.message.findMany({ where: { dealId: deal.id }, orderBy: { ladderStep: "asc" } });
    expect(messages.map((m) => [m.ladderStep, m.status, m.provider])).toEqual([
      [1, "SENT", "outbox"],
      [3, "SENT", "outbox"],
      [5, "SENT", "outbox"],
    ]);
    expect(messages[0].body).toBe("Hi Dana, this is Maple Homes. I saw your property at 12 Elm St. Would you consider a cash offer?");

    const tasks = await db.followUpTask.findMany({ where: { dealId: deal.id }, orderBy: { step: "asc" } });
    expect(tasks.map((t) => [t.step, t.channel, t.ownerId, t.status, t.dueAt.toISOString()])).toEqual([
      [2, "CALL", vaId, "OPEN", "2026-03-02T14:30:00.000Z"],
      [4, "CALL", vaId, "OPEN", "2026-03-03T14:00:00.000Z"],
      [6, "CALL", vaId, "OPEN", "2026-03-09T14:00:00.000Z"],
    ]);
    const ladder = await ladderOf(deal.id);
    expect(ladder.status).toBe("COMPLETED");
    expect(ladder.nextStep).toBe(6);
    expect(ladder.stepStates.map((s) => s.state)).toEqual(["sent", "task_created", "sent", "task_created", "sent", "task_created"]);
  });

  it("moves steps over the weekend and the US spring-forward change into the window", async () => {
    const deal = await makeLead(NEW_YORK);
    const start = new Date("2026-03-07T22:45:00Z"); // Saturday 17:45 EST; Saturday's window ends at 18:00
    await ladderRun(start)(deal.id);
    const ladder = await ladderOf(deal.id);
    expect(ladder.stepStates.map((s) => s.dueAt)).toEqual([
      "2026-03-07T22:45:00.000Z",
      "2026-03-09T13:00:00.000Z", // Sunday is closed; Monday 09:00 is EDT now (UTC-4), not 14:00Z
      "2026-03-09T15:30:00.000Z", // its own 2 h 30 min after the call, not stacked on it
      "2026-03-10T13:00:00.000Z", // 21 h after the text is Tuesday 08:30: moved to 09:00
      "2026-03-12T13:00:00.000Z", // 2 days after the call
      "2026-03-16T13:00:00.000Z", // 4 days after the text: Monday 09:00 EDT
    ]);
    const tasks = await db.followUpTask.findMany({ where: { dealId: deal.id }, orderBy: { step: "asc" } });
    expect(tasks.map((t) => t.dueAt.toISOString())).toEqual(["2026-03-09T13:00:00.000Z", "2026-03-10T13:00:00.000Z", "2026-03-16T13:00:00.000Z"]);
  });

  it("moves steps over the Canadian spring-forward change in a half-hour zone (St. John's)", async () => {
    const deal = await makeLead(ST_JOHNS);
    const start = new Date("2026-03-07T21:15:00Z"); // Saturday 17:45 NST (UTC-3:30)
    await ladderRun(start)(deal.id);
    const ladder = await ladderOf(deal.id);
    expect(ladder.stepStates[0].dueAt).toBe("2026-03-07T21:15:00.000Z");
    // Monday 09:00 NDT (UTC-2:30) is 11:30Z, an hour earlier in UTC than before the change.
    expect(ladder.stepStates[1].dueAt).toBe("2026-03-09T11:30:00.000Z");
  });

  it("re-checks the window when a step wakes: a policy narrowed meanwhile moves the step again", async () => {
    const deal = await makeLead(TORONTO);
    const ontario = await db.marketPolicy.findFirstOrThrow({ where: { region: "ON", market: "ALL" } });
    const narrowed = { ...(ontario.rules as object), contactWindows: [{ days: [0, 1, 2, 3, 4], start: "10:00", end: "17:00" }] };
    const start = new Date("2026-03-02T14:00:00Z"); // Monday 09:00 EST
    let secondWait = false;
    try {
      await ladderRun(start, {
        // While the run sleeps before the 09:30 call, the admin narrows the window to 10:00-17:00.
        "wait-step-2": () => db.marketPolicy.update({ where: { id: ontario.id }, data: { rules: narrowed } }),
      }, [{ id: "wait-step-2-again-1", handler: () => { secondWait = true; } }])(deal.id);
    } finally {
      await db.marketPolicy.update({ where: { id: ontario.id }, data: { rules: ontario.rules as object } });
    }
    expect(secondWait).toBe(true);
    const task = await db.followUpTask.findFirstOrThrow({ where: { dealId: deal.id, step: 2 } });
    expect(task.dueAt.toISOString()).toBe("2026-03-02T15:00:00.000Z"); // 10:00 EST
  });

  it("stops on a reply: no further message, the open call task is cancelled", async () => {
    const deal = await makeLead(TORONTO);
    const start = new Date("2026-03-02T14:00:00Z");
    const { result } = await ladderRun(start, {
      // The lead answers while the run sleeps before step 3.
      "wait-step-3": () => deliver(EVENTS.messageReceived, { dealId: deal.id, messageId: "m-1", channel: "SMS" }),
    })(deal.id);
    expect(result).toMatchObject({ ended: "STOPPED", atStep: 3 });
    const ladder = await ladderOf(deal.id);
    expect(ladder).toMatchObject({ status: "STOPPED", stopReason: "reply" });
    expect(await db.message.count({ where: { dealId: deal.id } })).toBe(1);
    const tasks = await db.followUpTask.findMany({ where: { dealId: deal.id } });
    expect(tasks.map((t) => [t.step, t.status])).toEqual([[2, "CANCELLED"]]);
  });

  it("an opt-out mid-ladder blocks the next SMS at the gate, and its event stops the ladder", async () => {
    const deal = await makeLead(TORONTO);
    const start = new Date("2026-03-02T14:00:00Z");
    const { result } = await ladderRun(start, {
      // STOP arrived: the consent row says opted out, but the opt-out event is late.
      "wait-step-3": () => db.contactConsent.updateMany({ where: { address: deal.contactPhone! }, data: { status: "OPTED_OUT", source: "keyword:STOP" } }),
      "wait-step-4": () => deliver(EVENTS.contactOptedOut, { dealId: deal.id, channel: "SMS", address: deal.contactPhone }),
    })(deal.id);
    expect(result).toMatchObject({ ended: "STOPPED", atStep: 4 });
    const messages = await db.message.findMany({ where: { dealId: deal.id }, orderBy: { ladderStep: "asc" } });
    expect(messages.map((m) => [m.ladderStep, m.status, m.blockedReason])).toEqual([
      [1, "SENT", null],
      [3, "BLOCKED", "opted_out"],
    ]);
    const ladder = await ladderOf(deal.id);
    expect(ladder).toMatchObject({ status: "STOPPED", stopReason: "opted_out" });
    expect(ladder.stepStates[2]).toMatchObject({ state: "blocked", reason: "consent: opted_out" });
  });

  it("a second start of the same lead is a no-op, and auto-start can be turned off", async () => {
    const deal = await makeLead(TORONTO);
    const start = new Date("2026-03-02T15:00:00Z");
    const first = await ladderRun(start, { "wait-step-2": () => undefined })(deal.id);
    expect(first.result).toMatchObject({ ended: "COMPLETED" });
    await db.followUpLadder.updateMany({ where: { dealId: deal.id }, data: { status: "ACTIVE" } });
    const second = await ladderRun(start)(deal.id);
    expect(second.result).toEqual({ skipped: "already_active" });
    expect(await db.followUpLadder.count({ where: { dealId: deal.id } })).toBe(1);

    const other = await makeLead(TORONTO);
    await db.tenant.update({ where: { id: tenantId }, data: { settings: { ladderAutoStart: false } } });
    const off = await ladderRun(start)(other.id);
    expect(off.result).toEqual({ skipped: "auto_start_off" });
    await db.tenant.update({ where: { id: tenantId }, data: { settings: {} } });
  });

  it("Start ladder writes the row and its event; the run adopts that row and works the tenant's own template", async () => {
    const deal = await makeLead(TORONTO);
    await db.ladderTemplate.create({ data: { steps: [{ channel: "CALL", delayMinutes: 0, template: "" }, { channel: "SMS", delayMinutes: 60, template: "{{firstName}}, it's {{senderName}}" }] } as never });
    const start = new Date("2026-03-02T15:00:00Z");
    const [started] = await startLadders(db, [deal.id], { now: start, trigger: "manual", enqueue: true });
    expect(started.status).toBe("started");
    const event = await db.eventOutbox.findFirstOrThrow({ where: { name: EVENTS.ladderStartRequested, data: { path: ["dealId"], equals: deal.id } } });
    const { result } = await new InngestTestEngine({
      function: createFollowUpLadder({ send: sendThroughOutbound, now: () => start, tenantDb }),
      events: [{ name: event.name, data: event.data as Record<string, unknown> }],
      steps: waits(),
    }).execute();
    expect(result).toMatchObject({ ended: "COMPLETED", steps: 2 });
    expect(await db.followUpLadder.count({ where: { dealId: deal.id } })).toBe(1);
    expect((await db.message.findFirstOrThrow({ where: { dealId: deal.id } })).body).toBe("Dana, it's Maple Homes");
    expect(await db.followUpTask.count({ where: { dealId: deal.id, step: 1 } })).toBe(1);
    await db.ladderTemplate.deleteMany({});
  });

  it("a deal status change ends the ladder unless it is the pipeline's NEW -> UNDERWRITTEN", async () => {
    const deal = await makeLead(TORONTO);
    await ladderRun(new Date("2026-03-02T14:00:00Z"), {
      "wait-step-2": () => deliver(EVENTS.dealStatusChanged, { dealId: deal.id, from: "NEW", to: "UNDERWRITTEN", endsLadder: false }),
      "wait-step-3": () => deliver(EVENTS.dealStatusChanged, { dealId: deal.id, from: "UNDERWRITTEN", to: "CONTACTED", endsLadder: true }),
    })(deal.id);
    expect(await ladderOf(deal.id)).toMatchObject({ status: "STOPPED", stopReason: "deal_status:CONTACTED" });
    expect(await db.followUpTask.findMany({ where: { dealId: deal.id }, select: { status: true } })).toEqual([{ status: "CANCELLED" }]);
  });

  it("is cancelled by a reply, opt-out, stop or status change of the same lead, and runs one lead at a time per tenant slot", () => {
    const fn = createFollowUpLadder({ send: sendThroughOutbound });
    const cancelOn = (fn.opts as { cancelOn: { event: string; if: string }[] }).cancelOn;
    expect(cancelOn.map((c) => c.event).sort()).toEqual(
      [EVENTS.messageReceived, EVENTS.contactOptedOut, EVENTS.ladderStopRequested, EVENTS.dealStatusChanged].sort(),
    );
    for (const c of cancelOn) expect(c.if).toContain("async.data.dealId == event.data.dealId");
    expect((fn.opts as { concurrency: { key: string } }).concurrency.key).toBe("event.data.tenantId");
  });
});
