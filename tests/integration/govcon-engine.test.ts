import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { orchestrateEngine, runEngine } from "@/lib/engines/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";
import { startFakeSamGov, type FakeSamGov } from "../helpers/samgov-server";

let database: Database;
let db: TenantDb;
let sam: FakeSamGov;
const saved = { ...process.env };

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await provisionTenant(database.prisma, { slug: "govcon-engine", name: "GovCon Engine", timeZone: "America/New_York", country: "US" }, [
    { email: "owner@govcon-engine.test", name: "Owner", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  await db.govConProfile.create({ data: { naicsCodes: ["236", "238", "5617"], setAsides: ["SBA"] } });
  sam = await startFakeSamGov();
}, 120_000);

afterEach(() => {
  for (const name of ["SAM_GOV_API_KEY", "SAM_GOV_DAILY_BUDGET", "SAM_GOV_API_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

afterAll(async () => {
  await sam?.close();
  await database?.close();
});

describe("the GovCon engine", () => {
  it("syncs the fixture feed without a key and records the run with its figures and window", async () => {
    delete process.env.SAM_GOV_API_KEY;
    const run = await runEngine(db, "govcon", "manual");
    expect(run).toMatchObject({ outcome: "OK", error: null });
    expect(run.items).toBeGreaterThan(0);
    const recorded = await db.engineRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect(recorded.details).toMatchObject({ source: "fixture", requests: expect.any(Number), new: run.items, window: { nextOffset: null } });
    expect(await db.opportunity.count()).toBe(run.items);
  }, 60_000);

  it("records a run refused by SAM.gov as FAILED with SAM.gov's message", async () => {
    process.env.SAM_GOV_API_KEY = "engine-test-key";
    process.env.SAM_GOV_API_URL = sam.baseUrl;
    sam.failWith = { status: 403, body: '{"error":{"code":"API_KEY_INVALID","message":"An invalid api_key was supplied. Get one at https://api.data.gov:443"}}' };
    const run = await runEngine(db, "govcon", "manual");
    expect(run.outcome).toBe("FAILED");
    expect(run.error).toMatch(/SAM\.gov refused the search \(HTTP 403\): An invalid api_key was supplied/);
    expect(run.error).not.toContain("engine-test-key");
    sam.failWith = null;
  });

  it("shortens its interval for a tracked opportunity due within 24 h and says why", async () => {
    delete process.env.SAM_GOV_API_KEY;
    const now = new Date();
    const relaxed = await orchestrateEngine(db, "govcon", now);
    expect(relaxed.intervalSeconds).toBe(6 * 3600);
    expect(relaxed.reason).toMatch(/^Every 6 h: No tracked or pursued opportunity is due within 72 h/);

    const target = await db.opportunity.findFirstOrThrow({ orderBy: { noticeId: "asc" } });
    await db.opportunity.update({ where: { id: target.id }, data: { status: "TRACKING", responseDeadline: new Date(now.getTime() + 20 * 3_600_000) } });
    const urgent = await orchestrateEngine(db, "govcon", now);
    expect(urgent).toMatchObject({ intervalSeconds: 30 * 60 });
    expect(urgent.reason).toBe("Every 30 min: A tracked or pursued opportunity is due in 20 h, within 24 h");
    const state = await db.engineState.findFirstOrThrow({ where: { engine: "govcon" } });
    expect(state.intervalReason).toBe(urgent.reason);
  });
});
