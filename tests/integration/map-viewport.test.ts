import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { WORLD_BBOX, type Bbox } from "@/lib/map/bbox";
import type { ViewportResult } from "@/lib/map/clusters";
import { clearViewportCache, viewportClusters } from "@/lib/map/viewport";
import { listProspects, ProspectQuery } from "@/lib/prospects/query";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let otherDb: TenantDb;

// Real area centres, far enough apart that no cluster at zoom 6 mixes two of them.
const PLACES = [
  { areaCode: "75201", city: "Dallas", region: "TX", latitude: 32.79, longitude: -96.8 },
  { areaCode: "77002", city: "Houston", region: "TX", latitude: 29.76, longitude: -95.36 },
  { areaCode: "33602", city: "Tampa", region: "FL", latitude: 27.95, longitude: -82.46 },
  { areaCode: "M5V", city: "Toronto", region: "ON", latitude: 43.64, longitude: -79.4 },
];
const STATUSES = ["NEW", "UNDERWRITTEN", "CONTACTED", "DEAD"] as const;
const STRATEGIES = ["FLIP", "RENTAL", "WHOLESALE", null] as const;
const DALLAS_BOX: Bbox = [-97.5, 32.3, -96.1, 33.3];

function deals(tenantId: string, prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length];
    // Every fifth deal sits on the area's centre (as a postal centroid places it); the rest around it.
    const jitter = i % 5 === 0 ? 0 : ((i * 7919) % 1000) / 5000 - 0.1;
    const located = i % 23 !== 0;
    return {
      id: `${prefix}-${i}`,
      tenantId,
      source: "CSV" as const,
      addressKey: `${prefix}-key-${i}`,
      street: `${i} Main St`,
      city: place.city,
      region: place.region,
      postalCode: place.areaCode,
      areaCode: place.areaCode,
      status: STATUSES[i % STATUSES.length],
      strategy: STRATEGIES[i % STRATEGIES.length],
      spread: i % 6 === 0 ? null : ((i * 37) % 90) * 1000 - 10_000,
      latitude: located ? place.latitude + jitter : null,
      longitude: located ? place.longitude - jitter : null,
      locationSource: located ? "centroid" : null,
      deletedAt: i % 31 === 0 ? new Date() : null,
      raw: {},
    };
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "map", name: "Map" } });
  const other = await database.prisma.tenant.create({ data: { slug: "map-other", name: "Other" } });
  db = scopeToTenant(database.prisma, tenant.id);
  otherDb = scopeToTenant(database.prisma, other.id);
  await database.prisma.deal.createMany({ data: deals(tenant.id, "a", 1_200) });
  await database.prisma.deal.createMany({ data: deals(other.id, "b", 300) });
});
afterAll(() => database.close());

const dealsIn = (result: ViewportResult) => result.features.reduce((sum, f) => sum + (f.properties.kind === "cluster" ? f.properties.count : 1), 0);
const tableCount = async (input: Record<string, unknown>) => (await listProspects(db, ProspectQuery.parse(input), { countLimit: 100_000 })).total;

describe("viewportClusters", () => {
  it.each([
    ["no filter", {}],
    ["status NEW or DEAD", { status: "NEW,DEAD" }],
    ["strategy FLIP, spread >= 20k", { strategy: "FLIP", spreadMin: "20000" }],
    ["region TX", { region: "TX" }],
    ["area 75201 or M5V", { area: "75201,M5V" }],
  ])("counts what the Prospects table counts over the whole world (%s)", async (_label, filters) => {
    const result = await viewportClusters(db, ProspectQuery.parse(filters), { bbox: WORLD_BBOX, zoom: 3 });
    expect(dealsIn(result)).toBe(result.deals);
    expect(result.deals).toBe(result.indexed);
    expect(result.deals).toBe(await tableCount({ ...filters, bbox: WORLD_BBOX.join(",") }));
    expect(result.deals).toBeGreaterThan(0);
  });

  it("counts what the table counts in a box, at a zoom that keeps metros apart", async () => {
    for (const filters of [{}, { status: "UNDERWRITTEN" }]) {
      const result = await viewportClusters(db, ProspectQuery.parse(filters), { bbox: DALLAS_BOX, zoom: 6 });
      expect(dealsIn(result)).toBe(await tableCount({ ...filters, bbox: DALLAS_BOX.join(",") }));
      expect(dealsIn(result)).toBeLessThan(result.indexed);
    }
  });

  it("keeps deals at one centre in one cluster at the deepest zoom, with its count and spread sum", async () => {
    const result = await viewportClusters(db, ProspectQuery.parse({ area: "75201" }), { bbox: [-96.81, 32.78, -96.79, 32.8], zoom: 22 });
    expect(result.zoom).toBe(16);
    const centre = result.features.find((f) => f.properties.kind === "cluster" && Math.abs(f.geometry.coordinates[0] + 96.8) < 1e-6 && Math.abs(f.geometry.coordinates[1] - 32.79) < 1e-6);
    expect(centre?.properties).toMatchObject({ kind: "cluster", expansionZoom: 17 });
    const rows = await database.prisma.deal.findMany({ where: { tenantId: db.tenantId, areaCode: "75201", deletedAt: null, latitude: 32.79, longitude: -96.8 } });
    expect(centre?.properties.kind === "cluster" && centre.properties.count).toBe(rows.length);
    const spreadSum = rows.reduce((sum, row) => sum + (row.spread ?? 0), 0);
    expect(centre?.properties.kind === "cluster" && centre.properties.spreadSum).toBe(spreadSum);
  });

  it("never shows another tenant's deals, and sees a new deal at once", async () => {
    const before = await viewportClusters(db, ProspectQuery.parse({}), { bbox: WORLD_BBOX, zoom: 2 });
    const other = await viewportClusters(otherDb, ProspectQuery.parse({}), { bbox: WORLD_BBOX, zoom: 2 });
    expect(other.indexed).toBeLessThan(before.indexed);
    expect(other.indexed).toBe(await listProspects(otherDb, ProspectQuery.parse({ bbox: WORLD_BBOX.join(",") })).then((p) => p.total));
    await database.prisma.deal.create({ data: { ...deals(db.tenantId, "late", 1)[0], id: "late-1", addressKey: "late-1", latitude: 40, longitude: -100, deletedAt: null } });
    const after = await viewportClusters(db, ProspectQuery.parse({}), { bbox: WORLD_BBOX, zoom: 2, maxStaleMs: 0 });
    expect(after.indexed).toBe(before.indexed + 1);
    // Within the version's window, the index already built answers.
    await database.prisma.deal.create({ data: { ...deals(db.tenantId, "later", 1)[0], id: "later-1", addressKey: "later-1", latitude: 41, longitude: -100, deletedAt: null } });
    expect((await viewportClusters(db, ProspectQuery.parse({}), { bbox: WORLD_BBOX, zoom: 2 })).indexed).toBe(after.indexed);
    clearViewportCache();
  });

  it("narrows the viewport to a box given in the filters too", async () => {
    const result = await viewportClusters(db, ProspectQuery.parse({ bbox: DALLAS_BOX.join(",") }), { bbox: WORLD_BBOX, zoom: 6 });
    expect(result.deals).toBe(await tableCount({ bbox: DALLAS_BOX.join(",") }));
    const nowhere = await viewportClusters(db, ProspectQuery.parse({ bbox: DALLAS_BOX.join(",") }), { bbox: [0, 0, 1, 1], zoom: 6 });
    expect(nowhere.features).toEqual([]);
  });
});
