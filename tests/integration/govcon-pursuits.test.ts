import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, PATCH as patchRoute, POST as postRoute } from "@/app/api/v1/govcon/pursuits/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { setOpportunityStatus } from "@/lib/govcon/opportunities";
import { DEFAULT_STAGE_PROBABILITIES, pipelineTotals, resolveStageProbabilities, StageProbabilitiesInput, weightedValueCents } from "@/lib/govcon/pipeline";
import { listPursuitBoard } from "@/lib/govcon/pursuit-board";
import { seedDemoPursuits } from "@/lib/govcon/pursuits-demo";
import { BOARD_NO_BID_REASON, createPursuit, movePursuit, startPursuit, updatePursuit } from "@/lib/govcon/pursuits";
import { loadStageProbabilities, saveStageProbabilities } from "@/lib/govcon/stage-probabilities";
import { callRoute } from "../helpers/api";
import { twoWorkspacesWithKeys } from "../helpers/api-tenants";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let other: TenantDb;
let ownerId: string;
let keys: { readKey: string; writeKey: string; otherKey: string };
let counter = 0;
const actor = () => ({ actorId: ownerId, actorEmail: "owner@pursuits.test", requestId: "req-pursuits" });

async function opportunity(target: TenantDb, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return target.opportunity.create({
    data: {
      noticeId: `notice-${counter}`,
      title: `Roof replacement, Building ${counter}`,
      noticeType: "Solicitation",
      raw: {},
      valueDollars: 400_000,
      responseDeadline: new Date("2027-01-15T17:00:00Z"),
      ...overrides,
    } as never,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const workspaces = await twoWorkspacesWithKeys(database, "pursuits", { read: "govcon:read", write: "govcon:write" });
  db = workspaces.db;
  keys = workspaces;
  const membership = await db.membership.findFirstOrThrow({ where: { role: "owner" } });
  ownerId = membership.userId;
  const otherTenant = await database.prisma.tenant.findFirstOrThrow({ where: { slug: "pursuits-b" } });
  other = scopeToTenant(database.prisma, otherTenant.id);
}, 120_000);
afterAll(() => database.close());

describe("starting a pursuit", () => {
  it("takes title, value and deadline from the opportunity, and a second start returns the same pursuit", async () => {
    const opp = await opportunity(db);
    const first = await startPursuit(db, { opportunityId: opp.id }, actor());
    const again = await startPursuit(db, { opportunityId: opp.id }, actor());
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const pursuits = await db.pursuit.findMany({ where: { opportunityId: opp.id } });
    expect(pursuits).toHaveLength(1);
    expect(pursuits[0]).toMatchObject({ title: opp.title, valueDollars: 400_000, deadline: opp.responseDeadline, stage: "IDENTIFIED", ownerId });
    expect(await db.auditEvent.count({ where: { action: "govcon.pursuit_started", entityId: first.id } })).toBe(1);
  });

  it("pursuing from the opportunity page twice still makes one card, placed at the end of Identified", async () => {
    const opp = await opportunity(db);
    const before = await db.pursuit.aggregate({ where: { stage: "IDENTIFIED" }, _max: { position: true } });
    await setOpportunityStatus(db, { opportunityId: opp.id, status: "PURSUING" }, actor());
    await setOpportunityStatus(db, { opportunityId: opp.id, status: "PURSUING" }, actor());
    const pursuits = await db.pursuit.findMany({ where: { opportunityId: opp.id } });
    expect(pursuits).toHaveLength(1);
    expect(pursuits[0].position).toBeGreaterThan(before._max.position ?? 0);
  });

  it("refuses an opportunity of another workspace", async () => {
    const foreign = await opportunity(other);
    await expect(startPursuit(db, { opportunityId: foreign.id }, actor())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("moving a pursuit", () => {
  it("audits the stage change with before and after, and stamps stageChangedAt", async () => {
    const { id } = await createPursuit(db, { title: "Base housing HVAC", valueDollars: 120_000 }, actor());
    const now = new Date("2026-12-08T15:00:00Z");
    const moved = await movePursuit(db, { pursuitId: id, stage: "CAPTURE" }, actor(), now);
    expect(moved).toMatchObject({ stage: "CAPTURE", changed: true });
    const stored = await db.pursuit.findUniqueOrThrow({ where: { id } });
    expect(stored.stageChangedAt).toEqual(now);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "govcon.pursuit_stage_changed", entityId: id } });
    expect(audit.before).toMatchObject({ stage: "IDENTIFIED" });
    expect(audit.after).toMatchObject({ stage: "CAPTURE", stageChangedAt: now.toISOString() });
    expect(audit.actorId).toBe(ownerId);
  });

  it("places a card after another within the column", async () => {
    const a = await createPursuit(db, { title: "Order A" }, actor());
    const b = await createPursuit(db, { title: "Order B" }, actor());
    const c = await createPursuit(db, { title: "Order C" }, actor());
    for (const p of [a, b]) await movePursuit(db, { pursuitId: p.id, stage: "PROPOSAL" }, actor());
    await movePursuit(db, { pursuitId: c.id, stage: "PROPOSAL", afterId: a.id }, actor());
    const column = (await listPursuitBoard(db)).columns.find((col) => col.stage === "PROPOSAL")!;
    const order = column.cards.map((card) => card.title).filter((t) => t.startsWith("Order"));
    expect(order).toEqual(["Order A", "Order C", "Order B"]);
  });

  it("No bid keeps the card and declines its opportunity with the board's reason; taken back, it is pursued again", async () => {
    const opp = await opportunity(db);
    await setOpportunityStatus(db, { opportunityId: opp.id, status: "PURSUING" }, actor());
    const pursuit = await db.pursuit.findFirstOrThrow({ where: { opportunityId: opp.id } });
    await movePursuit(db, { pursuitId: pursuit.id, stage: "NO_BID" }, actor());
    expect(await db.pursuit.findUniqueOrThrow({ where: { id: pursuit.id } })).toMatchObject({ stage: "NO_BID" });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ status: "NO_BID", noBidReason: BOARD_NO_BID_REASON, noBidById: ownerId });
    await movePursuit(db, { pursuitId: pursuit.id, stage: "QUALIFYING" }, actor());
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ status: "PURSUING", noBidReason: null });
    expect(await db.pursuit.count({ where: { opportunityId: opp.id } })).toBe(1);
  });

  it("Won and Lost keep the card on the board", async () => {
    const won = await createPursuit(db, { title: "Kept when won", valueDollars: 10_000 }, actor());
    await movePursuit(db, { pursuitId: won.id, stage: "WON" }, actor());
    await movePursuit(db, { pursuitId: won.id, stage: "LOST" }, actor());
    const board = await listPursuitBoard(db);
    expect(board.columns.find((c) => c.stage === "LOST")!.cards.map((c) => c.id)).toContain(won.id);
  });
});

describe("weighted pipeline", () => {
  it("per stage and in total follows the pure rule, with the workspace's edits and each pursuit's overrides", async () => {
    const edits = { ...DEFAULT_STAGE_PROBABILITIES, SUBMITTED: { pWin: 0.7, pGo: 1 } };
    await saveStageProbabilities(db, StageProbabilitiesInput.parse(edits), actor());
    expect((await loadStageProbabilities(db)).SUBMITTED).toEqual({ pWin: 0.7, pGo: 1 });
    const overridden = await createPursuit(db, { title: "Override", valueDollars: 200_000 }, actor());
    await movePursuit(db, { pursuitId: overridden.id, stage: "SUBMITTED" }, actor());
    await updatePursuit(db, { pursuitId: overridden.id, pWin: 0.25 }, actor());
    const plain = await createPursuit(db, { title: "Plain", valueDollars: 100_000 }, actor());
    await movePursuit(db, { pursuitId: plain.id, stage: "SUBMITTED" }, actor());

    const board = await listPursuitBoard(db);
    const rows = await db.pursuit.findMany();
    const expected = pipelineTotals(rows, resolveStageProbabilities(edits));
    expect(board.total.weightedCents).toBe(expected.weightedCents);
    expect(board.columns.map((c) => c.weightedCents)).toEqual(expected.stages.map((s) => s.weightedCents));
    const submitted = board.columns.find((c) => c.stage === "SUBMITTED")!;
    expect(submitted.cards.find((c) => c.id === overridden.id)!.weightedValueCents).toBe(5_000_000); // 200,000 x 0.25 x 1
    expect(submitted.cards.find((c) => c.id === plain.id)!.weightedValueCents).toBe(7_000_000); // 100,000 x 0.7 x 1
    expect(weightedValueCents({ stage: "SUBMITTED", valueDollars: 100_000, pWin: null, pGo: null }, board.probabilities)).toBe(7_000_000);

    await updatePursuit(db, { pursuitId: overridden.id, pWin: null }, actor());
    const cleared = (await listPursuitBoard(db)).columns.find((c) => c.stage === "SUBMITTED")!.cards.find((c) => c.id === overridden.id)!;
    expect(cleared.weightedValueCents).toBe(14_000_000);
  });

  it("saving the probabilities creates the profile when there is none and audits the change", async () => {
    const tenant = await database.prisma.tenant.create({ data: { slug: "pursuits-fresh", name: "Fresh" } });
    const fresh = scopeToTenant(database.prisma, tenant.id);
    await saveStageProbabilities(fresh, StageProbabilitiesInput.parse({ ...DEFAULT_STAGE_PROBABILITIES, CAPTURE: { pWin: 0.35, pGo: 0.8 } }), actor());
    const profile = await fresh.govConProfile.findFirstOrThrow();
    expect(profile.stageProbabilities).toEqual({ CAPTURE: { pWin: 0.35 } });
    expect(profile.prepDays).toBe(14);
    expect(await fresh.auditEvent.count({ where: { action: "govcon.stage_probabilities_changed" } })).toBe(1);
  });

  it("refuses an owner who is not a member, naming ownerId", async () => {
    const { id } = await createPursuit(db, { title: "Owner check" }, actor());
    await expect(updatePursuit(db, { pursuitId: id, ownerId: "someone-else" }, actor())).rejects.toMatchObject({ code: "invalid", field: "ownerId" });
  });
});

describe("pursuits API v1", () => {
  const list = (key = keys.readKey) => callRoute(listRoute, "/api/v1/govcon/pursuits", { key });
  const post = (body: unknown, key = keys.writeKey) => callRoute(postRoute, "/api/v1/govcon/pursuits", { key, method: "POST", body });
  const patch = (body: unknown, key = keys.writeKey) => callRoute(patchRoute, "/api/v1/govcon/pursuits", { key, method: "PATCH", body });
  type Issues = { issues: { path: string }[] };

  it("lists the board with stage totals that add up to the total", async () => {
    const response = await list();
    expect(response.status).toBe(200);
    const body = (await response.json()) as { stages: { stage: string; weightedValueDollars: number }[]; total: { weightedValueDollars: number }; pursuits: { id: string }[] };
    expect(body.stages.map((s) => s.stage)).toEqual(["IDENTIFIED", "QUALIFYING", "CAPTURE", "PROPOSAL", "SUBMITTED", "WON", "LOST", "NO_BID"]);
    const sum = body.stages.reduce((total, s) => total + Math.round(s.weightedValueDollars * 100), 0);
    expect(Math.round(body.total.weightedValueDollars * 100)).toBe(sum);
    expect(body.pursuits.length).toBeGreaterThan(0);
    expect((await list(keys.otherKey)).status).toBe(200);
    expect(((await (await list(keys.otherKey)).json()) as { pursuits: unknown[] }).pursuits).toEqual([]);
  });

  it("creates from an opportunity (201, then 200 with the same pursuit) and a manual one, with govcon:write only", async () => {
    const opp = await opportunity(db, { valueDollars: 50_000 });
    expect((await post({ opportunityId: opp.id }, keys.readKey)).status).toBe(403);
    const created = await post({ opportunityId: opp.id });
    expect(created.status).toBe(201);
    const pursuit = (await created.json()) as { id: string; noticeId: string; stage: string; weightedValueDollars: number };
    expect(pursuit).toMatchObject({ noticeId: opp.noticeId, stage: "IDENTIFIED", weightedValueDollars: 2_500 });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({ status: "PURSUING" });
    const again = await post({ opportunityId: opp.id });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(pursuit.id);
    const manual = await post({ title: "Depot paving", valueDollars: 80_000, deadline: "2027-02-01" });
    expect(manual.status).toBe(201);
    expect(await manual.json()).toMatchObject({ title: "Depot paving", opportunityId: null, valueDollars: 80_000, deadline: "2027-02-01T00:00:00.000Z" });
    const untitled = await post({ valueDollars: 5 });
    expect(untitled.status).toBe(422);
    expect(((await untitled.json()) as Issues).issues.map((i) => i.path)).toEqual(["title"]);
  });

  it("moves and edits with PATCH, audited; 422 naming a bad stage or p(win); 404 for another workspace's pursuit", async () => {
    const { id } = await createPursuit(db, { title: "Patch me", valueDollars: 100_000 }, actor());
    const moved = await patch({ id, stage: "PROPOSAL", pWin: 0.5 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ stage: "PROPOSAL", pWin: 0.5, effectivePGo: 0.9, weightedValueDollars: 45_000 });
    expect(await db.auditEvent.count({ where: { entityId: id, action: { in: ["govcon.pursuit_stage_changed", "govcon.pursuit_updated"] } } })).toBe(2);

    for (const [body, field] of [[{ id, stage: "WINNING" }, "stage"], [{ id, pWin: 1.5 }, "pWin"], [{ id, pGo: "high" }, "pGo"]] as const) {
      const refused = await patch(body);
      expect(refused.status, field).toBe(422);
      expect(((await refused.json()) as Issues).issues.map((i) => i.path)).toEqual([field]);
    }
    expect((await db.pursuit.findUniqueOrThrow({ where: { id } })).stage).toBe("PROPOSAL");
    // The details dialog sends the stage it shows: saving notes leaves the card where it is, unaudited as a move.
    const placed = await db.pursuit.findUniqueOrThrow({ where: { id } });
    await createPursuit(db, { title: "Later card" }, actor()).then((later) => movePursuit(db, { pursuitId: later.id, stage: "PROPOSAL" }, actor()));
    expect((await patch({ id, stage: "PROPOSAL", notes: "Teaming partner confirmed" })).status).toBe(200);
    expect(await db.pursuit.findUniqueOrThrow({ where: { id } })).toMatchObject({ position: placed.position, notes: "Teaming partner confirmed" });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "govcon.pursuit_stage_changed" } })).toBe(1);
    expect((await patch({ id, stage: "WON" }, keys.otherKey)).status).toBe(404);
  });

  it("is in the OpenAPI document", () => {
    const doc = buildOpenApiDocument() as { paths?: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths?.["/api/v1/govcon/pursuits"] ?? {}).sort()).toEqual(["get", "patch", "post"]);
  });
});

describe("demo pursuits", () => {
  it("pursues the best-fit open notices across the stages, adds manual ones with one won and one lost, and runs once", async () => {
    const owners = [{ email: "o@pursuits-demo.test", name: "Olive Owner", password: "a-long-password-1", role: "owner" as const }];
    const { provisionTenant } = await import("@/lib/tenants/provision");
    const tenant = await provisionTenant(database.prisma, { slug: "pursuits-demo", name: "Demo", timeZone: "America/Chicago", country: "US" }, owners);
    const demo = scopeToTenant(database.prisma, tenant.id);
    const now = new Date("2026-12-07T12:00:00Z");
    const future = new Date("2027-01-20T17:00:00Z");
    for (const fitScore of [91, 84, 77, 70, 30]) await opportunity(demo, { fitScore, valueDollars: null, responseDeadline: future });
    await opportunity(demo, { fitScore: 99, responseDeadline: new Date("2026-11-01T00:00:00Z") });
    const ownerUser = await demo.membership.findFirstOrThrow();

    expect(await seedDemoPursuits(demo, { now, ownerId: ownerUser.userId, investorId: null })).toEqual({ pursuits: 7 });
    const board = await listPursuitBoard(demo, now);
    const byStage = Object.fromEntries(board.columns.map((c) => [c.stage, c.cards.map((card) => card.title)]));
    expect(byStage.WON).toHaveLength(1);
    expect(byStage.LOST).toHaveLength(1);
    expect(board.columns.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(5);
    expect(board.total.weightedCents).toBeGreaterThan(0);
    const pursued = await demo.opportunity.findMany({ where: { status: "PURSUING" }, select: { fitScore: true } });
    expect(pursued.map((o) => o.fitScore).sort()).toEqual([70, 77, 84, 91]);
    expect(await demo.pursuit.count({ where: { valueDollars: null } })).toBe(0);

    expect(await seedDemoPursuits(demo, { now, ownerId: ownerUser.userId, investorId: null })).toEqual({ pursuits: 0 });
    expect(await demo.pursuit.count()).toBe(7);
  });
});
