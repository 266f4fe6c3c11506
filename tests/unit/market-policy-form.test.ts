import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MarketPolicyForm,
  formFieldOf,
  gridToFormFields,
  normalizeWindows,
  policyToGrid,
  type MarketPolicyView,
} from "@/components/policies/market-policy-form";
import { formDataToObject } from "@/lib/http/action";
import { fieldErrors, toFieldIssues } from "@/lib/http/result";
import { CHANNELS, defaultMarketPolicies, isContactAllowed, type ContactWindow } from "@/lib/policy";

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** What the browser posts: FormData (repeated keys for the channels) through formDataToObject. */
function post(fields: Record<string, string | string[]>): Record<string, unknown> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return formDataToObject(form);
}

/** policy -> grid -> posted form -> parsed input. */
function roundTrip(policy: MarketPolicyView, reason = "Round trip") {
  const { grid, warnings } = policyToGrid(policy);
  return { warnings, parsed: MarketPolicyForm.safeParse(post(gridToFormFields(grid, reason))) };
}

function errorsOf(fields: Record<string, unknown>) {
  const result = MarketPolicyForm.safeParse(fields);
  expect(result.success).toBe(false);
  return fieldErrors(toFieldIssues(result.error!));
}

/** Per weekday, "HH:MM-HH:MM" or "" (closed): what a set of one-window-a-day windows means. */
function hoursByDay(windows: readonly ContactWindow[]): string[] {
  const days = ["", "", "", "", "", "", ""];
  for (const w of windows) for (const d of w.days) days[d] = `${w.start}-${w.end}`;
  return days;
}

const seeded = defaultMarketPolicies();
const ontario = seeded.find((p) => p.region === "ON")!;

describe("contact-rules form: the 64 seeded defaults", () => {
  it.each(seeded.map((p) => [p.region, p] as const))("%s survives policy -> grid -> policy unchanged", (_region, policy) => {
    const { warnings, parsed } = roundTrip(policy, "Seeded default");
    expect(warnings).toEqual([]);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ region: policy.region, market: "ALL", enabled: true, rules: policy.rules, reason: "Seeded default", intent: "update" });
  });

  it("shows the default week as a grid with Sunday closed", () => {
    const { grid } = policyToGrid(ontario);
    expect(grid.days).toEqual([
      ...Array.from({ length: 5 }, () => ({ open: true, start: "09:00", end: "20:00" })),
      { open: true, start: "10:00", end: "18:00" },
      { open: false, start: "", end: "" },
    ]);
    expect(grid.channels).toEqual(["SMS", "CALL", "EMAIL"]);
    expect(grid.minLeadScore).toBe(65);
  });

  it("keeps the citation of a stricter seed (Rhode Island) through the hidden field", () => {
    const ri = seeded.find((p) => p.region === "RI")!;
    const { grid } = policyToGrid(ri);
    expect(gridToFormFields(grid, "x").citation).toBe(ri.rules.citation);
    expect(roundTrip(ri).parsed.data?.rules.citation).toBe(ri.rules.citation);
  });
});

// One window per day: each day is closed or belongs to one of up to 7 windows, whose hours are random.
const minuteRange = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
  .map(([start, length]) => [start, Math.min(1440, start + length)] as const);
const oneWindowPerDay = fc
  .record({
    owner: fc.array(fc.integer({ min: -1, max: 6 }), { minLength: 7, maxLength: 7 }),
    hours: fc.array(minuteRange, { minLength: 7, maxLength: 7 }),
    order: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
  })
  .map(({ owner, hours, order }) => {
    const windows: ContactWindow[] = [];
    for (let w = 0; w < 7; w++) {
      const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => owner[d] === w).sort((a, b) => order[a] - order[b] || a - b);
      if (days.length > 0) windows.push({ days, start: hhmm(hours[w][0]), end: hhmm(hours[w][1]) });
    }
    return windows.sort((a, b) => order[a.days[0]] - order[b.days[0]]);
  });
const policyArb: fc.Arbitrary<MarketPolicyView> = fc.record({
  region: fc.constantFrom("ON", "TX", "BC", "NY"),
  market: fc.constantFrom("ALL", "TORONTO", "AUSTIN"),
  enabled: fc.boolean(),
  rules: fc.record({
    contactWindows: oneWindowPerDay,
    channelsAllowed: fc.subarray([...CHANNELS], { minLength: 1 }),
    minLeadScore: fc.integer({ min: 0, max: 100 }),
    maxTouchesPer24Hours: fc.integer({ min: 1, max: 24 }),
  }),
});

describe("contact-rules form: the touch cap", () => {
  it("shows a stored policy without a cap with its region's seeded one, and saves it explicitly", () => {
    const { maxTouchesPer24Hours: _omitted, ...withoutCap } = seeded.find((p) => p.region === "FL")!.rules;
    const florida = { region: "FL", market: "ALL", enabled: true, rules: withoutCap };
    expect(policyToGrid(florida).grid.maxTouchesPer24Hours).toBe(3);
    expect(roundTrip(florida).parsed.data?.rules.maxTouchesPer24Hours).toBe(3);
    expect(policyToGrid({ ...florida, region: "TX" }).grid.maxTouchesPer24Hours).toBe(4);
  });

  it("reports a missing, fractional or out-of-range cap on its field", () => {
    const fields = gridToFormFields(policyToGrid(ontario).grid, "Tighter");
    expect(errorsOf(post({ ...fields, maxTouchesPer24Hours: "" })).maxTouchesPer24Hours).toEqual(["Give the most touches per lead in 24 hours"]);
    expect(errorsOf(post({ ...fields, maxTouchesPer24Hours: "2.5" })).maxTouchesPer24Hours).toEqual(["Use a whole number"]);
    expect(errorsOf(post({ ...fields, maxTouchesPer24Hours: "0" })).maxTouchesPer24Hours?.[0]).toMatch(/at least 1/);
    expect(errorsOf(post({ ...fields, maxTouchesPer24Hours: "25" })).maxTouchesPer24Hours).toEqual(["Use at most 24"]);
  });
});

describe("contact-rules form: random one-window-a-day policies", () => {
  it("round-trips to the same policy after normalisation", () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const { warnings, parsed } = roundTrip(policy);
        expect(warnings).toEqual([]);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual({ ...policy, rules: { ...policy.rules, contactWindows: normalizeWindows(policy.rules.contactWindows) }, reason: "Round trip", intent: "update" });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every day's hours and merges only contiguous days with identical hours", () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const windows = roundTrip(policy).parsed.data!.rules.contactWindows;
        expect(hoursByDay(windows)).toEqual(hoursByDay(policy.rules.contactWindows));
        for (const [i, w] of windows.entries()) {
          expect(w.days).toEqual(Array.from({ length: w.days.length }, (_, k) => w.days[0] + k));
          const next = windows[i + 1];
          if (next && next.days[0] === w.days.at(-1)! + 1) expect(`${next.start}-${next.end}`).not.toBe(`${w.start}-${w.end}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is a fixed point: a saved policy opens and saves to itself", () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const once = roundTrip(policy).parsed.data!;
        const twice = roundTrip(once).parsed.data!;
        expect(twice).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it("lets the can-contact gate give the same answer before and after the round trip", () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.constantFrom(...CHANNELS), (policy, at, channel) => {
        const saved = roundTrip(policy).parsed.data!;
        const ask = (p: MarketPolicyView) => isContactAllowed({ policy: p, timeZones: ["America/Toronto"], at: new Date(at), channel, score: 100 });
        expect(ask(saved)).toEqual(ask(policy));
      }),
      { numRuns: 300 },
    );
  });
});

describe("contact-rules form: what the grid cannot show", () => {
  it("shows midnight as an end of 00:00 and saves it back as 24:00", () => {
    const late: MarketPolicyView = { ...ontario, rules: { ...ontario.rules, contactWindows: [{ days: [6], start: "12:00", end: "24:00" }] } };
    expect(policyToGrid(late).grid.days[6]).toEqual({ open: true, start: "12:00", end: "00:00" });
    expect(roundTrip(late).parsed.data?.rules.contactWindows).toEqual([{ days: [6], start: "12:00", end: "24:00" }]);
  });

  it("merges overlapping or touching windows of a day, which mean the same minutes", () => {
    const split: MarketPolicyView = {
      ...ontario,
      rules: { ...ontario.rules, contactWindows: [{ days: [2, 0, 1], start: "12:00", end: "17:00" }, { days: [0, 1, 2], start: "09:00", end: "12:00" }] },
    };
    expect(policyToGrid(split).warnings).toEqual([]);
    expect(roundTrip(split).parsed.data?.rules.contactWindows).toEqual([{ days: [0, 1, 2], start: "09:00", end: "17:00" }]);
  });

  it("keeps only the first of a day's separate windows (narrower, never wider) and warns", () => {
    const lunch: MarketPolicyView = {
      ...ontario,
      rules: { ...ontario.rules, contactWindows: [{ days: [0], start: "13:00", end: "17:00" }, { days: [0], start: "09:00", end: "12:00" }] },
    };
    const { warnings, parsed } = roundTrip(lunch);
    expect(warnings).toEqual(["Monday has several windows (09:00-12:00, 13:00-17:00); saving here keeps only the first."]);
    expect(parsed.data?.rules.contactWindows).toEqual([{ days: [0], start: "09:00", end: "12:00" }]);
  });
});

describe("contact-rules form: errors on the field that shows them", () => {
  const valid = () => gridToFormFields(policyToGrid(ontario).grid, "Counsel approved");

  it("puts an end not after the start on that day's end field", () => {
    expect(errorsOf({ ...valid(), day2Start: "18:00", day2End: "09:00" })).toEqual({
      day2End: ["The window must end after it starts (windows cannot cross midnight)"],
    });
    expect(errorsOf({ ...valid(), day4Start: "10:00", day4End: "10:00" })).toHaveProperty("day4End");
  });

  it("asks for the times of an opened day, and ignores a closed day's leftovers", () => {
    expect(errorsOf({ ...valid(), day6Open: "on" })).toEqual({
      day6Start: ["Enter the start time, or close the day"],
      day6End: ["Enter the end time, or close the day"],
    });
    expect(errorsOf({ ...valid(), day1Start: "9am" })).toEqual({ day1Start: ["Use HH:MM, e.g. 09:00"] });
    const closed = MarketPolicyForm.safeParse({ ...valid(), day6Start: "junk", day6End: "" });
    expect(closed.success).toBe(true);
  });

  it("requires a channel, a score from 0 to 100 and a reason, reporting all at once", () => {
    const fields: Record<string, unknown> = { ...valid(), minLeadScore: "140", reason: "", day0End: "08:00" };
    delete fields.channels;
    expect(Object.keys(errorsOf(fields)).sort()).toEqual(["channels", "day0End", "minLeadScore", "reason"]);
    const noReason: Record<string, unknown> = { ...valid() };
    delete noReason.reason;
    expect(errorsOf(noReason)).toEqual({ reason: ["Say why the policy changes"] });
    expect(errorsOf({ ...valid(), minLeadScore: "" })).toEqual({ minLeadScore: ["Give a minimum lead score from 0 to 100"] });
    expect(errorsOf({ ...valid(), channels: ["SMS", "FAX"] })).toEqual({ channels: ["Choose SMS, CALL or EMAIL"] });
  });

  it("reads checkboxes as browsers post them: ticked is present, unticked is absent", () => {
    const fields: Record<string, unknown> = { ...valid(), channels: "sms" };
    delete fields.enabled;
    delete fields.day5Open;
    const parsed = MarketPolicyForm.parse(fields);
    expect(parsed.enabled).toBe(false);
    expect(parsed.rules.channelsAllowed).toEqual(["SMS"]);
    expect(parsed.rules.contactWindows).toEqual([{ days: [0, 1, 2, 3, 4], start: "09:00", end: "20:00" }]);
  });

  it("makes a new market rule name its market and a real region", () => {
    const create = { ...valid(), intent: "create" };
    expect(errorsOf({ ...create, market: "" })).toHaveProperty("market");
    expect(errorsOf({ ...create, market: "all" })).toHaveProperty("market");
    expect(errorsOf({ ...create, region: "ALL", market: "TORONTO" })).toHaveProperty("region");
    expect(MarketPolicyForm.parse({ ...create, market: " toronto " })).toMatchObject({ region: "ON", market: "TORONTO", intent: "create" });
  });

  it("maps the service's field names back to the form's", () => {
    const windows: ContactWindow[] = [{ days: [0, 1], start: "09:00", end: "20:00" }, { days: [5], start: "10:00", end: "18:00" }];
    expect(formFieldOf("rules.contactWindows.1.end".split("."), windows)).toBe("day5End");
    expect(formFieldOf(["rules", "contactWindows", 0, "start"], windows)).toBe("day0Start");
    expect(formFieldOf(["rules", "channelsAllowed", 2], windows)).toBe("channels");
    expect(formFieldOf(["rules", "minLeadScore"], windows)).toBe("minLeadScore");
    expect(formFieldOf(["reason"], windows)).toBe("reason");
    expect(formFieldOf([], windows)).toBe("");
  });
});
