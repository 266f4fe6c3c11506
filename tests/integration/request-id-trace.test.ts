import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "@/inngest/client";
import { engineRun as engineRunFunction } from "@/inngest/functions/engines";
import { POST as createDeal } from "@/app/api/v1/deals/route";
import { POST as runEngine } from "@/app/api/v1/engines/run/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { EVENTS } from "@/lib/events/catalog";
import { currentRequestId } from "@/lib/observability/request-context";
import { dispatchPendingEvents } from "@/lib/events/dispatcher";
import { sendThroughOutbound } from "@/lib/ladder/sender";
import { scheduleJobs } from "@/lib/runtime/jobs";
import { embeddedEventSender, runDueJobs } from "@/lib/runtime/runner";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let tenantId: string;
let key: string;
const prisma = () => database.prisma;

beforeAll(async () => {
  // The test hands the outbox to the runner itself, step by step.
  vi.stubEnv("OUTBOX_DISPATCHER", "0");
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "trace", name: "Trace Homes", timeZone: "America/Chicago", country: "US" }, [
    { email: "o@trace.test", name: "O", password: "a-long-password-1", role: "owner" },
  ]);
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenantId);
  key = (await createApiKey(db, { name: "ops", scopes: ["deals:write", "engines:run"] }, { actorId: null, actorEmail: "test", requestId: undefined })).key;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("a request's id follows the work it starts", () => {
  it("from POST /api/v1/deals into its outbox event, the runner's job for it and the ladder step that job schedules", async () => {
    const requestId = "trace-deal-0001";
    const response = await callRoute(createDeal, "/api/v1/deals", {
      method: "POST",
      key,
      headers: { "x-request-id": requestId },
      body: { street: "77 Beale St", city: "Memphis", region: "TN", postalCode: "38103", askingPrice: 90_000, arv: 200_000, repairs: 20_000, contactPhone: "+19015550123" },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("x-request-id")).toBe(requestId);

    const events = await prisma().eventOutbox.findMany({ where: { tenantId } });
    expect(events.map((e) => e.name)).toContain(EVENTS.leadCreated);
    for (const event of events) expect(event.data).toMatchObject({ tenantId, requestId });

    await dispatchPendingEvents({ prisma: prisma(), send: embeddedEventSender(prisma()), now: () => new Date(Date.now() + 1_000) });
    const job = await prisma().runtimeJob.findFirstOrThrow({ where: { tenantId, kind: `event:${EVENTS.leadCreated}` } });
    expect(job.payload).toMatchObject({ requestId });

    await runDueJobs({ prisma: prisma(), send: sendThroughOutbound, now: () => new Date(Date.now() + 2_000) });
    expect((await prisma().runtimeJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE");
    // The first step ran in the same pass and scheduled the next: the id carries on from job to job.
    const steps = await prisma().runtimeJob.findMany({ where: { tenantId, kind: "ladder-step" }, orderBy: { createdAt: "asc" } });
    expect(steps.map((s) => (s.payload as { index: number }).index)).toEqual([0, 1]);
    for (const step of steps) expect(step.payload).toMatchObject({ requestId });
  });

  it("from POST /api/v1/engines/run onto the engine run it records", async () => {
    const requestId = "trace-engine-0001";
    const response = await callRoute(runEngine, "/api/v1/engines/run", { method: "POST", key, headers: { "x-request-id": requestId }, body: { engine: "underwriting" } });
    expect(response.status).toBe(200);
    const { runId } = (await response.json()) as { runId: string };
    expect(await db.engineRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ trigger: "manual", requestId });
    // The run's audit row names the same request.
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "engine.run_now" }, orderBy: { createdAt: "desc" } })).toMatchObject({ requestId });
  });

  it("onto the engine run an event starts, in the embedded runner and in the Inngest function", async () => {
    const request = { tenantId, engine: "email-intake", trigger: "event" };
    await scheduleJobs(prisma(), [{ id: "trace-run-job", kind: `event:${EVENTS.engineRunRequested}`, tenantId, payload: { ...request, requestId: "trace-runner-0001" }, runAt: new Date(), maxAttempts: 1 }]);
    await runDueJobs({ prisma: prisma(), send: sendThroughOutbound, now: () => new Date(Date.now() + 2_000) });
    expect(await db.engineRun.findFirst({ where: { engine: "email-intake", requestId: "trace-runner-0001" } })).not.toBeNull();

    await new InngestTestEngine({
      function: engineRunFunction,
      events: [{ name: EVENTS.engineRunRequested, data: { ...request, requestId: "trace-inngest-0001" } }],
      steps: [{ id: "run-finished", handler: () => ({ ids: ["finished"] }) }],
    }).execute();
    expect(await db.engineRun.findFirst({ where: { engine: "email-intake", requestId: "trace-inngest-0001" } })).not.toBeNull();
  });

  it("into every Inngest function and step run for an event that carries one", async () => {
    const probe = inngest.createFunction({ id: "request-id-under-test", triggers: [{ event: "test/request-id.probed" }] }, async ({ step }) => ({
      handler: currentRequestId() ?? null,
      step: await step.run("read-request-id", () => currentRequestId() ?? null),
    }));
    const { result } = await new InngestTestEngine({ function: probe, events: [{ name: "test/request-id.probed", data: { tenantId, requestId: "trace-step-0001" } }] }).execute();
    expect(result).toEqual({ handler: "trace-step-0001", step: "trace-step-0001" });
  });
});
