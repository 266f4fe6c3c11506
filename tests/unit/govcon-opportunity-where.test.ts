import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExpectedError } from "@/lib/errors";
import { OpportunityQuery, type OpportunityFilters } from "@/lib/govcon/filters";
import { statusUpdateOf } from "@/lib/govcon/opportunities";
import { OpportunityStatusInput } from "@/lib/govcon/opportunity-schema";
import { opportunityOrderBy, opportunityWhere } from "@/lib/govcon/opportunity-where";

const NOW = new Date("2026-03-01T12:00:00Z");

describe("opportunityWhere", () => {
  it("is empty without filters", () => {
    expect(opportunityWhere({}, NOW)).toEqual({});
  });

  const cases: [string, OpportunityFilters, unknown[]][] = [
    ["q searches title, solicitation number and notice id", { q: "roof" }, [{ OR: [{ title: { contains: "roof", mode: "insensitive" } }, { solicitationNumber: { contains: "roof", mode: "insensitive" } }, { noticeId: { contains: "roof", mode: "insensitive" } }] }]],
    ["a NAICS prefix matches every code under it", { naics: ["2362", "561730"] }, [{ OR: [{ naicsCode: { startsWith: "2362" } }, { naicsCode: { startsWith: "561730" } }] }]],
    ["set-asides and notice types are lists", { setAside: ["SBA", "8A"], noticeType: ["Solicitation"] }, [{ setAside: { in: ["SBA", "8A"] } }, { noticeType: { in: ["Solicitation"] } }]],
    [
      "each agency word appears in one of the agency fields",
      { agency: "army  engineers" },
      ["army", "engineers"].map((w) => ({ OR: ["agency", "subTier", "office", "agencyPath"].map((f) => ({ [f]: { contains: w, mode: "insensitive" } })) })),
    ],
    ["state", { state: "TX" }, [{ placeState: "TX" }]],
    ["deadline days are whole UTC days", { deadlineFrom: "2026-03-10", deadlineTo: "2026-03-20" }, [{ responseDeadline: { gte: new Date("2026-03-10T00:00:00Z") } }, { responseDeadline: { lt: new Date("2026-03-21T00:00:00Z") } }]],
    ["a deadline window starts now and leaves past deadlines out", { deadlineWithinDays: 7 }, [{ responseDeadline: { gte: NOW, lte: new Date("2026-03-08T12:00:00Z") } }]],
    ["minimum fit", { fitMin: 60 }, [{ fitScore: { gte: 60 } }]],
    ["status and exclude no-bid", { status: ["TRACKING", "NO_BID"], excludeNoBid: true }, [{ status: { in: ["TRACKING", "NO_BID"] } }, { status: { not: "NO_BID" } }]],
  ];
  it.each(cases)("%s", (_name, filters, and) => {
    expect(opportunityWhere(filters, NOW)).toEqual({ AND: and });
  });

  it("reads filters the way the page's URL carries them", () => {
    const query = OpportunityQuery.parse({ setAside: "SBA,WOSB", fitMin: "50", excludeNoBid: "1", naics: "2362" });
    expect(opportunityWhere(query, NOW)).toEqual({
      AND: [{ OR: [{ naicsCode: { startsWith: "2362" } }] }, { setAside: { in: ["SBA", "WOSB"] } }, { fitScore: { gte: 50 } }, { status: { not: "NO_BID" } }],
    });
  });

  it("adds one clause per filter set, whatever the combination", () => {
    const filters = fc.record(
      { fitMin: fc.integer({ min: 0, max: 100 }), state: fc.constantFrom("TX", "OH"), excludeNoBid: fc.constant(true), setAside: fc.constant(["SBA"] as ["SBA"]) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        const where = opportunityWhere(f, NOW) as { AND?: unknown[] };
        expect(where.AND?.length ?? 0).toBe(Object.keys(f).length);
      }),
      { numRuns: 50 },
    );
  });
});

describe("opportunityOrderBy", () => {
  it.each([
    ["fit", "desc", "fitScore"],
    ["deadline", "asc", "responseDeadline"],
    ["posted", "desc", "postedAt"],
  ] as const)("%s %s puts empty values last and breaks ties by id", (sort, dir, column) => {
    expect(opportunityOrderBy({ sort, dir })).toEqual([{ [column]: { sort: dir, nulls: "last" } }, { id: dir }]);
  });
});

describe("statusUpdateOf", () => {
  const actor = "user-1";
  it("tracking an unowned notice makes the actor its owner; an owner stays", () => {
    expect(statusUpdateOf({ ownerId: null }, { status: "TRACKING" }, actor, NOW)).toMatchObject({ status: "TRACKING", ownerId: actor });
    expect(statusUpdateOf({ ownerId: "user-2" }, { status: "PURSUING" }, actor, NOW)).toMatchObject({ ownerId: "user-2" });
  });

  it("no-bid needs a reason, named as the field", () => {
    for (const reason of [undefined, "", "   "]) {
      const error = (() => {
        try {
          statusUpdateOf({ ownerId: null }, { status: "NO_BID", reason }, actor, NOW);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ExpectedError);
      expect(error).toMatchObject({ code: "invalid", field: "reason" });
    }
  });

  it("no-bid records who and when; leaving it clears them", () => {
    expect(statusUpdateOf({ ownerId: null }, { status: "NO_BID", reason: " Out of area " }, actor, NOW)).toEqual({
      status: "NO_BID", ownerId: null, noBidReason: "Out of area", noBidById: actor, noBidAt: NOW,
    });
    expect(statusUpdateOf({ ownerId: null }, { status: "NEW" }, actor, NOW)).toEqual({ status: "NEW", ownerId: null, noBidReason: null, noBidById: null, noBidAt: null });
  });

  it("the shared schema names reason when a no-bid has none", () => {
    const parsed = OpportunityStatusInput.safeParse({ status: "NO_BID", reason: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["reason"]);
    expect(OpportunityStatusInput.safeParse({ status: "TRACKING" }).success).toBe(true);
    expect(OpportunityStatusInput.safeParse({ status: "WON" }).error?.issues[0].path).toEqual(["status"]);
  });
});
