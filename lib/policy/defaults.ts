/**
 * Seed market policies: the original system's safe defaults for every state, DC, province
 * and territory, made stricter where a law in force is stricter.
 *
 * Default (original system, Pack G): Mon-Fri 09:00-20:00, Sat 10:00-18:00, Sunday closed, in
 * the lead's local time; SMS, CALL and EMAIL; minimum lead score 65 (0.65 on the old 0-1 scale).
 *
 * Laws checked and already satisfied by the default (so not tightened here):
 * - Federal TCPA, 47 CFR 64.1200(c)(1): 8:00-21:00.
 * - CRTC Unsolicited Telecommunications Rules (Telemarketing Rules): weekdays 9:00-21:30,
 *   weekends 10:00-18:00; B.C. Telemarketer Licensing Regulation: the same hours.
 * - Connecticut, Conn. Gen. Stat. 42-288a: 9:00-20:00 (end exclusive here, so 19:59 is the last minute).
 * - Florida FTSA, Fla. Stat. 501.616: 8:00-20:00; Oklahoma, 15 O.S. 775C.4: 8:00-20:00 (at most 21:00);
 *   Maryland Stop the Spam Calls Act: 8:00-20:00; Massachusetts: 8:00-20:00;
 *   Washington, RCW 80.36.390: 8:00-20:00; Wyoming: 8:00-20:00.
 * - Texas, Tex. Bus. & Com. Code 301.051: 9:00-21:00, Sunday 12:00-21:00 (Sunday closed here).
 * - Pennsylvania, 73 P.S. 2245: 8:00-21:00, Sunday from 13:30 (closed here).
 * - Louisiana, Mississippi, Alabama, Utah: no calls on Sunday (closed here), 8:00-20:00 or 21:00.
 * - Michigan, Minnesota, New Mexico: 9:00-21:00; Nevada: 9:00-20:00.
 * NOT modelled: holiday bans (AL, LA, PA, RI, UT; B.C. statutory holidays). See the report.
 */
import { REGIONS, getRegion, type Country } from "@/lib/geo/regions";
import type { MarketPolicyRules, PolicyRecord } from "./schema";

const WEEKDAYS = [0, 1, 2, 3, 4];
const SATURDAY = [5];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_RULES: MarketPolicyRules = deepFreeze({
  contactWindows: [
    { days: WEEKDAYS, start: "09:00", end: "20:00" },
    { days: SATURDAY, start: "10:00", end: "18:00" },
  ],
  channelsAllowed: ["SMS", "CALL", "EMAIL"],
  minLeadScore: 65,
});

export type StricterRegionKey = "US:RI" | "US:KY";

/** Regions whose law is stricter than DEFAULT_RULES, keyed "COUNTRY:CODE". */
export const STRICTER_RULES: Record<StricterRegionKey, MarketPolicyRules> = deepFreeze({
  "US:RI": {
    contactWindows: [
      { days: WEEKDAYS, start: "09:00", end: "18:00" },
      { days: SATURDAY, start: "10:00", end: "17:00" },
    ],
    channelsAllowed: ["SMS", "CALL", "EMAIL"],
    minLeadScore: 65,
    citation:
      "R.I. Gen. Laws § 5-61-2(2) and § 5-61-3.6 (Telephone Sales Solicitation Act): unsolicited telephonic " +
      "sales calls only Monday-Friday 9:00 a.m.-6:00 p.m. and Saturday 10:00 a.m.-5:00 p.m.; none on Sundays " +
      "or state/federal holidays (holidays are not modelled).",
  },
  "US:KY": {
    contactWindows: [
      { days: WEEKDAYS, start: "10:00", end: "20:00" },
      { days: SATURDAY, start: "10:00", end: "18:00" },
    ],
    channelsAllowed: ["SMS", "CALL", "EMAIL"],
    minLeadScore: 65,
    citation:
      "KRS 367.46955(16): no telephone solicitation to a residence before 10:00 a.m. or after 9:00 p.m. " +
      "in the called person's local time.",
  },
});

export interface DefaultMarketPolicy {
  region: string;
  market: "ALL";
  enabled: true;
  rules: MarketPolicyRules;
}

function rulesFor(country: Country, code: string): MarketPolicyRules {
  return (STRICTER_RULES as Record<string, MarketPolicyRules>)[`${country}:${code}`] ?? DEFAULT_RULES;
}

/** The 64 seed policies (50 states + DC + 13 provinces/territories), market "ALL", as fresh copies. */
export function defaultMarketPolicies(): DefaultMarketPolicy[] {
  return REGIONS.map((region) => ({
    region: region.code,
    market: "ALL",
    enabled: true,
    rules: structuredClone(rulesFor(region.country, region.code)),
  }));
}

/** The seed policy of a region as the gate takes it (the CLI's answer when no tenant is named). */
export function defaultPolicyRecord(region: string): PolicyRecord | null {
  const info = getRegion(region);
  if (!info) return null;
  return {
    region: info.code,
    market: "ALL",
    enabled: true,
    rules: rulesFor(info.country, info.code),
    version: 0,
    reason: "Built-in default",
  };
}
