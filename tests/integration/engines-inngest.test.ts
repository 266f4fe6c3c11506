import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "@/inngest/client";
import { engineOrchestrator, engineRun, engineSafetyNet, handleEngineRunFailure } from "@/inngest/functions/engines";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { runEngineNow } from "@/lib/engines/overview";
import { ENGINES } from "@/lib/engines/registry";
import { ENGINE_NAMES } from "@/lib/engines/types";
import { runEngine, setEnginePaused } from "@/lib/engines/service";
import { EVENTS } from "@/lib/events/catalog";
import { intakeDeals } from "@/lib/intake/service";
import { DealInput } from "@/lib/intake/schema";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let tenantId: string;
const ctx = { actorId: null, actorEmail: "owner@engines.test", requestId: "req-engines" };
const deal = (street: string) =>
  DealInput.parse({ street, city: "Springfield", region: "IL", postalCode: "62704", arv: 200_000, repairs: 20_000, askingPrice: 100_000 });

type SendEventMock = { mock: { calls: [string, unknown][] } };
const runRequest = (data: Record<string, unknown>) => ({ name: EVENTS.engineRunRequested, data: { tenantId, ...data } });

function executeRun(data: Record<string, unknown>) {
  return new InngestTestEngine({
    function: engineRun,
    events: [runRequest(data)],
    steps: [{ id: "run-finished", handler: () => ({ ids: ["finished"] }) }],
  }).execute();
}

function executeOrchestrator(engine: string) {
  return new InngestTestEngine({
    function: engineOrchestrator,
    events: [{ name: EVENTS.engineRunFinished, data: { tenantId, engine, outcome: "OK" } }],
    steps: [{ id: "schedule-next-run", handler: () => ({ ids: ["next"] }) }],
  }).execute();
}

// The SDK wires onFailure as its own function on "inngest/function.failed"; the test does the same.
const failureFunction = inngest.createFunction(
  { id: "engine-run-failure-under-test", triggers: [{ event: "inngest/function.failed" }] },
  handleEngineRunFailure as never,
);
function executeFailure(message: string) {
  return new InngestTestEngine({
    function: failureFunction,
    events: [
      {
        name: "inngest/function.failed",
        data: { function_id: "dealflow-engine-run", run_id: "run-1", error: { name: "Error", message }, event: runRequest({ engine: "underwriting", trigger: "orchestrator" }) },
      },
    ],
    steps: [{ id: "run-finished", handler: () => ({ ids: ["finished"] }) }],
  }).execute();
}

const state = (engine: string) => db.engineState.findUniqueOrThrow({ where: { tenantId_engine: { tenantId, engine } } });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const member = (email: string, role: "owner" | "admin" | "va") => ({ email, name: email, password: "a-long-password-1", role });
  tenantId = (
    await provisionTenant(database.prisma, { slug: "engines", name: "Engines Co", timeZone: "America/Chicago", country: "US" }, [
      member("own@engines.test", "owner"),
      member("adm@engines.test", "admin"),
      member("va@engines.test", "va"),
    ])
  ).id;
  db = scopeToTenant(database.prisma, tenantId);
  // Twelve deals with numbers, taken in while no offer policy is on, then the policy goes live.
  await intakeDeals(db, Array.from({ length: 12 }, (_, i) => ({ deal: deal(`${i + 1} Engine Street`), raw: {} })), { source: "API" });
  await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "go live" }, ctx);
});
afterAll(() => database.close());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("the orchestrator", () => {
  it("measures the backlog, stores the interval with its reason and schedules the next run", async () => {
    const before = Date.now();
    const { result, ctx: run } = await executeOrchestrator("underwriting");
    // 12 deals waiting: a quarter of the 15-minute default.
    expect(result).toMatchObject({ intervalSeconds: 225 });
    const stored = await state("underwriting");
    expect(stored.intervalSeconds).toBe(225);
    expect(stored.intervalReason).toMatch(/^Every 3 min 45 s: 12 deal\(s\) awaiting underwriting/);
    expect(stored.nextRunAt!.getTime()).toBeGreaterThanOrEqual(before + 225_000);
    expect(stored.nextRunAt!.getTime()).toBeLessThan(Date.now() + 226_000);

    const [, scheduled] = (run.step.sendEvent as unknown as SendEventMock).mock.calls[0] as [string, { name: string; ts: number; id: string; data: Record<string, unknown> }];
    expect(scheduled).toMatchObject({
      name: EVENTS.engineRunRequested,
      ts: stored.nextRunAt!.getTime(),
      data: { tenantId, engine: "underwriting", trigger: "orchestrator", scheduledFor: stored.nextRunAt!.toISOString() },
    });
    expect(scheduled.id).toContain(stored.nextRunAt!.toISOString());
  });

  it("paces email intake from deal emails of the last hour and the reply and delivery rates of messages", async () => {
    const message = (direction: "OUTBOUND" | "INBOUND", status: "DELIVERED" | "FAILED" | "RECEIVED", i: number) => ({
      channel: "SMS" as const, direction, status, toAddress: `+1312555${String(1000 + i)}`, body: "Hi", provider: "outbox",
    });
    await db.message.createMany({
      data: [
        ...Array.from({ length: 9 }, (_, i) => message("OUTBOUND", "DELIVERED", i)),
        message("OUTBOUND", "FAILED", 9),
        ...Array.from({ length: 3 }, (_, i) => message("INBOUND", "RECEIVED", 20 + i)),
      ] as never,
    });
    // An old message and email fall outside the windows.
    await db.message.create({ data: { ...message("INBOUND", "RECEIVED", 99), createdAt: new Date(Date.now() - 2 * 86_400_000) } as never });
    await db.inboundEmail.create({ data: { messageId: "old@x", source: "gmail", parsed: {}, raw: {}, receivedAt: new Date(Date.now() - 2 * 3_600_000) } as never });

    const { measureEngineLoad } = await import("@/lib/engines/load");
    expect(await measureEngineLoad(db, ENGINES["email-intake"])).toEqual({ backlog: 0, inboundLastHour: 0, replyRate: 0.3, deliveryRate: 0.9, consecutiveFailures: 0 });
    // 30% replies: a quarter of the 5-minute default.
    expect((await executeOrchestrator("email-intake")).result).toMatchObject({ intervalSeconds: 75 });
    expect((await state("email-intake")).intervalReason).toBe("Every 1 min 15 s: 30% of messages get replies");

    await db.inboundEmail.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ messageId: `m${i}@x`, source: "gmail", parsed: {}, raw: {} })) as never });
    expect((await executeOrchestrator("email-intake")).result).toMatchObject({ intervalSeconds: 60 });
    expect((await state("email-intake")).intervalReason).toMatch(/20 deal email\(s\) in the last hour.*fastest allowed \(1 min\)/);
    // Later tests measure underwriting, which also reads inbound velocity.
    await db.inboundEmail.deleteMany();
    await db.message.deleteMany();
  });

  it("a scheduled run that is no longer the engine's next run ends without running", async () => {
    const { result } = await executeRun({ engine: "underwriting", trigger: "orchestrator", scheduledFor: "2020-01-01T00:00:00.000Z" });
    expect(result).toEqual({ stale: true });
    expect(await db.engineRun.count()).toBe(0);
  });
});

describe("engine runs on Inngest", () => {
  it("the current scheduled run underwrites the backlog and records an EngineRun", async () => {
    const scheduledFor = (await state("underwriting")).nextRunAt!.toISOString();
    const { result, ctx: run } = await executeRun({ engine: "underwriting", trigger: "orchestrator", scheduledFor });
    expect(result).toMatchObject({ engine: "underwriting", outcome: "OK", items: 12, error: null });
    const runs = await db.engineRun.findMany();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ engine: "underwriting", trigger: "orchestrator", outcome: "OK", items: 12, error: null });
    expect(runs[0].finishedAt!.getTime()).toBeGreaterThanOrEqual(runs[0].startedAt.getTime());
    expect(await db.deal.count({ where: { underwrittenAt: { not: null } } })).toBe(12);
    const [, finished] = (run.step.sendEvent as unknown as SendEventMock).mock.calls[0] as [string, { name: string }];
    expect(finished.name).toBe(EVENTS.engineRunFinished);

    // With nothing left, the orchestrator slows the engine to its slowest pace.
    await executeOrchestrator("underwriting");
    expect(await state("underwriting")).toMatchObject({ intervalSeconds: 3600, intervalReason: "Every 1 h: Nothing waiting, slowing down" });
  });

  it("email intake without Gmail credentials is SKIPPED with the reason", async () => {
    vi.stubEnv("GMAIL_CLIENT_ID", "");
    const { result } = await executeRun({ engine: "email-intake", trigger: "cron" });
    expect(result).toMatchObject({ outcome: "SKIPPED", error: expect.stringContaining("Gmail is not connected") });
    vi.unstubAllEnvs();
  });

  it("a paused engine's runs are SKIPPED until it is resumed, and both are audited", async () => {
    await setEnginePaused(db, "underwriting", true, ctx);
    const { result } = await executeRun({ engine: "underwriting", trigger: "cron" });
    expect(result).toMatchObject({ outcome: "SKIPPED", error: "Paused", items: 0 });
    expect(await db.engineRun.findFirst({ orderBy: { startedAt: "desc" } })).toMatchObject({ outcome: "SKIPPED", error: "Paused" });
    await setEnginePaused(db, "underwriting", false, ctx);
    expect((await executeRun({ engine: "underwriting", trigger: "cron" })).result).toMatchObject({ outcome: "OK", items: 0 });
    const audits = await db.auditEvent.findMany({ where: { entity: "engine" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["engine.paused", "engine.resumed"]);
  });
});

describe("one run at a time", () => {
  it("simultaneous starts (a scheduled run and Run now) yield one run; the others are SKIPPED", async () => {
    // The run that wins holds on until both others have answered, however slow the machine:
    // a run that ended before a late starter claimed would rightly let it run again.
    let release = () => {};
    const othersAnswered = new Promise<void>((resolve) => (release = resolve));
    const safety = setTimeout(() => release(), 10_000);
    vi.spyOn(ENGINES.underwriting, "run").mockImplementation(async () => {
      await othersAnswered;
      return { outcome: "OK", items: 0 };
    });
    const starts = [runEngine(db, "underwriting", "orchestrator"), runEngine(db, "underwriting", "manual"), runEngine(db, "underwriting", "cron")];
    let answered = 0;
    for (const start of starts) void start.then(() => (answered += 1) === 2 && release());
    const results = await Promise.all(starts);
    clearTimeout(safety);
    expect(results.map((r) => r.outcome).sort()).toEqual(["OK", "SKIPPED", "SKIPPED"]);
    expect(results.filter((r) => r.outcome === "SKIPPED").every((r) => r.error === "Another run was still in progress")).toBe(true);
    expect(ENGINES.underwriting.run).toHaveBeenCalledTimes(1);
  });

  it("a run cut off mid-way no longer blocks once stale, and is closed as interrupted", async () => {
    const cutOff = await db.engineRun.create({ data: { engine: "underwriting", trigger: "cron", outcome: "RUNNING", startedAt: new Date(Date.now() - 20 * 60_000) } as never });
    expect((await runEngine(db, "underwriting", "manual")).outcome).toBe("OK");
    expect(await db.engineRun.findUniqueOrThrow({ where: { id: cutOff.id } })).toMatchObject({ outcome: "FAILED", error: expect.stringMatching(/^Interrupted/) });
  });
});

describe("failure escalation", () => {
  it("a failing pass is recorded FAILED and thrown so Inngest retries it", async () => {
    vi.spyOn(ENGINES.underwriting, "run").mockRejectedValue(new Error("database went away"));
    const { error } = await executeRun({ engine: "underwriting", trigger: "cron" });
    expect(String((error as Error)?.message ?? error)).toContain("database went away");
    expect(await db.engineRun.findFirst({ orderBy: { startedAt: "desc" } })).toMatchObject({ outcome: "FAILED", error: "database went away" });
    // Retries alone do not count: only a run that exhausted them does (onFailure).
    expect((await state("underwriting")).consecutiveFailures).toBe(0);
  });

  it("onFailure counts, alerts in the app and on Discord, escalates once at the threshold, and a success resets", async () => {
    await db.tenant.update({ where: { id: tenantId }, data: { settings: { discordWebhookUrl: "https://discord.example/api/webhooks/1/x" } } });
    const posts: { title: string }[] = [];
    vi.stubGlobal("fetch", vi.fn(async (_url: string, init: RequestInit) => {
      posts.push(JSON.parse(String(init.body)).embeds[0]);
      return new Response(null, { status: 204 });
    }));
    const notes = (kind: string) => db.notification.count({ where: { kind } });

    expect((await executeFailure("timeout 1")).result).toMatchObject({ consecutiveFailures: 1, escalated: false, notified: 2, discord: "sent" });
    expect(await state("underwriting")).toMatchObject({ consecutiveFailures: 1, escalatedAt: null });
    expect(await notes("engine.failed")).toBe(2);
    expect(await executeFailure("timeout 2").then((r) => r.result)).toMatchObject({ consecutiveFailures: 2, escalated: false });
    expect((await state("underwriting")).escalatedAt).toBeNull();

    // Default threshold 3: the third failure escalates to the owner, with a louder Discord alert.
    expect((await executeFailure("timeout 3")).result).toMatchObject({ consecutiveFailures: 3, escalated: true, notified: 3 });
    expect((await state("underwriting")).escalatedAt).not.toBeNull();
    const escalation = await db.notification.findMany({ where: { kind: "engine.escalated" } });
    expect(escalation).toHaveLength(1);
    expect(escalation[0].title).toBe("ESCALATED: Underwriting keeps failing");
    expect(escalation[0].body).toContain("timeout 3");
    expect(posts.filter((p) => p.title.includes("ESCALATED"))).toHaveLength(1);

    // A fourth failure alerts but does not escalate again.
    expect((await executeFailure("timeout 4")).result).toMatchObject({ consecutiveFailures: 4, escalated: false });
    expect(await notes("engine.escalated")).toBe(1);
    expect(posts).toHaveLength(5);

    // The orchestrator backs off while failing: 2^4 x idle pace, clamped to 1 h.
    await executeOrchestrator("underwriting");
    expect((await state("underwriting")).intervalReason).toMatch(/4 consecutive failure\(s\), backing off/);

    // One good pass clears the streak and the escalation.
    expect((await executeRun({ engine: "underwriting", trigger: "cron" })).result).toMatchObject({ outcome: "OK" });
    expect(await state("underwriting")).toMatchObject({ consecutiveFailures: 0, escalatedAt: null });
  });

  it("the threshold is a tenant setting, and Run now counts a failure at once", async () => {
    await db.tenant.update({ where: { id: tenantId }, data: { settings: { engineEscalationThreshold: 1 } } });
    vi.spyOn(ENGINES.underwriting, "run").mockRejectedValue(new Error("disk full"));
    const scheduled = (await state("underwriting")).nextRunAt;
    const result = await runEngineNow(db, "underwriting", ctx);
    expect(result).toMatchObject({ outcome: "FAILED", error: "disk full" });
    expect(await state("underwriting")).toMatchObject({ consecutiveFailures: 1, escalatedAt: expect.any(Date) });
    expect(await db.engineRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({ trigger: "manual", outcome: "FAILED", error: "disk full" });
    // Run now refreshes the pace and its reason, but the scheduled run stays the current one.
    const after = await state("underwriting");
    expect(after.intervalReason).toMatch(/1 consecutive failure\(s\), backing off/);
    expect(after.nextRunAt).toEqual(scheduled);
    expect(await db.auditEvent.findFirst({ where: { action: "engine.run_now" } })).toMatchObject({ entityId: "underwriting", after: { runId: result.runId, outcome: "FAILED" } });
  });
});

describe("the safety-net cron", () => {
  it("restarts only engines whose schedule was lost, once per slot", async () => {
    // Every engine on schedule but one.
    const onSchedule = new Date(Date.now() + 600_000);
    for (const engine of ENGINE_NAMES) {
      await db.engineState.upsert({
        where: { tenantId_engine: { tenantId, engine } },
        create: { engine, intervalSeconds: 300, intervalReason: "test", nextRunAt: onSchedule },
        update: { nextRunAt: onSchedule },
      });
    }
    await db.engineState.update({ where: { tenantId_engine: { tenantId, engine: "email-intake" } }, data: { nextRunAt: new Date(Date.now() - 3_600_000) } });
    const { result, ctx: run } = await new InngestTestEngine({
      function: engineSafetyNet,
      steps: [{ id: "restart-engines", handler: () => ({ ids: ["r"] }) }],
    }).execute();
    expect(result).toEqual({ restarted: 1 });
    const [, events] = (run.step.sendEvent as unknown as SendEventMock).mock.calls[0] as [string, { id: string; data: Record<string, unknown> }[]];
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ tenantId, engine: "email-intake", trigger: "cron" });
    expect(events[0].id).toMatch(new RegExp(`^engine-restart:${tenantId}:email-intake:\\d+$`));
  });
});
