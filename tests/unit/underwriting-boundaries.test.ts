import { describe, expect, it } from "vitest";
import { SPREAD_BUCKETS, spreadBucketWhere } from "@/lib/prospects/analytics";
import { computeOffer, DEFAULT_OFFER_TERMS, pickStrategy, STRATEGY_THRESHOLDS } from "@/lib/underwriting/rules";

// Boundary examples beside the property tests of tests/unit/underwriting.test.ts: random
// integers almost never land exactly on a threshold, so each side of every comparison is
// pinned here by hand.
describe("pickStrategy at its thresholds", () => {
  const terms = DEFAULT_OFFER_TERMS; // assignment fee 10,000
  const fee = terms.assignmentFee;

  it("reads the thresholds it documents", () => {
    expect(fee).toBe(10_000);
    expect(STRATEGY_THRESHOLDS).toEqual({ flipMinSpreadRatio: 0.15, rehabHeavyRepairsRatio: 0.1, rentalMinSpreadRatio: 0.1 });
  });

  it.each([
    // TRASH: spread < assignment fee. Exactly the fee is NOT trash.
    { arv: 300_000, repairs: 60_000, spread: fee, expected: "WHOLESALE", why: "spread exactly the fee" },
    { arv: 300_000, repairs: 60_000, spread: fee - 1, expected: "TRASH", why: "one dollar under the fee" },
    { arv: 300_000, repairs: 60_000, spread: fee + 1, expected: "WHOLESALE", why: "one dollar over the fee" },
    { arv: 50_000, repairs: 0, spread: fee, expected: "RENTAL", why: "spread exactly the fee, ratio 0.20, light repairs" },
    { arv: 50_000, repairs: 0, spread: fee - 1, expected: "TRASH", why: "fee wins over a rental-grade ratio" },
    // FLIP: spreadRatio >= 0.15 and repairsRatio >= 0.10, both inclusive.
    { arv: 100_000, repairs: 10_000, spread: 15_000, expected: "FLIP", why: "ratio exactly 0.15, repairs exactly 10%" },
    { arv: 100_000, repairs: 10_000, spread: 14_999, expected: "WHOLESALE", why: "ratio just under 0.15, repairs exactly 10% (no rental)" },
    { arv: 100_000, repairs: 9_999, spread: 15_000, expected: "RENTAL", why: "ratio 0.15 but repairs just under 10%" },
    { arv: 200_000, repairs: 20_000, spread: 30_000, expected: "FLIP", why: "ratio exactly 0.15 on a larger ARV" },
    // RENTAL: repairsRatio < 0.10 (exclusive) and spreadRatio >= 0.10 (inclusive).
    { arv: 200_000, repairs: 19_999, spread: 20_000, expected: "RENTAL", why: "ratio exactly 0.10, repairs just under 10%" },
    { arv: 200_000, repairs: 19_999, spread: 19_999, expected: "WHOLESALE", why: "ratio just under 0.10" },
    { arv: 200_000, repairs: 20_000, spread: 20_000, expected: "WHOLESALE", why: "repairs exactly 10% are not light" },
    { arv: 200_000, repairs: 0, spread: 20_000, expected: "RENTAL", why: "no repairs, ratio exactly 0.10" },
  ])("$expected when $why (ARV $arv, repairs $repairs, spread $spread)", ({ arv, repairs, spread, expected }) => {
    expect(pickStrategy({ arv, repairs, askingPrice: 0 }, spread, terms).strategy).toBe(expected);
  });

  it("follows a custom assignment fee to the dollar", () => {
    const custom = { ...terms, assignmentFee: 25_000 };
    expect(pickStrategy({ arv: 300_000, repairs: 60_000, askingPrice: 0 }, 25_000, custom).strategy).not.toBe("TRASH");
    expect(pickStrategy({ arv: 300_000, repairs: 60_000, askingPrice: 0 }, 24_999, custom).strategy).toBe("TRASH");
    expect(pickStrategy({ arv: 300_000, repairs: 60_000, askingPrice: 0 }, 0, { ...terms, assignmentFee: 0 }).strategy).not.toBe("TRASH");
  });
});

describe("computeOffer at its thresholds", () => {
  // ARV 100,000 x 0.70 - 0 repairs - 2,500 buffer = MAO 67,500.
  it.each([
    { askingPrice: 57_500, spread: 10_000, trash: false },
    { askingPrice: 57_501, spread: 9_999, trash: true },
    { askingPrice: 57_499, spread: 10_001, trash: false },
  ])("asking $askingPrice leaves spread $spread (trash: $trash)", ({ askingPrice, spread, trash }) => {
    const result = computeOffer({ arv: 100_000, repairs: 0, askingPrice }, DEFAULT_OFFER_TERMS);
    expect(result.mao).toBe(67_500);
    expect(result.spread).toBe(spread);
    expect(result.strategy === "TRASH").toBe(trash);
  });

  it("a spread ratio of exactly 0.15 with repairs of exactly 10% is a FLIP", () => {
    // 100,000 x 0.70 - 10,000 - 2,500 = 57,500; asking 42,500 leaves 15,000 (0.15).
    const result = computeOffer({ arv: 100_000, repairs: 10_000, askingPrice: 42_500 }, DEFAULT_OFFER_TERMS);
    expect(result).toMatchObject({ mao: 57_500, spread: 15_000, spreadRatio: 0.15, strategy: "FLIP" });
  });

  it("accepts the smallest positive ARV and refuses zero and negative ones", () => {
    expect(() => computeOffer({ arv: 1, repairs: 0, askingPrice: 0 }, DEFAULT_OFFER_TERMS)).not.toThrow();
    expect(() => computeOffer({ arv: 0, repairs: 0, askingPrice: 0 }, DEFAULT_OFFER_TERMS)).toThrow(RangeError);
    expect(() => computeOffer({ arv: -1, repairs: 0, askingPrice: 0 }, DEFAULT_OFFER_TERMS)).toThrow(RangeError);
  });
});

describe("spread buckets of the prospects dashboard (lower bound inclusive, upper exclusive)", () => {
  const bucketOf = (spread: number) =>
    SPREAD_BUCKETS.filter((b) => {
      const where = spreadBucketWhere(b).spread as { gte?: number; lt?: number };
      return (where.gte === undefined || spread >= where.gte) && (where.lt === undefined || spread < where.lt);
    }).map((b) => b.label);

  it.each([
    { spread: -1, label: "< $0" },
    { spread: 0, label: "$0–10k" },
    { spread: 9_999, label: "$0–10k" },
    { spread: 10_000, label: "$10–20k" },
    { spread: 19_999, label: "$10–20k" },
    { spread: 20_000, label: "$20–30k" },
    { spread: 30_000, label: "$30–50k" },
    { spread: 50_000, label: "$50–100k" },
    { spread: 99_999, label: "$50–100k" },
    { spread: 100_000, label: "$100k+" },
  ])("a spread of $spread falls in $label only", ({ spread, label }) => {
    expect(bucketOf(spread)).toEqual([label]);
  });
});
