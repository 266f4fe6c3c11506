import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AreaCodesParam, BboxParam, clampBbox, formatBbox, intersectBbox, parseBbox } from "@/lib/map/bbox";
import { ViewportQuery } from "@/lib/map/schema";
import { parseProspectQuery, ProspectQuery, prospectSearchParams } from "@/lib/prospects/query-params";
import { prospectFilterSql } from "@/lib/prospects/query-sql";
import { prospectWhere } from "@/lib/prospects/query";

describe("bbox parsing", () => {
  it("reads minLng,minLat,maxLng,maxLat and refuses anything else", () => {
    expect(parseBbox("-97.1,32.6,-96.5,33.1")).toEqual([-97.1, 32.6, -96.5, 33.1]);
    expect(parseBbox([" -97.1", "32.6", "-96.5", "33.1 "])).toEqual([-97.1, 32.6, -96.5, 33.1]);
    expect(parseBbox(["-97.1,32.6,-96.5,33.1"])).toEqual([-97.1, 32.6, -96.5, 33.1]);
    for (const bad of ["", "1,2,3", "1,2,3,4,5", "a,2,3,4", "-181,0,0,1", "0,-91,1,1", "10,0,5,1", "0,10,1,5", "0,,1,1", "Infinity,0,1,1", undefined, 42]) {
      expect(parseBbox(bad)).toBeUndefined();
    }
  });

  it("round-trips any valid box through its text", () => {
    const box = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
      .map(([a, b, c, d]) => [Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)] as [number, number, number, number]);
    fc.assert(fc.property(box, (bbox) => {
      const parsed = parseBbox(formatBbox(bbox));
      expect(parsed).toBeDefined();
      expect(parseBbox(formatBbox(parsed!))).toEqual(parsed);
      parsed!.forEach((value, i) => expect(Math.abs(value - bbox[i])).toBeLessThanOrEqual(1e-6));
    }));
  });

  it("clamps a zoomed-out view to the world and intersects boxes", () => {
    expect(clampBbox([-250, -95, 200, 95])).toEqual([-180, -90, 180, 90]);
    expect(intersectBbox([0, 0, 10, 10], [5, 5, 20, 20])).toEqual([5, 5, 10, 10]);
    expect(intersectBbox([0, 0, 1, 1], [2, 2, 3, 3])).toBeUndefined();
  });

  it("gives the field and a reason for a bad box", () => {
    const parsed = BboxParam.safeParse("10,0,5,1");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/west before east/);
  });
});

describe("area codes", () => {
  it("takes ZIPs and FSAs, upper-cased, deduplicated, comma-separated or repeated", () => {
    expect(AreaCodesParam.parse("75201,m5v, 75201")).toEqual(["75201", "M5V"]);
    expect(AreaCodesParam.parse(["75201", "K1P"])).toEqual(["75201", "K1P"]);
    expect(AreaCodesParam.parse("")).toBeUndefined();
    expect(AreaCodesParam.safeParse("7520").success).toBe(false);
    // D, F, I, O, Q, U and W start no FSA.
    expect(AreaCodesParam.safeParse("D5V").success).toBe(false);
  });
});

describe("Prospects filters bbox and area", () => {
  it("survive the URL round trip and leave the link short", () => {
    const query = ProspectQuery.parse({ bbox: "-97.1,32.6,-96.5,33.1", area: "75201,M5V" });
    const params = prospectSearchParams(query);
    expect(params.get("bbox")).toBe("-97.1,32.6,-96.5,33.1");
    expect(params.get("area")).toBe("75201,M5V");
    expect(ProspectQuery.parse(Object.fromEntries(params))).toEqual(query);
    expect(prospectSearchParams(ProspectQuery.parse({})).toString()).toBe("");
  });

  it("drops a malformed box from a hand-edited link rather than failing the page", () => {
    const query = parseProspectQuery({ bbox: "nonsense", status: "NEW" });
    expect(query.bbox).toBeUndefined();
    expect(query.status).toEqual(["NEW"]);
  });

  it("become SQL conditions and a Prisma filter that agree", () => {
    const query = ProspectQuery.parse({ bbox: "-97.1,32.6,-96.5,33.1", area: "75201,M5V" });
    const { where, params } = prospectFilterSql(query, "t1");
    expect(where).toContain('"areaCode" = ANY(string_to_array($2::text');
    expect(where).toContain('"longitude" BETWEEN $3::float8 AND $5::float8 AND "latitude" BETWEEN $4::float8 AND $6::float8');
    expect(params.slice(1)).toEqual(["75201,M5V", -97.1, 32.6, -96.5, 33.1]);
    expect(prospectWhere(query)).toMatchObject({ areaCode: { in: ["75201", "M5V"] }, longitude: { gte: -97.1, lte: -96.5 }, latitude: { gte: 32.6, lte: 33.1 } });
    expect(prospectFilterSql(ProspectQuery.parse({ area: "75201" }), "t1").where).toContain('"areaCode" = $2::text');
  });
});

describe("ViewportQuery", () => {
  it("requires a box and a zoom, and names the field it refuses", () => {
    expect(ViewportQuery.parse({ bbox: "-100,30,-90,40", zoom: "5", status: "NEW" })).toMatchObject({ bbox: [-100, 30, -90, 40], zoom: 5, status: ["NEW"] });
    const paths = (raw: Record<string, unknown>) => ViewportQuery.safeParse(raw).error?.issues.map((issue) => issue.path.join("."));
    expect(paths({ zoom: "5" })).toEqual(["bbox"]);
    expect(paths({ bbox: "-100,30,-90,40" })).toEqual(["zoom"]);
    expect(paths({ bbox: "-100,30,-90,40", zoom: "99" })).toEqual(["zoom"]);
    expect(paths({ bbox: "-100,30,-90,40", zoom: "3", status: "SOLD" })).toEqual(["status.0"]);
  });
});
