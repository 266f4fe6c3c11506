import { describe, expect, it } from "vitest";
import { computeSla, type SlaTask } from "@/lib/ladder/sla";
import { dueInstant, scheduleLadder } from "@/lib/ladder/schedule";
import { decideOutbound, type OutboundFacts } from "@/lib/outbound/gates";
import { parseKeyword } from "@/lib/outbound/keywords";
import { DEFAULT_RULES, isContactAllowed, nextAllowedInstant, type MarketPolicyRules, type PolicyRecord } from "@/lib/policy";

// Boundary examples beside the property tests of policy-properties, outbound-gates,
// ladder-schedule and ladder-rules: the exact minute a window opens and closes, a score
// exactly at the minimum, a cap exactly reached, an SLA met to the millisecond.
//
// Toronto in January is UTC-5. Wednesday 14 January 2026; Saturday 17; Sunday 18.
// DEFAULT_RULES: Monday-Friday 09:00-20:00, Saturday 10:00-18:00, minimum score 65.

const TORONTO = ["America/Toronto"];
const policy = (rules: MarketPolicyRules = DEFAULT_RULES, enabled = true): PolicyRecord => ({ region: "ON", market: "ALL", enabled, rules });
const at = (iso: string) => new Date(iso);
const ask = (when: string, extra: { score?: number | null; rules?: MarketPolicyRules; channel?: string } = {}) =>
  isContactAllowed({ policy: policy(extra.rules), timeZones: TORONTO, at: at(when), channel: extra.channel ?? "SMS", score: extra.score === undefined ? 80 : extra.score });

describe("isContactAllowed at the edges of a window (start inclusive, end exclusive)", () => {
  it.each([
    { local: "Wed 08:59:59.999", utc: "2026-01-14T13:59:59.999Z", reason: "outside_window" },
    { local: "Wed 09:00 (opening minute)", utc: "2026-01-14T14:00:00.000Z", reason: "within_window" },
    { local: "Wed 09:00:59", utc: "2026-01-14T14:00:59.000Z", reason: "within_window" },
    { local: "Wed 19:59 (last minute)", utc: "2026-01-15T00:59:00.000Z", reason: "within_window" },
    { local: "Wed 19:59:59.999", utc: "2026-01-15T00:59:59.999Z", reason: "within_window" },
    { local: "Wed 20:00 (closing minute)", utc: "2026-01-15T01:00:00.000Z", reason: "outside_window" },
    { local: "Sat 09:59", utc: "2026-01-17T14:59:00.000Z", reason: "outside_window" },
    { local: "Sat 10:00", utc: "2026-01-17T15:00:00.000Z", reason: "within_window" },
    { local: "Sat 17:59", utc: "2026-01-17T22:59:00.000Z", reason: "within_window" },
    { local: "Sat 18:00", utc: "2026-01-17T23:00:00.000Z", reason: "outside_window" },
    { local: "Sun 12:00", utc: "2026-01-18T17:00:00.000Z", reason: "closed_today" },
    { local: "Mon 00:00 (weekday starts at local midnight)", utc: "2026-01-19T05:00:00.000Z", reason: "outside_window" },
  ])("$local -> $reason", ({ utc, reason }) => {
    const decision = ask(utc);
    expect(decision.reason).toBe(reason);
    expect(decision.ok).toBe(reason === "within_window");
  });

  it("a window ending at 24:00 includes 23:59:59.999 and the next day's 00:00 belongs to the next day", () => {
    const rules: MarketPolicyRules = { contactWindows: [{ days: [2], start: "22:00", end: "24:00" }], channelsAllowed: ["SMS"], minLeadScore: 0 };
    expect(ask("2026-01-15T04:59:59.999Z", { rules }).ok).toBe(true); // Wed 23:59:59.999
    expect(ask("2026-01-15T03:00:00.000Z", { rules }).ok).toBe(true); // Wed 22:00
    expect(ask("2026-01-15T02:59:59.999Z", { rules }).reason).toBe("outside_window"); // Wed 21:59:59.999
    expect(ask("2026-01-15T05:00:00.000Z", { rules }).reason).toBe("closed_today"); // Thu 00:00
  });

  it("two windows that touch leave no gap at the seam", () => {
    const rules: MarketPolicyRules = {
      contactWindows: [{ days: [2], start: "09:00", end: "12:00" }, { days: [2], start: "12:00", end: "17:00" }],
      channelsAllowed: ["SMS"],
      minLeadScore: 0,
    };
    expect(ask("2026-01-14T16:59:59.999Z", { rules }).ok).toBe(true); // 11:59:59.999
    expect(ask("2026-01-14T17:00:00.000Z", { rules }).ok).toBe(true); // 12:00
    expect(ask("2026-01-14T21:59:00.000Z", { rules }).ok).toBe(true); // 16:59
    expect(ask("2026-01-14T22:00:00.000Z", { rules }).reason).toBe("outside_window"); // 17:00
  });
});

describe("isContactAllowed at the minimum lead score (inclusive)", () => {
  const inside = "2026-01-14T15:00:00.000Z"; // Wed 10:00
  it.each([
    { score: 65, ok: true, reason: "within_window" },
    { score: 64.999, ok: false, reason: "score_below_minimum" },
    { score: 64, ok: false, reason: "score_below_minimum" },
    { score: 100, ok: true, reason: "within_window" },
  ])("score $score against a minimum of 65 -> $reason", ({ score, ok, reason }) => {
    expect(ask(inside, { score })).toMatchObject({ ok, reason });
  });

  it("a minimum of 0 admits a score of 0, a minimum of 100 admits only 100", () => {
    const zero = { ...DEFAULT_RULES, minLeadScore: 0 };
    const hundred = { ...DEFAULT_RULES, minLeadScore: 100 };
    expect(ask(inside, { score: 0, rules: zero }).ok).toBe(true);
    expect(ask(inside, { score: 100, rules: hundred }).ok).toBe(true);
    expect(ask(inside, { score: 99.99, rules: hundred }).reason).toBe("score_below_minimum");
  });
});

describe("nextAllowedInstant at the edges of a window", () => {
  const next = (iso: string) => nextAllowedInstant(policy(), TORONTO, at(iso), "SMS")?.toISOString() ?? null;
  it.each([
    { from: "Wed 09:00 exactly: itself", iso: "2026-01-14T14:00:00.000Z", expected: "2026-01-14T14:00:00.000Z" },
    { from: "Wed 08:59:59.999: the opening minute", iso: "2026-01-14T13:59:59.999Z", expected: "2026-01-14T14:00:00.000Z" },
    { from: "Wed 19:59:59.999: itself", iso: "2026-01-15T00:59:59.999Z", expected: "2026-01-15T00:59:59.999Z" },
    { from: "Wed 20:00 exactly: Thursday 09:00", iso: "2026-01-15T01:00:00.000Z", expected: "2026-01-15T14:00:00.000Z" },
    { from: "Sat 18:00 exactly: Monday 09:00", iso: "2026-01-17T23:00:00.000Z", expected: "2026-01-19T14:00:00.000Z" },
    { from: "Sat 09:59:59.999: Saturday 10:00", iso: "2026-01-17T14:59:59.999Z", expected: "2026-01-17T15:00:00.000Z" },
  ])("$from", ({ iso, expected }) => {
    expect(next(iso)).toBe(expected);
  });
});

describe("ladder scheduling at the edges of a window", () => {
  const context = { policy: policy(), timeZones: TORONTO, score: 80 };
  it.each([
    { nominal: "Wed 09:00 stays", iso: "2026-01-14T14:00:00.000Z", due: "2026-01-14T14:00:00.000Z" },
    { nominal: "Wed 08:59 moves to 09:00", iso: "2026-01-14T13:59:00.000Z", due: "2026-01-14T14:00:00.000Z" },
    { nominal: "Wed 19:59 stays", iso: "2026-01-15T00:59:00.000Z", due: "2026-01-15T00:59:00.000Z" },
    { nominal: "Wed 20:00 moves to Thursday 09:00", iso: "2026-01-15T01:00:00.000Z", due: "2026-01-15T14:00:00.000Z" },
  ])("$nominal", ({ iso, due }) => {
    expect(dueInstant(at(iso), "SMS", context).dueAt?.toISOString()).toBe(due);
    expect(dueInstant(at(iso), "CALL", context).dueAt?.toISOString()).toBe(due);
  });

  it("a step whose delay lands exactly on the closing minute moves to the next opening, and the next step follows it", () => {
    // Start Wed 19:30; step 2 thirty minutes later is exactly 20:00.
    const schedule = scheduleLadder(at("2026-01-15T00:30:00.000Z"), [{ channel: "SMS", delayMinutes: 0 }, { channel: "CALL", delayMinutes: 30 }, { channel: "SMS", delayMinutes: 29 }], context);
    expect(schedule.map((s) => s.dueAt?.toISOString())).toEqual([
      "2026-01-15T00:30:00.000Z",
      "2026-01-15T14:00:00.000Z",
      "2026-01-15T14:30:00.000Z", // nominal 19:59 is inside, but never within 30 minutes after the step before it
    ]);
  });

  it("a score exactly at the minimum is scheduled, just below it is skipped", () => {
    expect(dueInstant(at("2026-01-14T15:00:00.000Z"), "SMS", { ...context, score: 65 }).dueAt).not.toBeNull();
    expect(dueInstant(at("2026-01-14T15:00:00.000Z"), "SMS", { ...context, score: 64.5 })).toMatchObject({ dueAt: null, reason: "score_below_minimum" });
  });
});

describe("decideOutbound's daily cap (sentToday < cap passes, == cap refuses)", () => {
  const ALWAYS: MarketPolicyRules = { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS", "EMAIL"], minLeadScore: 50 };
  const YES: OutboundFacts = {
    channel: "SMS", address: "+12125550100", consent: "OPTED_IN", onDoNotContact: false, areaBlacklist: null, registries: null, consentBasis: null, policy: { region: "NY", market: "ALL", enabled: true, rules: ALWAYS },
    timeZones: ["America/New_York"], at: at("2026-03-10T15:00:00Z"), score: 80, postalAddress: "1 Main St, Albany, NY 12207", canLinkUnsubscribe: true,
    sentToday: 0, dailyCap: 100,
  };
  it.each([
    { sentToday: 99, dailyCap: 100, allowed: true },
    { sentToday: 100, dailyCap: 100, allowed: false },
    { sentToday: 101, dailyCap: 100, allowed: false },
    { sentToday: 0, dailyCap: 1, allowed: true },
    { sentToday: 0, dailyCap: 0, allowed: false },
  ])("$sentToday sent of a cap of $dailyCap -> allowed: $allowed", ({ sentToday, dailyCap, allowed }) => {
    const decision = decideOutbound({ ...YES, sentToday, dailyCap });
    expect(decision.allowed).toBe(allowed);
    if (!allowed) expect(decision).toMatchObject({ gate: "daily_cap", reason: "daily_cap_reached" });
  });

  it("the email cap behaves the same at its limit", () => {
    const email = { ...YES, channel: "EMAIL" as const, address: "lead@example.test" };
    expect(decideOutbound({ ...email, sentToday: 49, dailyCap: 50 }).allowed).toBe(true);
    expect(decideOutbound({ ...email, sentToday: 50, dailyCap: 50 })).toMatchObject({ allowed: false, reason: "daily_cap_reached" });
  });

  it("the score gate inside decideOutbound is inclusive at the minimum", () => {
    expect(decideOutbound({ ...YES, score: 50 }).allowed).toBe(true);
    expect(decideOutbound({ ...YES, score: 49.5 })).toMatchObject({ allowed: false, gate: "market_policy", reason: "score_below_minimum" });
  });
});

describe("computeSla at its deadlines (met when done at or before due + limit)", () => {
  const due = at("2026-01-14T15:00:00.000Z");
  const task = (completedAfterMs: number | null, status: SlaTask["status"] = "DONE"): SlaTask => ({
    dueAt: due, completedAt: completedAfterMs === null ? null : new Date(due.getTime() + completedAfterMs), status, ownerId: "va", market: "TORONTO",
  });
  const MIN = 60_000;
  const late = at("2026-01-15T15:00:00.000Z");

  it.each([
    { doneAfter: "exactly 30 min", ms: 30 * MIN, within30m: 1, within2h: 1 },
    { doneAfter: "30 min + 1 ms", ms: 30 * MIN + 1, within30m: 0, within2h: 1 },
    { doneAfter: "exactly 2 h", ms: 120 * MIN, within30m: 0, within2h: 1 },
    { doneAfter: "2 h + 1 ms", ms: 120 * MIN + 1, within30m: 0, within2h: 0 },
  ])("a task done after $doneAfter", ({ ms, within30m, within2h }) => {
    expect(computeSla([task(ms)], late)).toMatchObject({ count: 1, completed: 1, within30m, within2h });
  });

  it("a task due exactly now counts; one due a millisecond later does not", () => {
    expect(computeSla([task(null, "OPEN")], due).count).toBe(1);
    expect(computeSla([task(null, "OPEN")], new Date(due.getTime() - 1)).count).toBe(0);
  });

  it("an open task is undecided until its deadline has passed, and missed right after", () => {
    expect(computeSla([task(null, "OPEN")], new Date(due.getTime() + 30 * MIN)).within30m).toBeNull();
    expect(computeSla([task(null, "OPEN")], new Date(due.getTime() + 30 * MIN + 1)).within30m).toBe(0);
  });
});

describe("parseKeyword's length limit (64 characters read, 65 ignored)", () => {
  it.each([
    { length: 64, matched: true },
    { length: 65, matched: false },
  ])("STOP padded to $length characters -> matched: $matched", ({ length, matched }) => {
    const body = `STOP${" ".repeat(length - 4)}`;
    expect(body).toHaveLength(length);
    expect(parseKeyword(body, { canadian: false }) !== null).toBe(matched);
  });
});
