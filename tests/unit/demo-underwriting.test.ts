import { describe, expect, it } from "vitest";
import { CompSaleInput } from "@/lib/comps/schema";
import { DEMO_AREAS } from "@/lib/demo/deals";
import { DEMO_OUTCOMES, demoCompSales, demoListsOf, demoOutcomes, PRICE_PER_SQFT } from "@/lib/demo/underwriting";
import { fitOutcomes } from "@/lib/scoring/fit";
import { MIN_OUTCOMES } from "@/lib/scoring/models";

const now = new Date("2026-12-07T12:00:00Z");

describe("demo outcomes", () => {
  const outcomes = demoOutcomes();

  it("are enough decided deals for a learned model, with both outcomes well represented", () => {
    expect(outcomes).toHaveLength(DEMO_OUTCOMES);
    expect(DEMO_OUTCOMES).toBeGreaterThanOrEqual(MIN_OUTCOMES);
    const won = outcomes.filter((o) => o.won).length / outcomes.length;
    expect(won).toBeGreaterThan(0.25);
    expect(won).toBeLessThan(0.6);
  });

  it("follow the leads' traits as real outcomes do: a fit separates them well but not perfectly", () => {
    const fitted = fitOutcomes(outcomes.map((o, i) => ({ id: `demo-outcome-${i}`, features: o.features, outcome: o.won ? 1 : 0 })));
    expect(fitted).not.toBeNull();
    expect(fitted!.metrics.auc).toBeGreaterThan(0.66);
    expect(fitted!.metrics.auc).toBeLessThan(0.9);
    // The spread carries the most weight, as the generator intends.
    const spread = fitted!.parameters.coefficients[fitted!.parameters.columns.indexOf("spreadRatio")];
    expect(spread).toBeGreaterThan(0);
  });

  it("are months old, before the market map's window", () => {
    expect(Math.min(...outcomes.map((o) => o.daysAgo))).toBeGreaterThan(112);
  });
});

describe("demo comps", () => {
  it("cover every postal area of each country's markets with valid sales in the last 20 months", () => {
    for (const country of ["US", "CA"] as const) {
      const sales = demoCompSales(country, now);
      const areas = new Set(sales.map((s) => (country === "US" ? s.postalCode : s.postalCode!.slice(0, 3))));
      const expected = Object.values(DEMO_AREAS).flat().filter((code) => /^\d{5}$/.test(code) === (country === "US"));
      expect([...areas].sort()).toEqual([...expected].sort());
      for (const sale of sales) {
        expect(CompSaleInput.safeParse(sale).success, JSON.stringify(sale)).toBe(true);
        expect(now.getTime() - sale.soldAt.getTime()).toBeLessThan(610 * 86_400_000);
        const perSqft = sale.soldPrice / sale.sqft!;
        const market = PRICE_PER_SQFT[sale.city as keyof typeof PRICE_PER_SQFT];
        expect(perSqft).toBeGreaterThan(market * 0.85);
        expect(perSqft).toBeLessThan(market * 1.15);
      }
    }
  });
});

describe("demo lists", () => {
  it("put every list lead on one list, some on two or three", () => {
    const counts = Array.from({ length: 120 }, (_, i) => demoListsOf(i).length);
    expect(Math.min(...counts)).toBe(1);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThan(20);
    expect(counts).toContain(3);
    for (let i = 0; i < 120; i++) expect(new Set(demoListsOf(i)).size).toBe(demoListsOf(i).length);
  });
});
