import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as startLadder } from "@/app/api/v1/followups/ladder/route";
import { GET as dueTasks } from "@/app/api/v1/followups/due/route";
import { GET as sla } from "@/app/api/v1/followups/sla/route";
import { POST as completeTask } from "@/app/api/v1/followups/tasks/[id]/complete/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { seedMarketPolicies } from "@/lib/policy";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let readKey: string;
let writeKey: string;
let otherKey: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-api" };

const call = callRoute;

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const a = await database.prisma.tenant.create({ data: { slug: "api-a", name: "API A", timeZone: "America/Toronto", country: "CA" } });
  const b = await database.prisma.tenant.create({ data: { slug: "api-b", name: "API B", timeZone: "America/Toronto", country: "CA" } });
  db = scopeToTenant(database.prisma, a.id);
  await seedMarketPolicies(db, null);
  readKey = (await createApiKey(db, { name: "dialer", scopes: ["followups:read"] }, ctx)).key;
  writeKey = (await createApiKey(db, { name: "crm", scopes: ["followups:read", "followups:write"] }, ctx)).key;
  otherKey = (await createApiKey(scopeToTenant(database.prisma, b.id), { name: "other", scopes: ["followups:read", "followups:write"] }, ctx)).key;
});
afterAll(() => database.close());

describe("/api/v1/followups", () => {
  it("refuses without a key (401) and with the wrong scope (403)", async () => {
    expect((await call(dueTasks, "/api/v1/followups/due")).status).toBe(401);
    expect((await call(sla, "/api/v1/followups/sla", { key: "dfk_nope" })).status).toBe(401);
    const forbidden = await call(startLadder, "/api/v1/followups/ladder", { key: readKey, method: "POST", body: { dealId: "x" } });
    expect(forbidden.status).toBe(403);
  });

  it("answers 422 with the field for a bad body, 400 for a bad query", async () => {
    const bad = await call(startLadder, "/api/v1/followups/ladder", { key: writeKey, method: "POST", body: { dealId: "" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues[0]).toMatchObject({ path: "dealId" });
    const task = await call(completeTask, "/api/v1/followups/tasks/t1/complete", { key: writeKey, method: "POST", body: { outcome: "great" }, params: { id: "t1" } });
    expect(task.status).toBe(422);
    expect((await call(dueTasks, "/api/v1/followups/due?limit=9999", { key: readKey })).status).toBe(400);
  });

  it("creates a ladder for a lead, lists its due call, completes it, and the SLA counts it", async () => {
    const deal = await db.deal.create({
      data: { source: "API", addressKey: "API-1", raw: {}, region: "ON", market: "TORONTO", timeZone: "America/Toronto", score: 90, contactPhone: "+14165550111" } as never,
    });
    const created = await call(startLadder, "/api/v1/followups/ladder", { key: writeKey, method: "POST", body: { dealId: deal.id } });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.tasks.map((t: { channel: string }) => t.channel)).toEqual(["SMS", "CALL", "SMS", "CALL", "SMS", "CALL"]);
    const again = await call(startLadder, "/api/v1/followups/ladder", { key: writeKey, method: "POST", body: { dealId: deal.id } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false, ladderId: body.ladderId });
    expect((await call(startLadder, "/api/v1/followups/ladder", { key: otherKey, method: "POST", body: { dealId: deal.id } })).status).toBe(404);

    const task = await db.followUpTask.create({ data: { dealId: deal.id, ladderId: body.ladderId, step: 2, channel: "CALL", dueAt: new Date(Date.now() - 10 * 60_000) } as never });
    const due = await (await call(dueTasks, "/api/v1/followups/due?limit=5", { key: readKey })).json();
    expect(due).toEqual([expect.objectContaining({ id: task.id, channel: "CALL", step: 2, deal_id: deal.id, market: "TORONTO" })]);
    expect(await (await call(dueTasks, "/api/v1/followups/due", { key: otherKey })).json()).toEqual([]);

    const foreign = await call(completeTask, `/api/v1/followups/tasks/${task.id}/complete`, { key: otherKey, method: "POST", body: { outcome: "no_answer" }, params: { id: task.id } });
    expect(foreign.status).toBe(404);
    // Confirmed, so the call may be logged whatever the lead's hour when the test runs.
    const body2 = { outcome: "talked_interested", outsideHoursConfirmed: true };
    const done = await call(completeTask, `/api/v1/followups/tasks/${task.id}/complete`, { key: writeKey, method: "POST", body: body2, params: { id: task.id } });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "DONE", outcome: "talked_interested" });

    const snapshot = await (await call(sla, "/api/v1/followups/sla", { key: readKey })).json();
    expect(snapshot).toMatchObject({ count: 1, completed: 1, within30m: 1, within2h: 1 });
  });
});
