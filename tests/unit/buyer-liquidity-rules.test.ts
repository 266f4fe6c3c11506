import { describe, expect, it } from "vitest";
import { buyerCoversNode, computeLiquidityNode, liquidityScore, type NodeBuyer, type NodeEventCount, type PostalMarketOf } from "@/lib/buyers/liquidity-rules";

const key = { region: "TX", market: "Houston", propertyType: "SFR" };
const postal: PostalMarketOf = (code) =>
  ({ "77002": { region: "TX", market: "Houston" }, "75201": { region: "TX", market: "Dallas-Fort Worth" }, M6H: { region: "ON", market: "Toronto" } })[code] ?? null;

const buyer = (id: string, over: Partial<NodeBuyer> = {}): NodeBuyer => ({ id, status: "ACTIVE", markets: ["TX:Houston"], postalCodes: [], propertyTypes: [], ...over });
const ev = (buyerId: string, kind: string, count = 1): NodeEventCount => ({ buyerId, kind, count });

describe("buyerCoversNode", () => {
  it.each([
    ["market listed", buyer("b", { markets: ["TX:Houston"] }), key, true],
    ["market in another casing", buyer("b", { markets: ["tx:houston"] }), key, true],
    ["other market", buyer("b", { markets: ["TX:Austin"] }), key, false],
    ["same market name, other region", buyer("b", { markets: ["ON:Houston"] }), key, false],
    ["postal code inside the market", buyer("b", { markets: [], postalCodes: ["77002"] }), key, true],
    ["postal code elsewhere", buyer("b", { markets: [], postalCodes: ["75201", "M6H"] }), key, false],
    ["unknown postal code", buyer("b", { markets: [], postalCodes: ["99999"] }), key, false],
    ["no location at all", buyer("b", { markets: [], postalCodes: [] }), key, false],
    ["property type listed", buyer("b", { propertyTypes: ["SFR", "MULTI"] }), key, true],
    ["property type not listed", buyer("b", { propertyTypes: ["CONDO"] }), key, false],
    ["node without a property type", buyer("b", { propertyTypes: ["CONDO"] }), { ...key, propertyType: "ANY" }, true],
  ] as const)("%s", (_, b, k, expected) => {
    expect(buyerCoversNode(b, k, postal)).toBe(expected);
  });
});

describe("computeLiquidityNode", () => {
  it.each([
    {
      name: "nothing sent: rates are 0, not NaN",
      buyers: [buyer("a"), buyer("b")],
      events: [] as NodeEventCount[],
      expected: { buyerCount: 2, activeBuyerCount: 0, avgResponseRate: 0, avgCloseRate: 0, score: 0 },
    },
    {
      name: "answers without any send: counted active, rates stay 0",
      buyers: [buyer("a")],
      events: [ev("a", "RESPONDED")],
      expected: { buyerCount: 1, activeBuyerCount: 1, avgResponseRate: 0, avgCloseRate: 0, score: 0.5 },
    },
    {
      name: "the seed's example shape: 10 sent, 4 answers, 1 purchase",
      buyers: [buyer("a"), buyer("b"), buyer("c"), buyer("d")],
      events: [ev("a", "SENT", 4), ev("b", "SENT", 3), ev("c", "SENT", 3), ev("a", "RESPONDED", 2), ev("b", "OFFERED"), ev("b", "BOUGHT"), ev("c", "VIEWED", 3), ev("c", "PASSED")],
      // responses 2 + 1 + 1 = 4 of 10; closes 1 of 10; a and b engaged
      expected: { buyerCount: 4, activeBuyerCount: 2, avgResponseRate: 0.4, avgCloseRate: 0.1, score: 2 * 0.5 + 0.4 * 50 + 0.1 * 50 },
    },
    {
      name: "inactive and out-of-box buyers are not counted, even when they answered",
      buyers: [buyer("a"), buyer("x", { status: "INACTIVE" }), buyer("y", { markets: ["TX:Austin"] })],
      events: [ev("a", "SENT", 2), ev("x", "SENT", 2), ev("x", "RESPONDED"), ev("y", "RESPONDED")],
      expected: { buyerCount: 1, activeBuyerCount: 0, avgResponseRate: 0.5, avgCloseRate: 0, score: 25 },
    },
    {
      name: "more answers than sends: the rate is a fraction, at most 1",
      buyers: [buyer("a")],
      events: [ev("a", "SENT"), ev("a", "RESPONDED"), ev("a", "OFFERED"), ev("a", "BOUGHT")],
      expected: { buyerCount: 1, activeBuyerCount: 1, avgResponseRate: 1, avgCloseRate: 1, score: 100.5 },
    },
  ])("$name", ({ buyers, events, expected }) => {
    const node = computeLiquidityNode(key, buyers, events, postal);
    expect(node).toMatchObject({ ...key, buyerCount: expected.buyerCount, activeBuyerCount: expected.activeBuyerCount });
    expect(node.avgResponseRate).toBeCloseTo(expected.avgResponseRate, 10);
    expect(node.avgCloseRate).toBeCloseTo(expected.avgCloseRate, 10);
    expect(node.score).toBeCloseTo(expected.score, 10);
  });

  it("keeps the counts the rates come from", () => {
    const node = computeLiquidityNode(key, [buyer("a")], [ev("a", "SENT", 5), ev("a", "RESPONDED", 2), ev("a", "BOUGHT")], postal);
    expect(node).toMatchObject({ sentCount: 5, responseCount: 3, boughtCount: 1 });
  });
});

describe("liquidityScore", () => {
  it.each([
    [{ activeBuyerCount: 87, avgResponseRate: 0.68, avgCloseRate: 0.34 }, 94.5],
    [{ activeBuyerCount: 0, avgResponseRate: 0, avgCloseRate: 0 }, 0],
    [{ activeBuyerCount: 100, avgResponseRate: 0, avgCloseRate: 0 }, 50],
    [{ activeBuyerCount: 0, avgResponseRate: 1, avgCloseRate: 1 }, 100],
  ])("%o scores %d", (figures, expected) => {
    expect(liquidityScore(figures)).toBeCloseTo(expected, 10);
  });
});
