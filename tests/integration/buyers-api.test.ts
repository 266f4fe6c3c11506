import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteBuyer, GET as getBuyer, PATCH as patchBuyer } from "@/app/api/v1/buyers/[buyerId]/route";
import { GET as listBuyers, POST as createBuyer } from "@/app/api/v1/buyers/route";
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
const ctx = { actorId: null, actorEmail: "test", requestId: "req-buyers-api" };
const jane = { name: "Jane Cash", phones: ["+1 713 555 0100"], markets: ["TX:Houston"], postalCodes: ["77002"], priceMin: 100_000, priceMax: 250_000, propertyTypes: ["SFR"], strategies: ["FLIP"] };

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "bapi-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@bapia.test"));
  const b = await provisionTenant(database.prisma, { slug: "bapi-b", name: "B", timeZone: "America/Toronto", country: "CA" }, owner("o@bapib.test"));
  db = scopeToTenant(database.prisma, a.id);
  writeKey = (await createApiKey(db, { name: "crm", scopes: ["buyers:read", "buyers:write"] }, ctx)).key;
  readKey = (await createApiKey(db, { name: "reader", scopes: ["buyers:read"] }, ctx)).key;
  otherKey = (await createApiKey(scopeToTenant(database.prisma, b.id), { name: "b", scopes: ["buyers:read", "buyers:write"] }, ctx)).key;
});
afterAll(() => database.close());

const post = (body: unknown, key = writeKey, headers?: Record<string, string>) => callRoute(createBuyer, "/api/v1/buyers", { key, method: "POST", body, headers });

describe("buyers API v1", () => {
  let janeId: string;

  it("needs the buyers:write scope to create", async () => {
    expect((await post(jane, readKey)).status).toBe(403);
    expect((await callRoute(listBuyers, "/api/v1/buyers")).status).toBe(401);
  });

  it("creates a buyer (201) and replays an Idempotency-Key once", async () => {
    const created = await post(jane, writeKey, { "idempotency-key": "buyer-0001" });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; phones: string[]; timeZone: string };
    expect(body).toMatchObject({ phones: ["+17135550100"], timeZone: "America/Chicago" });
    janeId = body.id;
    const replay = await post(jane, writeKey, { "idempotency-key": "buyer-0001" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.buyer.count()).toBe(1);
  });

  it("answers 422 with the field for a bad buy box", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ priceMin: 300_000, priceMax: 100_000 }, "priceMin"],
      [{ markets: ["ZZ:Nowhere"] }, "markets"],
      [{ postalCodes: ["ABCDE"] }, "postalCodes"],
      [{ rehabAppetite: "EXTREME" }, "rehabAppetite"],
    ];
    for (const [patch, field] of cases) {
      const response = await post({ name: "Bad Box", ...patch });
      expect(response.status, field).toBe(422);
      const json = (await response.json()) as { issues: { path: string }[] };
      expect(json.issues.map((i) => i.path)).toContain(field);
    }
    expect(await db.buyer.count()).toBe(1);
  });

  it("refuses a duplicate phone with 409 naming the field", async () => {
    const response = await post({ name: "Jane Again", phones: ["713-555-0100"] });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "+17135550100 is already on buyer Jane Cash", issues: [{ path: "phones" }] });
  });

  it("reads, patches and deletes; another workspace's key gets 404", async () => {
    const params = { buyerId: janeId };
    const path = `/api/v1/buyers/${janeId}`;
    expect((await callRoute(getBuyer, path, { key: readKey, params })).status).toBe(200);
    expect((await callRoute(getBuyer, path, { key: otherKey, params })).status).toBe(404);
    expect((await callRoute(patchBuyer, path, { key: otherKey, method: "PATCH", body: { name: "Hijack" }, params })).status).toBe(404);
    expect((await callRoute(deleteBuyer, path, { key: otherKey, method: "DELETE", params })).status).toBe(404);

    const bad = await callRoute(patchBuyer, path, { key: writeKey, method: "PATCH", body: { priceMax: 50_000 }, params });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ issues: [{ path: "priceMin" }] });
    const patched = await callRoute(patchBuyer, path, { key: writeKey, method: "PATCH", body: { priceMax: null, strategies: ["RENTAL"], status: "inactive" }, params });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ priceMax: null, strategies: ["RENTAL"], status: "INACTIVE", name: "Jane Cash" });

    expect((await callRoute(deleteBuyer, path, { key: writeKey, method: "DELETE", params })).status).toBe(200);
    expect((await callRoute(getBuyer, path, { key: readKey, params })).status).toBe(404);
  });

  it("lists with filters, sort and a cursor, and refuses a malformed query with 400", async () => {
    for (const name of ["Ann", "Bob", "Cy"]) await post({ name, markets: ["TX:Dallas"], strategies: ["FLIP"] });
    await post({ name: "Dee", markets: ["ON:Toronto"] });
    const page = await callRoute(listBuyers, "/api/v1/buyers?market=TX:Dallas&strategy=FLIP&sort=name&dir=asc&pageSize=10", { key: readKey });
    expect(page.status).toBe(200);
    const json = (await page.json()) as { rows: { name: string }[]; total: number; nextCursor: string | null };
    expect(json.rows.map((r) => r.name)).toEqual(["Ann", "Bob", "Cy"]);
    expect(json.total).toBe(3);
    expect((await callRoute(listBuyers, "/api/v1/buyers?sort=bogus", { key: readKey })).status).toBe(400);
    const theirs = await callRoute(listBuyers, "/api/v1/buyers", { key: otherKey });
    expect(((await theirs.json()) as { total: number }).total).toBe(0);
  });

  it("documents the buyer endpoints in the OpenAPI document", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths["/api/v1/buyers"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/v1/buyers/{buyerId}"]).sort()).toEqual(["delete", "get", "patch"]);
  });
});
