import { describe, expect, it } from "vitest";
import { blockedByGate, callsByWindow, inboxHref, periodsAt, prospectsHref, statusTotals } from "@/lib/dashboard/rules";
import { defaultMarketPolicies } from "@/lib/policy";
import { unansweredReplies } from "@/lib/outbound/replies";

describe("periodsAt", () => {
  it("starts the week on Monday and the month on the 1st, in the workspace's zone", () => {
    // Sunday 2026-03-01 at 23:30 in Toronto is already Monday 04:30 UTC.
    const p = periodsAt(new Date("2026-03-02T04:30:00Z"), "America/Toronto");
    expect(p.weekStartDay).toBe("2026-02-23");
    expect(p.monthStartDay).toBe("2026-03-01");
    expect(p.monthStart.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(periodsAt(new Date("2026-03-02T04:30:00Z"), "UTC").weekStartDay).toBe("2026-03-02");
  });
});

describe("statusTotals", () => {
  it("lists every status in pipeline order with zeros", () => {
    const rows = statusTotals([{ status: "CLOSED", count: 2, spread: 50_000 }, { status: "NEW", count: 5, spread: null }]);
    expect(rows.map((r) => r.status)).toEqual(["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "UNDER_CONTRACT", "CLOSED", "DEAD"]);
    expect(rows[0]).toEqual({ status: "NEW", count: 5, spread: 0 });
    expect(rows[5]).toEqual({ status: "CLOSED", count: 2, spread: 50_000 });
    expect(rows[6].count).toBe(0);
  });
});

describe("blockedByGate", () => {
  it("sums per gate, most first, a missing gate as unknown", () => {
    expect(blockedByGate([{ blockedReason: "no_consent", count: 2 }, { blockedReason: null, count: 1 }, { blockedReason: "outside_window", count: 4 }, { blockedReason: null, count: 2 }])).toEqual([
      { gate: "outside_window", count: 4 },
      { gate: "unknown", count: 3 },
      { gate: "no_consent", count: 2 },
    ]);
  });
});

describe("unansweredReplies", () => {
  const at = (iso: string) => new Date(iso);
  it("keeps replies newer than their deal's last answer, newest first", () => {
    const replies = [
      { id: "a", dealId: "d1", createdAt: at("2026-03-02T10:00:00Z") },
      { id: "b", dealId: "d2", createdAt: at("2026-03-02T11:00:00Z") },
      { id: "c", dealId: "d3", createdAt: at("2026-03-02T12:00:00Z") },
    ];
    const answers = new Map([["d1", at("2026-03-02T10:30:00Z")], ["d2", at("2026-03-02T10:59:00Z")]]);
    expect(unansweredReplies(replies, answers).map((r) => r.id)).toEqual(["c", "b"]);
  });
});

describe("callsByWindow", () => {
  const policies = defaultMarketPolicies();
  const task = (id: string, dueAt: string, region: string, timeZone: string) => ({ id, dueAt: new Date(dueAt), deal: { region, market: null, timeZone } });

  it("offers only calls whose lead is inside calling hours, and says when the others open", () => {
    // 15:00 UTC on a Wednesday: 10 AM in New York, 7 AM in Los Angeles.
    const now = new Date("2026-03-04T15:00:00Z");
    const calls = callsByWindow(
      [task("ny", "2026-03-04T14:50:00Z", "NY", "America/New_York"), task("la", "2026-03-04T13:00:00Z", "CA", "America/Los_Angeles"), task("later", "2026-03-04T16:00:00Z", "NY", "America/New_York")],
      policies,
      now,
    );
    expect(calls.callNow.map((t) => t.id)).toEqual(["ny"]);
    expect(calls.waiting.map((w) => w.task.id)).toEqual(["la"]);
    expect(calls.waiting[0].opensAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(calls.overdue.map((t) => t.id)).toEqual(["la"]);
  });

  it("holds a call without a known zone or policy", () => {
    const calls = callsByWindow([{ id: "x", dueAt: new Date("2026-03-04T14:00:00Z"), deal: { region: null, market: null, timeZone: null } }], policies, new Date("2026-03-04T15:00:00Z"));
    expect(calls.callNow).toEqual([]);
    expect(calls.waiting).toEqual([{ task: expect.objectContaining({ id: "x" }), opensAt: null }]);
  });
});

describe("links", () => {
  it("writes the Prospects and inbox filters", () => {
    expect(prospectsHref({ status: ["UNDER_CONTRACT"] })).toBe("/deals?status=UNDER_CONTRACT");
    expect(prospectsHref({ status: ["NEW", "CONTACTED"], spreadMin: 1, sort: "spread" })).toBe("/deals?status=NEW,CONTACTED&spreadMin=1&sort=spread");
    expect(prospectsHref({ contractedFrom: "2026-03-01" })).toBe("/deals?contractedFrom=2026-03-01");
    expect(prospectsHref({})).toBe("/deals");
    expect(inboxHref("me", "t1")).toBe("/inbox?owner=me&task=t1");
  });
});
