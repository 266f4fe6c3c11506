import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRoute, PUT as putRoute } from "@/app/api/v1/govcon/profile/route";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { useDatabase, type Database } from "@/lib/db/client";
import type { TenantDb } from "@/lib/db/tenant";
import { DEFAULT_FIT_WEIGHTS } from "@/lib/govcon/fit-weights";
import { loadGovConProfile, resetFitWeights, saveFitWeights, saveGovConProfile } from "@/lib/govcon/profile";
import type { GovConProfileResponse } from "@/lib/govcon/profile-api";
import { callRoute } from "../helpers/api";
import { twoWorkspacesWithKeys } from "../helpers/api-tenants";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let keys: { readKey: string; writeKey: string; otherKey: string };
const actor = { actorId: null, actorEmail: "owner@profile.test", requestId: "req-profile" };

const PROFILE = {
  naicsCodes: ["236220", "2382"],
  pscCodes: ["Z"],
  setAsides: ["SBA", "WOSB"],
  keywords: ["roof", "HVAC"],
  excludedKeywords: ["software"],
  states: ["oh", "IN"],
  valueMinDollars: 25_000,
  valueMaxDollars: 5_000_000,
  capabilityStatement: "General contractor for federal facilities.",
  prepDays: 14,
  descriptionMinFit: 40,
};

const put = (body: unknown, key = keys.writeKey) => callRoute(putRoute, "/api/v1/govcon/profile", { key, method: "PUT", body });
const get = (key = keys.readKey) => callRoute(getRoute, "/api/v1/govcon/profile", { key });

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const workspaces = await twoWorkspacesWithKeys(database, "govcon-profile", { read: "govcon:read", write: "govcon:write" });
  db = workspaces.db;
  keys = workspaces;
}, 120_000);
afterAll(() => database.close());

describe("GET and PUT /api/v1/govcon/profile", () => {
  it("answers no profile and the default weights before one is saved", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ profile: null, weights: DEFAULT_FIT_WEIGHTS });
  });

  it("saves the profile, normalised, with its weights, and records it in the audit log", async () => {
    const response = await put({ ...PROFILE, keywords: "roof, HVAC\nroof", fitWeights: { naicsExact: 40 } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as GovConProfileResponse;
    expect(body.profile).toMatchObject({ ...PROFILE, states: ["OH", "IN"], keywords: ["roof", "HVAC"], fitWeights: { naicsExact: 40 } });
    expect(body.weights).toEqual({ ...DEFAULT_FIT_WEIGHTS, naicsExact: 40 });
    expect(await (await get()).json()).toEqual(body);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "govcon.profile_updated" }, orderBy: { createdAt: "desc" } });
    expect(audit.after).toMatchObject({ naicsCodes: ["236220", "2382"], fitWeights: { naicsExact: 40 } });
  });

  it("answers 422 naming the field for a malformed NAICS code or an unknown set-aside, and keeps the stored profile", async () => {
    const badNaics = await put({ ...PROFILE, naicsCodes: ["236220", "23A"] });
    expect(badNaics.status).toBe(422);
    expect(await badNaics.json()).toMatchObject({ issues: [{ path: "naicsCodes.1", message: expect.stringContaining('"23A" is not a NAICS code') }] });
    const badSetAside = await put({ ...PROFILE, setAsides: ["SBB"] });
    expect(badSetAside.status).toBe(422);
    expect(await badSetAside.json()).toMatchObject({ issues: [{ path: "setAsides.0", message: expect.stringContaining('Unknown set-aside code "SBB"') }] });
    const badWeight = await put({ ...PROFILE, fitWeights: { naicsExact: 500 } });
    expect(badWeight.status).toBe(422);
    expect(await badWeight.json()).toMatchObject({ issues: [{ path: "fitWeights.naicsExact" }] });
    const unknownWeight = await put({ ...PROFILE, fitWeights: { naicsExactly: 5 } });
    expect(unknownWeight.status).toBe(422);
    expect((await loadGovConProfile(db))?.naicsCodes).toEqual(["236220", "2382"]);
  });

  it("refuses a key without govcon:write, and keeps one workspace's profile from another", async () => {
    expect((await put(PROFILE, keys.readKey)).status).toBe(403);
    expect(await (await get(keys.otherKey)).json()).toMatchObject({ profile: null });
  });

  it("is in the OpenAPI document with its scopes", () => {
    const paths = (buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { description: string }>> }).paths;
    expect(paths["/api/v1/govcon/profile"].get.description).toContain("govcon:read");
    expect(paths["/api/v1/govcon/profile"].put.description).toContain("govcon:write");
  });
});

describe("saving the profile scores the stored opportunities again", () => {
  it("changes an opportunity's fit when the profile or its weights change, and back when reset", async () => {
    const opportunity = await db.opportunity.create({
      data: {
        noticeId: "fit-1",
        title: "Roof replacement",
        noticeType: "Solicitation",
        raw: {
          noticeId: "fit-1",
          title: "Roof replacement",
          type: "Solicitation",
          naicsCode: "236220",
          typeOfSetAside: "SBA",
          responseDeadLine: "2099-01-01",
          placeOfPerformance: { state: { code: "OH" } },
          classificationCode: "Z1AA",
        },
      } as never,
    });
    await saveGovConProfile(db, { ...PROFILE, naicsCodes: ["236220"] } as never, actor);
    const first = await db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    // The form's save keeps the weights: naicsExact 40 from the API test above.
    expect(first.fitReasons).toContainEqual({ code: "naics-exact", text: "NAICS 236220 is one of your codes: +40", points: 40 });
    expect(first.fitScore).toBe(40 + 10 + 5 + 10 + 5 + 10 + 10);

    await saveFitWeights(db, { naicsExact: 10, keywordHit: 1 }, actor);
    const reweighted = await db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    expect(reweighted.fitScore).toBe(10 + 10 + 1 + 10 + 5 + 10 + 10);
    expect(await db.auditEvent.count({ where: { action: "govcon.fit_weights_updated" } })).toBe(1);

    await saveGovConProfile(db, { ...PROFILE, setAsides: ["8A"] } as never, actor);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).fitScore).toBe(10 + 10 + 1 + 10 + 5 + 10 + 10);

    await saveGovConProfile(db, { ...PROFILE, setAsides: [] } as never, actor);
    const ineligible = await db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    expect(ineligible.fitScore).toBe(0);
    expect((ineligible.fitReasons as { code: string }[])[0].code).toBe("set-aside-ineligible");

    await resetFitWeights(db, actor);
    expect((await loadGovConProfile(db))?.fitWeights).toEqual({});
  });

  it("refuses weights out of bounds, naming the weight", async () => {
    await expect(saveFitWeights(db, { excludedKeyword: 5 }, actor)).rejects.toMatchObject({ code: "invalid", field: "excludedKeyword" });
  });
});
