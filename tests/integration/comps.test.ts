import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postComps } from "@/app/api/v1/comps/route";
import { GET as getDealComps } from "@/app/api/v1/deals/[dealId]/comps/route";
import { API_SCOPES, createApiKey } from "@/lib/apikeys/service";
import { fetchProviderComps } from "@/lib/comps/provider";
import { compsForDeal, useCompsArv } from "@/lib/comps/service";
import type { CompEvidence } from "@/lib/comps/types";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { changeDealStatus } from "@/lib/deals/workflow";
import { guessCompMapping } from "@/lib/imports/comp-fields";
import { createCompImportJob } from "@/lib/imports/comps";
import { toColumnMapping, type CompColumnMapping } from "@/lib/imports/schema";
import { runImport } from "@/lib/imports/service";
import { DealInput } from "@/lib/intake/schema";
import { intakeDeals } from "@/lib/intake/service";
import { compsProviderFor, CompsProviderError, rentCastCompsProvider } from "@/lib/providers/comps";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { callRoute } from "../helpers/api";
import { createTestDatabase } from "../helpers/db";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/csv/sold-comps.csv");
const actor = { actorId: null, actorEmail: "owner@comps.test", requestId: "req-comps" };
const NOW = new Date("2026-12-01T12:00:00Z");
// Imports, underwriting and scoring on an embedded database: slower than a unit test.
vi.setConfig({ testTimeout: 120_000 });

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;
let mapping: CompColumnMapping;
let fullKey: string;
let readKey: string;
let otherKey: string;
let importsDir: string;

async function newTenant(prefix: string): Promise<TenantDb> {
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `${prefix}-${tag}`, name: `Comps ${tag}`, timeZone: "America/Chicago", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  return scopeToTenant(database.prisma, tenant.id);
}

async function importFixture(tenantDb: TenantDb) {
  const job = await createCompImportJob(tenantDb, { fileName: "sold-comps.csv", mapping, totalRows: 11 }, actor);
  return runImport(tenantDb, job.id, createReadStream(FIXTURE), { actor, batchSize: 4 });
}

async function newDeal(tenantDb: TenantDb, fields: Record<string, unknown>): Promise<string> {
  const deal = DealInput.parse({ city: "Dallas", region: "TX", postalCode: "75201", beds: 3, baths: 2, sqft: 1500, propertyType: "SFR", askingPrice: 120_000, repairs: 20_000, ...fields });
  const report = await intakeDeals(tenantDb, [{ deal, raw: fields }], { source: "API" });
  return report.created[0].id;
}

beforeAll(async () => {
  importsDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-comps-"));
  process.env.IMPORTS_DIR = importsDir;
  database = await createTestDatabase();
  useDatabase(database);
  db = await newTenant("cmp");
  otherDb = await newTenant("oth");
  const header = (await readFile(FIXTURE, "utf8")).split("\n")[0].split(",");
  mapping = toColumnMapping(header, guessCompMapping(header)) as CompColumnMapping;
  await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, negotiationMargin: 6_000, reason: "price every deal" }, actor);
  fullKey = (await createApiKey(db, { name: "crm", scopes: [...API_SCOPES] }, actor)).key;
  readKey = (await createApiKey(db, { name: "reader", scopes: ["comps:read"] }, actor)).key;
  otherKey = (await createApiKey(otherDb, { name: "other", scopes: [...API_SCOPES] }, actor)).key;
}, 240_000);
afterAll(async () => {
  await database.close();
  await rm(importsDir, { recursive: true, force: true });
});

describe("the sold-comps import", () => {
  it("guesses every column of an MLS-style header", () => {
    expect(mapping.map((c) => c.field)).toEqual(["street", "city", "region", "postalCode", "soldPrice", "soldAt", "beds", "baths", "sqft", "yearBuilt", "propertyType"]);
  });

  it("keeps every good row, reports each bad one by field, and counts the repeated sale", async () => {
    const job = await importFixture(db);
    expect(job).toMatchObject({ status: "DONE", kind: "COMPS", processedRows: 11, created: 6, duplicates: 1, errorCount: 4 });
    const errors = await db.importRowError.findMany({ where: { jobId: job.id }, orderBy: { rowNumber: "asc" } });
    expect(errors.map((e) => [e.rowNumber, e.field])).toEqual([
      [8, "street"],
      [9, "soldPrice"],
      [10, "soldAt"],
      [11, "propertyType"],
    ]);
    const sales = await db.compSale.findMany({ orderBy: { soldAt: "desc" } });
    expect(sales).toHaveLength(6);
    expect(sales.every((s) => s.source === "IMPORT" && s.sourceRef === job.id && s.areaCode === "75201" && s.latitude !== null)).toBe(true);
    expect(sales[0]).toMatchObject({ street: "1201 Elm St", soldPrice: 310_000, propertyType: "SFR", sqft: 1480 });
    expect(sales.find((s) => s.street?.startsWith("1410"))).toMatchObject({ soldPrice: 315_000, baths: 2.5 });
    expect(sales.find((s) => s.street?.startsWith("1708"))).toMatchObject({ propertyType: "CONDO" });
    expect(await otherDb.compSale.count()).toBe(0);
  });

  it("is idempotent: importing the same file again stores nothing new", async () => {
    const again = await importFixture(db);
    expect(again).toMatchObject({ status: "DONE", created: 0, duplicates: 7, errorCount: 4 });
    expect(await db.compSale.count()).toBe(6);
  });
});

describe("POST /api/v1/comps", () => {
  const body = {
    comps: [
      { street: "100 Akard St", postalCode: "75201", soldPrice: 301_000, soldAt: "2026-10-01", beds: 3, sqft: 1490, propertyType: "SFR" },
      { street: "102 Akard St", postalCode: "75201", soldPrice: "$296k", soldAt: "10/15/2026", beds: 3, sqft: 1510, propertyType: "single family" },
    ],
  };

  it("stores sales in bulk (201), counts a replay as duplicates, and keeps them to the workspace", async () => {
    const created = await callRoute(postComps, "/api/v1/comps", { key: fullKey, method: "POST", body });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ created: 2, duplicates: 0 });
    const replay = await callRoute(postComps, "/api/v1/comps", { key: fullKey, method: "POST", body });
    expect(await replay.json()).toEqual({ created: 0, duplicates: 2 });
    expect(await db.compSale.count({ where: { source: "API" } })).toBe(2);
    expect(await otherDb.compSale.count()).toBe(0);
  });

  it("answers 422 naming the item and field, and 403 without comps:write", async () => {
    const bad = await callRoute(postComps, "/api/v1/comps", { key: fullKey, method: "POST", body: { comps: [{ ...body.comps[0], soldAt: "2026-13-01" }] } });
    expect(bad.status).toBe(422);
    const json = (await bad.json()) as { issues: { path: string }[] };
    expect(json.issues.map((i) => i.path)).toContain("comps.0.soldAt");
    const forbidden = await callRoute(postComps, "/api/v1/comps", { key: readKey, method: "POST", body });
    expect(forbidden.status).toBe(403);
  });
});

describe("a deal's comps", () => {
  it("selects the nearby sales that fit and answers GET /api/v1/deals/{dealId}/comps; 404 from another workspace", async () => {
    const dealId = await newDeal(db, { street: "1800 Main St", arv: 260_000 });
    const found = await compsForDeal(db, dealId, NOW);
    expect(found!.estimate.comps.length).toBe(6);
    expect(found!.estimate.comps.every((c) => c.propertyType === "SFR")).toBe(true);
    expect(found!.estimate.excluded).toMatchObject({ other_type: 1 });
    const response = await callRoute(getDealComps, `/api/v1/deals/${dealId}/comps`, { key: readKey, params: { dealId } });
    expect(response.status).toBe(200);
    const json = (await response.json()) as { arv: number; low: number; high: number; confidence: string; comps: unknown[] };
    expect(json.arv).toBeGreaterThan(280_000);
    expect(json.low).toBeLessThanOrEqual(json.arv);
    expect(json.high).toBeGreaterThanOrEqual(json.arv);
    const foreign = await callRoute(getDealComps, `/api/v1/deals/${dealId}/comps`, { key: otherKey, params: { dealId } });
    expect(foreign.status).toBe(404);
  });

  it("useCompsArv sets the ARV from comps with a NEW evidence row (comps, assumptions, recommended offer) and never changes an old one", async () => {
    const dealId = await newDeal(db, { street: "1900 Main St", arv: 250_000 });
    const before = await db.offerEvidence.findMany({ where: { dealId } });
    expect(before).toHaveLength(1);
    expect(before[0].recommendedOffer).toBe(Math.round(250_000 * 0.7 - 20_000 - 2_500 - 6_000));
    expect(before[0].assumptions).toMatchObject({ arvSource: "entered", negotiationMargin: 6_000 });

    const result = await useCompsArv(db, actor, dealId, NOW);
    expect(result.previousArv).toBe(250_000);
    expect(result.underwriting.ok).toBe(true);

    const deal = await db.deal.findFirstOrThrow({ where: { id: dealId } });
    const mao = Math.round(result.arv * 0.7 - 20_000 - 2_500);
    expect(deal).toMatchObject({ arv: result.arv, arvSource: "comps", mao, recommendedOffer: mao - 6_000, spread: mao - 120_000 });
    expect(deal.scoredAt).not.toBeNull();

    const after = await db.offerEvidence.findMany({ where: { dealId }, orderBy: { createdAt: "asc" } });
    expect(after).toHaveLength(2);
    expect(after[0]).toEqual(before[0]);
    const fresh = after[1];
    expect(fresh.recommendedOffer).toBe(mao - 6_000);
    expect(fresh.assumptions).toMatchObject({ arvSource: "comps", negotiationMargin: 6_000, compsCount: 6 });
    const comps = fresh.comps as unknown as CompEvidence;
    expect(comps.arv).toBe(result.arv);
    expect(comps.comps).toHaveLength(6);
    expect(fresh.inputs).toMatchObject({ arv: result.arv });

    const audit = await db.auditEvent.findFirst({ where: { action: "deal.arv_from_comps", entityId: dealId } });
    expect(audit).not.toBeNull();
  });

  it("refuses a deal without square feet with a reason, changing nothing", async () => {
    const dealId = await newDeal(db, { street: "2000 Main St", arv: 250_000, sqft: undefined });
    await expect(useCompsArv(db, actor, dealId, NOW)).rejects.toThrow(/square feet/);
    expect(await db.offerEvidence.count({ where: { dealId } })).toBe(1);
  });

  it("a deal that closes becomes a comp at its contract price plus the assignment fee", async () => {
    const dealId = await newDeal(db, { street: "2100 Main St", arv: 250_000 });
    const to = async (status: "CONTACTED" | "UNDER_CONTRACT" | "CLOSED", extra: Record<string, unknown> = {}) =>
      expect((await changeDealStatus(db, actor, { dealIds: [dealId], to: status, ...extra } as never)).changed).toEqual([dealId]);
    await to("CONTACTED");
    await to("UNDER_CONTRACT", { assignmentFee: 12_000 });
    await to("CLOSED");
    const sale = await db.compSale.findFirst({ where: { source: "CLOSED_DEAL", sourceRef: dealId } });
    expect(sale).toMatchObject({ soldPrice: 132_000, sqft: 1500, propertyType: "SFR", areaCode: "75201" });
  });
});

describe("the RentCast provider over HTTP", () => {
  let server: Server;
  let baseUrl: string;
  const seen: IncomingMessage[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: [] };

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request);
      response.writeHead(answer.status, { "content-type": "application/json" });
      response.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks for sales around the deal with the key, and stores the complete ones as PROVIDER sales, once", async () => {
    const dealId = await newDeal(otherDb, { street: "500 Ervay St" });
    answer = {
      status: 200,
      body: [
        { id: "r1", addressLine1: "510 Ervay St", city: "Dallas", state: "TX", zipCode: "75201", latitude: 32.78, longitude: -96.797, propertyType: "Single Family", bedrooms: 3, bathrooms: 2, squareFootage: 1450, yearBuilt: 1980, lastSaleDate: "2026-08-01T00:00:00.000Z", lastSalePrice: 305000 },
        { id: "r2", addressLine1: "520 Ervay St", zipCode: "75201", propertyType: "Condo", lastSaleDate: "2026-07-01T00:00:00.000Z", lastSalePrice: 250000 },
        { id: "r3", addressLine1: "530 Ervay St", zipCode: "75201", lastSalePrice: 0, lastSaleDate: "2026-07-01" },
        { id: "r4", addressLine1: "540 Ervay St", zipCode: "75201", lastSalePrice: 280000, lastSaleDate: "2030-01-01" },
      ],
    };
    const provider = rentCastCompsProvider({ apiKey: "rc-test-key", baseUrl });
    const first = await fetchProviderComps(otherDb, actor, dealId, provider, NOW);
    expect(first).toEqual({ created: 2, duplicates: 0, rejected: 1 });
    const request = seen.at(-1)!;
    expect(request.headers["x-api-key"]).toBe("rc-test-key");
    const url = new URL(request.url!, "http://x");
    expect(url.pathname).toBe("/v1/properties");
    expect(url.searchParams.get("propertyType")).toBe("Single Family");
    expect(Number(url.searchParams.get("radius"))).toBeCloseTo(3.11, 1);
    expect(Number(url.searchParams.get("saleDateRange"))).toBeGreaterThan(700);
    const stored = await otherDb.compSale.findMany({ where: { source: "PROVIDER" }, orderBy: { street: "asc" } });
    expect(stored.map((s) => [s.street, s.propertyType, s.sourceRef])).toEqual([
      ["510 Ervay St", "SFR", "rentcast:r1"],
      ["520 Ervay St", "CONDO", "rentcast:r2"],
    ]);
    expect(await fetchProviderComps(otherDb, actor, dealId, provider, NOW)).toEqual({ created: 0, duplicates: 2, rejected: 1 });
    expect(await db.compSale.count({ where: { source: "PROVIDER" } })).toBe(0);
  });

  it("reports a refused key as a provider error with its status", async () => {
    answer = { status: 401, body: { message: "Invalid API key" } };
    const provider = rentCastCompsProvider({ apiKey: "bad", baseUrl });
    const error = await provider.soldNear({ latitude: 32.78, longitude: -96.8, radiusKm: 5, propertyType: null, soldSince: new Date("2025-01-01"), limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompsProviderError);
    expect((error as CompsProviderError).status).toBe(401);
  });

  it("is used only when the COMPS credential is set", async () => {
    expect(await compsProviderFor(db, {})).toBeNull();
    expect((await compsProviderFor(db, { COMPS_API_KEY: "k", COMPS_BASE_URL: baseUrl }))?.name).toBe("rentcast");
  });
});
