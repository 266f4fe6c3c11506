import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAreaRoute } from "@/app/api/v1/market/areas/[postalCode]/route";
import { POST as blacklistRoute } from "@/app/api/v1/market/areas/[postalCode]/blacklist/route";
import { GET as listAreasRoute } from "@/app/api/v1/market/areas/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { recomputeAreas } from "@/lib/market/service";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const DAY = 86_400_000;
let database: Database;
let db: TenantDb;
let readKey: string;
let writeKey: string;
let otherKey: string;
let counter = 0;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-market-api" };

async function deal(target: TenantDb, areaCode: string, daysAgo: number) {
  counter += 1;
  await target.deal.create({
    data: {
      source: "MANUAL", addressKey: `k-${counter}`, raw: {}, street: `${counter} Main St`, city: "Houston", region: "TX", market: "HOUSTON",
      postalCode: areaCode, areaCode, country: "US", arv: 200_000, spread: 30_000, createdAt: new Date(Date.now() - daysAgo * DAY),
    } as never,
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (slug: string) => [{ email: `o@${slug}.test`, name: "Owner", password: "a-long-password-1", role: "owner" as const }];
  db = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "mapi-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("mapi-a"))).id);
  const other = scopeToTenant(database.prisma, (await provisionTenant(database.prisma, { slug: "mapi-b", name: "B", timeZone: "America/Toronto", country: "CA" }, owner("mapi-b"))).id);
  for (const days of [1, 2, 4, 6, 9]) await deal(db, "77002", days);
  for (const days of [3, 30, 60]) await deal(db, "77003", days);
  await recomputeAreas(db, { full: true });
  readKey = (await createApiKey(db, { name: "reader", scopes: ["market:read"] }, ctx)).key;
  writeKey = (await createApiKey(db, { name: "writer", scopes: ["market:read", "market:write"] }, ctx)).key;
  otherKey = (await createApiKey(other, { name: "other", scopes: ["market:read", "market:write"] }, ctx)).key;
}, 120_000);
afterAll(() => database.close());

type Area = { areaCode: string; rank: string; reasons: string[]; metrics: { deals4w: number }; blacklisted: boolean; blacklistReason: string | null };
const list = (query: string, key = readKey) => callRoute(listAreasRoute, `/api/v1/market/areas${query}`, { key });
const one = (code: string, key = readKey) => callRoute(getAreaRoute, `/api/v1/market/areas/${encodeURIComponent(code)}`, { key, params: { postalCode: code } });
const blacklist = (code: string, body: unknown, key = writeKey) =>
  callRoute(blacklistRoute, `/api/v1/market/areas/${encodeURIComponent(code)}/blacklist`, { key, method: "POST", body, params: { postalCode: code } });

describe("market areas API v1", () => {
  it("needs a key with market:read", async () => {
    expect((await callRoute(listAreasRoute, "/api/v1/market/areas")).status).toBe(401);
    const noScope = (await createApiKey(db, { name: "deals only", scopes: ["deals:read"] }, ctx)).key;
    expect((await list("", noScope)).status).toBe(403);
  });

  it("lists the areas hottest first and filters by rank and market", async () => {
    const all = (await (await list("")).json()) as { areas: Area[] };
    expect(all.areas.map((a) => [a.areaCode, a.rank])).toEqual([["77002", "HOT"], ["77003", "NORMAL"]]);
    expect(all.areas[0].reasons[0]).toMatch(/^HOT: 5 deals in 4 weeks/);
    const hot = (await (await list("?rank=hot")).json()) as { areas: Area[] };
    expect(hot.areas.map((a) => a.areaCode)).toEqual(["77002"]);
    expect(((await (await list("?market=Dallas")).json()) as { areas: Area[] }).areas).toEqual([]);
    expect((await list("?rank=WARM")).status).toBe(400);
  });

  it("reads one area by ZIP, ZIP+4; 404 for an unknown code and for a known one without deals", async () => {
    const response = await one("77002-1234");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ areaCode: "77002", rank: "HOT", country: "US", blacklisted: false, metrics: { deals4w: 5 } });
    for (const code of ["99999", "ABCDE", "77010"]) expect((await one(code)).status, code).toBe(404);
    expect(((await (await one("77010")).json()) as { error: string }).error).toMatch(/No deals in 77010 yet/);
  });

  it("blacklists with market:write and a reason (422 without one), and lifts the mark", async () => {
    expect((await blacklist("77002", { blacklisted: true, reason: "Code enforcement sweep" }, readKey)).status).toBe(403);
    const missing = await blacklist("77002", { blacklisted: true });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { issues: { path: string; message: string }[] }).issues).toEqual([{ path: "reason", message: "Say why this area is blacklisted" }]);
    expect((await blacklist("99999", { blacklisted: true, reason: "Nowhere" })).status).toBe(404);
    const marked = await blacklist("77002", { blacklisted: true, reason: "Code enforcement sweep" });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toMatchObject({ areaCode: "77002", rank: "BLACKLIST", computedRank: "HOT", blacklisted: true, blacklistReason: "Code enforcement sweep" });
    expect(await db.auditEvent.count({ where: { action: "market.area_blacklisted" } })).toBe(1);
    expect(((await (await list("?rank=BLACKLIST")).json()) as { areas: Area[] }).areas.map((a) => a.areaCode)).toEqual(["77002"]);
    const lifted = await blacklist("77002", { blacklisted: false });
    expect(await lifted.json()).toMatchObject({ rank: "HOT", blacklisted: false });
  });

  it("keeps workspaces apart", async () => {
    expect(((await (await list("", otherKey)).json()) as { areas: Area[] }).areas).toEqual([]);
    expect((await one("77002", otherKey)).status).toBe(404);
    // Another workspace may mark the same ZIP for itself; this one's row is untouched.
    expect((await blacklist("77003", { blacklisted: true, reason: "Not our market" }, otherKey)).status).toBe(200);
    expect(await (await one("77003")).json()).toMatchObject({ rank: "NORMAL", blacklisted: false });
  });

  it("is in the OpenAPI document with its scopes", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { description: string }>> };
    expect(doc.paths["/api/v1/market/areas"].get.description).toContain("market:read");
    expect(doc.paths["/api/v1/market/areas/{postalCode}"].get.description).toContain("market:read");
    expect(doc.paths["/api/v1/market/areas/{postalCode}/blacklist"].post.description).toContain("market:write");
  });
});
