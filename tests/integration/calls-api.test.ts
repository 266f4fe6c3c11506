import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as startRoute } from "@/app/api/v1/calls/route";
import { POST as logRoute } from "@/app/api/v1/calls/[callId]/log/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { useDatabase, type Database } from "@/lib/db/client";
import type { TenantDb } from "@/lib/db/tenant";
import { upsertMarketPolicy } from "@/lib/policy";
import { callRoute } from "../helpers/api";
import { twoWorkspacesWithKeys } from "../helpers/api-tenants";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let readKey: string;
let writeKey: string;
let otherKey: string;
let dealId: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-calls-api" };

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  ({ db, readKey, writeKey, otherKey } = await twoWorkspacesWithKeys(database, "callapi", { read: "calls:read", write: "calls:write" }));
  // Calls allowed around the clock, so the test does not depend on the hour it runs at.
  const rules = { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS" as const, "CALL" as const], minLeadScore: 0 };
  await upsertMarketPolicy(db, { region: "TX", market: "HOUSTON", enabled: true, rules, reason: "Test market" }, ctx);
  const deal = await db.deal.create({
    data: { source: "API", addressKey: "CALL-API-1", raw: {}, street: "9 Pine St", city: "Houston", region: "TX", market: "HOUSTON", postalCode: "77002", contactPhone: "+17135550142", timeZone: "America/Chicago", score: 80 },
  });
  dealId = deal.id;
});
afterAll(() => database.close());

describe("calls API", () => {
  it("starts a call with calls:write, logs it, and lists it with calls:read", async () => {
    const start = (body: unknown, key = writeKey) => callRoute(startRoute, "/api/v1/calls", { key, method: "POST", body });
    expect((await start({ dealId }, readKey)).status).toBe(403);
    const neither = await start({});
    expect(neither.status).toBe(422);
    expect(((await neither.json()) as { issues: { path: string }[] }).issues[0].path).toBe("dealId");
    expect((await start({ dealId }, otherKey)).status).toBe(404);

    const started = await start({ dealId });
    expect(started.status).toBe(201);
    const placed = (await started.json()) as { status: string; provider: string; call: { id: string; status: string; toNumber: string } };
    expect(placed).toMatchObject({ status: "PLACED", provider: "local", call: { status: "IN_PROGRESS", toNumber: "+17135550142" } });

    const log = (body: unknown, id = placed.call.id, key = writeKey) => callRoute(logRoute, `/api/v1/calls/${id}/log`, { key, method: "POST", body, params: { callId: id } });
    const bad = await log({ outcome: "maybe" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0].path).toBe("outcome");
    expect((await log({ outcome: "no_answer" }, placed.call.id, otherKey)).status).toBe(404);
    const logged = await log({ outcome: "left_voicemail", durationSeconds: 41, notes: "Voicemail" });
    expect(logged.status).toBe(200);
    expect(await logged.json()).toMatchObject({ call: { status: "COMPLETED", outcome: "left_voicemail", durationSeconds: 41 } });
    expect((await log({ outcome: "no_answer" })).status).toBe(409);

    const listed = await callRoute(listRoute, `/api/v1/calls?dealId=${dealId}`, { key: readKey });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { calls: { id: string; outcome: string }[] }).calls).toEqual([expect.objectContaining({ id: placed.call.id, outcome: "left_voicemail" })]);
  });

  it("documents the operations with their scopes", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/calls", "/api/v1/calls/{callId}/log"]));
  });
});
