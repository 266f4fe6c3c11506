import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER_STEPS, LADDER_CHANNELS, scheduleLadder, type LadderChannel, type PolicyContext } from "@/lib/ladder";
import { DEFAULT_RULES, isContactAllowed, type MarketPolicyRules, type PolicyRecord } from "@/lib/policy";
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
            const decision = isContactAllowed({ policy: context.policy, timeZones, at: step.dueAt, channel: step.channel, score });
            expect(decision.ok, `${step.channel} step ${step.step} at ${step.dueAt.toISOString()}: ${decision.detail}`).toBe(true);
            previous = due;
          });
        },
      ),
      { numRuns: 400 },
    );
  });
});
