import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDealQuality, MIN_BASELINE_DEALS, OUTLIER_MADS, regionOfPostalCode, type QualityInput } from "@/lib/quality/checks";
import { QUALITY_CODES, type MarketBaseline } from "@/lib/quality/types";

const NOW = new Date("2026-12-07T12:00:00Z");

/** A deal that passes every check: each case changes what it tests. */
const CLEAN: QualityInput = {
  askingPrice: 150_000,
  arv: 240_000,
  repairs: 30_000,
  sqft: 1_400,
  yearBuilt: 1962,
  postalCode: "62704",
  region: "IL",
  country: "US",
  market: "Springfield",
};

const BASELINE: MarketBaseline = {
  market: "Springfield",
  asking: { median: 200_000, mad: 20_000, count: 20 },
  arv: { median: 300_000, mad: 25_000, count: 20 },
};

const codesOf = (deal: Partial<QualityInput>, baseline: MarketBaseline | null = BASELINE) =>
  checkDealQuality({ ...CLEAN, ...deal }, baseline, NOW).map((issue) => issue.code);

describe("checkDealQuality", () => {
  it("finds nothing wrong with a plausible deal, nor with a deal that has no numbers yet", () => {
    expect(checkDealQuality(CLEAN, BASELINE, NOW)).toEqual([]);
    const empty: QualityInput = { askingPrice: null, arv: null, repairs: null, sqft: null, yearBuilt: null, postalCode: null, region: null, country: null, market: null };
    expect(checkDealQuality(empty, null, NOW)).toEqual([]);
  });

  // The MAD rule: more than 4 median absolute deviations from the market's median.
  it.each([
    { name: "asking exactly 4 MADs above", deal: { askingPrice: 280_000, arv: 400_000 }, codes: [] },
    { name: "asking just past 4 MADs above", deal: { askingPrice: 280_001, arv: 400_000 }, codes: ["asking_outlier"] },
    { name: "asking exactly 4 MADs below", deal: { askingPrice: 120_000 }, codes: [] },
    { name: "asking just past 4 MADs below", deal: { askingPrice: 119_999 }, codes: ["asking_outlier"] },
    { name: "ARV just past 4 MADs above", deal: { arv: 400_001 }, codes: ["arv_outlier"] },
    { name: "ARV exactly 4 MADs below", deal: { arv: 200_000 }, codes: [] },
    { name: "ARV past 4 MADs below", deal: { arv: 199_000 }, codes: ["arv_outlier"] },
    { name: "both far out", deal: { askingPrice: 2_400_000, arv: 3_000_000 }, codes: ["asking_outlier", "arv_outlier"] },
  ])("MAD rule: $name", ({ deal, codes }) => {
    expect(codesOf(deal)).toEqual(codes);
  });

  it.each([
    { name: "too few deals in the market", baseline: { ...BASELINE, asking: { median: 200_000, mad: 20_000, count: MIN_BASELINE_DEALS - 1 }, arv: { median: 300_000, mad: 25_000, count: MIN_BASELINE_DEALS - 1 } } },
    { name: "no spread at all (MAD 0)", baseline: { ...BASELINE, asking: { median: 200_000, mad: 0, count: 50 }, arv: { median: 300_000, mad: 0, count: 50 } } },
    { name: "a baseline of another market", baseline: { ...BASELINE, market: "Peoria" } },
    { name: "no baseline", baseline: null },
  ])("MAD rule does not judge with $name", ({ baseline }) => {
    expect(codesOf({ askingPrice: 2_000_000, arv: 2_500_000 }, baseline)).toEqual([]);
  });

  it("gives the outlier's reason with its deviations, direction and the market's median", () => {
    const [issue] = checkDealQuality({ ...CLEAN, askingPrice: 2_400_000, arv: 2_500_000 }, { ...BASELINE, arv: null }, NOW);
    expect(issue).toEqual({
      code: "asking_outlier",
      field: "askingPrice",
      reason: "Asking $2,400,000 is 110.0 median absolute deviations above this market's deals (median $200,000)",
    });
  });

  it.each([
    { name: "asking below the floor", deal: { askingPrice: 500 }, codes: ["asking_out_of_bounds"] },
    { name: "asking above the ceiling", deal: { askingPrice: 60_000_000, arv: 70_000_000 }, codes: ["asking_out_of_bounds", "arv_out_of_bounds"] },
    { name: "ARV of zero", deal: { arv: 0, repairs: null }, codes: ["arv_out_of_bounds"] },
    { name: "ARV at the floor", deal: { askingPrice: 1_000, arv: 1_000, repairs: 0 }, codes: [] },
  ])("sanity bounds, whatever the market: $name", ({ deal, codes }) => {
    // No baseline: the fixed bounds hold on their own, and they replace the MAD rule for the field.
    expect(codesOf(deal, null)).toEqual(codes);
    expect(codesOf(deal).filter((code) => code.endsWith("_outlier") && codes.some((c) => c.startsWith(code.split("_")[0])))).toEqual([]);
  });

  it.each([
    { name: "ARV below asking", deal: { askingPrice: 250_000, arv: 240_000 }, codes: ["arv_below_asking"] },
    { name: "ARV equal to asking", deal: { askingPrice: 240_000, arv: 240_000 }, codes: [] },
    { name: "repairs above ARV", deal: { repairs: 250_000 }, codes: ["repairs_above_arv"] },
    { name: "repairs equal to ARV", deal: { repairs: 240_000 }, codes: [] },
    { name: "repairs without an ARV", deal: { arv: null, repairs: 900_000 }, codes: [] },
    { name: "sqft of 0", deal: { sqft: 0 }, codes: ["sqft_impossible"] },
    { name: "sqft of 99", deal: { sqft: 99 }, codes: ["sqft_impossible"] },
    { name: "sqft of 100", deal: { sqft: 100 }, codes: [] },
    { name: "sqft of 30,000", deal: { sqft: 30_000 }, codes: [] },
    { name: "sqft of 30,001", deal: { sqft: 30_001 }, codes: ["sqft_impossible"] },
    { name: "built in 1699", deal: { yearBuilt: 1699 }, codes: ["year_built_impossible"] },
    { name: "built in 1700", deal: { yearBuilt: 1700 }, codes: [] },
    { name: "built next year (under construction)", deal: { yearBuilt: 2027 }, codes: [] },
    { name: "built the year after next", deal: { yearBuilt: 2028 }, codes: ["year_built_impossible"] },
  ])("relations and sizes: $name", ({ deal, codes }) => {
    expect(codesOf(deal, null)).toEqual(codes);
  });

  it.each([
    { name: "US ZIP in its state", deal: { postalCode: "62704", region: "IL" }, codes: [] },
    { name: "US ZIP with the state spelled out", deal: { postalCode: "62704", region: "Illinois" }, codes: [] },
    { name: "US ZIP+4 in its state", deal: { postalCode: "90210-1234", region: "CA" }, codes: [] },
    { name: "US ZIP in another state", deal: { postalCode: "90210", region: "NV" }, codes: ["postal_code_region_mismatch"] },
    { name: "US ZIP with a province", deal: { postalCode: "10001", region: "ON" }, codes: ["postal_code_region_mismatch"] },
    { name: "US ZIP, country Canada", deal: { postalCode: "10001", region: "NY", country: "CA" }, codes: ["postal_code_region_mismatch"] },
    { name: "Canadian FSA in its province", deal: { postalCode: "M5V 3L9", region: "ON", country: "CA" }, codes: [] },
    { name: "Canadian code without the space", deal: { postalCode: "h2x1y4", region: "QC", country: "CA" }, codes: [] },
    { name: "Canadian province spelled out", deal: { postalCode: "V6B 1A1", region: "British Columbia", country: "CA" }, codes: [] },
    { name: "Canadian FSA in another province", deal: { postalCode: "T2P 1J9", region: "BC", country: "CA" }, codes: ["postal_code_region_mismatch"] },
    { name: "Canadian FSA with a US state", deal: { postalCode: "M5V 3L9", region: "CA", country: null }, codes: ["postal_code_region_mismatch"] },
    { name: "Canadian code, country US", deal: { postalCode: "M5V 3L9", region: "ON", country: "US" }, codes: ["postal_code_region_mismatch"] },
    { name: "territory FSA in Nunavut", deal: { postalCode: "X0A 0H0", region: "NU", country: "CA" }, codes: [] },
    { name: "territory FSA in the Northwest Territories", deal: { postalCode: "X0A 0H0", region: "NT", country: "CA" }, codes: ["postal_code_region_mismatch"] },
    { name: "an unknown region says nothing", deal: { postalCode: "62704", region: "Nowhere" }, codes: [] },
    { name: "a malformed postal code says nothing", deal: { postalCode: "ABCDE", region: "IL" }, codes: [] },
    { name: "no region says nothing", deal: { postalCode: "62704", region: null }, codes: [] },
  ])("postal code against state or province: $name", ({ deal, codes }) => {
    expect(codesOf(deal, null)).toEqual(codes);
  });

  it("names the expected and the stated region in the mismatch's reason", () => {
    expect(checkDealQuality({ ...CLEAN, postalCode: "90210", region: "NV" }, null, NOW)).toEqual([
      { code: "postal_code_region_mismatch", field: "postalCode", reason: "ZIP 90210 is in CA, but the deal's state is NV" },
    ]);
    expect(checkDealQuality({ ...CLEAN, postalCode: "t2p 1j9", region: "BC", country: "CA" }, null, NOW)[0].reason).toBe(
      "Postal code T2P 1J9 is in AB, but the deal's province is BC",
    );
  });

  it("looks a postal code's region up for both countries", () => {
    expect(regionOfPostalCode("62704")).toEqual({ country: "US", region: "IL" });
    expect(regionOfPostalCode("M5V")).toBeNull();
    expect(regionOfPostalCode("M5V 3L9")).toEqual({ country: "CA", region: "ON" });
    expect(regionOfPostalCode("")).toBeNull();
  });
});

describe("checkDealQuality properties", () => {
  const stats = fc.record({
    median: fc.integer({ min: 20_000, max: 2_000_000 }),
    mad: fc.integer({ min: 1, max: 200_000 }),
    count: fc.integer({ min: MIN_BASELINE_DEALS, max: 5_000 }),
  });

  it("flags asking as an outlier exactly when it is more than 4 MADs from the median (within the sanity bounds)", () => {
    fc.assert(
      fc.property(stats, fc.integer({ min: 1_000, max: 50_000_000 }), (asking, askingPrice) => {
        const baseline: MarketBaseline = { market: "Springfield", asking, arv: null };
        const flagged = checkDealQuality({ ...CLEAN, askingPrice, arv: null, repairs: null }, baseline, NOW).some((i) => i.code === "asking_outlier");
        expect(flagged).toBe(Math.abs(askingPrice - asking.median) > OUTLIER_MADS * asking.mad);
      }),
      { numRuns: 300 },
    );
  });

  it("only reports known codes, each with a field and a reason, and never changes the deal", () => {
    const deal = fc.record({
      askingPrice: fc.option(fc.integer({ min: -10, max: 80_000_000 })),
      arv: fc.option(fc.integer({ min: -10, max: 80_000_000 })),
      repairs: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
      sqft: fc.option(fc.integer({ min: -5, max: 100_000 })),
      yearBuilt: fc.option(fc.integer({ min: 1000, max: 3000 })),
      postalCode: fc.option(fc.constantFrom("62704", "90210", "M5V 3L9", "X0A 0H0", "bad")),
      region: fc.option(fc.constantFrom("IL", "CA", "ON", "NU", "Texas")),
      country: fc.option(fc.constantFrom("US", "CA")),
      market: fc.option(fc.constantFrom("Springfield", "Toronto")),
    });
    fc.assert(
      fc.property(deal, fc.option(stats), (input, asking) => {
        const before = JSON.stringify(input);
        const issues = checkDealQuality(input, asking ? { market: "Springfield", asking, arv: asking } : null, NOW);
        expect(JSON.stringify(input)).toBe(before);
        for (const issue of issues) {
          expect(QUALITY_CODES).toContain(issue.code);
          expect(issue.field.length).toBeGreaterThan(0);
          expect(issue.reason.length).toBeGreaterThan(10);
        }
        expect(new Set(issues.map((i) => i.code)).size).toBe(issues.length);
      }),
      { numRuns: 300 },
    );
  });
});
