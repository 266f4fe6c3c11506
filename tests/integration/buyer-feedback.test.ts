import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postFeedback } from "@/app/api/v1/buyers/liquidity/feedback/route";
import { GET as listNodes } from "@/app/api/v1/buyers/liquidity/nodes/route";
import { GET as getScore } from "@/app/api/v1/buyers/liquidity/score/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";
import { getLiquidityScore, listLiquidityNodes, liquidityKeyOfDeal } from "@/lib/buyers/liquidity";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
let key: string;
let readKey: string;
let dealId: string;
let buyerIds: string[];
let otherBuyerId: string;
const houston = { region: "TX", market: "Houston", propertyType: "SFR" } as const;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-feedback" };

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "fb-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@fba.test"));
  const b = await provisionTenant(database.prisma, { slug: "fb-b", name: "B", timeZone: "America/Chicago", country: "US" }, owner("o@fbb.test"));
  db = scopeToTenant(database.prisma, a.id);
  otherDb = scopeToTenant(database.prisma, b.id);
  key = (await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, ctx)).key;
  readKey = (await createApiKey(db, { name: "reader", scopes: ["buyers:read"] }, ctx)).key;
  dealId = (await db.deal.create({ data: { source: "MANUAL", addressKey: "1 main st houston", street: "1 Main St", city: "Houston", postalCode: "77002", ...houston, raw: {} } })).id;
  // Three buyers cover Houston SFR: two by market, one by a ZIP inside it; one buys condos only; one is inactive.
  const buyers = await db.buyer.createManyAndReturn({
    data: [
      { name: "Jane Cash", markets: ["TX:Houston"] },
      { name: "Bo Flip", markets: ["TX:Houston"], propertyTypes: ["SFR", "MULTI"] },
      { name: "Zip Only", postalCodes: ["77002"] },
      { name: "Condo Co", markets: ["TX:Houston"], propertyTypes: ["CONDO"] },
      { name: "Gone Quiet", markets: ["TX:Houston"], status: "INACTIVE" },
    ],
  });
  buyerIds = buyers.map((b) => b.id);
  otherBuyerId = (await otherDb.buyer.create({ data: { name: "Elsewhere", markets: ["TX:Houston"] } })).id;
});
afterAll(() => database.close());

describe("recordBuyerFeedback", () => {
  it("computes a node never recorded from the buy boxes, not a fake zero", async () => {
    const snapshot = await getLiquidityScore(db, houston);
    expect(snapshot).toMatchObject({ ...houston, buyerCount: 3, activeBuyerCount: 0, avgResponseRate: 0, avgCloseRate: 0, score: 0 });
    expect(await db.buyerLiquidityNode.count()).toBe(0);
  });

  it("moves the deal's node in the transaction that records the events", async () => {
    const [jane, bo, zip] = buyerIds;
    const result = await db.$transaction((tx) =>
      recordBuyerFeedback(tx, [
        ...[jane, bo, zip].map((buyerId) => ({ buyerId, dealId, kind: "SENT" as const, dedupeKey: `sent-${buyerId}` })),
        { buyerId: jane, dealId, kind: "RESPONDED", dedupeKey: "jane-responded" },
      ]),
    );
    expect(result).toEqual({ recorded: 4, duplicates: 0 });
    const node = await getLiquidityScore(db, liquidityKeyOfDeal({ ...houston })!);
    // 1 answer of 3 sent; Jane engaged.
    expect(node).toMatchObject({ buyerCount: 3, activeBuyerCount: 1, avgCloseRate: 0 });
    expect(node.avgResponseRate).toBeCloseTo(1 / 3, 10);
    expect(node.score).toBeCloseTo(0.5 + 50 / 3, 10);

    await db.$transaction((tx) => recordBuyerFeedback(tx, [{ buyerId: bo, dealId, kind: "BOUGHT", dedupeKey: "bo-bought" }]));
    const moved = await getLiquidityScore(db, houston);
    expect(moved).toMatchObject({ activeBuyerCount: 2 });
    expect(moved.avgCloseRate).toBeCloseTo(1 / 3, 10);
    expect(moved.score).toBeGreaterThan(node.score);
  });

  it("stamps the deal's node on the event, moves lastActivityAt on buyer activity only, and counts a KPI", async () => {
    const [jane, , zip] = buyerIds;
    const events = await db.buyerFeedbackEvent.findMany({ where: { buyerId: jane }, orderBy: { occurredAt: "asc" } });
    expect(events.map((e) => [e.kind, e.region, e.market, e.propertyType])).toEqual([
      ["SENT", "TX", "Houston", "SFR"],
      ["RESPONDED", "TX", "Houston", "SFR"],
    ]);
    expect((await db.buyer.findUniqueOrThrow({ where: { id: jane } })).lastActivityAt).not.toBeNull();
    expect((await db.buyer.findUniqueOrThrow({ where: { id: zip } })).lastActivityAt).toBeNull();
    const kpi = await db.kpiEvent.aggregate({ where: { name: "buyer_feedback" }, _sum: { count: true } });
    expect(kpi._sum.count).toBe(5);
  });

  it("records a dedupe key once, within a call and across calls", async () => {
    const [jane] = buyerIds;
    const before = await db.buyerFeedbackEvent.count();
    const first = await db.$transaction((tx) =>
      recordBuyerFeedback(tx, [
        { buyerId: jane, dealId, kind: "VIEWED", dedupeKey: "view-1" },
        { buyerId: jane, dealId, kind: "VIEWED", dedupeKey: "view-1" },
      ]),
    );
    const again = await db.$transaction((tx) => recordBuyerFeedback(tx, [{ buyerId: jane, dealId, kind: "VIEWED", dedupeKey: "view-1" }]));
    expect(first).toEqual({ recorded: 1, duplicates: 1 });
    expect(again).toEqual({ recorded: 0, duplicates: 1 });
    expect(await db.buyerFeedbackEvent.count()).toBe(before + 1);
  });

  it("keeps events immutable: the database refuses an update", async () => {
    const event = await db.buyerFeedbackEvent.findFirstOrThrow({ where: { dedupeKey: "bo-bought" } });
    await expect(db.buyerFeedbackEvent.update({ where: { id: event.id }, data: { kind: "PASSED" } })).rejects.toThrow();
    expect((await db.buyerFeedbackEvent.findUniqueOrThrow({ where: { id: event.id } })).kind).toBe("BOUGHT");
  });

  it("does not find another workspace's buyer, and records nothing of the batch", async () => {
    const before = await db.buyerFeedbackEvent.count();
    await expect(
      db.$transaction((tx) =>
        recordBuyerFeedback(tx, [
          { buyerId: buyerIds[0], dealId, kind: "VIEWED" },
          { buyerId: otherBuyerId, dealId, kind: "RESPONDED" },
        ]),
      ),
    ).rejects.toMatchObject({ code: "not_found", field: "buyerId" });
    expect(await db.buyerFeedbackEvent.count()).toBe(before);
    expect(await otherDb.buyerFeedbackEvent.count()).toBe(0);
  });

  it("records feedback on a new node from concurrent transactions without a conflict", async () => {
    const node = { region: "TX", market: "Houston", propertyType: "TOWNHOUSE" };
    const results = await Promise.all(
      buyerIds.slice(0, 3).map((buyerId) => db.$transaction((tx) => recordBuyerFeedback(tx, [{ buyerId, kind: "SENT", node }]))),
    );
    expect(results).toEqual([{ recorded: 1, duplicates: 0 }, { recorded: 1, duplicates: 0 }, { recorded: 1, duplicates: 0 }]);
    const rows = await db.buyerLiquidityNode.findMany({ where: node });
    expect(rows).toHaveLength(1);
    expect(rows[0].sentCount).toBe(3);
  });

  it("lists nodes with a filter", async () => {
    expect((await listLiquidityNodes(db, { region: "tx", market: "houston" })).map((n) => `${n.market} ${n.propertyType}`).sort()).toEqual(["Houston SFR", "Houston TOWNHOUSE"]);
    expect(await listLiquidityNodes(db, { region: "ON" })).toEqual([]);
    expect(await listLiquidityNodes(otherDb)).toEqual([]);
  });
});

describe("liquidity API", () => {
  it("records feedback once per Idempotency-Key and answers 404 for another workspace's buyer", async () => {
    const body = { buyerId: buyerIds[2], dealId, event: "responded" };
    const before = await db.buyerFeedbackEvent.count();
    const first = await callRoute(postFeedback, "/api/v1/buyers/liquidity/feedback", { key, method: "POST", body, headers: { "idempotency-key": "fb-key-1" } });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ recorded: 1, duplicates: 0 });
    const replay = await callRoute(postFeedback, "/api/v1/buyers/liquidity/feedback", { key, method: "POST", body, headers: { "idempotency-key": "fb-key-1" } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.buyerFeedbackEvent.count()).toBe(before + 1);

    const foreign = await callRoute(postFeedback, "/api/v1/buyers/liquidity/feedback", { key, method: "POST", body: { ...body, buyerId: otherBuyerId } });
    expect(foreign.status).toBe(404);
    expect(await db.buyerFeedbackEvent.count()).toBe(before + 1);
  });

  it("records market feedback without a deal, and names the missing field otherwise", async () => {
    const ok = await callRoute(postFeedback, "/api/v1/buyers/liquidity/feedback", { key, method: "POST", body: { buyerId: buyerIds[0], event: "SENT", region: "TX", market: "Houston", propertyType: "MULTI" } });
    expect(ok.status).toBe(201);
    const node = await getLiquidityScore(db, { region: "TX", market: "Houston", propertyType: "MULTI" });
    // Jane (all types) and Bo (SFR, MULTI) and the ZIP buyer cover it; the condo buyer does not.
    expect(node).toMatchObject({ buyerCount: 3, activeBuyerCount: 0, avgResponseRate: 0 });

    const bad = await callRoute(postFeedback, "/api/v1/buyers/liquidity/feedback", { key, method: "POST", body: { buyerId: buyerIds[0], event: "WAVED", region: "ZZ" } });
    expect(bad.status).toBe(422);
    const json = (await bad.json()) as { issues: { path: string }[] };
    expect(json.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["event", "region"]));
  });

  it("reads a node's score and the node list, with the read scope", async () => {
    const score = await callRoute(getScore, "/api/v1/buyers/liquidity/score?region=TX&market=Houston&propertyType=SFR", { key: readKey });
    expect(score.status).toBe(200);
    const body = (await score.json()) as { buyerCount: number; score: number };
    expect(body.buyerCount).toBe(3);
    expect(body.score).toBeGreaterThan(0);
    expect((await callRoute(getScore, "/api/v1/buyers/liquidity/score?market=Houston", { key: readKey })).status).toBe(400);

    const nodes = await callRoute(listNodes, "/api/v1/buyers/liquidity/nodes?region=TX", { key: readKey });
    const list = (await nodes.json()) as { nodes: { propertyType: string }[] };
    expect(list.nodes.map((n) => n.propertyType).sort()).toEqual(["MULTI", "SFR", "TOWNHOUSE"]);
    expect((await callRoute(postFeedback, "/api/v1/buyers/liquidity/feedback", { key: readKey, method: "POST", body: { buyerId: buyerIds[0], dealId, event: "SENT" } })).status).toBe(403);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/buyers/liquidity/nodes", "/api/v1/buyers/liquidity/score", "/api/v1/buyers/liquidity/feedback"]));
  });
});
