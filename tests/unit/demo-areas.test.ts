import { describe, expect, it } from "vitest";
import { DEMO_AREAS, DEMO_HISTORY_DAYS, demoAreaRoles, demoDeals, demoHistory, planDemoAreas } from "@/lib/demo/deals";
import { areaCentroid, areaCodeOf } from "@/lib/geo/area";
import { metricsFromFile } from "@/lib/market/metrics-file";
import { rankArea } from "@/lib/market/rank";
import { DEFAULT_RANK_THRESHOLDS } from "@/lib/market/thresholds";
import zipcodes from "zipcodes";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

describe("the demo's postal areas", () => {
  it("are real ZIPs and FSAs of their city's state or province", () => {
    for (const [city, codes] of Object.entries(DEMO_AREAS)) {
      const states = new Set(codes.map((code) => zipcodes.lookup(code)?.state));
      expect(states.size, city).toBe(1);
      for (const code of codes) expect(areaCentroid(code), `${city} ${code}`).not.toBeNull();
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  const plan = planDemoAreas(demoDeals(240), demoHistory(240));

  it("keeps every demo deal and city, spreads each city over several areas and 16 weeks", () => {
    expect(plan.deals.slice(0, 240).map((d) => d.city)).toEqual(demoDeals(240).map((d) => d.city));
    const byCity = new Map<string, Set<string>>();
    for (const deal of plan.deals) byCity.set(deal.city!, (byCity.get(deal.city!) ?? new Set()).add(areaCodeOf(deal.postalCode)!));
    expect(byCity.size).toBe(Object.keys(DEMO_AREAS).length);
    for (const [city, areas] of byCity) {
      expect(areas.size, city).toBeGreaterThanOrEqual(3);
      for (const area of areas) expect(DEMO_AREAS[city as keyof typeof DEMO_AREAS]).toContain(area);
    }
    const days = plan.history.map((h) => h.daysAgo);
    expect(Math.max(...days)).toBeLessThan(DEMO_HISTORY_DAYS);
    expect(days.filter((d) => d >= 84).length).toBeGreaterThan(10);
    expect(days.filter((d) => d < 28).length).toBeGreaterThan(40);
    // 38104 stays a demo area: the buyer demo's matches look there.
    expect(plan.deals.some((d) => d.postalCode === "38104")).toBe(true);
  });

  it("ranks some areas hot and some cold under the default thresholds, most normal", () => {
    const areas = new Map<string, { days: number[]; spreads: number[] }>();
    plan.deals.forEach((deal, i) => {
      const code = areaCodeOf(deal.postalCode)!;
      const area = areas.get(code) ?? { days: [], spreads: [] };
      area.days.push(plan.history[i].daysAgo);
      area.spreads.push(deal.arv! * 0.7 - deal.repairs! - 2_500 - deal.askingPrice!);
      areas.set(code, area);
    });
    const ranks = new Map<string, string>();
    for (const [code, { days, spreads }] of areas) {
      const in12 = days.map((d, i) => [d, spreads[i]] as const).filter(([d]) => d < 84);
      const metrics = metricsFromFile({ deals4w: days.filter((d) => d < 28).length, deals12w: in12.length, medianSpread: median(in12.map(([, s]) => s)), outbound: 0, replies: 0, buyerOffers: 0, contracts: 0, closes: 0 });
      ranks.set(code, rankArea(metrics, DEFAULT_RANK_THRESHOLDS).rank);
    }
    const roles = demoAreaRoles();
    for (const role of roles) {
      if (role.hot) expect(ranks.get(role.hot), role.hot).toBe("HOT");
      if (role.cold) expect(ranks.get(role.cold), role.cold).toBe("COLD");
    }
    const count = (rank: string) => [...ranks.values()].filter((r) => r === rank).length;
    expect(count("HOT")).toBeGreaterThanOrEqual(roles.filter((r) => r.hot).length);
    expect(count("COLD")).toBeGreaterThanOrEqual(roles.filter((r) => r.cold).length);
    expect(count("NORMAL")).toBeGreaterThan(count("HOT") + count("COLD"));
    console.info(JSON.stringify({ HOT: count("HOT"), NORMAL: count("NORMAL"), COLD: count("COLD") }));
  });
});

describe("the demo's Canadian workspace", () => {
  it("stays within the free plan's 100 properties a month", () => {
    const plan = planDemoAreas(demoDeals(240), demoHistory(240));
    expect(plan.deals.filter((d) => d.country === "CA").length).toBeLessThanOrEqual(98);
  });
});
