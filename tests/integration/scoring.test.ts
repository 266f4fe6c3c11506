import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getScoreRoute } from "@/app/api/v1/deals/[dealId]/score/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { editDeal } from "@/lib/deals/edit";
import { ENGINES } from "@/lib/engines/registry";
import { intakeDeals } from "@/lib/intake/service";
import { DealInput } from "@/lib/intake/schema";
import { random } from "@/lib/demo/deals";
import { reassessDeals } from "@/lib/scoring/assess";
import { activeScoringModel, fitScoringModel, listScoringModels, MIN_OUTCOMES, promoteScoringModel } from "@/lib/scoring/models";
import { getDealScore } from "@/lib/scoring/read";
import { scoreLead } from "@/lib/scoring/score";
import type { ScoreContribution } from "@/lib/scoring/types";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-scoring" };
const owner = { ...ctx, actorEmail: "own@score.test", role: "owner" as const };
const admin = { ...ctx, actorEmail: "adm@score.test", role: "admin" as const };
const deal = (fields: Record<string, unknown>) => DealInput.parse({ city: "Memphis", region: "TN", postalCode: "38104", ...fields });
const sum = (contributions: ScoreContribution[]) => contributions.reduce((total, c) => total + c.points, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const member = (email: string, role: "owner" | "admin") => ({ email, name: email, password: "a-long-password-1", role });
  const a = await provisionTenant(database.prisma, { slug: "score-a", name: "A", timeZone: "America/Chicago", country: "US" }, [member("own@score.test", "owner"), member("adm@score.test", "admin")]);
  const b = await provisionTenant(database.prisma, { slug: "score-b", name: "B", timeZone: "America/Chicago", country: "US" }, [member("own@score-b.test", "owner")]);
  db = scopeToTenant(database.prisma, a.id);
  other = scopeToTenant(database.prisma, b.id);
  await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "go live" }, ctx);
});
afterAll(() => database.close());

let motivatedId: string;

describe("scoring at intake and on edit", () => {
  it("scores every deal it takes in with the points table and keeps the CSV's score as the source score", async () => {
    const report = await intakeDeals(
      db,
      [
        {
          deal: deal({ street: "10 Probate Way", askingPrice: 80_000, arv: 200_000, repairs: 20_000, score: 12, contactPhone: "+19015550101" }),
          raw: { notes: "Probate sale, the house is vacant" },
          consent: { given: true, source: "list vendor" },
        },
        { deal: deal({ street: "11 Plain St", score: 99 }), raw: {} },
      ],
      { source: "CSV" },
    );
    expect(report.created).toHaveLength(2);
    const [motivated, plain] = await Promise.all(report.created.map((c) => db.deal.findUniqueOrThrow({ where: { id: c.id } })));
    motivatedId = motivated.id;
    // MAO 200k x 0.7 - 20k - 2.5k = 117.5k; spread 37.5k; ratio 0.1875.
    const expected = scoreLead({
      spreadRatio: motivated.spreadRatio, motivationWords: ["probate", "vacant"], repairsRatio: 0.1, daysSinceIntake: 0, listCount: motivated.listCount,
      hasPhone: true, hasEmail: false, hasConsent: true, marketRank: null, source: "CSV", qualityFlagCount: 0,
    });
    expect(motivated).toMatchObject({ sourceScore: 12, score: expected.score, scoreModel: "points-v1", scoreConfidence: "high" });
    expect(motivated.score).toBeGreaterThan(65);
    expect(motivated.scoredAt).toBeInstanceOf(Date);
    expect(motivated.scoreContributions).toEqual(expected.contributions);
    expect(plain).toMatchObject({ sourceScore: 99, scoreModel: "points-v1" });
    expect(plain.score).toBeLessThan(65);
    expect(sum(plain.scoreContributions as unknown as ScoreContribution[])).toBe(plain.score);
    expect(plain.scoreConfidence).toBe("low");
  });

  it("writes data-quality flags with their reasons and lowers the confidence", async () => {
    const report = await intakeDeals(db, [{ deal: deal({ street: "12 Wreck Rd", askingPrice: 50_000, arv: 100_000, repairs: 150_000, contactPhone: "+19015550102" }), raw: {} }], { source: "API" });
    const stored = await db.deal.findUniqueOrThrow({ where: { id: report.created[0].id } });
    expect(stored.qualityFlags).toContain("repairs_above_arv");
    expect((stored.qualityIssues as { code: string; reason: string }[]).find((i) => i.code === "repairs_above_arv")?.reason).toBeTruthy();
    expect(stored.scoreConfidence).not.toBe("high");
  });

  it("scores a deal again when an edit changes its inputs; a typed score is the source's", async () => {
    const before = await db.deal.findUniqueOrThrow({ where: { id: motivatedId } });
    await editDeal(db, ctx, motivatedId, { contactEmail: "seller@example.com", score: 40 });
    const after = await db.deal.findUniqueOrThrow({ where: { id: motivatedId } });
    expect(after.sourceScore).toBe(40);
    // An email is worth +2 under the points table.
    expect(after.score).toBe(before.score! + 2);
    const view = await getDealScore(db, motivatedId);
    expect(view).toMatchObject({ score: after.score, sourceScore: 40, modelLabel: "points table", confidence: "high" });
    expect(view.contributions.find((c) => c.feature === "contactability")?.detail).toBe("phone, email, opt-in");

    // A price that no longer pencils out takes the equity points away.
    await editDeal(db, ctx, motivatedId, { askingPrice: 190_000 });
    const repriced = await db.deal.findUniqueOrThrow({ where: { id: motivatedId } });
    expect(repriced.score!).toBeLessThan(after.score!);
    expect((repriced.scoreContributions as unknown as ScoreContribution[]).find((c) => c.feature === "equity")!.points).toBeLessThan(0);
  });

  it("reads no deal of another workspace", async () => {
    await expect(getDealScore(other, motivatedId)).rejects.toMatchObject({ code: "not_found" });
  });
});

/** Decided deals whose outcome follows their spread and contactability, with noise: a learnable workspace. */
async function addDecidedDeals(count: number, seed: number) {
  const next = random(seed);
  const rows = Array.from({ length: count }, (_, i) => {
    const spreadRatio = Math.round((next() * 0.6 - 0.2) * 1000) / 1000;
    const phone = next() < 0.6;
    const signal = spreadRatio * 6 + (phone ? 0.8 : -0.8) + (next() - 0.5) * 2;
    return {
      source: "CSV" as const,
      addressKey: `DECIDED-${seed}-${i}`,
      street: `${i} Outcome St`,
      raw: {},
      spreadRatio,
      contactPhone: phone ? `+1901555${String(1000 + i).padStart(4, "0")}` : null,
      status: signal > 0.6 ? ("CLOSED" as const) : ("DEAD" as const),
      statusChangedAt: new Date("2026-11-01T00:00:00Z"),
    };
  });
  await db.deal.createMany({ data: rows as never });
}

describe("fitting and promoting a learned model", () => {
  it("refuses to fit below 200 decided outcomes", async () => {
    await addDecidedDeals(150, 1);
    expect(await fitScoringModel(db, ctx)).toEqual({ skipped: "too_few_outcomes", outcomes: 150 });
    expect(await db.scoringModel.count()).toBe(0);
  });

  it("proposes a model from 200 or more outcomes, measured on the held-out fifth, audited", async () => {
    await addDecidedDeals(250, 2);
    const result = await fitScoringModel(db, ctx, { now: new Date("2026-12-01T00:00:00Z") });
    if (!("model" in result)) throw new Error("expected a model");
    expect(result.model.version).toBe(1);
    expect(result.model.metrics.auc).toBeGreaterThan(0.7);
    expect(result.model.metrics.trainCount + result.model.metrics.testCount).toBe(400);
    expect(result.model.metrics.testCount).toBeGreaterThan(50);
    const [stored] = await listScoringModels(db);
    expect(stored).toMatchObject({ version: 1, status: "PROPOSED", outcomes: 400 });
    expect(await db.auditEvent.count({ where: { action: "scoring_model.proposed", entityId: result.model.id } })).toBe(1);
    // Proposed is not in use: the points table still scores.
    expect((await activeScoringModel(db)).name).toBe("points-v1");
  });

  it("lets only an owner promote; the promotion is audited, retires the previous model and rescores every live deal", async () => {
    const [first] = await listScoringModels(db);
    await expect(promoteScoringModel(db, first.id, admin)).rejects.toMatchObject({ code: "forbidden" });
    expect((await listScoringModels(db))[0].status).toBe("PROPOSED");

    const promoted = await promoteScoringModel(db, first.id, owner, { now: new Date("2026-12-02T00:00:00Z") });
    expect(promoted).toMatchObject({ model: { version: 1, status: "ACTIVE" }, retired: null });
    const live = await db.deal.count({ where: { deletedAt: null } });
    expect(promoted.rescored).toBe(live);
    expect(await db.deal.count({ where: { scoreModel: "learned-1" } })).toBe(live);
    const view = await getDealScore(db, motivatedId);
    expect(view.modelLabel).toBe(`learned from your 400 outcomes, AUC ${first.metrics.auc.toFixed(2)}`);
    expect(sum(view.contributions)).toBe(view.score);

    // A second fit, promoted, retires the first.
    const second = await fitScoringModel(db, ctx);
    if (!("model" in second)) throw new Error("expected a model");
    const again = await promoteScoringModel(db, second.model.id, owner);
    expect(again.retired).toBe(1);
    const statuses = Object.fromEntries((await listScoringModels(db)).map((m) => [m.version, m.status]));
    expect(statuses).toEqual({ 1: "RETIRED", 2: "ACTIVE" });
    expect(await db.deal.count({ where: { scoreModel: "learned-2" } })).toBe(live);
    const audits = await db.auditEvent.findMany({ where: { action: "scoring_model.promoted" }, orderBy: { createdAt: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[1].after).toMatchObject({ version: 2, retiredVersion: 1 });
    await expect(promoteScoringModel(db, second.model.id, owner)).rejects.toMatchObject({ code: "conflict" });
    // Another workspace cannot see, let alone promote, this one's model.
    await expect(promoteScoringModel(other, second.model.id, owner)).rejects.toMatchObject({ code: "not_found" });
  });

  it("new deals take the active model at intake", async () => {
    const report = await intakeDeals(db, [{ deal: deal({ street: "13 Learned Ln", askingPrice: 60_000, arv: 150_000, repairs: 10_000 }), raw: {} }], { source: "CSV" });
    const stored = await db.deal.findUniqueOrThrow({ where: { id: report.created[0].id } });
    expect(stored.scoreModel).toBe("learned-2");
    expect(sum(stored.scoreContributions as unknown as ScoreContribution[])).toBe(stored.score);
  });
});

describe("the scoring engine", () => {
  it("rescores every live deal and proposes a model only when enough new outcomes came in", async () => {
    const live = await db.deal.count({ where: { deletedAt: null } });
    await db.deal.updateMany({ data: { scoredAt: null } });
    const quiet = await ENGINES.scoring.run(db);
    expect(quiet).toEqual({ outcome: "OK", items: live, details: { decided: 400, proposedVersion: null } });
    expect(await db.deal.count({ where: { scoredAt: null } })).toBe(0);

    await addDecidedDeals(60, 3);
    const busy = await ENGINES.scoring.run(db);
    expect(busy).toMatchObject({ outcome: "OK", details: { decided: 460, proposedVersion: 3 } });
    expect(MIN_OUTCOMES).toBe(200);
  });

  it("writes a batch of a thousand deals and more", async () => {
    await db.deal.createMany({ data: Array.from({ length: 700 }, (_, i) => ({ source: "CSV", addressKey: `BULK-${i}`, street: `${i} Bulk Ave`, raw: {} })) as never });
    const ids = (await db.deal.findMany({ select: { id: true } })).map((d) => d.id);
    // More than one batch of ASSESS_BATCH (1,000) deals.
    expect(ids.length).toBeGreaterThan(1_000);
    await db.deal.updateMany({ data: { score: null, scoreModel: null } });
    await db.$transaction((tx) => reassessDeals(tx, [...ids, ...ids.map((id) => `${id}-missing`)], new Date()));
    expect(await db.deal.count({ where: { score: null } })).toBe(0);
  });
});

describe("GET /api/v1/deals/{dealId}/score", () => {
  it("answers the score with its reasons, and 404 for another workspace's deal", async () => {
    const key = (await createApiKey(db, { name: "score", scopes: ["deals:read"] }, ctx)).key;
    const otherKey = (await createApiKey(other, { name: "other", scopes: [...API_SCOPES] }, ctx)).key;
    const response = await callRoute(getScoreRoute, `/api/v1/deals/${motivatedId}/score`, { key, params: { dealId: motivatedId } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { score: number; sourceScore: number; contributions: ScoreContribution[]; model: string; modelLabel: string };
    expect(body).toMatchObject({ sourceScore: 40, model: "learned-2" });
    expect(sum(body.contributions)).toBe(body.score);
    expect(body.modelLabel).toMatch(/^learned from your 400 outcomes, AUC 0\.\d\d$/);
    const foreign = await callRoute(getScoreRoute, `/api/v1/deals/${motivatedId}/score`, { key: otherKey, params: { dealId: motivatedId } });
    expect(foreign.status).toBe(404);
    expect((await callRoute(getScoreRoute, `/api/v1/deals/${motivatedId}/score`, { params: { dealId: motivatedId } })).status).toBe(401);
  });
});
