import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as compareRoute } from "@/app/api/v1/laboratory/experiments/[experimentId]/compare/route";
import { POST as promoteRoute } from "@/app/api/v1/laboratory/experiments/[experimentId]/promote/route";
import { POST as runRoute } from "@/app/api/v1/laboratory/experiments/[experimentId]/run/route";
import { POST as createRoute } from "@/app/api/v1/laboratory/experiments/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { delegateName, tenantOwnedModels } from "@/lib/db/models";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { assertMayPromote, compareExperiment, createExperiment, laboratoryDrafter, promoteExperiment, runExperiment } from "@/lib/laboratory/service";
import { metrics } from "@/lib/observability/metrics";
import { refusingSkipTracer } from "@/lib/providers/skiptrace/refusing";
import { recordSignals } from "@/lib/signals/service";
import { DEFAULT_INTENT_CONFIG } from "@/lib/signals/settings-schema";
import { getIntentSettings, saveIntentSettings } from "@/lib/signals/settings";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let ownerId: string;
let adminId: string;
const now = new Date("2026-12-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const tenant = await provisionTenant(database.prisma, { slug: "lab-a", name: "Lab A", timeZone: "America/Chicago", country: "US" }, [
    { email: "owner@lab.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" },
    { email: "admin@lab.test", name: "Adam Admin", password: "a-long-password-1", role: "admin" },
  ]);
  db = scopeToTenant(database.prisma, tenant.id);
  ownerId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "owner@lab.test" } })).id;
  adminId = (await database.prisma.user.findUniqueOrThrow({ where: { email: "admin@lab.test" } })).id;
  const deal = (name: string, email: string | null) =>
    database.prisma.deal.create({ data: { tenantId: tenant.id, source: "MANUAL", addressKey: `k-${name}`, raw: {}, street: `${name.length} Oak St`, city: "Houston", region: "TX", contactName: name, contactEmail: email } });
  // Warm: 42 points (under production's 70, over the experiment's 40). Hot: 72, over both.
  // Cold-no-consent: 42 but never opted in to email. Quiet: 5 points.
  for (const [name, email] of [["Wanda Warm", "wanda@example.test"], ["Harry Hot", "harry@example.test"], ["Nora Noconsent", "nora@example.test"], ["Quinn Quiet", "quinn@example.test"]] as const) {
    ids[name] = (await deal(name, email)).id;
  }
  for (const address of ["wanda@example.test", "harry@example.test", "quinn@example.test"]) {
    await database.prisma.contactConsent.create({ data: { tenantId: tenant.id, channel: "EMAIL", address, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "test" } });
  }
  const at = hoursAgo(48);
  const lead = (name: string) => ({ kind: "lead" as const, dealId: ids[name]! });
  await recordSignals(
    db,
    [
      { subject: lead("Wanda Warm"), type: "sms_reply", source: "sms", occurredAt: at, dedupeKey: "w1" },
      { subject: lead("Wanda Warm"), type: "email_click", source: "sendgrid", occurredAt: at, dedupeKey: "w2" },
      { subject: lead("Harry Hot"), type: "sms_reply", source: "sms", occurredAt: at, dedupeKey: "h1" },
      { subject: lead("Harry Hot"), type: "email_reply", source: "email", occurredAt: at, dedupeKey: "h2" },
      { subject: lead("Harry Hot"), type: "email_click", source: "sendgrid", occurredAt: at, dedupeKey: "h3" },
      { subject: lead("Nora Noconsent"), type: "sms_reply", source: "sms", occurredAt: at, dedupeKey: "n1" },
      { subject: lead("Nora Noconsent"), type: "email_click", source: "sendgrid", occurredAt: at, dedupeKey: "n2" },
      { subject: lead("Quinn Quiet"), type: "email_open", source: "sendgrid", occurredAt: at, dedupeKey: "q1" },
      // Outside a 7-day window: ignored by the run.
      { subject: lead("Quinn Quiet"), type: "buyer_offer", source: "demo", occurredAt: hoursAgo(24 * 20), dedupeKey: "q2" },
    ],
    { now },
  );
  // Production is at version 1 before any promotion.
  await saveIntentSettings(db, { ...DEFAULT_INTENT_CONFIG }, { actorId: ownerId, actorEmail: "owner@lab.test", requestId: undefined });
  // The humans' past decisions in the window: Harry's draft was sent, Wanda's rejected; Quinn's sent.
  const draft = (name: string, status: "SENT" | "REJECTED") =>
    database.prisma.emailDraft.create({
      data: { tenantId: tenant.id, dealId: ids[name], status, toAddress: "x@example.test", subject: "Hi", body: "Hello", proposedSubject: "Hi", proposedBody: "Hello", reasoning: {}, confidence: 0.5, intentScore: 75, drafter: "template", settingsVersion: 1, createdAt: hoursAgo(40) },
    });
  await draft("Harry Hot", "SENT");
  await draft("Wanda Warm", "REJECTED");
  await draft("Quinn Quiet", "SENT");
});
afterAll(() => database.close());
afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

const actor = () => ({ actorId: ownerId, actorEmail: "owner@lab.test", requestId: "req-lab" });
const lowerThreshold = { ...DEFAULT_INTENT_CONFIG, highIntentThreshold: 40, drafting: { ...DEFAULT_INTENT_CONFIG.drafting, prompt: "A different prompt for a language model" } };

type Delegate = { findMany(args: unknown): Promise<unknown[]> };

/** Every row of every tenant-owned table but the laboratory's, in a stable order. */
async function productionSnapshot(): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  const client = database.prisma as unknown as Record<string, Delegate>;
  for (const model of tenantOwnedModels(database.prisma)) {
    if (model.startsWith("Lab")) continue;
    snapshot[model] = await client[delegateName(model)]!.findMany({ orderBy: { id: "asc" } });
  }
  return snapshot;
}

/** Replaces every way out of the process with a function that records the attempt and throws. */
function forbidNetwork(): string[] {
  const attempts: string[] = [];
  const refuse = (name: string) => (...args: unknown[]) => {
    attempts.push(`${name} ${String(args[0])}`);
    throw new Error(`A laboratory run made a network call: ${name}`);
  };
  vi.spyOn(globalThis, "fetch").mockImplementation(refuse("fetch") as typeof fetch);
  vi.spyOn(http, "request").mockImplementation(refuse("http.request") as typeof http.request);
  vi.spyOn(http, "get").mockImplementation(refuse("http.get") as typeof http.get);
  vi.spyOn(https, "request").mockImplementation(refuse("https.request") as typeof https.request);
  vi.spyOn(https, "get").mockImplementation(refuse("https.get") as typeof https.get);
  // Named imports of node:http(s) see the replacements too.
  syncBuiltinESMExports();
  return attempts;
}

describe("laboratory", () => {
  let experimentId: string;

  it("has a network guard that catches fetch and node http(s) calls", async () => {
    const attempts = forbidNetwork();
    expect(() => fetch("https://example.test/")).toThrow(/network call/);
    const { request } = await import("node:https");
    expect(() => request("https://example.test/")).toThrow(/network call/);
    expect(() => http.get("http://example.test/")).toThrow(/network call/);
    expect(attempts).toHaveLength(3);
  });

  it("runs in shadow: no network call, no production row written or changed, one LabDraft per person", async () => {
    const experiment = await createExperiment(db, { name: "Lower bar", config: lowerThreshold, windowDays: 7 }, actor());
    experimentId = experiment.id;
    const before = await productionSnapshot();
    const settingsBefore = await getIntentSettings(db);
    const attempts = forbidNetwork();

    const { summary } = await runExperiment(db, experimentId, { now, providers: { drafter: laboratoryDrafter, skipTracer: refusingSkipTracer } });

    expect(attempts).toEqual([]);
    vi.restoreAllMocks();
    syncBuiltinESMExports();
    expect(await productionSnapshot()).toEqual(before);
    expect(await getIntentSettings(db)).toEqual(settingsBefore);
    expect(summary).toMatchObject({ considered: 4, labProposed: 2, productionProposed: 1, productionVersion: 1, labThreshold: 40, productionThreshold: 70, drafter: "template" });
    expect(summary.notes.join(" ")).toMatch(/prompt differs.*templates/);
    const labDrafts = await db.labDraft.findMany();
    expect(labDrafts).toHaveLength(4);
    const wanda = labDrafts.find((d) => d.dealId === ids["Wanda Warm"])!;
    expect(wanda).toMatchObject({ labScore: 42, productionScore: 42, labWouldDraft: true, prodWouldDraft: false });
    expect(wanda.subject).toContain("Oak St");
    expect(wanda.body).toContain("{{unsubscribe_link}}");
    expect(wanda.confidence).toBeGreaterThan(0);
    const nora = labDrafts.find((d) => d.dealId === ids["Nora Noconsent"])!;
    expect(nora).toMatchObject({ labScore: 42, labWouldDraft: false, prodWouldDraft: false, subject: null });
    expect((await db.labExperiment.findFirstOrThrow({ where: { id: experimentId } })).status).toBe("RAN");
  });

  it("refuses a drafter other than the template drafter, before reading anything", async () => {
    const experiment = await createExperiment(db, { name: "Model", config: lowerThreshold, windowDays: 7 }, actor());
    const llm = { name: "openai:gpt-4o-mini", draft: () => Promise.reject(new Error("must not be called")) };
    await expect(runExperiment(db, experiment.id, { now, providers: { drafter: llm, skipTracer: refusingSkipTracer } })).rejects.toThrow(/templates only/);
    expect(await db.labRun.count({ where: { experimentId: experiment.id } })).toBe(0);
  });

  it("compares with production and the humans' decisions, naming the people", async () => {
    const { comparison, wouldBeDrafts } = await compareExperiment(db, experimentId);
    expect(comparison!.overlap.both.map((p) => p.name)).toEqual(["Harry Hot (9 Oak St, Houston)"]);
    expect(comparison!.overlap.labOnly.map((p) => p.name)).toEqual(["Wanda Warm (10 Oak St, Houston)"]);
    expect(comparison!.lab.rejectedProposed.map((p) => p.name)).toEqual(["Wanda Warm (10 Oak St, Houston)"]);
    expect(comparison!.lab.approvedMissed.map((p) => p.name)).toEqual(["Quinn Quiet (11 Oak St, Houston)"]);
    expect(comparison!.production.rejectedProposedCount).toBe(0);
    expect(comparison!.decisions).toEqual({ approved: 2, rejected: 1 });
    expect(comparison!.distribution.find((b) => b.label === "40-49")).toMatchObject({ lab: 2, production: 2 });
    expect(wouldBeDrafts.map((d) => d.name).sort()).toEqual(["Harry Hot (9 Oak St, Houston)", "Wanda Warm (10 Oak St, Houston)"]);
  });

  it("promotes only with an owner, as version N+1, audited, in one transaction with the experiment", async () => {
    await expect(assertMayPromote(db, adminId)).rejects.toThrow(/Only an owner/);
    await expect(promoteExperiment(db, experimentId, { ...actor(), actorId: null })).rejects.toThrow(/needs an owner/);
    const { version } = await promoteExperiment(db, experimentId, actor());
    expect(version).toBe(2);
    const settings = await getIntentSettings(db);
    expect(settings).toMatchObject({ version: 2, source: "laboratory", highIntentThreshold: 40 });
    const row = await db.intentSettingsVersion.findFirstOrThrow({ where: { version: 2 } });
    expect(row).toMatchObject({ experimentId, createdById: ownerId });
    expect(await db.labExperiment.findFirstOrThrow({ where: { id: experimentId } })).toMatchObject({ status: "PROMOTED", promotedVersion: 2, promotedById: ownerId });
    const audit = await db.auditEvent.findMany({ where: { entityId: { in: [experimentId, row.id] } }, select: { action: true, actorId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "laboratory.experiment.promoted", actorId: ownerId }, { action: "intent-settings.promoted", actorId: ownerId }]));
    await expect(promoteExperiment(db, experimentId, actor())).rejects.toThrow(/already promoted/);
  });

  it("keeps laboratory_experiments_active current", async () => {
    const gauge = await metrics().laboratoryExperimentsActive.get();
    expect(gauge.values[0]?.value).toBe(await db.labExperiment.count({ where: { status: { in: ["DRAFT", "RAN"] } } }));
  });
});

describe("laboratory API v1", () => {
  let writeKey: string;
  let readKey: string;
  let ownerKey: string;
  let adminKey: string;
  const ctx = { actorId: null, actorEmail: "test", requestId: "req-lab-api" };

  beforeAll(async () => {
    writeKey = (await createApiKey(db, { name: "lab", scopes: ["laboratory:read", "laboratory:write"] }, ctx)).key;
    readKey = (await createApiKey(db, { name: "reader", scopes: ["laboratory:read"] }, ctx)).key;
    const bound = async (userId: string) =>
      (await createApiKey(db, { name: "bound", scopes: ["laboratory:read", "laboratory:write"], bindToUser: true }, { ...ctx, actorId: userId })).key;
    ownerKey = await bound(ownerId);
    adminKey = await bound(adminId);
  });

  const path = "/api/v1/laboratory/experiments";
  const body = { name: "API experiment", config: lowerThreshold, windowDays: 30 };

  it("answers 401 without a key, 403 without the scope, 422 naming a bad config field", async () => {
    expect((await callRoute(createRoute, path, { method: "POST", body })).status).toBe(401);
    expect((await callRoute(createRoute, path, { key: readKey, method: "POST", body })).status).toBe(403);
    const bad = await callRoute(createRoute, path, { key: writeKey, method: "POST", body: { ...body, config: { ...lowerThreshold, weights: { ...lowerThreshold.weights, sms_reply: -1 } } } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain("config.weights.sms_reply");
  });

  it("creates, runs, compares, and promotes only with a key bound to an owner", async () => {
    const created = await callRoute(createRoute, path, { key: writeKey, method: "POST", body });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const params = { experimentId: id };
    expect((await callRoute(runRoute, `${path}/${id}/run`, { key: readKey, method: "POST", params })).status).toBe(403);
    const ran = await callRoute(runRoute, `${path}/${id}/run`, { key: writeKey, method: "POST", params });
    expect(ran.status).toBe(200);
    const compared = await callRoute(compareRoute, `${path}/${id}/compare`, { key: readKey, params });
    expect(compared.status).toBe(200);
    expect(((await compared.json()) as { comparison: { considered: number } }).comparison.considered).toBeGreaterThan(0);

    const unbound = await callRoute(promoteRoute, `${path}/${id}/promote`, { key: writeKey, method: "POST", params });
    expect(unbound.status).toBe(403);
    expect(((await unbound.json()) as { error: string }).error).toMatch(/bound to an owner/);
    const byAdmin = await callRoute(promoteRoute, `${path}/${id}/promote`, { key: adminKey, method: "POST", params });
    expect(byAdmin.status).toBe(403);
    expect(((await byAdmin.json()) as { error: string }).error).toMatch(/Only an owner/);
    const versionBefore = (await getIntentSettings(db)).version;
    const byOwner = await callRoute(promoteRoute, `${path}/${id}/promote`, { key: ownerKey, method: "POST", params });
    expect(byOwner.status).toBe(200);
    expect(await byOwner.json()).toEqual({ version: versionBefore + 1 });
    expect(await db.auditEvent.count({ where: { action: "laboratory.experiment.promoted", entityId: id, actorId: ownerId } })).toBe(1);
  });

  it("answers 404 for an experiment of no one", async () => {
    expect((await callRoute(compareRoute, `${path}/nope/compare`, { key: readKey, params: { experimentId: "nope" } })).status).toBe(404);
  });
});
