import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digestText, summarizeAuditEvents } from "@/lib/audit/digest";

const window = { since: new Date("2026-01-01T00:00:00Z"), until: new Date("2026-01-02T00:00:00Z") };
const e = (action: string, actorEmail: string | null) => ({ action, actorEmail });

describe("summarizeAuditEvents", () => {
  it("counts per action and per actor, most frequent first, ties by name", () => {
    const digest = summarizeAuditEvents(
      [
        e("member.invited", "b@x.test"),
        e("member.removed", "a@x.test"),
        e("member.invited", "a@x.test"),
        e("tenant.updated", null),
        e("member.removed", "c@x.test"),
        e("member.invited", null),
      ],
      window,
    );
    expect(digest).toEqual({
      since: "2026-01-01T00:00:00.000Z",
      until: "2026-01-02T00:00:00.000Z",
      total: 6,
      byAction: [
        { action: "member.invited", count: 3 },
        { action: "member.removed", count: 2 },
        { action: "tenant.updated", count: 1 },
      ],
      byActor: [
        { actor: "a@x.test", count: 2 },
        { actor: "system", count: 2 },
        { actor: "b@x.test", count: 1 },
        { actor: "c@x.test", count: 1 },
      ],
    });
  });

  it("counts events without an actor as 'system'", () => {
    const digest = summarizeAuditEvents([e("tenant.created", null)], window);
    expect(digest.byActor).toEqual([{ actor: "system", count: 1 }]);
  });

  it("is empty for no events", () => {
    expect(summarizeAuditEvents([], window)).toMatchObject({ total: 0, byAction: [], byActor: [] });
  });

  it("property: counts add up to the total and lists are sorted", () => {
    const events = fc.array(
      fc.record({ action: fc.constantFrom("a.x", "b.y", "c.z", "d.w"), actorEmail: fc.option(fc.constantFrom("p@t", "q@t", "r@t"), { nil: null }) }),
    );
    fc.assert(
      fc.property(events, (list) => {
        const digest = summarizeAuditEvents(list, window);
        expect(digest.total).toBe(list.length);
        expect(digest.byAction.reduce((s, a) => s + a.count, 0)).toBe(list.length);
        expect(digest.byActor.reduce((s, a) => s + a.count, 0)).toBe(list.length);
        for (const { action, count } of digest.byAction) expect(count).toBe(list.filter((x) => x.action === action).length);
        for (const { actor, count } of digest.byActor) expect(count).toBe(list.filter((x) => (x.actorEmail ?? "system") === actor).length);
        const sorted = (pairs: [string, number][]) =>
          pairs.every(([name, count], i) => i === 0 || pairs[i - 1][1] > count || (pairs[i - 1][1] === count && pairs[i - 1][0] < name));
        expect(sorted(digest.byAction.map((a) => [a.action, a.count]))).toBe(true);
        expect(sorted(digest.byActor.map((a) => [a.actor, a.count]))).toBe(true);
      }),
    );
  });
});

describe("digestText", () => {
  it("says nothing happened for an empty window", () => {
    expect(digestText(summarizeAuditEvents([], window))).toBe("No changes were recorded in the last 24 hours.");
  });

  it("uses the singular for one change", () => {
    expect(digestText(summarizeAuditEvents([e("tenant.updated", "a@x.test")], window))).toBe(
      "1 change: tenant.updated ×1. Most active: a@x.test.",
    );
  });

  it("lists the top five actions and top three actors", () => {
    const events = [
      ...Array.from({ length: 6 }, () => e("a.one", "u1@x")),
      ...Array.from({ length: 5 }, () => e("b.two", "u2@x")),
      ...Array.from({ length: 4 }, () => e("c.three", "u3@x")),
      ...Array.from({ length: 3 }, () => e("d.four", "u4@x")),
      ...Array.from({ length: 2 }, () => e("e.five", null)),
      e("f.six", null),
    ];
    expect(digestText(summarizeAuditEvents(events, window))).toBe(
      "21 changes: a.one ×6, b.two ×5, c.three ×4, d.four ×3, e.five ×2. Most active: u1@x, u2@x, u3@x.",
    );
  });
});
