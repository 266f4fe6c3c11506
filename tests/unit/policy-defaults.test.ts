import { describe, expect, it } from "vitest";
import { CA_REGION_CODES, REGIONS, US_REGION_CODES, getRegion } from "@/lib/geo/regions";
import {
  DEFAULT_MAX_TOUCHES_PER_24_HOURS,
  DEFAULT_RULES,
  MarketPolicyRules,
  TOUCH_CAP_LAWS,
  maxTouchesPer24HoursOf,
  STRICTER_RULES,
  defaultMarketPolicies,
  defaultPolicyRecord,
  isContactAllowed,
  minutesOfDay,
  type MarketPolicyRules as Rules,
} from "@/lib/policy";

const WEEK_MINUTES = 7 * 1440;

/** The minutes of a week (0 = Monday 00:00) at which the rules open a window. */
function allowedMinutes(rules: Rules): boolean[] {
  const week = new Array<boolean>(WEEK_MINUTES).fill(false);
  for (const window of rules.contactWindows) {
    for (const day of window.days) {
      for (let m = minutesOfDay(window.start); m < minutesOfDay(window.end); m++) week[day * 1440 + m] = true;
    }
  }
  return week;
}
const isSubset = (inner: boolean[], outer: boolean[]) => inner.every((open, i) => !open || outer[i]);
const count = (week: boolean[]) => week.filter(Boolean).length;

/** A weekly schedule from [days, "HH:MM", "HH:MM"] entries. */
function schedule(...entries: [number[], string, string][]): boolean[] {
  return allowedMinutes({ contactWindows: entries.map(([days, start, end]) => ({ days, start, end })), channelsAllowed: [], minLeadScore: 0 });
}

describe("default market policies", () => {
  const seeds = defaultMarketPolicies();

  it("covers exactly the 50 states, DC and the 13 provinces and territories, once each", () => {
    expect(seeds).toHaveLength(64);
    expect(US_REGION_CODES).toHaveLength(51);
    expect(CA_REGION_CODES).toHaveLength(13);
    expect(new Set(seeds.map((s) => s.region)).size).toBe(64);
    expect(seeds.map((s) => s.region).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    for (const seed of seeds) expect(seed).toMatchObject({ market: "ALL", enabled: true });
  });

  it("keeps the original system's defaults: Mon-Fri 09-20, Sat 10-18, Sunday closed, all channels, score 65", () => {
    expect(DEFAULT_RULES).toEqual({
      contactWindows: [
        { days: [0, 1, 2, 3, 4], start: "09:00", end: "20:00" },
        { days: [5], start: "10:00", end: "18:00" },
      ],
      channelsAllowed: ["SMS", "CALL", "EMAIL"],
      minLeadScore: 65,
      maxTouchesPer24Hours: DEFAULT_MAX_TOUCHES_PER_24_HOURS,
    });
    expect(DEFAULT_MAX_TOUCHES_PER_24_HOURS).toBe(4);
  });

  it("caps touches at 3 in 24 hours where the law does (Florida, Oklahoma, Maryland), citing it, and at the default elsewhere", () => {
    const capped = seeds.filter((s) => s.rules.maxTouchesPer24Hours !== DEFAULT_MAX_TOUCHES_PER_24_HOURS).map((s) => s.region).sort();
    expect(capped).toEqual(["FL", "MD", "OK"]);
    for (const region of capped) {
      const seed = seeds.find((s) => s.region === region)!;
      expect(seed.rules.maxTouchesPer24Hours).toBe(3);
      expect(seed.rules.citation).toMatch(/24-hour period/);
      // Only the cap is stricter: the windows stay the default's.
      expect(seed.rules.contactWindows).toEqual(DEFAULT_RULES.contactWindows);
    }
    expect(seeds.find((s) => s.region === "FL")!.rules.citation).toMatch(/501\.616/);
    expect(seeds.find((s) => s.region === "OK")!.rules.citation).toMatch(/775C\.4/);
    expect(seeds.find((s) => s.region === "MD")!.rules.citation).toMatch(/14-4503/);
  });

  it("gives a stored policy without a cap its region's seeded cap", () => {
    const without = (region: string) => ({ region, rules: { ...DEFAULT_RULES, maxTouchesPer24Hours: undefined } });
    expect(maxTouchesPer24HoursOf(without("FL"))).toBe(3);
    expect(maxTouchesPer24HoursOf(without("TX"))).toBe(4);
    expect(maxTouchesPer24HoursOf(without("ALL"))).toBe(4);
    expect(maxTouchesPer24HoursOf({ region: "FL", rules: { ...DEFAULT_RULES, maxTouchesPer24Hours: 2 } })).toBe(2);
    expect(maxTouchesPer24HoursOf(null)).toBe(4);
  });

  it("passes the zod schema unchanged, for every seed", () => {
    for (const seed of seeds) expect(MarketPolicyRules.parse(seed.rules)).toEqual(seed.rules);
  });

  it("uses the stricter rules where a law is stricter, and the default elsewhere", () => {
    for (const seed of seeds) {
      const country = getRegion(seed.region)!.country;
      const stricter = (STRICTER_RULES as Record<string, Rules>)[`${country}:${seed.region}`];
      const capLaw = (TOUCH_CAP_LAWS as Record<string, { maxTouchesPer24Hours: number; citation: string }>)[`${country}:${seed.region}`];
      const expected = stricter ?? DEFAULT_RULES;
      expect(seed.rules).toEqual(capLaw ? { ...expected, maxTouchesPer24Hours: capLaw.maxTouchesPer24Hours, citation: capLaw.citation } : expected);
    }
    expect(Object.keys(STRICTER_RULES).sort()).toEqual(["US:KY", "US:RI"]);
  });

  it("makes stricter entries really stricter (a subset of the default's week) and cites the law", () => {
    const defaultWeek = allowedMinutes(DEFAULT_RULES);
    for (const [key, rules] of Object.entries(STRICTER_RULES)) {
      const [country, code] = key.split(":");
      expect(getRegion(code, country as "US" | "CA"), key).toBeDefined();
      const week = allowedMinutes(rules);
      expect(isSubset(week, defaultWeek), key).toBe(true);
      expect(count(week), key).toBeLessThan(count(defaultWeek));
      expect(rules.citation?.length ?? 0, key).toBeGreaterThan(20);
      expect(rules.minLeadScore).toBeGreaterThanOrEqual(DEFAULT_RULES.minLeadScore);
      for (const channel of rules.channelsAllowed) expect(DEFAULT_RULES.channelsAllowed).toContain(channel);
    }
  });

  it("follows Rhode Island's hours of operation and Kentucky's 10 a.m. start", () => {
    expect(allowedMinutes(STRICTER_RULES["US:RI"])).toEqual(schedule([[0, 1, 2, 3, 4], "09:00", "18:00"], [[5], "10:00", "17:00"]));
    expect(allowedMinutes(STRICTER_RULES["US:KY"])).toEqual(schedule([[0, 1, 2, 3, 4], "10:00", "20:00"], [[5], "10:00", "18:00"]));
    expect(STRICTER_RULES["US:RI"].citation).toMatch(/R\.I\. Gen\. Laws/);
    expect(STRICTER_RULES["US:KY"].citation).toMatch(/KRS 367\.46955/);
  });

  it("stays within the federal TCPA hours (08:00-21:00) in the US and the CRTC hours in Canada", () => {
    const tcpa = schedule([[0, 1, 2, 3, 4, 5, 6], "08:00", "21:00"]);
    const crtc = schedule([[0, 1, 2, 3, 4], "09:00", "21:30"], [[5, 6], "10:00", "18:00"]);
    for (const seed of seeds) {
      const week = allowedMinutes(seed.rules);
      expect(isSubset(week, getRegion(seed.region)!.country === "US" ? tcpa : crtc), seed.region).toBe(true);
    }
  });

  it("hands out copies: changing one does not change the defaults", () => {
    const [first] = defaultMarketPolicies();
    first.rules.minLeadScore = 1;
    first.rules.contactWindows[0].days.push(6);
    expect(DEFAULT_RULES.minLeadScore).toBe(65);
    expect(DEFAULT_RULES.contactWindows[0].days).toEqual([0, 1, 2, 3, 4]);
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
  });
});

describe("defaultPolicyRecord", () => {
  it("returns the seed of a known region, for the CLI without a tenant", () => {
    expect(defaultPolicyRecord("ri")).toMatchObject({ region: "RI", market: "ALL", enabled: true, rules: STRICTER_RULES["US:RI"] });
    expect(defaultPolicyRecord("ON")?.rules).toEqual(DEFAULT_RULES);
    expect(defaultPolicyRecord("ZZ")).toBeNull();
  });

  it("refuses a Rhode Island call at 18:00 and a Kentucky call at 09:30, which the default allows", () => {
    const ask = (region: string, iso: string) =>
      isContactAllowed({ policy: defaultPolicyRecord(region), timeZones: ["America/New_York"], at: new Date(iso), channel: "CALL", score: 90 });
    // Monday 2026-03-09: 18:00 EDT is 22:00 UTC; 09:30 EDT is 13:30 UTC.
    expect(ask("RI", "2026-03-09T22:00:00Z").ok).toBe(false);
    expect(ask("RI", "2026-03-09T21:59:00Z").ok).toBe(true);
    expect(ask("CT", "2026-03-09T22:00:00Z").ok).toBe(true);
    expect(ask("KY", "2026-03-09T13:30:00Z").ok).toBe(false);
    expect(ask("KY", "2026-03-09T14:00:00Z").ok).toBe(true);
    expect(ask("OH", "2026-03-09T13:30:00Z").ok).toBe(true);
    // Saturday 2026-03-14 17:00 EDT is 21:00 UTC: closed in Rhode Island only.
    expect(ask("RI", "2026-03-14T21:00:00Z").ok).toBe(false);
    expect(ask("MA", "2026-03-14T21:00:00Z").ok).toBe(true);
  });
});
