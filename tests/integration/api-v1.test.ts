import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getDeal } from "@/app/api/v1/deals/[dealId]/route";
import { POST as createBatch } from "@/app/api/v1/deals/batch/route";
import { GET as listDeals, POST as createDeal } from "@/app/api/v1/deals/route";
import { GET as canContact } from "@/app/api/v1/market/can-contact/route";
import { GET as effectivePolicy } from "@/app/api/v1/market/effective/route";
import { GET as listMarketPolicies, POST as upsertMarketPolicy } from "@/app/api/v1/market/policies/route";
import { POST as computeOffer } from "@/app/api/v1/offers/compute/route";
import { GET as listOfferPolicies, POST as upsertOfferPolicy } from "@/app/api/v1/offers/policies/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let fullKey: string;
let readOnlyKey: string;
let otherTenantKey: string;
const ctx = { actorId: null, actorEmail: "test", requestId: "req-api-v1" };
const memphis = { street: "77 Beale St", city: "Memphis", region: "TN", postalCode: "38103", askingPrice: 90_000, arv: 200_000, repairs: 20_000 };

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "v1-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("o@v1a.test"));
  const b = await provisionTenant(database.prisma, { slug: "v1-b", name: "B", timeZone: "America/Toronto", country: "CA" }, owner("o@v1b.test"));
  db = scopeToTenant(database.prisma, a.id);
  fullKey = (await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, ctx)).key;
  readOnlyKey = (await createApiKey(db, { name: "reader", scopes: ["deals:read"] }, ctx)).key;
  otherTenantKey = (await createApiKey(scopeToTenant(database.prisma, b.id), { name: "b", scopes: [...API_SCOPES] }, ctx)).key;
});
afterAll(() => database.close());

describe("REST API v1", () => {
  it("answers 401 without a valid key and 403 without the scope", async () => {
    expect((await callRoute(listDeals, "/api/v1/deals")).status).toBe(401);
    expect((await callRoute(listDeals, "/api/v1/deals", { key: "df_not-a-real-key" })).status).toBe(401);
    const forbidden = await callRoute(createDeal, "/api/v1/deals", { key: readOnlyKey, method: "POST", body: memphis });
    expect(forbidden.status).toBe(403);
    expect(await db.deal.count()).toBe(0);
  });

  it("answers 400 for a body that is not JSON and 422 naming the field for a bad one", async () => {
    const notJson = await callRoute(createDeal, "/api/v1/deals", { key: fullKey, method: "POST", body: "{oops" });
    expect(notJson.status).toBe(400);
    const bad = await callRoute(createDeal, "/api/v1/deals", { key: fullKey, method: "POST", body: { ...memphis, street: "", arv: -5 } });
    expect(bad.status).toBe(422);
    const json = (await bad.json()) as { error: string; issues: { path: string }[] };
    expect(json.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["street", "arv"]));
    expect(await db.deal.count()).toBe(0);
  });

  it("creates a deal (201), answers a duplicate address with the existing deal (200), and reads it back", async () => {
    const created = await callRoute(createDeal, "/api/v1/deals", { key: fullKey, method: "POST", body: memphis });
    expect(created.status).toBe(201);
    const { deal } = (await created.json()) as { deal: { id: string; region: string; timeZone: string } };
    expect(deal).toMatchObject({ region: "TN", timeZone: "America/Chicago" });

    const again = await callRoute(createDeal, "/api/v1/deals", { key: fullKey, method: "POST", body: { ...memphis, street: "77 Beale Street" } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, deal: { id: deal.id } });

    const read = await callRoute(getDeal, `/api/v1/deals/${deal.id}`, { key: readOnlyKey, params: { dealId: deal.id } });
    expect(read.status).toBe(200);
    const fromOtherTenant = await callRoute(getDeal, `/api/v1/deals/${deal.id}`, { key: otherTenantKey, params: { dealId: deal.id } });
    expect(fromOtherTenant.status).toBe(404);
  });

  it("honours Idempotency-Key: a replay returns the first answer and writes nothing", async () => {
    const body = { deals: [{ ...memphis, street: "1 Union Ave" }, { ...memphis, street: "2 Union Ave" }] };
    const headers = { "idempotency-key": "batch-0001" };
    const first = await callRoute(createBatch, "/api/v1/deals/batch", { key: fullKey, method: "POST", body, headers });
    const replay = await callRoute(createBatch, "/api/v1/deals/batch", { key: fullKey, method: "POST", body, headers });
    expect(first.status).toBe(200);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    expect(await db.deal.count({ where: { street: { contains: "Union" } } })).toBe(2);

    const reused = await callRoute(createBatch, "/api/v1/deals/batch", { key: fullKey, method: "POST", body: { deals: [{ ...memphis, street: "3 Union Ave" }] }, headers });
    expect(reused.status).toBe(422);
  });

  it("lists deals page by page with filters, only the key's tenant", async () => {
    const res = await callRoute(listDeals, "/api/v1/deals?region=TN&sort=city&dir=asc&status=UNDERWRITTEN,NEW", { key: readOnlyKey });
    const page = (await res.json()) as { rows: { region: string }[]; total: number };
    expect(res.status).toBe(200);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.region)).toEqual(["TN", "TN", "TN"]);
    const bad = await callRoute(listDeals, "/api/v1/deals?pageSize=5000&sort=nope", { key: readOnlyKey });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(["pageSize", "sort"]);
    const other = (await (await callRoute(listDeals, "/api/v1/deals", { key: otherTenantKey })).json()) as { total: number };
    expect(other.total).toBe(0);
  });

  it("computes offers with the enabled policy, after an audited upsert", async () => {
    const disabled = await callRoute(computeOffer, "/api/v1/offers/compute", { key: fullKey, method: "POST", body: { arv: 450_000, repairs: 50_000, askingPrice: 200_000, region: "TN" } });
    expect(disabled.status).toBe(409);
    const upsert = await callRoute(upsertOfferPolicy, "/api/v1/offers/policies", {
      key: fullKey, method: "POST", body: { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "Go live" },
    });
    expect(upsert.status).toBe(200);
    const offer = await callRoute(computeOffer, "/api/v1/offers/compute", { key: fullKey, method: "POST", body: { arv: 450_000, repairs: 50_000, askingPrice: 200_000, region: "TN" } });
    expect(await offer.json()).toMatchObject({ mao: 262_500, spread: 62_500 });
    const policies = (await (await callRoute(listOfferPolicies, "/api/v1/offers/policies", { key: fullKey })).json()) as { policies: { region: string; enabled: boolean }[] };
    expect(policies.policies.find((p) => p.region === "ALL")?.enabled).toBe(true);
    expect(await db.auditEvent.count({ where: { entity: "OfferPolicy" } })).toBe(1);
  });

  it("market policy: list, upsert with a reason, effective policy and can-contact", async () => {
    const list = (await (await callRoute(listMarketPolicies, "/api/v1/market/policies", { key: fullKey })).json()) as { policies: unknown[] };
    expect(list.policies).toHaveLength(64);
    const noReason = await callRoute(upsertMarketPolicy, "/api/v1/market/policies", { key: fullKey, method: "POST", body: { region: "TN", market: "MEMPHIS", enabled: true, rules: {} } });
    expect(noReason.status).toBe(422);

    const effective = (await (await callRoute(effectivePolicy, "/api/v1/market/effective?region=TN&market=MEMPHIS", { key: fullKey })).json()) as { found: boolean; policy: { market: string } };
    expect(effective).toMatchObject({ found: true, policy: { market: "ALL" } });

    // Tuesday 10:00 in Memphis is inside the default window; 21:00 is not.
    const open = await callRoute(canContact, "/api/v1/market/can-contact?region=TN&postalCode=38103&at=2026-11-24T16:00:00Z&channel=SMS&score=90", { key: fullKey });
    expect(await open.json()).toMatchObject({ ok: true, timeZone: "America/Chicago" });
    const late = await callRoute(canContact, "/api/v1/market/can-contact?region=TN&postalCode=38103&at=2026-11-25T03:00:00Z&channel=SMS&score=90", { key: fullKey });
    expect(await late.json()).toMatchObject({ ok: false });
    const bad = await callRoute(canContact, "/api/v1/market/can-contact?region=TN&at=yesterday&channel=FAX&score=90", { key: fullKey });
    expect(bad.status).toBe(400);
  });

  it("publishes an OpenAPI document describing every v1 route", async () => {
    const doc = (await (await callRoute(openApi, "/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/deals", "/api/v1/deals/batch", "/api/v1/deals/{dealId}", "/api/v1/offers/compute", "/api/v1/offers/policies",
        "/api/v1/market/policies", "/api/v1/market/effective", "/api/v1/market/can-contact",
      ]),
    );
  });
});
