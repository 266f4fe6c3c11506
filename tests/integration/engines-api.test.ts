import { ENGINE_NAMES } from "@/lib/engines/types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getEngines } from "@/app/api/v1/engines/route";
import { POST as runEngine } from "@/app/api/v1/engines/run/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { enqueueEvents } from "@/lib/events/outbox";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let engineKey: string;
let readKey: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-engines-api" };

beforeAll(async () => {
  // The outbox is read here, not sent: no dispatch after Run now.
  vi.stubEnv("OUTBOX_DISPATCHER", "0");
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "engines-api", name: "E", timeZone: "America/Chicago", country: "US" }, [
    { email: "o@engines-api.test", name: "O", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  engineKey = (await createApiKey(db, { name: "ops", scopes: ["engines:read", "engines:run"] }, ctx)).key;
  readKey = (await createApiKey(db, { name: "reader", scopes: ["engines:read"] }, ctx)).key;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("engines API", () => {
  it("runs an engine with the engines:run scope and lists it with engines:read", async () => {
    expect((await callRoute(runEngine, "/api/v1/engines/run", { method: "POST", key: readKey, body: { engine: "underwriting" } })).status).toBe(403);
    const bad = await callRoute(runEngine, "/api/v1/engines/run", { method: "POST", key: engineKey, body: { engine: "nope" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).issues[0].path).toBe("engine");

    const run = await callRoute(runEngine, "/api/v1/engines/run", { method: "POST", key: engineKey, body: { engine: "underwriting" } });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ engine: "underwriting", outcome: "OK", items: 0 });

    await enqueueEvents(db, [{ name: "lead/created", data: { dealId: "d1" } }]);
    const list = await callRoute(getEngines, "/api/v1/engines", { key: readKey });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { engines: { name: string; status: string; recentRuns: { outcome: string; trigger: string }[] }[]; outbox: { pending: number } };
    expect(body.engines.map((e) => e.name)).toEqual([...ENGINE_NAMES]);
    expect(body.engines[1]).toMatchObject({ status: "idle", recentRuns: [{ outcome: "OK", trigger: "manual" }] });
    expect(body.outbox.pending).toBe(1);
  });
});
