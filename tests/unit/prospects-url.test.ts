import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FILTER_KEYS,
  HIDEABLE_COLUMN_IDS,
  PROSPECT_COLUMN_IDS,
  SORT_BY_COLUMN,
  clearFiltersPatch,
  countActiveFilters,
  hiddenColumnsValue,
  hiddenFromVisibility,
  hrefWith,
  parseHiddenColumns,
  patchSearchParams,
  sortPatch,
  sortingFromQuery,
  visibilityFromHidden,
} from "@/components/prospects/table-url";
import { DEAL_SOURCES, DEAL_STATUSES } from "@/lib/intake/schema";
import { PROSPECT_SORTS, ProspectQuery, parseProspectQuery, prospectQueryString, prospectSearchParams } from "@/lib/prospects/query";
import { canonicalViewQuery } from "@/lib/prospects/views";
import { STRATEGIES } from "@/lib/underwriting/rules";

const list = <T,>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });
const word = (max: number) => fc.string({ minLength: 1, maxLength: max }).map((s) => s.trim()).filter((s) => s.length > 0);
const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Table states as the server parses them from a URL. */
const prospectQuery = fc.record({
  page: fc.integer({ min: 1, max: 5000 }),
  pageSize: fc.integer({ min: 10, max: 200 }),
  sort: fc.constantFrom(...PROSPECT_SORTS),
  dir: fc.constantFrom("asc" as const, "desc" as const),
  q: maybe(word(100)),
  status: list(DEAL_STATUSES),
  strategy: list(STRATEGIES),
  source: list(DEAL_SOURCES),
  region: maybe(fc.stringMatching(/^[A-Z]{1,3}$/)),
  market: maybe(word(80)),
  spreadMin: maybe(fc.integer({ min: -1_000_000, max: 1_000_000 })),
  spreadMax: maybe(fc.integer({ min: -1_000_000, max: 1_000_000 })),
  scoreMin: maybe(fc.integer({ min: 0, max: 100 })),
  from: maybe(day),
  to: maybe(day),
});

/** What Next hands a page: repeated keys become arrays. */
function toRecord(queryString: string): Record<string, string | string[]> {
  const params = new URLSearchParams(queryString);
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return record;
}

describe("prospect query <-> URL", () => {
  it("round-trips every table state through its query string", () => {
    fc.assert(
      fc.property(prospectQuery, (query) => {
        const url = prospectQueryString(prospectSearchParams(query));
        expect(parseProspectQuery(toRecord(url))).toEqual(ProspectQuery.parse(query));
      }),
    );
  });

  it("leaves defaults out of the URL", () => {
    expect(prospectQueryString(prospectSearchParams(ProspectQuery.parse({})))).toBe("");
    expect(prospectQueryString(prospectSearchParams(ProspectQuery.parse({ status: "NEW,DEAD", page: "2" })))).toBe("page=2&status=NEW,DEAD");
  });

  it("drops a malformed parameter instead of failing the page", () => {
    const query = parseProspectQuery({ spreadMin: "abc", status: ["NEW", "BOGUS"], region: "tx", from: "yesterday" });
    expect(query).toMatchObject({ region: "TX", page: 1 });
    expect(query.spreadMin).toBeUndefined();
    expect(query.status).toBeUndefined();
    expect(query.from).toBeUndefined();
  });
});

describe("patchSearchParams", () => {
  it("resets the page unless the patch sets it, and keeps unrelated parameters", () => {
    fc.assert(
      fc.property(prospectQuery, word(20), (query, q) => {
        const current = prospectSearchParams(query);
        current.set("cols", "market");
        const next = patchSearchParams(current, { q });
        expect(next.get("page")).toBeNull();
        expect(next.get("q")).toBe(q);
        expect(next.get("cols")).toBe("market");
        expect(patchSearchParams(current, { page: 7 }).get("page")).toBe("7");
      }),
    );
  });

  it("removes empty values and defaults, joins lists", () => {
    const next = patchSearchParams("q=a&status=NEW&sort=spread", { q: " ", status: [], sort: "createdAt", dir: "desc", source: ["CSV", "API"], pageSize: 25 });
    expect(prospectQueryString(next)).toBe("source=CSV,API");
    expect(hrefWith("/deals", new URLSearchParams())).toBe("/deals");
  });

  it("clears every filter but keeps sort, page size and columns", () => {
    const current = new URLSearchParams("q=main&status=NEW&spreadMin=1&from=2026-01-01&sort=spread&pageSize=50&cols=market&page=3");
    expect(prospectQueryString(patchSearchParams(current, clearFiltersPatch()))).toBe("sort=spread&pageSize=50&cols=market");
  });

  it("counts active filters", () => {
    expect(countActiveFilters(ProspectQuery.parse({}))).toBe(0);
    expect(countActiveFilters(ProspectQuery.parse({ q: "x", status: "NEW,DEAD", spreadMin: "0", sort: "score" }))).toBe(3);
    expect(FILTER_KEYS).not.toContain("sort");
  });
});

describe("table state", () => {
  it("maps every sort to a column and back", () => {
    for (const sort of PROSPECT_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const sorting = sortingFromQuery({ sort, dir });
        expect(PROSPECT_COLUMN_IDS).toContain(sorting[0].id);
        expect(sortPatch(sorting)).toEqual({ sort, dir });
      }
    }
    expect(sortPatch([])).toEqual({ sort: undefined, dir: undefined });
    expect(sortPatch([{ id: "status", desc: true }])).toEqual({ sort: undefined, dir: undefined });
    expect(Object.values(SORT_BY_COLUMN).sort()).toEqual([...PROSPECT_SORTS].sort());
  });

  it("round-trips hidden columns through the URL and TanStack visibility", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROSPECT_COLUMN_IDS, "bogus")), (ids) => {
        // Unknown ids and the address (which cannot be hidden) are dropped.
        const known = [...new Set(ids.filter((id) => HIDEABLE_COLUMN_IDS.includes(id as never)))].sort();
        const parsed = parseHiddenColumns(hiddenColumnsValue(ids), HIDEABLE_COLUMN_IDS);
        expect(parsed).toEqual(known);
        // TanStack may also list visible columns (true): only `false` means hidden.
        expect(hiddenFromVisibility({ ...visibilityFromHidden(parsed), address: true })).toEqual(known);
      }),
    );
  });
});

describe("canonicalViewQuery", () => {
  it("is idempotent and never keeps the page", () => {
    fc.assert(
      fc.property(prospectQuery, fc.array(fc.constantFrom(...PROSPECT_COLUMN_IDS), { maxLength: 4 }), (query, hidden) => {
        const params = prospectSearchParams(query);
        if (hidden.length) params.set("cols", hidden.join(","));
        const once = canonicalViewQuery(params.toString());
        expect(canonicalViewQuery(once)).toBe(once);
        expect(new URLSearchParams(once).has("page")).toBe(false);
      }),
    );
  });

  it("tolerates arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => typeof canonicalViewQuery(text) === "string"));
  });
});
