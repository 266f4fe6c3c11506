import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compEvidenceOf, compsConfidence, COMP_RULES, median, positionOf, selectComps } from "@/lib/comps/rules";
import { parseSoldDate } from "@/lib/comps/schema";
import type { CompCandidate, CompSubject } from "@/lib/comps/types";

const NOW = new Date("2026-12-01T00:00:00Z");
// About 1.11 km per 0.01 degree of latitude.
const LAT = 32.7767;
const LON = -96.797;

const subject: CompSubject = { latitude: LAT, longitude: LON, postalCode: "75201", country: "US", sqft: 1500, beds: 3, baths: 2, propertyType: "SFR" };

function monthsBefore(months: number): string {
  return new Date(NOW.getTime() - months * (365.25 / 12) * 86_400_000).toISOString();
}

let next = 0;
function sale(overrides: Partial<CompCandidate> & { km?: number; months?: number } = {}): CompCandidate {
  const { km = 1, months = 3, ...rest } = overrides;
  next += 1;
  return {
    id: `c${String(next).padStart(3, "0")}`,
    street: `${next} Main St`,
    city: "Dallas",
    postalCode: "75201",
    latitude: LAT + km / 111.195,
    longitude: LON,
    soldPrice: 300_000,
    soldAt: monthsBefore(months),
    beds: 3,
    baths: 2,
    sqft: 1500,
    yearBuilt: 1990,
    propertyType: "SFR",
    source: "IMPORT",
    ...rest,
  };
}

describe("median", () => {
  it.each([
    { values: [], expected: null },
    { values: [5], expected: 5 },
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [200, 100, 100, 300, 250], expected: 200 },
  ])("median of $values is $expected", ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe("selectComps: recency window", () => {
  it("keeps the 12-month window when 3 comps sold within it", () => {
    const candidates = [sale({ months: 2 }), sale({ months: 6 }), sale({ months: 11 }), sale({ months: 18 })];
    const estimate = selectComps(subject, candidates, NOW);
    expect(estimate.windowMonths).toBe(12);
    expect(estimate.comps).toHaveLength(3);
    expect(estimate.excluded).toEqual({ too_old: 1 });
  });

  it("widens to 24 months when fewer than 3 sold within 12", () => {
    const candidates = [sale({ months: 2 }), sale({ months: 6 }), sale({ months: 18 }), sale({ months: 23 }), sale({ months: 30 })];
    const estimate = selectComps(subject, candidates, NOW);
    expect(estimate.windowMonths).toBe(24);
    expect(estimate.comps.map((c) => Math.round(c.monthsAgo))).toEqual(expect.arrayContaining([2, 6, 18, 23]));
    expect(estimate.comps).toHaveLength(4);
    expect(estimate.excluded).toEqual({ too_old: 1 });
  });

  it("leaves out a sale dated after today", () => {
    const estimate = selectComps(subject, [sale({ soldAt: "2027-01-15T00:00:00Z" })], NOW);
    expect(estimate.comps).toHaveLength(0);
    expect(estimate.excluded).toEqual({ not_sold_yet: 1 });
  });
});

describe("selectComps: each exclusion", () => {
  it.each([
    { reason: "other_type", candidate: () => sale({ propertyType: "CONDO" }) },
    { reason: "other_type", candidate: () => sale({ propertyType: null }) },
    { reason: "other_size", candidate: () => sale({ sqft: 1801 }) },
    { reason: "other_size", candidate: () => sale({ sqft: 1199 }) },
    { reason: "no_sqft", candidate: () => sale({ sqft: null }) },
    { reason: "other_beds", candidate: () => sale({ beds: 5 }) },
    { reason: "other_beds", candidate: () => sale({ beds: 1 }) },
    { reason: "too_old", candidate: () => sale({ months: 25 }) },
    { reason: "too_far", candidate: () => sale({ km: 5.5 }) },
    { reason: "no_location", candidate: () => sale({ latitude: null, longitude: null, postalCode: null }) },
    { reason: "no_price", candidate: () => sale({ soldPrice: 0 }) },
  ])("a candidate left out as $reason", ({ reason, candidate }) => {
    const estimate = selectComps(subject, [candidate()], NOW);
    expect(estimate.comps).toHaveLength(0);
    expect(estimate.excluded).toEqual({ [reason]: 1 });
    expect(estimate.arv).toBeNull();
    expect(estimate.confidence).toBe("low");
  });

  it.each([
    { what: "sqft at exactly +20 %", candidate: () => sale({ sqft: 1800 }) },
    { what: "sqft at exactly -20 %", candidate: () => sale({ sqft: 1200 }) },
    { what: "one bedroom more", candidate: () => sale({ beds: 4 }) },
    { what: "one bedroom fewer", candidate: () => sale({ beds: 2 }) },
    { what: "unknown bedrooms", candidate: () => sale({ beds: null }) },
    { what: "4.9 km away", candidate: () => sale({ km: 4.9 }) },
    { what: "sold 24 months ago (widened)", candidate: () => sale({ months: 23.9 }) },
  ])("a candidate at the edge is kept: $what", ({ candidate }) => {
    expect(selectComps(subject, [candidate()], NOW).comps).toHaveLength(1);
  });

  it("takes any type when the subject's is unknown, and no size rule without its sqft", () => {
    const estimate = selectComps({ ...subject, propertyType: null, sqft: null }, [sale({ propertyType: "CONDO", sqft: 3000 })], NOW);
    expect(estimate.comps).toHaveLength(1);
    expect(estimate.arv).toBeNull();
    expect(estimate.comps[0].adjustment).toBe(0);
  });

  it("places a candidate without coordinates at its postal code's centre", () => {
    const centre = positionOf({ latitude: null, longitude: null, postalCode: "75201" })!;
    const estimate = selectComps({ ...subject, latitude: centre.latitude, longitude: centre.longitude }, [sale({ latitude: null, longitude: null })], NOW);
    expect(estimate.comps).toHaveLength(1);
    expect(estimate.comps[0].distanceKm).toBe(0);
  });
});

describe("selectComps: choice, ARV, range and confidence", () => {
  it("keeps the 6 nearest", () => {
    const candidates = [7, 1, 3, 2, 6, 4, 5, 0.5].map((km) => sale({ km: km * 0.6 }));
    const estimate = selectComps(subject, candidates, NOW);
    expect(estimate.comps).toHaveLength(COMP_RULES.maxComps);
    expect(estimate.comps.map((c) => c.distanceKm)).toEqual([...estimate.comps.map((c) => c.distanceKm)].sort((a, b) => a - b));
    expect(Math.max(...estimate.comps.map((c) => c.distanceKm))).toBeLessThan(3.7);
  });

  it("prices the subject at the median price per sqft and adjusts each comp to its size", () => {
    // $/sqft: 200, 210, 190, 220, 180 -> median 200 -> ARV 1500 x 200 = 300,000.
    const candidates = [
      sale({ sqft: 1500, soldPrice: 300_000 }),
      sale({ sqft: 1400, soldPrice: 294_000 }),
      sale({ sqft: 1600, soldPrice: 304_000 }),
      sale({ sqft: 1500, soldPrice: 330_000 }),
      sale({ sqft: 1700, soldPrice: 306_000 }),
    ];
    const estimate = selectComps(subject, candidates, NOW);
    expect(estimate.arv).toBe(300_000);
    const second = estimate.comps.find((c) => c.soldPrice === 294_000)!;
    expect(second.pricePerSqft).toBe(210);
    expect(second.adjustedPrice).toBe(315_000);
    expect(second.adjustment).toBe(21_000);
    expect(estimate.low).toBe(270_000);
    expect(estimate.high).toBe(330_000);
    // Range 60,000 on 300,000 = 20 %: more than high's 15 %, within medium's 30 %.
    expect(estimate.confidence).toBe("medium");
  });

  it.each([
    { count: 4, arv: 100, low: 93, high: 107, expected: "high" },
    { count: 4, arv: 100, low: 92, high: 108, expected: "medium" },
    { count: 3, arv: 100, low: 95, high: 105, expected: "medium" },
    { count: 3, arv: 100, low: 80, high: 111, expected: "low" },
    { count: 2, arv: 100, low: 99, high: 101, expected: "low" },
    { count: 6, arv: null, low: null, high: null, expected: "low" },
  ])("confidence with $count comps and range $low-$high on $arv is $expected", ({ count, arv, low, high, expected }) => {
    expect(compsConfidence(count, arv, low, high)).toBe(expected);
  });

  it("keeps the evidence of an estimate with an ARV, and none without", () => {
    const priced = selectComps(subject, [sale(), sale(), sale()], NOW);
    expect(compEvidenceOf(priced)).toMatchObject({ arv: 300_000, low: 300_000, high: 300_000, confidence: "medium", windowMonths: 12 });
    expect(compEvidenceOf(selectComps(subject, [], NOW))).toBeNull();
  });

  it("ARV lies within the range and the range within the comps' adjusted prices (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ price: fc.integer({ min: 50_000, max: 2_000_000 }), sqft: fc.integer({ min: 1200, max: 1800 }), km: fc.double({ min: 0, max: 4.9, noNaN: true }), months: fc.double({ min: 0, max: 23.9, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const estimate = selectComps(subject, rows.map((r) => sale({ soldPrice: r.price, sqft: r.sqft, km: r.km, months: r.months })), NOW);
          expect(estimate.comps.length).toBeGreaterThan(0);
          expect(estimate.comps.length).toBeLessThanOrEqual(COMP_RULES.maxComps);
          expect(estimate.low!).toBeLessThanOrEqual(estimate.arv!);
          expect(estimate.arv!).toBeLessThanOrEqual(estimate.high!);
          for (const comp of estimate.comps) expect(comp.adjustedPrice - comp.soldPrice).toBe(comp.adjustment);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("scaling every sale's price scales the ARV alike (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 100_000, max: 900_000 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 5 }), (prices, factor) => {
        const base = selectComps(subject, prices.map((p, i) => sale({ id: `a${i}`, soldPrice: p })), NOW);
        const scaled = selectComps(subject, prices.map((p, i) => sale({ id: `a${i}`, soldPrice: p * factor })), NOW);
        expect(Math.abs(scaled.arv! - base.arv! * factor)).toBeLessThanOrEqual(factor);
      }),
      { numRuns: 100 },
    );
  });
});

describe("parseSoldDate", () => {
  it.each([
    { text: "2026-03-14", iso: "2026-03-14" },
    { text: "3/14/2026", iso: "2026-03-14" },
    { text: "2026-03-14T18:30:00Z", iso: "2026-03-14" },
  ])("reads $text", ({ text, iso }) => {
    expect((parseSoldDate(text) as Date).toISOString().slice(0, 10)).toBe(iso);
  });

  it.each(["2026-02-31", "14/03/2026", "yesterday"])("leaves %s for the schema to refuse", (text) => {
    expect(parseSoldDate(text)).toBe(text);
  });
});
