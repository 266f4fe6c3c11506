import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditDigestForTenant } from "@/inngest/functions/audit-digest";
import { engineOrchestrator, engineRun } from "@/inngest/functions/engines";
import { createFollowUpLadder, createLadderStopHandler } from "@/inngest/functions/ladder";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { EVENTS } from "@/lib/events/catalog";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let tenantId: string;
let db: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  tenantId = (await database.prisma.tenant.create({ data: { slug: "malformed", name: "Malformed", timeZone: "UTC", country: "US" } })).id;
  db = scopeToTenant(database.prisma, tenantId);
});
afterAll(() => database.close());

type Fn = ConstructorParameters<typeof InngestTestEngine>[0]["function"];

async function execute(fn: Fn, name: string, data: Record<string, unknown>) {
  const { result, error } = await new InngestTestEngine({ function: fn, events: [{ name, data }] }).execute();
  return { result, error: error as Error | undefined };
}

describe("Inngest functions read their event with the catalog schema", () => {
  it("the audit digest refuses an event without a tenant", async () => {
    const { result, error } = await execute(auditDigestForTenant, EVENTS.auditDigestRequested, {});
    expect(result).toBeUndefined();
    expect(error?.message).toContain("tenantId");
    expect(await database.prisma.notification.count()).toBe(0);
  });

  it("engine runs and the orchestrator refuse events without a tenant or with an unknown engine", async () => {
    for (const [fn, name, data] of [
      [engineRun, EVENTS.engineRunRequested, { engine: "underwriting", trigger: "manual" }],
      [engineRun, EVENTS.engineRunRequested, { tenantId, engine: "mining", trigger: "manual" }],
      [engineOrchestrator, EVENTS.engineRunFinished, { engine: "underwriting", outcome: "OK" }],
      [engineOrchestrator, EVENTS.engineRunFinished, { tenantId, engine: "mining", outcome: "OK" }],
    ] as const) {
      const { result, error } = await execute(fn, name, data);
      expect(result).toBeUndefined();
      expect(error?.name).toBe("ZodError");
    }
    expect(await db.engineRun.count()).toBe(0);
    expect(await db.engineState.count()).toBe(0);
  });

  it("the ladder and its stop handler refuse events without a tenant or a lead, before touching a database", async () => {
    const tenantDb = vi.fn(async () => db);
    const ladder = createFollowUpLadder({ send: vi.fn(), tenantDb });
    const stop = createLadderStopHandler({ tenantDb });
    for (const [fn, name, data] of [
      [ladder, EVENTS.leadCreated, { dealId: "d1" }],
      [ladder, EVENTS.ladderStartRequested, { tenantId }],
      [stop, EVENTS.messageReceived, { dealId: "d1", messageId: "m1", channel: "SMS" }],
      [stop, EVENTS.ladderStopRequested, { tenantId, reason: "manual" }],
      [stop, EVENTS.contactOptedOut, { tenantId, dealId: "d1", channel: "SMS" }],
      [stop, EVENTS.dealStatusChanged, { dealId: "d1", from: "NEW", to: "DEAD", endsLadder: true }],
    ] as const) {
      const { result, error } = await execute(fn, name, data);
      expect(result).toBeUndefined();
      expect(error?.name).toBe("ZodError");
    }
    expect(tenantDb).not.toHaveBeenCalled();
  });
});
