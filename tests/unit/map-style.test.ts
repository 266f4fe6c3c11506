import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { basemapGeoJson } from "@/lib/map/basemap";
import { clusterAccumulatorOf, clusterPropertiesOf, mergeClusterAccumulators, type DealPoint } from "@/lib/map/clusters";
import { colorExpression, legendEntries, STATUS_COLORS } from "@/lib/map/legend";
import { buildBaseStyle, DARK_COLORS, mapStyleFor } from "@/lib/map/style";
import { DEAL_STATUSES } from "@/lib/deals/rules";
import { STRATEGIES } from "@/lib/underwriting/rules";

describe("the base map style", () => {
  it("draws water, land, state and country lines from the offline base map, with nothing that fetches fonts or sprites", () => {
    const style = buildBaseStyle();
    expect(style.version).toBe(8);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.map((layer) => layer.id)).toEqual(["background", "land", "state-lines", "country-lines"]);
    expect(style.layers.some((layer) => layer.type === "symbol")).toBe(false);
    expect(style.sources.basemap).toEqual({ type: "geojson", data: "/api/map/basemap" });
    expect(buildBaseStyle({ basemapUrl: "http://x/b", colors: DARK_COLORS }).layers[0]).toMatchObject({ paint: { "background-color": DARK_COLORS.water } });
  });

  it("gives way to MAP_STYLE_URL when it is set", () => {
    expect(mapStyleFor("https://tiles.example.com/style.json")).toBe("https://tiles.example.com/style.json");
    expect(typeof mapStyleFor("  ")).toBe("object");
    expect(typeof mapStyleFor(undefined)).toBe("object");
  });
});

describe("the offline base map", () => {
  it("holds land polygons, the country borders and the US state lines, rounded to 3 decimals", () => {
    const map = basemapGeoJson();
    const layers = map.features.map((f) => f.properties.layer);
    expect(layers.filter((l) => l === "land").length).toBeGreaterThan(0);
    expect(layers.filter((l) => l === "state-line")).toHaveLength(1);
    expect(layers.filter((l) => l === "country-line")).toHaveLength(1);
    const state = map.features.find((f) => f.properties.layer === "state-line")!;
    expect(state.geometry.type).toBe("MultiLineString");
    const first = (state.geometry as GeoJSON.MultiLineString).coordinates[0][0];
    for (const value of first) expect(Math.round(value * 1000) / 1000).toBe(value);
    // Texas's border with Oklahoma along the Red River is among the state lines.
    const lines = (state.geometry as GeoJSON.MultiLineString).coordinates.flat();
    expect(lines.some(([lng, lat]) => lng > -100.1 && lng < -99.9 && lat > 34.5 && lat < 36.6)).toBe(true);
  });
});

const dealPoint = fc.record({
  id: fc.string(),
  label: fc.string(),
  status: fc.constantFrom(...DEAL_STATUSES),
  strategy: fc.constantFrom(...STRATEGIES, null),
  spread: fc.option(fc.integer({ min: -100_000, max: 500_000 }), { nil: null }),
}) as fc.Arbitrary<DealPoint>;

describe("cluster properties", () => {
  it("count every deal once, sum the known spreads and name the most common status and strategy", () => {
    fc.assert(fc.property(fc.array(dealPoint, { minLength: 1, maxLength: 60 }), (points) => {
      const [first, ...rest] = points.map(clusterAccumulatorOf);
      for (const next of rest) mergeClusterAccumulators(first, next);
      const properties = clusterPropertiesOf(first, { clusterId: 1, count: points.length, expansionZoom: 5 });
      expect(first.statusCounts.reduce((a, b) => a + b, 0)).toBe(points.length);
      expect(first.strategyCounts.reduce((a, b) => a + b, 0)).toBe(points.length);
      const spreads = points.flatMap((p) => (p.spread === null ? [] : [p.spread]));
      expect(properties.spreadSum).toBe(spreads.reduce((a, b) => a + b, 0));
      expect(properties.spreadMean).toBe(spreads.length ? Math.round(properties.spreadSum / spreads.length) : null);
      const count = (status: string) => points.filter((p) => p.status === status).length;
      expect(count(properties.status)).toBe(Math.max(...DEAL_STATUSES.map(count)));
      const strategyCount = (strategy: string | null) => points.filter((p) => p.strategy === strategy).length;
      expect(strategyCount(properties.strategy)).toBe(Math.max(...[...STRATEGIES, null].map(strategyCount)));
    }));
  });

  it("breaks a tie by the earlier status", () => {
    const a = clusterAccumulatorOf({ id: "1", label: "", status: "DEAD", strategy: null, spread: null });
    mergeClusterAccumulators(a, clusterAccumulatorOf({ id: "2", label: "", status: "NEW", strategy: "FLIP", spread: 5 }));
    expect(clusterPropertiesOf(a, { clusterId: 1, count: 2, expansionZoom: 3 })).toMatchObject({ status: "NEW", strategy: "FLIP", spreadSum: 5, spreadMean: 5 });
  });
});

describe("map colours", () => {
  it("colour every status and strategy, and deals without a strategy apart", () => {
    const byStatus = colorExpression("status");
    for (const status of DEAL_STATUSES) expect(byStatus[byStatus.indexOf(status) + 1]).toBe(STATUS_COLORS[status]);
    expect(legendEntries("strategy").map((e) => e.label)).toEqual(["Flip", "Rental", "Wholesale", "Trash", "Not underwritten"]);
    expect(new Set(legendEntries("status").map((e) => e.color)).size).toBe(DEAL_STATUSES.length);
  });
});

describe("the page policy for the map", () => {
  it("lets MapLibre start its worker from a blob, and fetch a MAP_STYLE_URL style from its origin only", async () => {
    const { contentSecurityPolicy } = await import("@/lib/http/content-security-policy");
    const offline = contentSecurityPolicy({ nonce: "n", https: false, development: false });
    expect(offline).toContain("worker-src 'self' blob:");
    expect(offline).toContain("connect-src 'self';");
    const styled = contentSecurityPolicy({ nonce: "n", https: false, development: false, mapStyleUrl: "https://tiles.example.com/styles/light.json?key=abc" });
    expect(styled).toContain("connect-src 'self' https://tiles.example.com;");
    expect(contentSecurityPolicy({ nonce: "n", https: false, development: false, mapStyleUrl: "javascript:alert(1)" })).toContain("connect-src 'self';");
  });
});
