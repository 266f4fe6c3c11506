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
 *
 * Touches per lead in 24 hours (`maxTouchesPer24Hours`, ladder messages and calls alike):
 * 3 where a state law caps sales calls and texts on the same subject at three in 24 hours
 * (Florida, Oklahoma, Maryland; see TOUCH_CAP_LAWS). Elsewhere no law caps them, and the
 * default is DEFAULT_MAX_TOUCHES_PER_24_HOURS = 4: the default ladder's first day (3 touches)
 * plus one, so a ladder edited to bunch its steps is spread out. A stored policy without the
 * field gets its region's seeded value.
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

/** The touch cap where no law sets one (see the header). */
export const DEFAULT_MAX_TOUCHES_PER_24_HOURS = 4;

export const DEFAULT_RULES: MarketPolicyRules = deepFreeze({
  contactWindows: [
    { days: WEEKDAYS, start: "09:00", end: "20:00" },
    { days: SATURDAY, start: "10:00", end: "18:00" },
  ],
  channelsAllowed: ["SMS", "CALL", "EMAIL"],
  minLeadScore: 65,
  maxTouchesPer24Hours: DEFAULT_MAX_TOUCHES_PER_24_HOURS,
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
    maxTouchesPer24Hours: DEFAULT_MAX_TOUCHES_PER_24_HOURS,
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
    maxTouchesPer24Hours: DEFAULT_MAX_TOUCHES_PER_24_HOURS,
    citation:
      "KRS 367.46955(16): no telephone solicitation to a residence before 10:00 a.m. or after 9:00 p.m. " +
      "in the called person's local time.",
  },
});

export type TouchCapRegionKey = "US:FL" | "US:OK" | "US:MD";

/** States whose law caps sales calls and texts per person in 24 hours, with the cap and the law. */
export const TOUCH_CAP_LAWS: Record<TouchCapRegionKey, { maxTouchesPer24Hours: number; citation: string }> = deepFreeze({
  "US:FL": {
    maxTouchesPer24Hours: 3,
    citation:
      "Fla. Stat. § 501.616(6)(b) (Florida Telephone Solicitation Act): no more than three telephonic sales calls " +
      "(text messages included) to a person in a 24-hour period on the same subject matter or issue.",
  },
  "US:OK": {
    maxTouchesPer24Hours: 3,
    citation:
      "15 O.S. § 775C.4 (Oklahoma Telephone Solicitation Act of 2022): no more than three commercial telephonic " +
      "sales calls (text messages included) to a consumer in a 24-hour period on the same subject matter or issue.",
  },
  "US:MD": {
    maxTouchesPer24Hours: 3,
    citation:
      "Md. Code, Com. Law § 14-4503 (Stop the Spam Calls Act of 2023): no more than three telephone solicitations " +
      "(text messages included) to a person in a 24-hour period on the same subject matter or issue.",
  },
});

export interface DefaultMarketPolicy {
  region: string;
  market: "ALL";
  enabled: true;
  rules: MarketPolicyRules;
}

// Built once, so a region's seed is one frozen object (the gate compiles rules once per object).
const cappedRules = new Map<string, MarketPolicyRules>();

function rulesFor(country: Country, code: string): MarketPolicyRules {
  const key = `${country}:${code}`;
  const rules = (STRICTER_RULES as Record<string, MarketPolicyRules>)[key] ?? DEFAULT_RULES;
  const capLaw = (TOUCH_CAP_LAWS as Record<string, { maxTouchesPer24Hours: number; citation: string }>)[key];
  if (!capLaw) return rules;
  let capped = cappedRules.get(key);
  if (!capped) {
    const citation = [rules.citation, capLaw.citation].filter(Boolean).join(" ");
    capped = deepFreeze({ ...structuredClone(rules), maxTouchesPer24Hours: capLaw.maxTouchesPer24Hours, citation });
    cappedRules.set(key, capped);
  }
  return capped;
}

/**
 * The touch cap a policy sets: its own field, else (a policy stored before the field existed)
 * its region's seeded value, else the default.
 */
export function maxTouchesPer24HoursOf(policy: Pick<PolicyRecord, "region" | "rules"> | null): number {
  const own = policy?.rules?.maxTouchesPer24Hours;
  if (typeof own === "number" && Number.isInteger(own) && own >= 1) return own;
  const seeded = policy ? defaultPolicyRecord(policy.region)?.rules.maxTouchesPer24Hours : undefined;
  return seeded ?? DEFAULT_MAX_TOUCHES_PER_24_HOURS;
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
