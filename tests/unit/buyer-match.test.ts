import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { admissionFailure, formatMoneyShort, MATCH_POINTS, matchBuyers } from "@/lib/buyers/match";
import { BUYER_STATUSES, BUYER_STRATEGIES, BUYER_TIERS, REHAB_APPETITES } from "@/lib/buyers/schema";
import type { MatchBuyer, MatchDeal } from "@/lib/buyers/types";
import { PROPERTY_TYPES } from "@/lib/intake/schema";

const NOW = new Date("2026-12-06T12:00:00Z");

const deal = (over: Partial<MatchDeal> = {}): MatchDeal => ({
  postalCode: "77002",
  region: "TX",
  market: "Houston",
  askingPrice: 185_000,
  arv: 300_000,
  repairs: 20_000,
  spread: 25_000,
  propertyType: "SFR",
  strategy: "FLIP",
  ...over,
});

const buyer = (over: Partial<MatchBuyer> = {}): MatchBuyer => ({
  id: "b1",
  status: "ACTIVE",
  postalCodes: ["77002"],
  markets: [],
  propertyTypes: [],
  strategies: [],
  rehabAppetite: "ANY",
  ...over,
});

const admitted = (d: MatchDeal, b: MatchBuyer) => admissionFailure(d, b) === null;

describe("admissionFailure: each rule at its boundaries", () => {
  const cases: [name: string, d: MatchDeal, b: MatchBuyer, admit: boolean, reason?: RegExp][] = [
    // status
    ["active buyer", deal(), buyer(), true],
    ["inactive buyer", deal(), buyer({ status: "INACTIVE" }), false, /inactive, not active/],
    ["do-not-use buyer", deal(), buyer({ status: "DO_NOT_USE" }), false, /do not use/],
    // location
    ["no postal codes and no markets", deal(), buyer({ postalCodes: [], markets: [] }), false, /names no postal codes or markets/],
    ["ZIP in box", deal(), buyer({ postalCodes: ["77002"] }), true],
    ["ZIP+4 on the deal, 5-digit ZIP in box", deal({ postalCode: "77002-1234" }), buyer({ postalCodes: ["77002"] }), true],
    ["other ZIP only", deal(), buyer({ postalCodes: ["77003"] }), false, /ZIP 77002 and market TX:Houston: outside the buy box/],
    ["CA full code on the deal, FSA in box", deal({ postalCode: "M5V 2T6", region: "ON", market: "Toronto" }), buyer({ postalCodes: ["M5V"] }), true],
    ["CA full code without space, FSA in box", deal({ postalCode: "m5v2t6", region: "ON", market: "Toronto" }), buyer({ postalCodes: ["M5V"] }), true],
    ["CA other FSA", deal({ postalCode: "M5V 2T6", region: "ON", market: "Toronto" }), buyer({ postalCodes: ["M6H"] }), false, /FSA M5V/],
    ["market exact", deal(), buyer({ postalCodes: [], markets: ["TX:Houston"] }), true],
    ["market in another case", deal(), buyer({ postalCodes: [], markets: ["TX:HOUSTON"] }), true],
    ["deal market in lower case", deal({ market: "houston" }), buyer({ postalCodes: [], markets: ["TX:Houston"] }), true],
    ["same market name, other region", deal(), buyer({ postalCodes: [], markets: ["FL:Houston"] }), false, /outside the buy box/],
    ["deal without postal code, market hit", deal({ postalCode: null }), buyer({ postalCodes: ["77002"], markets: ["TX:Houston"] }), true],
    ["deal without postal code or market", deal({ postalCode: null, market: null }), buyer({ markets: ["TX:Houston"] }), false, /no postal code and no market/],
    // price
    ["price == min", deal({ askingPrice: 150_000 }), buyer({ priceMin: 150_000 }), true],
    ["price one under min", deal({ askingPrice: 149_999 }), buyer({ priceMin: 150_000 }), false, /under the \$150k minimum/],
    ["price == max", deal({ askingPrice: 250_000 }), buyer({ priceMax: 250_000 }), true],
    ["price one over max", deal({ askingPrice: 250_001 }), buyer({ priceMax: 250_000 }), false, /over the \$250k maximum/],
    ["min == max == price", deal({ askingPrice: 200_000 }), buyer({ priceMin: 200_000, priceMax: 200_000 }), true],
    ["no bounds, any price", deal({ askingPrice: 9_000_000 }), buyer(), true],
    ["no asking price, no bounds", deal({ askingPrice: null }), buyer(), true],
    ["no asking price, a min set", deal({ askingPrice: null }), buyer({ priceMin: 1 }), false, /no asking price/],
    ["no asking price, a max set", deal({ askingPrice: null }), buyer({ priceMax: 500_000 }), false, /no asking price/],
    // property type
    ["empty type list, deal with type", deal(), buyer({ propertyTypes: [] }), true],
    ["empty type list, deal without type", deal({ propertyType: null }), buyer({ propertyTypes: [] }), true],
    ["type listed", deal(), buyer({ propertyTypes: ["SFR", "MULTI"] }), true],
    ["type not listed", deal({ propertyType: "CONDO" }), buyer({ propertyTypes: ["SFR"] }), false, /CONDO is not among SFR/],
    ["deal without type, list set", deal({ propertyType: null }), buyer({ propertyTypes: ["SFR"] }), false, /no property type/],
    // strategy
    ["empty strategy list", deal({ strategy: "TRASH" }), buyer({ strategies: [] }), true],
    ["strategy listed", deal(), buyer({ strategies: ["FLIP"] }), true],
    ["strategy not listed", deal({ strategy: "TRASH" }), buyer({ strategies: ["FLIP", "RENTAL"] }), false, /TRASH is not among FLIP, RENTAL/],
    ["deal without strategy, list set", deal({ strategy: null }), buyer({ strategies: ["RENTAL"] }), false, /no strategy/],
    // rehab
    ["LIGHT at exactly 10%", deal({ repairs: 30_000, arv: 300_000 }), buyer({ rehabAppetite: "LIGHT" }), true],
    ["LIGHT just over 10%", deal({ repairs: 30_001, arv: 300_000 }), buyer({ rehabAppetite: "LIGHT" }), false, /over the LIGHT limit of 10%/],
    ["LIGHT with no repairs", deal({ repairs: 0, arv: 300_000 }), buyer({ rehabAppetite: "LIGHT" }), true],
    ["MEDIUM at exactly 25%", deal({ repairs: 75_000, arv: 300_000 }), buyer({ rehabAppetite: "MEDIUM" }), true],
    ["MEDIUM just over 25%", deal({ repairs: 75_001, arv: 300_000 }), buyer({ rehabAppetite: "MEDIUM" }), false, /over the MEDIUM limit of 25%/],
    ["MEDIUM under 10%", deal({ repairs: 1_000, arv: 300_000 }), buyer({ rehabAppetite: "MEDIUM" }), true],
    ["HEAVY at 90%", deal({ repairs: 270_000, arv: 300_000 }), buyer({ rehabAppetite: "HEAVY" }), true],
    ["ANY over 100%", deal({ repairs: 400_000, arv: 300_000 }), buyer({ rehabAppetite: "ANY" }), true],
    ["LIGHT, repairs unknown", deal({ repairs: null }), buyer({ rehabAppetite: "LIGHT" }), false, /no repairs or ARV/],
    ["MEDIUM, ARV unknown", deal({ arv: null }), buyer({ rehabAppetite: "MEDIUM" }), false, /no repairs or ARV/],
    ["MEDIUM, ARV of 0", deal({ arv: 0 }), buyer({ rehabAppetite: "MEDIUM" }), false, /no repairs or ARV/],
    ["HEAVY, repairs unknown", deal({ repairs: null }), buyer({ rehabAppetite: "HEAVY" }), true],
    ["ANY, ARV unknown", deal({ arv: null }), buyer({ rehabAppetite: "ANY" }), true],
    // minimum spread
    ["spread == min", deal({ spread: 20_000 }), buyer({ minSpread: 20_000 }), true],
    ["spread one under min", deal({ spread: 19_999 }), buyer({ minSpread: 20_000 }), false, /under the buyer's \$20k minimum/],
    ["negative spread, min 0", deal({ spread: -5_000 }), buyer({ minSpread: 0 }), false, /spread -\$5k/],
    ["spread unknown, min set", deal({ spread: null }), buyer({ minSpread: 20_000 }), true],
    ["spread set, no min", deal({ spread: -50_000 }), buyer({ minSpread: null }), true],
  ];

  it.each(cases)("%s", (_name, d, b, admit, reason) => {
    const failure = admissionFailure(d, b);
    expect(failure === null).toBe(admit);
    if (reason) expect(failure).toMatch(reason);
  });

  it("gives the first rule that refuses: status before location before price", () => {
    const box = buyer({ status: "INACTIVE", postalCodes: ["11111"], priceMax: 1 });
    expect(admissionFailure(deal(), box)).toMatch(/not active/);
    expect(admissionFailure(deal(), { ...box, status: "ACTIVE" })).toMatch(/outside the buy box/);
    expect(admissionFailure(deal(), { ...box, status: "ACTIVE", postalCodes: ["77002"] })).toMatch(/over the \$1 maximum/);
  });
});

describe("matchBuyers ranking", () => {
  it("labels each reason with its points and sums them", () => {
    const [match] = matchBuyers(
      deal({ askingPrice: 175_000 }),
      [buyer({ markets: ["TX:Houston"], priceMin: 150_000, priceMax: 250_000, propertyTypes: ["SFR"], strategies: ["FLIP"], rehabAppetite: "LIGHT", minSpread: 10_000, tier: "A", lastActivityAt: "2026-12-01T00:00:00Z" })],
      { now: NOW, liquidityScore: 62 },
    );
    expect(match.reasons.map((r) => r.label)).toEqual([
      "ZIP 77002 in buy box +30",
      "market TX:Houston in buy box +20",
      "price $175k in the lower third of $150k-$250k +8",
      "property type SFR wanted +10",
      "strategy FLIP wanted +8",
      "repairs 7% of ARV fits LIGHT rehab +10",
      "spread $25k over the $10k minimum +6",
      "tier A buyer +15",
      "market liquidity 62 +6",
      "active in the last 7 days +10",
    ]);
    expect(match.score).toBe(30 + 20 + 8 + 10 + 8 + 10 + 6 + 15 + 6 + 10);
  });

  it("ranks a postal-code hit above a market hit, and breaks ties by buyer id", () => {
    const out = matchBuyers(deal(), [
      buyer({ id: "c", postalCodes: [], markets: ["TX:Houston"] }),
      buyer({ id: "b", postalCodes: ["77002"] }),
      buyer({ id: "a", postalCodes: ["77002"] }),
      buyer({ id: "z", postalCodes: ["99999"] }),
    ], { now: NOW });
    expect(out.map((m) => m.buyerId)).toEqual(["a", "b", "c"]);
  });

  it("places the price in its third of the range", () => {
    const third = (askingPrice: number) => matchBuyers(deal({ askingPrice }), [buyer({ priceMin: 150_000, priceMax: 240_000 })], { now: NOW })[0].reasons.find((r) => r.code === "price")!.points;
    expect([150_000, 179_999, 180_000, 209_999, 210_000, 240_000].map(third)).toEqual([8, 8, 5, 5, 2, 2]);
  });

  it("keeps the best N when asked", () => {
    const buyers = ["d", "c", "b", "a"].map((id) => buyer({ id }));
    expect(matchBuyers(deal(), buyers, { now: NOW, limit: 2 }).map((m) => m.buyerId)).toEqual(["a", "b"]);
  });

  it("formats amounts shortly", () => {
    expect([950, 1_000, 185_000, 187_500, 1_250_000, 2_000_000, -5_000].map(formatMoneyShort)).toEqual(["$950", "$1k", "$185k", "$187.5k", "$1.25M", "$2M", "-$5k"]);
  });
});

// Small vocabularies so that matches and misses both happen often.
const ZIPS = ["77002", "77003", "75201"];
const MARKETS = ["TX:Houston", "TX:HOUSTON", "TX:Dallas", "FL:Tampa"];
const dealArb: fc.Arbitrary<MatchDeal> = fc.record({
  postalCode: fc.option(fc.constantFrom("77002", "77002-0001", "75201", "33601"), { nil: null }),
  region: fc.option(fc.constantFrom("TX", "FL"), { nil: null, freq: 8 }),
  market: fc.option(fc.constantFrom("Houston", "Dallas", "Tampa"), { nil: null, freq: 8 }),
  askingPrice: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null, freq: 6 }),
  arv: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null, freq: 6 }),
  repairs: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null, freq: 6 }),
  spread: fc.option(fc.integer({ min: -50_000, max: 150_000 }), { nil: null, freq: 6 }),
  propertyType: fc.option(fc.constantFrom(...PROPERTY_TYPES), { nil: null, freq: 6 }),
  strategy: fc.option(fc.constantFrom("FLIP", "RENTAL", "WHOLESALE", "TRASH"), { nil: null, freq: 6 }),
});

const buyerArb = (id: string): fc.Arbitrary<MatchBuyer> =>
  fc
    .record({
      status: fc.constantFrom(...BUYER_STATUSES, "ACTIVE", "ACTIVE", "ACTIVE"),
      postalCodes: fc.uniqueArray(fc.constantFrom(...ZIPS), { maxLength: 2 }),
      markets: fc.uniqueArray(fc.constantFrom(...MARKETS), { maxLength: 2 }),
      bounds: fc.tuple(fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null })),
      propertyTypes: fc.uniqueArray(fc.constantFrom(...PROPERTY_TYPES), { maxLength: 3 }),
      strategies: fc.uniqueArray(fc.constantFrom(...BUYER_STRATEGIES), { maxLength: 2 }),
      rehabAppetite: fc.constantFrom(...REHAB_APPETITES),
      minSpread: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      tier: fc.option(fc.constantFrom(...BUYER_TIERS), { nil: null }),
      lastActivityAt: fc.option(fc.integer({ min: 0, max: 200 }).map((days) => new Date(NOW.getTime() - days * 86_400_000)), { nil: null }),
    })
    .map(({ bounds: [a, b], ...rest }) => ({
      id,
      ...rest,
      priceMin: a != null && b != null ? Math.min(a, b) : a,
      priceMax: a != null && b != null ? Math.max(a, b) : b,
    }));

const buyersArb = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => buyerArb(`buyer-${String(i).padStart(2, "0")}`))));
const optionsArb = fc.record({ liquidityScore: fc.option(fc.double({ min: 0, max: 150, noNaN: true }), { nil: null }), now: fc.constant(NOW) });
const RUNS = { numRuns: 200 };

describe("matchBuyers properties", () => {
  it("returns exactly the admitted buyers: one the box excludes never appears", () => {
    fc.assert(
      fc.property(dealArb, buyersArb, optionsArb, (d, buyers, options) => {
        const ids = matchBuyers(d, buyers, options).map((m) => m.buyerId).sort();
        expect(ids).toEqual(buyers.filter((b) => admitted(d, b)).map((b) => b.id).sort());
      }),
      RUNS,
    );
  });

  it("sorts best first, ties by buyer id, and every score is the sum of its reasons' points", () => {
    fc.assert(
      fc.property(dealArb, buyersArb, optionsArb, (d, buyers, options) => {
        const out = matchBuyers(d, buyers, options);
        for (const m of out) {
          expect(m.score).toBe(m.reasons.reduce((sum, r) => sum + r.points, 0));
          for (const r of m.reasons) expect(r.label.endsWith(` +${r.points}`)).toBe(true);
        }
        for (let i = 1; i < out.length; i++) {
          const [a, b] = [out[i - 1], out[i]];
          expect(a.score > b.score || (a.score === b.score && a.buyerId < b.buyerId)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  /** Score and position of one buyer among the matches (position -1 when absent). */
  const standing = (d: MatchDeal, buyers: MatchBuyer[], id: string, options: { now: Date; liquidityScore: number | null }) => {
    const out = matchBuyers(d, buyers, options);
    const at = out.findIndex((m) => m.buyerId === id);
    return { at, score: at < 0 ? -1 : out[at].score };
  };

  const improvements: [name: string, improve: (b: MatchBuyer, d: MatchDeal) => MatchBuyer][] = [
    ["adding the deal's ZIP to the postal codes", (b, d) => {
      const code = d.postalCode?.slice(0, 5);
      return code && !b.postalCodes.includes(code) ? { ...b, postalCodes: [...b.postalCodes, code] } : b;
    }],
    ["adding the deal's market", (b, d) => (d.region && d.market ? { ...b, markets: [...b.markets, `${d.region}:${d.market}`] } : b)],
    ["raising the tier", (b) => ({ ...b, tier: b.tier === "A" ? "A" : b.tier === "B" ? "A" : "B" })],
    ["a more recent activity", (b) => ({ ...b, lastActivityAt: NOW })],
  ];

  it.each(improvements)("%s never lowers an admitted buyer's score or rank", (_name, improve) => {
    fc.assert(
      fc.property(dealArb, buyersArb, optionsArb, fc.nat(), (d, buyers, options, pick) => {
        const admittedOnes = buyers.filter((b) => admitted(d, b));
        fc.pre(admittedOnes.length > 0);
        const target = admittedOnes[pick % admittedOnes.length];
        const before = standing(d, buyers, target.id, options);
        const after = standing(d, buyers.map((b) => (b.id === target.id ? improve(b, d) : b)), target.id, options);
        expect(after.at).toBeGreaterThanOrEqual(0);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.at).toBeLessThanOrEqual(before.at);
      }),
      RUNS,
    );
  });

  it("a higher node liquidity never lowers a score", () => {
    fc.assert(
      fc.property(dealArb, buyerArb("only"), fc.double({ min: 0, max: 150, noNaN: true }), fc.double({ min: 0, max: 150, noNaN: true }), (d, b, x, y) => {
        const [low, high] = [Math.min(x, y), Math.max(x, y)];
        const score = (liquidityScore: number) => matchBuyers(d, [b], { now: NOW, liquidityScore })[0]?.score ?? -1;
        expect(score(high)).toBeGreaterThanOrEqual(score(low));
      }),
      RUNS,
    );
  });

  it("postal code outweighs market", () => {
    expect(MATCH_POINTS.postalCode).toBeGreaterThan(MATCH_POINTS.market);
  });
});
