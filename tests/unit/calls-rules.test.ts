import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CallStatus } from "@/generated/prisma/enums";
import { callingHoursNotice } from "@/lib/calls/calling-hours-notice";
import { applyCallStatus, bridgeTwiml, CALL_OUTCOMES, decideCall, outcomeEffects, twilioCallStatus, type CallFacts } from "@/lib/calls/rules";
import { LogCallInput } from "@/lib/calls/schema";
import { callingHoursAt } from "@/lib/ladder/calling-hours";
import { TASK_OUTCOMES } from "@/lib/ladder/schema";
import type { PolicyRecord } from "@/lib/policy/schema";

const CLEAR: CallFacts = {
  phone: "+12125550100", buyerActive: null, suppressed: false, optedOutOn: null, onDoNotContact: false, areaBlacklist: null,
  registry: { allowed: true }, outsideHours: null, placedToday: 0, dailyCap: 300,
};

describe("call outcomes", () => {
  it.each([
    ["connected_interested", "talked_interested", "COMPLETED", false],
    ["connected_not_interested", "talked_not_interested", "COMPLETED", false],
    ["left_voicemail", "left_voicemail", "COMPLETED", false],
    ["no_answer", "no_answer", "NO_ANSWER", false],
    ["wrong_number", "wrong_number", "COMPLETED", false],
    ["do_not_call", "talked_not_interested", "COMPLETED", true],
  ] as const)("%s closes the task as %s, the call as %s, opt-out %s", (outcome, taskOutcome, status, optOut) => {
    expect(outcomeEffects(outcome)).toEqual({ taskOutcome, status, optOut });
  });

  it("every outcome closes the task with an outcome the inbox knows", () => {
    for (const outcome of CALL_OUTCOMES) expect(TASK_OUTCOMES).toContain(outcomeEffects(outcome).taskOutcome);
  });

  it.each([
    ["4:05", 245], ["0:59", 59], ["95", 95], ["", undefined], [12, 12],
  ] as const)("reads the length %j as %j seconds", (text, seconds) => {
    const parsed = LogCallInput.parse({ outcome: "no_answer", durationSeconds: text });
    expect(parsed.durationSeconds).toBe(seconds);
  });

  it.each(["4:65", "-3", "ten", "1.5", "300:00"])("refuses the length %j", (text) => {
    const parsed = LogCallInput.safeParse({ outcome: "no_answer", durationSeconds: text });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["durationSeconds"]);
  });
});

describe("decideCall", () => {
  it.each([
    ["recipient", { buyerActive: false }],
    ["address", { phone: null }],
    ["do_not_contact", { suppressed: true }],
    ["consent", { optedOutOn: "SMS" }],
    ["do_not_contact", { onDoNotContact: true }],
    ["area", { areaBlacklist: { areaCode: "M5V", reason: "too many complaints" } }],
    ["dnc_registry", { registry: { allowed: false, reason: "registry_listed", registry: null, detail: "On the national registry" } }],
    ["calling_hours", { outsideHours: "Outside calling hours until 9:00 AM (lead's time)" }],
    ["daily_cap", { placedToday: 300 }],
    ["daily_cap", { dailyCap: Number.NaN }],
  ] as const)("refuses at %s", (gate, change) => {
    expect(decideCall({ ...CLEAR, ...(change as Partial<CallFacts>) })).toMatchObject({ allowed: false, gate });
  });

  it("allows a call only when every gate is clear, and the first refusal in order wins", () => {
    expect(decideCall(CLEAR)).toEqual({ allowed: true });
    const facts = fc.record({
      phone: fc.constantFrom("+12125550100", null),
      optedOutOn: fc.constantFrom(null, "CALL" as const, "SMS" as const),
      onDoNotContact: fc.boolean(),
      outsideHours: fc.constantFrom(null, "Outside calling hours until 9:00 AM (lead's time)"),
      placedToday: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(facts, (change) => {
        const decision = decideCall({ ...CLEAR, ...change });
        const clear = change.phone !== null && change.optedOutOn === null && !change.onDoNotContact && change.outsideHours === null && change.placedToday < CLEAR.dailyCap;
        expect(decision.allowed).toBe(clear);
        // Opt-out outranks the clock: a lead who said stop is told so, not "call later".
        if (change.phone && change.optedOutOn) expect(decision).toMatchObject({ gate: "consent" });
      }),
      { numRuns: 300 },
    );
  });
});

describe("call status reports", () => {
  const STATUSES: CallStatus[] = ["QUEUED", "RINGING", "IN_PROGRESS", "COMPLETED", "BUSY", "NO_ANSWER", "FAILED", "CANCELED"];
  const ORDER: Record<string, number> = { QUEUED: 0, RINGING: 1, IN_PROGRESS: 2 };
  const rank = (s: CallStatus) => ORDER[s] ?? 3;
  const at = new Date("2026-03-10T15:00:00Z");
  const state = (status: CallStatus) => ({ status, answeredAt: null, endedAt: null, durationSeconds: null, recordingUrl: null });

  it("maps Twilio's statuses", () => {
    expect(["queued", "initiated", "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled", "odd"].map(twilioCallStatus)).toEqual([
      "QUEUED", "QUEUED", "RINGING", "IN_PROGRESS", "COMPLETED", "BUSY", "NO_ANSWER", "FAILED", "CANCELED", null,
    ]);
  });

  it("never moves a call backwards, and never moves a refused call", () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (current, reported) => {
        const patch = applyCallStatus(state(current), { status: reported, at });
        if (patch.status) expect(rank(patch.status)).toBeGreaterThan(rank(current));
        expect(applyCallStatus(state("BLOCKED"), { status: reported, at, durationSeconds: 10 })).toEqual({});
      }),
      { numRuns: 100 },
    );
  });

  it("ends a completed call with the provider's length and recording", () => {
    expect(applyCallStatus(state("IN_PROGRESS"), { status: "COMPLETED", at, durationSeconds: 95, recordingUrl: "https://r/1" })).toEqual({
      status: "COMPLETED", endedAt: at, durationSeconds: 95, recordingUrl: "https://r/1",
    });
    expect(applyCallStatus(state("QUEUED"), { status: "IN_PROGRESS", at })).toEqual({ status: "IN_PROGRESS", answeredAt: at });
  });

  it("escapes the numbers in the bridge's TwiML", () => {
    expect(bridgeTwiml("+12125550100", '+1"<x>')).toBe('<Response><Dial callerId="+1&quot;&lt;x&gt;">+12125550100</Dial></Response>');
  });
});

describe("the calling-hours notice", () => {
  const policy = {
    id: "p", region: "NY", market: null, enabled: true, version: 1,
    rules: { contactWindows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "20:00" }], channelsAllowed: ["SMS", "CALL"], minLeadScore: 0 },
  } as unknown as PolicyRecord;
  const zones = ["America/New_York"];

  it.each([
    // Tuesday 06:30 in New York: later the same morning.
    ["2026-03-10T10:30:00Z", "Outside calling hours until 9:00 AM (lead's time)"],
    // Tuesday 21:00: the next morning, with its day.
    ["2026-03-11T01:00:00Z", "Outside calling hours until 9:00 AM on Wed, Mar 11 (lead's time)"],
    // Tuesday 11:00: open.
    ["2026-03-10T15:00:00Z", null],
  ])("at %s says %j", (iso, text) => {
    const now = new Date(iso);
    expect(callingHoursNotice(callingHoursAt(policy, zones, now), now)).toBe(text);
  });
});
