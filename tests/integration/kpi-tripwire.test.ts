import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getDetailedHealth } from "@/app/api/health/detailed/route";
import { GET as getMetrics } from "@/app/api/metrics/route";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { HOUR_MS } from "@/lib/kpi/rules";
import { runKpiTripwire } from "@/lib/kpi/tripwire";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { countMessage, metrics } from "@/lib/observability/metrics";
import { activeThrottle, capUnderThrottle } from "@/lib/outbound/throttle";
import { recordHeartbeat, watchHeartbeat } from "@/lib/system/heartbeat";
import { updateTenantSettings } from "@/lib/tenants/settings";
import { provisionTenant } from "@/lib/tenants/provision";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
const now = new Date("2026-03-10T15:30:00Z");
const sink = { sent: [] as string[] };
const alertSink = () => ({ send: async (m: { title: string }) => (sink.sent.push(m.title), { delivered: true }) });

/** 100 sends an hour with `replies` replies, in the hour before `at`. */
async function seedHour(at: Date, replies: number) {
  const createdAt = new Date(at.getTime() - HOUR_MS / 2);
  await db.kpiEvent.createMany({ data: [{ name: "message_sent", count: 100, createdAt }, { name: "message_received", count: replies, createdAt }] });
}

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "kpi-trip", name: "K", timeZone: "America/Chicago", country: "US" }, [
    { email: "o@kpi-trip.test", name: "O", password: "a-long-password-1", role: "owner" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  await updateTenantSettings(db, { discordWebhookUrl: "https://discord.example/hook", kpiAutoThrottle: true });
  for (let day = 1; day <= 7; day += 1) await seedHour(new Date(now.getTime() - day * 24 * HOUR_MS), 30);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await database.close();
});

describe("KPI tripwire", () => {
  it("raises one alert per KPI per hour, in the app and on Discord, and throttles outbound", async () => {
    await seedHour(now, 2);
    const first = await runKpiTripwire(db, { now, alertSink });
    expect(first.breaches).toEqual(["reply_rate"]);
    expect(first.alerted).toEqual(["reply_rate"]);
    expect(first.throttle).toBe("engaged");
    const again = await runKpiTripwire(db, { now: new Date(now.getTime() + 5 * 60_000), alertSink });
    expect(again.alerted).toEqual([]);
    expect(await db.kpiAlert.count()).toBe(1);
    expect(await db.notification.count({ where: { kind: "kpi.breach" } })).toBe(1);
    expect(sink.sent).toHaveLength(1);
    const alert = await db.kpiAlert.findFirstOrThrow();
    expect(alert).toMatchObject({ kpi: "reply_rate", direction: "below", discord: "sent", throttled: true, volume: 100 });
    expect(alert.message).toContain("2.0%");
    expect(await capUnderThrottle(db, 500)).toBe(50);
  });

  it("lifts the throttle once the KPIs are back inside their bands", async () => {
    const later = new Date(now.getTime() + 2 * HOUR_MS);
    await seedHour(later, 31);
    const report = await runKpiTripwire(db, { now: later, alertSink });
    expect(report.breaches).toEqual([]);
    expect(report.throttle).toBe("lifted");
    expect(await activeThrottle(db)).toBeNull();
    expect(await capUnderThrottle(db, 500)).toBe(500);
  });
});

describe("heartbeat", () => {
  it("alerts owners once when the runtime stops beating, and again only after a new beat goes stale", async () => {
    const prisma = database.prisma;
    const beat = new Date("2026-03-10T12:00:00Z");
    await recordHeartbeat(prisma, "embedded", beat);
    expect((await watchHeartbeat(prisma, new Date(beat.getTime() + 10 * 60_000))).alerted).toBe(false);
    const stale = await watchHeartbeat(prisma, new Date(beat.getTime() + 16 * 60_000));
    expect(stale.alerted).toBe(true);
    expect(stale.status.stale).toBe(true);
    expect((await watchHeartbeat(prisma, new Date(beat.getTime() + 30 * 60_000))).alerted).toBe(false);
    expect(await db.notification.count({ where: { kind: "system.heartbeat-stale" } })).toBe(1);
    expect((await metrics().heartbeatStaleAlerts.get()).values[0].value).toBeGreaterThanOrEqual(1);
  });
});

describe("/api/metrics and /api/health/detailed", () => {
  const call = (handler: typeof getMetrics, path: string, headers: Record<string, string>) =>
    handler(new Request(`http://localhost${path}`, { headers }) as never, { params: Promise.resolve({}) });

  it("refuse anyone without the token or a loopback peer; /api/metrics shows the domain counters", async () => {
    vi.stubEnv("METRICS_TOKEN", "metrics-token-0123456789");
    for (const [handler, path] of [[getMetrics, "/api/metrics"], [getDetailedHealth, "/api/health/detailed"]] as const) {
      expect((await call(handler, path, {})).status).toBe(401);
      expect((await call(handler, path, { [PEER_ADDRESS_HEADER]: "203.0.113.9" })).status).toBe(401);
      expect((await call(handler, path, { authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
      expect((await call(handler, path, { authorization: "Bearer wrong", [PEER_ADDRESS_HEADER]: "127.0.0.1" })).status).toBe(401);
      expect([200, 503]).toContain((await call(handler, path, { authorization: "Bearer metrics-token-0123456789" })).status);
      expect([200, 503]).toContain((await call(handler, path, { [PEER_ADDRESS_HEADER]: "::ffff:127.0.0.1" })).status);
    }
    countMessage("SMS", "blocked", "consent");
    const text = await (await call(getMetrics, "/api/metrics", { authorization: "Bearer metrics-token-0123456789" })).text();
    expect(text).toMatch(/dealflow_messages_total\{channel="SMS",outcome="blocked",gate="consent",service="dealflow"\} [1-9]/);
    expect(text).toContain("dealflow_engine_runs_total");
    expect(text).toMatch(/dealflow_heartbeat_age_seconds/);
    const health = await (await call(getDetailedHealth, "/api/health/detailed", { [PEER_ADDRESS_HEADER]: "127.0.0.1" })).json();
    expect(Object.keys(health.checks)).toEqual(expect.arrayContaining(["heartbeat", "providers"]));
    expect(health.checks.providers.providers.map((p: { name: string }) => p.name)).toEqual(["twilio", "sendgrid", "gmail"]);
  });
});
