import { describe, expect, it } from "vitest";
import { EVENT_CATALOG, EVENTS, parseEventData, type EventKey } from "@/lib/events/catalog";

/** A well-formed payload of every event, as enqueueEvents writes it (tenant stamped). */
const VALID: Record<EventKey, Record<string, unknown>> = {
  auditDigestRequested: { tenantId: "t1" },
  leadCreated: { tenantId: "t1", dealId: "d1", source: "API" },
  ladderStartRequested: { tenantId: "t1", dealId: "d1", ladderId: "l1", actorId: null },
  ladderStopRequested: { tenantId: "t1", dealId: "d1", reason: "manual" },
  messageReceived: { tenantId: "t1", dealId: "d1", messageId: "m1", channel: "SMS" },
  contactOptedOut: { tenantId: "t1", dealId: "d1", channel: "EMAIL", address: "seller@example.com" },
  dealStatusChanged: { tenantId: "t1", dealId: "d1", from: "NEW", to: "CONTACTED", endsLadder: true },
  blastQueued: { tenantId: "t1", blastId: "b1" },
  intentHigh: { tenantId: "t1", dealId: "d1", score: 74, threshold: 70 },
  engineRunRequested: { tenantId: "t1", engine: "underwriting", trigger: "manual" },
  engineRunFinished: { tenantId: "t1", engine: "email-intake", outcome: "OK" },
};

const entries = Object.entries(EVENT_CATALOG) as [EventKey, (typeof EVENT_CATALOG)[EventKey]][];

describe("the event catalog", () => {
  it("has a name per key, and no name twice", () => {
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(EVENT_CATALOG).sort());
    for (const [key, event] of entries) expect(EVENTS[key]).toBe(event.name);
    expect(new Set(Object.values(EVENTS)).size).toBe(entries.length);
  });

  it.each(entries)("%s accepts its payload and rejects it without a tenant", (key, event) => {
    expect(event.data.safeParse(VALID[key]).success).toBe(true);
    const { tenantId: _tenantId, ...withoutTenant } = VALID[key];
    expect(event.data.safeParse(withoutTenant).success).toBe(false);
    expect(event.data.safeParse({ ...withoutTenant, tenantId: "" }).success).toBe(false);
    expect(() => parseEventData(event.name, withoutTenant)).toThrow();
  });

  it("rejects payloads missing what their handlers need", () => {
    expect(() => parseEventData(EVENTS.leadCreated, { tenantId: "t1" })).toThrow();
    expect(() => parseEventData(EVENTS.contactOptedOut, { tenantId: "t1", dealId: "d1", channel: "FAX", address: "x" })).toThrow();
    expect(() => parseEventData(EVENTS.engineRunRequested, { tenantId: "t1", engine: "mining" })).toThrow();
    expect(() => parseEventData("inngest/function.invoked", { tenantId: "t1" })).toThrow("Unknown event");
  });

  it("keeps an engine run whose trigger it does not know, as an event run", () => {
    expect(parseEventData(EVENTS.engineRunRequested, { tenantId: "t1", engine: "underwriting", trigger: "pager" })).toEqual({
      tenantId: "t1",
      engine: "underwriting",
      trigger: "event",
    });
  });
});
