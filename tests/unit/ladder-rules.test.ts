import { describe, expect, it } from "vitest";
import { EVENTS } from "@/lib/events/catalog";
import {
  computeSla,
  dealStatusChangedEvents,
  DEFAULT_LADDER_STEPS,
  displayedState,
  LadderSteps,
  LadderTemplateInput,
  renderTemplate,
  statusChangeEndsLadder,
  stopReasonFor,
  templateValues,
  unknownPlaceholders,
  type SlaTask,
} from "@/lib/ladder";

describe("the default ladder", () => {
  it("is SMS, CALL, SMS, CALL, SMS, CALL at 0 min, 30 min, 3 h, 1 d, 3 d, 7 d and passes its own schema", () => {
    expect(DEFAULT_LADDER_STEPS.map((s) => [s.channel, s.delayMinutes])).toEqual([
      ["SMS", 0], ["CALL", 30], ["SMS", 180], ["CALL", 1440], ["SMS", 4320], ["CALL", 10080],
    ]);
    expect(LadderSteps.safeParse(DEFAULT_LADDER_STEPS).success).toBe(true);
  });
});

describe("the ladder template schema", () => {
  const issues = (steps: unknown) => {
    const parsed = LadderTemplateInput.safeParse({ steps, reason: "Tuning the cadence" });
    return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
  };
  it("wants 1 to 12 steps", () => {
    expect(issues([])[0]).toEqual(["steps", "A ladder needs at least one step"]);
    expect(issues(Array.from({ length: 13 }, () => ({ channel: "CALL", delayMinutes: 0 })))[0]).toEqual(["steps", "A ladder has at most 12 steps"]);
  });
  it("wants delays that never go down, named at the step that does", () => {
    expect(issues([{ channel: "CALL", delayMinutes: 60 }, { channel: "CALL", delayMinutes: 30 }])).toEqual([
      ["steps.1.delayMinutes", "Step 2 cannot come before step 1 (1h)"],
    ]);
  });
  it("wants a template for SMS and email, and known placeholders", () => {
    expect(issues([{ channel: "SMS", delayMinutes: 0, template: " " }])).toEqual([["steps.0.template", "A SMS step needs a message template"]]);
    expect(issues([{ channel: "EMAIL", delayMinutes: 0, template: "Hi {{first_name}}" }])[0][1]).toContain("Unknown placeholder {{first_name}}");
    expect(issues([{ channel: "CALL", delayMinutes: "15" }])).toEqual([]);
    expect(issues([{ channel: "FAX", delayMinutes: 0 }])[0]).toEqual(["steps.0.channel", "Choose SMS, CALL, EMAIL or MAIL"]);
  });
  it("wants a reason", () => {
    const parsed = LadderTemplateInput.safeParse({ steps: DEFAULT_LADDER_STEPS, reason: "" });
    expect(parsed.success).toBe(false);
  });
});

describe("renderTemplate", () => {
  it("fills the lead's fields and reads naturally when some are missing", () => {
    const template = "Hi {{firstName}}, {{senderName}} here about {{ street }} in {{city}}.";
    expect(renderTemplate(template, templateValues({ contactName: "Dana  Seller", street: "12 Elm St", city: "Guelph" }, "Maple"))).toBe(
      "Hi Dana, Maple here about 12 Elm St in Guelph.",
    );
    expect(renderTemplate(template, templateValues({ contactName: null, street: null, city: null }, "Maple"))).toBe(
      "Hi there, Maple here about your property in your area.",
    );
    expect(unknownPlaceholders("{{firstName}} {{price}} {{price}}")).toEqual(["price"]);
  });
});

describe("what ends a ladder", () => {
  it("a reply, an opt-out, a stop request, and any status change but the pipeline's NEW -> UNDERWRITTEN", () => {
    expect(stopReasonFor(EVENTS.messageReceived, {})).toBe("reply");
    expect(stopReasonFor(EVENTS.contactOptedOut, {})).toBe("opted_out");
    expect(stopReasonFor(EVENTS.ladderStopRequested, { reason: "manual" })).toBe("manual");
    expect(stopReasonFor(EVENTS.dealStatusChanged, { from: "NEW", to: "UNDERWRITTEN" })).toBeNull();
    expect(stopReasonFor(EVENTS.dealStatusChanged, { from: "UNDERWRITTEN", to: "DEAD" })).toBe("deal_status:DEAD");
    expect(stopReasonFor(EVENTS.leadCreated, {})).toBeNull();
    expect(statusChangeEndsLadder("NEGOTIATING", "NEGOTIATING")).toBe(false);
    expect(dealStatusChangedEvents([{ dealId: "d1", from: "NEW", to: "UNDERWRITTEN" }])).toEqual([
      { id: "deal-status:d1:NEW:UNDERWRITTEN", name: EVENTS.dealStatusChanged, data: { dealId: "d1", from: "NEW", to: "UNDERWRITTEN", endsLadder: false } },
    ]);
  });
  it("shows a stopped ladder's unrun steps as cancelled", () => {
    const step = { step: 3, channel: "SMS" as const, delayMinutes: 0, template: "x", nominalAt: "", dueAt: null, state: "scheduled" as const };
    expect(displayedState(step, "STOPPED")).toBe("cancelled");
    expect(displayedState(step, "ACTIVE")).toBe("scheduled");
  });
});

describe("computeSla", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const task = (dueMinutesAgo: number, doneAfter: number | null, extra: Partial<SlaTask> = {}): SlaTask => ({
    dueAt: at(dueMinutesAgo),
    completedAt: doneAfter === null ? null : at(dueMinutesAgo - doneAfter),
    status: doneAfter === null ? "OPEN" : "DONE",
    ownerId: "va-1",
    market: "TORONTO",
    ...extra,
  });
  it("shares of due tasks done within 30 minutes and 2 hours, by VA and market", () => {
    const snapshot = computeSla(
      [
        task(300, 10), // both
        task(300, 90), // 2 h only
        task(300, 200), // neither
        task(300, null), // open for 5 h: missed both
        task(60, null, { ownerId: "va-2", market: "OTTAWA" }), // open 1 h: missed 30 min, 2 h undecided
        task(-60, null), // not due yet: not counted
      ],
      now,
    );
    expect(snapshot).toMatchObject({ count: 5, completed: 3, within30m: 0.2, within2h: 0.5 });
    expect(snapshot.byOwner).toEqual([
      { ownerId: "va-1", count: 4, completed: 3, within30m: 0.25, within2h: 0.5 },
      { ownerId: "va-2", count: 1, completed: 0, within30m: 0, within2h: null },
    ]);
    expect(snapshot.byMarket.map((m) => m.market)).toEqual(["TORONTO", "OTTAWA"]);
  });
  it("says null, not 0 %, when nothing was due", () => {
    expect(computeSla([], now)).toMatchObject({ count: 0, within30m: null, within2h: null });
  });
});
