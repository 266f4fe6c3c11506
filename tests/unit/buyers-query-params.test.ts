import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUYER_SORTS, BUYER_QUERY_DEFAULTS, buyerQueryString, buyerSearchParams, hasBuyerFilters, parseBuyerQuery, parseBuyerQueryString } from "@/lib/buyers/query-params";
import { BUYER_STATUSES, BUYER_STRATEGIES, BUYER_TIERS } from "@/lib/buyers/schema";
import { PROPERTY_TYPES } from "@/lib/intake/schema";
import { buyerFormObject } from "@/lib/buyers/form-values";

const subset = <T,>(values: readonly T[]) => fc.subarray([...values], { minLength: 0 }).map((v) => (v.length ? v : undefined));
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}[A-Za-z0-9]$/);

describe("buyer query parameters", () => {
  it("round-trips every query through the URL", () => {
    fc.assert(
      fc.property(
        fc.record({
          page: fc.integer({ min: 1, max: 500 }),
          pageSize: fc.integer({ min: 10, max: 200 }),
          sort: fc.constantFrom(...BUYER_SORTS),
          dir: fc.constantFrom("asc" as const, "desc" as const),
          q: fc.option(word, { nil: undefined }),
          status: subset(BUYER_STATUSES),
          tier: subset(BUYER_TIERS),
          market: fc.option(fc.constantFrom("TX:Houston", "ON:Toronto", "FL:Tampa Bay"), { nil: undefined }),
          postalCode: fc.option(fc.constantFrom("77002", "M5V"), { nil: undefined }),
          propertyType: subset(PROPERTY_TYPES),
          strategy: subset(BUYER_STRATEGIES),
          tag: fc.option(word, { nil: undefined }),
          owner: fc.option(fc.constantFrom("none", "user_123"), { nil: undefined }),
        }),
        (query) => {
          const parsed = parseBuyerQueryString(buyerQueryString(query));
          expect(parsed).toEqual({ ...query, after: undefined });
        },
      ),
    );
  });

  it("leaves the defaults out of links", () => {
    expect(buyerSearchParams({ ...BUYER_QUERY_DEFAULTS }).toString()).toBe("");
    expect(buyerQueryString({ ...BUYER_QUERY_DEFAULTS, status: ["ACTIVE", "INACTIVE"] })).toBe("status=ACTIVE,INACTIVE");
  });

  it("drops a malformed parameter and keeps the rest", () => {
    const query = parseBuyerQuery({ page: "abc", sort: "nonsense", tier: "A,Z", q: "jane" });
    expect(query.page).toBe(1);
    expect(query.sort).toBe("createdAt");
    expect(query.tier).toBeUndefined();
    expect(query.q).toBe("jane");
  });

  it("accepts repeated and lower-case list values", () => {
    expect(parseBuyerQuery({ status: ["active", "DO_NOT_USE"] }).status).toEqual(["ACTIVE", "DO_NOT_USE"]);
  });

  it("knows when a query filters", () => {
    expect(hasBuyerFilters(parseBuyerQuery({ page: "3", sort: "name" }))).toBe(false);
    expect(hasBuyerFilters(parseBuyerQuery({ tag: "cash" }))).toBe(true);
  });
});

describe("buyer form values", () => {
  it("clears emptied amounts when editing and turns checkbox groups into lists", () => {
    const form = new FormData();
    form.set("priceMax", " ");
    form.append("propertyTypes", "");
    form.append("propertyTypes", "SFR");
    form.append("strategies", "");
    expect(buyerFormObject(form, { clearBlanks: true })).toEqual({ priceMax: null, propertyTypes: ["SFR"], strategies: [] });
    expect(buyerFormObject(form, { clearBlanks: false })).toMatchObject({ priceMax: " " });
  });
});
