import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postBlast } from "@/app/api/v1/deals/[dealId]/blasts/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let writeKey: string;
let readKey: string;
let otherKey: string;
let dealId: string;
let buyerId: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-blasts-api" };
const previousUrl = process.env.NEXTAUTH_URL;

const post = (body: unknown, key = writeKey, path = dealId) => callRoute(postBlast, `/api/v1/deals/${path}/blasts`, { key, method: "POST", body, params: { dealId: path } });

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "https://app.example.test";
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "blapi-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@blapia.test"));
  const b = await provisionTenant(database.prisma, { slug: "blapi-b", name: "B", timeZone: "America/Chicago", country: "US" }, owner("o@blapib.test"));
  db = scopeToTenant(database.prisma, a.id);
  writeKey = (await createApiKey(db, { name: "crm", scopes: ["buyers:read", "buyers:write"] }, ctx)).key;
  readKey = (await createApiKey(db, { name: "reader", scopes: ["buyers:read"] }, ctx)).key;
  otherKey = (await createApiKey(scopeToTenant(database.prisma, b.id), { name: "b", scopes: ["buyers:write"] }, ctx)).key;
  await db.buyerSettings.create({ data: { coldLiquidityScore: 0 } });
  dealId = (await db.deal.create({ data: { source: "API", addressKey: "API-1", raw: {}, city: "Houston", region: "TX", market: "Houston", postalCode: "77002", askingPrice: 120_000 } })).id;
  buyerId = (await db.buyer.create({ data: { name: "Jane Cash", phones: ["+17135550100"], markets: ["TX:Houston"] } })).id;
});
afterAll(async () => {
  process.env.NEXTAUTH_URL = previousUrl;
  await database.close();
});

describe("POST /api/v1/deals/{dealId}/blasts", () => {
  it("needs the buyers:write scope", async () => {
    expect((await post({ buyerIds: [buyerId], channels: ["SMS"] }, readKey)).status).toBe(403);
  });

  it("queues a blast (202) with the path's deal", async () => {
    const response = await post({ buyerIds: [buyerId], channels: ["SMS"], dealId: "ignored" });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { blastId: string; recipients: number };
    expect(body.recipients).toBe(1);
    expect(await db.blast.findUniqueOrThrow({ where: { id: body.blastId } })).toMatchObject({ dealId, total: 1 });
  });

  it("answers 422 with the field for bad input, and 404 for another workspace's deal", async () => {
    const bad = await post({ buyerIds: [buyerId], channels: ["SMS"], smsTemplate: "{{nope}}" });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0].path).toBe("smsTemplate");
    expect((await post({ buyerIds: [buyerId], channels: ["SMS"] }, otherKey)).status).toBe(404);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/api/v1/deals/{dealId}/blasts"]?.post).toBeDefined();
  });
});
