import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER_STEPS, LADDER_CHANNELS, scheduleLadder, type LadderChannel, type PolicyContext, type ScheduledStep } from "@/lib/ladder";
import { MIN_STEP_GAP_MINUTES, spacingFloor } from "@/lib/ladder/schedule";
import { DEFAULT_RULES, defaultPolicyRecord, isContactAllowed, maxTouchesPer24HoursOf, type MarketPolicyRules, type PolicyRecord } from "@/lib/policy";
import { rulesArb as rulesArbFor } from "../helpers/policy-arbitraries";

const policy = (rules: MarketPolicyRules, enabled = true): PolicyRecord => ({ region: "ON", market: "ALL", enabled, rules });
const toronto = (rules: MarketPolicyRules = DEFAULT_RULES, score: number | null = 80): PolicyContext => ({
  policy: policy(rules),
  timeZones: ["America/Toronto"],
  score,
});
const iso = (dates: (Date | null)[]) => dates.map((d) => (d ? d.toISOString() : null));

describe("scheduleLadder", () => {
  it("keeps the default ladder's times when every step falls inside the window", () => {
    const schedule = scheduleLadder(new Date("2026-03-02T14:00:00Z"), DEFAULT_LADDER_STEPS, toronto());
    expect(schedule.map((s) => s.channel)).toEqual(["SMS", "CALL", "SMS", "CALL", "SMS", "CALL"]);
    expect(iso(schedule.map((s) => s.dueAt))).toEqual([
      "2026-03-02T14:00:00.000Z",
      "2026-03-02T14:30:00.000Z",
      "2026-03-02T17:00:00.000Z",
      "2026-03-03T14:00:00.000Z",
      "2026-03-05T14:00:00.000Z",
      "2026-03-09T14:00:00.000Z",
    ]);
  });

  it("moves a step at night to the next morning, and a Sunday one to Monday", () => {
    // Friday 19:45 in Toronto: the 30-minute call would be at 20:15, after the window.
    const schedule = scheduleLadder(new Date("2026-11-07T00:45:00Z"), DEFAULT_LADDER_STEPS.slice(0, 2), toronto());
    expect(iso(schedule.map((s) => s.dueAt))).toEqual(["2026-11-07T00:45:00.000Z", "2026-11-07T15:00:00.000Z"]); // Saturday 10:00 EST
    const sunday = scheduleLadder(new Date("2026-11-08T15:00:00Z"), DEFAULT_LADDER_STEPS.slice(0, 1), toronto());
    expect(iso(sunday.map((s) => s.dueAt))).toEqual(["2026-11-09T14:00:00.000Z"]); // Monday 09:00 EST
  });

  it("reads the window across the fall-back change (Toronto, 1 November 2026)", () => {
    // Saturday 17:50 EDT; the call at 18:20 is after Saturday's window; Sunday closed; Monday 09:00 EST = 14:00Z.
    const schedule = scheduleLadder(new Date("2026-10-31T21:50:00Z"), DEFAULT_LADDER_STEPS.slice(0, 2), toronto());
    expect(iso(schedule.map((s) => s.dueAt))).toEqual(["2026-10-31T21:50:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });

  it("never puts a step before the one before it", () => {
    const callsLater: MarketPolicyRules = {
      contactWindows: [
        { days: [0, 1, 2, 3, 4, 5, 6], start: "08:00", end: "21:00" },
      ],
      channelsAllowed: ["SMS", "CALL"],
      minLeadScore: 0,
    };
    const steps = [
      { channel: "CALL" as const, delayMinutes: 0 },
      { channel: "SMS" as const, delayMinutes: 10 },
    ];
    const schedule = scheduleLadder(new Date("2026-03-03T03:00:00Z"), steps, toronto(callsLater));
    expect(schedule[1].dueAt!.getTime()).toBeGreaterThanOrEqual(schedule[0].dueAt!.getTime());
  });

  it("skips, with the reason, what no window allows: no policy, a disabled one, a refused channel or score, no zone", () => {
    const start = new Date("2026-03-02T14:00:00Z");
    const steps = [{ channel: "SMS" as const, delayMinutes: 0 }];
    const reason = (context: PolicyContext) => {
      const [step] = scheduleLadder(start, steps, context);
      return step.skipped ? step.reason : "scheduled";
    };
    expect(reason({ policy: null, timeZones: ["America/Toronto"], score: 80 })).toBe("no_policy");
    expect(reason({ ...toronto(), policy: policy(DEFAULT_RULES, false) })).toBe("policy_disabled");
    expect(reason(toronto({ ...DEFAULT_RULES, channelsAllowed: ["CALL"] }))).toBe("channel_not_allowed");
    expect(reason(toronto(DEFAULT_RULES, 10))).toBe("score_below_minimum");
    expect(reason(toronto(DEFAULT_RULES, null))).toBe("score_missing");
    expect(reason({ ...toronto(), timeZones: [] })).toBe("unknown_time_zone");
    expect(reason(toronto({ ...DEFAULT_RULES, contactWindows: [] }))).toBe("no_open_window");
  });

  it("asks every zone of a multi-zone region and schedules only when all are open", () => {
    // Saskatchewan-wide with no postal code would be one zone; take a two-zone case: Toronto and Winnipeg.
    const [step] = scheduleLadder(new Date("2026-03-02T14:00:00Z"), [{ channel: "SMS", delayMinutes: 0 }], {
      policy: policy(DEFAULT_RULES),
      timeZones: ["America/Toronto", "America/Winnipeg"],
      score: 80,
    });
    expect(step.dueAt?.toISOString()).toBe("2026-03-02T15:00:00.000Z"); // 09:00 in Winnipeg
  });
});

describe("scheduleLadder spaces the touches of a lead", () => {
  const newYork = (region = "NY"): PolicyContext => ({ policy: defaultPolicyRecord(region), timeZones: ["America/New_York"], score: 80 });
  const local = (schedule: ScheduledStep[]) =>
    schedule.map((s) => `${s.channel} ${s.dueAt ? new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", weekday: "short", hour: "numeric", minute: "2-digit" }).format(s.dueAt) : "skipped"}`);

  it("spreads a ladder started at 2:36 AM on a Sunday instead of stacking four touches at Monday 9:00", () => {
    // Sunday 29 November 2026, 02:36 EST.
    const schedule = scheduleLadder(new Date("2026-11-29T07:36:00Z"), DEFAULT_LADDER_STEPS, newYork());
    expect(local(schedule)).toEqual([
      "SMS Mon 9:00 AM", // the window opens
      "CALL Mon 9:30 AM", // its own 30 minutes after the text
      "SMS Mon 12:00 PM", // 3 h - 30 min after the call
      "CALL Tue 9:00 AM", // 1 d - 3 h after the second text
      "SMS Thu 9:00 AM", // 3 d - 1 d
      "CALL Mon 9:00 AM", // 7 d - 3 d
    ]);
    expect(iso(schedule.map((s) => s.dueAt))).toEqual([
      "2026-11-30T14:00:00.000Z",
      "2026-11-30T14:30:00.000Z",
      "2026-11-30T17:00:00.000Z",
      "2026-12-01T14:00:00.000Z",
      "2026-12-03T14:00:00.000Z",
      "2026-12-07T14:00:00.000Z",
    ]);
  });

  it("keeps at least 30 minutes between steps whose delays are closer", () => {
    const steps = [
      { channel: "SMS" as const, delayMinutes: 0 },
      { channel: "CALL" as const, delayMinutes: 5 },
      { channel: "SMS" as const, delayMinutes: 5 },
    ];
    const schedule = scheduleLadder(new Date("2026-12-01T15:00:00Z"), steps, newYork());
    expect(iso(schedule.map((s) => s.dueAt))).toEqual(["2026-12-01T15:00:00.000Z", "2026-12-01T15:30:00.000Z", "2026-12-01T16:00:00.000Z"]);
  });

  it("holds a fourth touch in 24 hours back in Florida (cap 3) but not in New York (cap 4)", () => {
    const hourly = [0, 60, 120, 180].map((delayMinutes, i) => ({ channel: (i % 2 ? "CALL" : "SMS") as LadderChannel, delayMinutes }));
    const start = new Date("2026-12-01T15:00:00Z"); // Tuesday 10:00 EST
    const florida = scheduleLadder(start, hourly, newYork("FL"));
    expect(iso(florida.map((s) => s.dueAt))).toEqual([
      "2026-12-01T15:00:00.000Z",
      "2026-12-01T16:00:00.000Z",
      "2026-12-01T17:00:00.000Z",
      "2026-12-02T15:00:00.000Z", // 24 hours after the first touch
    ]);
    const newYorkSchedule = scheduleLadder(start, hourly, newYork("NY"));
    expect(newYorkSchedule[3].dueAt?.toISOString()).toBe("2026-12-01T18:00:00.000Z");
  });

  it("re-checks the window after the cap moves a step", () => {
    // A cap of 1 from Friday 16:00: the call waits 24 h (Saturday 16:00, inside Saturday's 10:00-18:00); the
    // next text's 24 h end on Sunday 16:00, when the window is closed, so it moves on to Monday 09:00.
    const capOne: PolicyContext = { ...newYork("FL"), policy: { ...defaultPolicyRecord("FL")!, rules: { ...DEFAULT_RULES, maxTouchesPer24Hours: 1 } } };
    const steps = [
      { channel: "SMS" as const, delayMinutes: 0 },
      { channel: "CALL" as const, delayMinutes: 60 },
      { channel: "SMS" as const, delayMinutes: 120 },
    ];
    const schedule = scheduleLadder(new Date("2026-12-04T21:00:00Z"), steps, capOne); // Friday 16:00 EST
    expect(local(schedule)).toEqual(["SMS Fri 4:00 PM", "CALL Sat 4:00 PM", "SMS Mon 9:00 AM"]);
  });

  it("spacingFloor: nothing before the first touch; the gap after the last; the cap's oldest touch plus 24 hours", () => {
    expect(spacingFloor(0, [], 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(spacingFloor(180, [{ at: 0, delayMinutes: 30 }], 3)).toBe(150 * 60_000);
    expect(spacingFloor(31, [{ at: 0, delayMinutes: 30 }], 3)).toBe(MIN_STEP_GAP_MINUTES * 60_000);
    const hour = 3_600_000;
    const three = [0, 1, 2].map((h) => ({ at: h * hour, delayMinutes: h * 60 }));
    expect(spacingFloor(180, three, 3)).toBe(24 * hour);
    expect(spacingFloor(180, three, 4)).toBe(3 * hour);
    // Exactly 24 hours after a touch is the next span.
    expect(spacingFloor(24 * 60, [{ at: 0, delayMinutes: 0 }], 1)).toBe(24 * hour);
  });
});

// ---------------------------------------------------------------------------------------
// Property: across random policies, zones, start instants and templates, nothing is
// scheduled outside the contact window.

const ZONES = [
  "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
  "Pacific/Honolulu", "America/Toronto", "America/Winnipeg", "America/Edmonton", "America/Vancouver", "America/Halifax",
  "America/St_Johns", "America/Regina", "America/Whitehorse",
];
const rulesArb = rulesArbFor(LADDER_CHANNELS);
const stepsArb = fc
  .array(fc.record({ channel: fc.constantFrom<LadderChannel>(...LADDER_CHANNELS), delayMinutes: fc.integer({ min: 0, max: 7 * 24 * 60 }) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((steps) => steps.sort((a, b) => a.delayMinutes - b.delayMinutes));
// A simulated week around both 2026 changes and a plain one.
const weekStarts = [Date.UTC(2026, 2, 5), Date.UTC(2026, 9, 29), Date.UTC(2026, 5, 10)];
const startArb = fc.tuple(fc.constantFrom(...weekStarts), fc.integer({ min: 0, max: 7 * 24 * 60 - 1 })).map(([week, minute]) => new Date(week + minute * 60_000));

describe("scheduleLadder, for any policy, zone, start and ladder", () => {
  it("schedules no SMS and no call outside the contact window, never early and in order", () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.boolean(),
        fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 100 }),
        startArb,
        stepsArb,
        (rules, enabled, timeZones, score, start, steps) => {
          const context: PolicyContext = { policy: policy(rules, enabled), timeZones, score };
          const schedule = scheduleLadder(start, steps, context);
          expect(schedule).toHaveLength(steps.length);
          let previous = start.getTime();
          schedule.forEach((step, i) => {
            if (step.skipped) return;
            const due = step.dueAt.getTime();
            expect(due).toBeGreaterThanOrEqual(start.getTime() + steps[i].delayMinutes * 60_000);
            expect(due).toBeGreaterThanOrEqual(previous);
            previous = due;
            // A mail piece has no contact window: it goes when due, judged by the mail service's gates.
            if (step.channel === "MAIL") return;
            const decision = isContactAllowed({ policy: context.policy, timeZones, at: step.dueAt, channel: step.channel, score });
            expect(decision.ok, `${step.channel} step ${step.step} at ${step.dueAt.toISOString()}: ${decision.detail}`).toBe(true);
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Property: the spacing. Random caps (or none: the region's seeded one), and templates whose
// delays bunch (minutes apart) as well as spread (days apart).

const cappedRulesArb = fc
  .tuple(rulesArb, fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }))
  .map(([rules, cap]): MarketPolicyRules => (cap === undefined ? rules : { ...rules, maxTouchesPer24Hours: cap }));
const bunchedStepsArb = fc
  .array(fc.record({ channel: fc.constantFrom<LadderChannel>(...LADDER_CHANNELS), delayMinutes: fc.oneof(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 7 * 24 * 60 })) }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((steps) => steps.sort((a, b) => a.delayMinutes - b.delayMinutes));

describe("scheduleLadder, for any policy, zone, start and ladder, spaces the touches", () => {
  it("keeps each step its own gap (at least 30 minutes) after the one before and never exceeds the cap in any 24 hours", () => {
    fc.assert(
      fc.property(
        cappedRulesArb,
        fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 2 }),
        startArb,
        fc.oneof(stepsArb, bunchedStepsArb),
        (rules, timeZones, start, steps) => {
          const context: PolicyContext = { policy: policy(rules), timeZones, score: 100 };
          const cap = maxTouchesPer24HoursOf(context.policy);
          const schedule = scheduleLadder(start, steps, context);
          const touches: { at: number; delay: number }[] = [];
          schedule.forEach((step, i) => {
            if (step.skipped) return;
            touches.push({ at: step.dueAt.getTime(), delay: steps[i].delayMinutes });
          });
          for (let i = 1; i < touches.length; i++) {
            const gap = touches[i].at - touches[i - 1].at;
            expect(gap).toBeGreaterThanOrEqual(MIN_STEP_GAP_MINUTES * 60_000);
            expect(gap).toBeGreaterThanOrEqual((touches[i].delay - touches[i - 1].delay) * 60_000);
          }
          // Any 24-hour span [t, t + 24 h) holding the most touches starts at a touch.
          for (const first of touches) {
            const inSpan = touches.filter((t) => t.at >= first.at && t.at < first.at + 86_400_000).length;
            expect(inSpan, `cap ${cap}`).toBeLessThanOrEqual(cap);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
