import { describe, expect, it } from "vitest";
import { looksLikePostalCode, looksLikeStreetAddress, marketCasings, nextPrefix, prospectFilterSql } from "@/lib/prospects/query-sql";
import { ProspectQuery } from "@/lib/prospects/query";

describe("prospect filter SQL", () => {
  it("filters by the client's tenant first, with every value as a parameter", () => {
    const sql = prospectFilterSql(ProspectQuery.parse({ status: "NEW", market: "x'; DROP TABLE", q: "o'hara" }), "tenant-1");
    expect(sql.where.startsWith('"tenantId" = $1 AND "deletedAt" IS NULL')).toBe(true);
    expect(sql.params[0]).toBe("tenant-1");
    expect(sql.where).not.toContain("DROP");
    expect(sql.where).not.toContain("hara");
  });

  it("names the casings a market is stored in", () => {
    expect(marketCasings("fort worth")).toContain("Fort Worth");
    expect(marketCasings("WINSTON-SALEM")).toContain("Winston-Salem");
    expect(marketCasings("st. louis")).toContain("St. Louis");
    expect(marketCasings("Dallas")).toEqual(["Dallas", "dallas", "DALLAS"]);
  });

  it("searches postal codes alone only for text shaped like one", () => {
    for (const code of ["M6H", "M6H 1A1", "M6H1", "75201", "75201-1234"]) expect(looksLikePostalCode(code), code).toBe(true);
    for (const text of ["1234", "1234 OAK", "MAPLE", "M6", "752"]) expect(looksLikePostalCode(text), text).toBe(false);
    expect(nextPrefix("M6H")).toBe("M6I");
    expect(nextPrefix("75209")).toBe("7520:");
    const sql = prospectFilterSql(ProspectQuery.parse({ q: "m6h" }), "t");
    expect(sql.where).toContain(`"postalCode" ~>=~ $2::text AND "postalCode" ~<~ $3::text`);
    expect(sql.params.slice(1)).toEqual(["M6H", "M6I"]);
  });

  it("searches a house number and street as the start of a street", () => {
    for (const text of ["1234 Oak", "12B elm st", "7 Rue Émile"]) expect(looksLikeStreetAddress(text), text).toBe(true);
    for (const text of ["Oak 1234", "1234", "100%", "12 34"]) expect(looksLikeStreetAddress(text), text).toBe(false);
    const sql = prospectFilterSql(ProspectQuery.parse({ q: "1234 oak" }), "t");
    expect(sql.where).toContain(`("street" ~>=~ $2::text AND "street" ~<~ $3::text)`);
    expect(sql.params).toContain("1234 Oak");
    expect(sql.params).toContain("1234 Oal");
  });
});
