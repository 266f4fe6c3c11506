import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBudget, spendMonth } from "@/lib/enrichment/budget";
import { CONTEXT_QUALITY_WEIGHTS, contextQualityScore } from "@/lib/enrichment/quality";
import { mailingAddressOf } from "@/lib/enrichment/person";
import { normalizePersonName } from "@/lib/providers/skiptrace/local";
import { contactsOf, splitName } from "@/lib/providers/skiptrace/batchdata";

describe("the enrichment budget", () => {
  it.each([
    [0, 20, 50, true],
    [20, 20, 50, true],
    [40, 20, 50, false], // 60 would pass 50 cents
    [30, 20, 50, true], // exactly at the cap is allowed
    [50, 0, 50, true], // a free lookup always fits
    [50, 1, 50, false],
    [0, 51, 50, false],
    [0, 0, 0, true],
    [0, 1, 0, false],
  ])("spent %i, call %i, cap %i: allowed %s", (spent, cost, cap, allowed) => {
    expect(checkBudget(spent, cost, cap).allowed).toBe(allowed);
  });

  it("never lets the month's spend pass the cap", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.array(fc.nat(100), { maxLength: 30 }), (cap, costs) => {
        let spent = 0;
        for (const cost of costs) if (checkBudget(spent, cost, cap).allowed) spent += cost;
        expect(spent).toBeLessThanOrEqual(cap);
      }),
    );
  });

  it("counts by the UTC calendar month", () => {
    expect(spendMonth(new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12");
    expect(spendMonth(new Date("2027-01-01T00:00:00Z"))).toBe("2027-01");
    // 19:00 in New York on Dec 31 is already January in UTC.
    expect(spendMonth(new Date("2026-12-31T19:00:00-05:00"))).toBe("2027-01");
  });
});

describe("the context quality score", () => {
  it("weighs to 1 and is 0 with nothing", () => {
    expect(Object.values(CONTEXT_QUALITY_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(contextQualityScore({})).toBe(0);
    expect(contextQualityScore({ name: "Jane Doe", phone: "+15125550100", email: "j@x.test", address: "1 Main", consent: true, dealNumbers: true, recentActivity: true })).toBe(1);
  });

  it("counts blank strings and false as missing", () => {
    expect(contextQualityScore({ name: "  ", email: "", consent: false })).toBe(0);
    expect(contextQualityScore({ email: "j@x.test", phone: "+15125550100" })).toBe(0.45);
  });

  it("never falls when a field is added", () => {
    const field = fc.constantFrom(...(Object.keys(CONTEXT_QUALITY_WEIGHTS) as (keyof typeof CONTEXT_QUALITY_WEIGHTS)[]));
    fc.assert(
      fc.property(fc.uniqueArray(field), field, (present, extra) => {
        const value = (k: string) => (["consent", "dealNumbers", "recentActivity"].includes(k) ? true : "x");
        const before = Object.fromEntries(present.map((k) => [k, value(k)]));
        const score = contextQualityScore(before);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(contextQualityScore({ ...before, [extra]: value(extra) })).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});

describe("matching people by name and address", () => {
  it("normalizes names", () => {
    expect(normalizePersonName("  José  O'Brien-Smith ")).toBe("jose obrien smith");
    expect(normalizePersonName("JOSE OBRIEN SMITH")).toBe(normalizePersonName("José O’Brien Smith"));
    expect(splitName("Mary Ann Jones")).toEqual({ first: "Mary", last: "Jones" });
    expect(splitName("Cher")).toBeUndefined();
  });

  it("reads an owner's mailing address from a CSV row", () => {
    expect(mailingAddressOf({ "Property Address": "1 Elm", "Mailing Address": "9 Oak St", "Mailing City": "Austin", "Mailing State": "TX", "Mailing Zip": "78701" })).toEqual({ street: "9 Oak St", city: "Austin", state: "TX", zip: "78701" });
    expect(mailingAddressOf({ "Owner Mailing Zip Code": "78701" })).toBeNull();
    expect(mailingAddressOf(["Mailing Address"])).toBeNull();
  });

  it("reads BatchData's persons leniently, normalizing and deduplicating", () => {
    const found = contactsOf({
      results: {
        persons: [
          { name: { full: "Jane Doe" }, phoneNumbers: [{ number: "5125550142", type: "Mobile" }, { number: "(512) 555-0142" }, { number: "12" }], emails: [{ email: "Jane@Example.com" }, { email: "not-an-email" }] },
          { phoneNumbers: null, emails: [{ email: "jane@example.com" }] },
        ],
      },
    });
    expect(found.phones).toEqual([{ value: "+15125550142", source: "BatchData (Jane Doe)" }]);
    expect(found.emails).toEqual([{ value: "jane@example.com", source: "BatchData (Jane Doe)" }]);
  });
});
