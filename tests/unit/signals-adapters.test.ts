import { describe, expect, it } from "vitest";
import { ExpectedError } from "@/lib/errors";
import { genericAdapter } from "@/lib/signals/adapters/generic";
import { hubspotAdapter, hubspotSignalType } from "@/lib/signals/adapters/hubspot";
import { salesforceAdapter } from "@/lib/signals/adapters/salesforce";
import { parseCrmTime } from "@/lib/signals/adapters/types";
import { engagementTime, isForwardEngagement } from "@/lib/signals/observed";

const NOW = new Date("2026-12-06T12:00:00Z");

function refusal(run: () => unknown): { field?: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpectedError);
    return { field: (error as ExpectedError).field, message: (error as ExpectedError).message };
  }
  throw new Error("expected a refusal");
}

describe("Salesforce adapter", () => {
  // As a record-triggered Flow's HTTP callout posts an Opportunity.
  const opportunity = {
    attributes: { type: "Opportunity", url: "/services/data/v61.0/sobjects/Opportunity/0065g00000XyZabAAF" },
    Id: "0065g00000XyZabAAF",
    AccountId: "0015g00000AbCdeAAF",
    Name: "1420 Elm St - Assignment",
    StageName: "Negotiation/Review",
    Amount: 185000,
    LastModifiedDate: "2026-12-06T10:04:11.000+0000",
  };

  it("normalizes an Opportunity stage change, keyed by opportunity and stage", () => {
    const [signal] = salesforceAdapter.normalize(opportunity, NOW);
    expect(signal).toMatchObject({
      type: "crm_stage_change",
      dedupeKey: "salesforce:0065g00000XyZabAAF:Negotiation/Review",
      occurredAt: new Date("2026-12-06T10:04:11Z"),
      person: { crmIds: ["0015g00000AbCdeAAF", "0065g00000XyZabAAF"] },
      personField: "AccountId",
      payload: { stage: "Negotiation/Review", amount: 185000 },
    });
  });

  it("takes the seed's minimal example, dated now", () => {
    const [signal] = salesforceAdapter.normalize({ AccountId: "test-account-001", Id: "oppty-123", StageName: "Demo Scheduled" }, NOW);
    expect(signal).toMatchObject({ occurredAt: NOW, dedupeKey: "salesforce:oppty-123:Demo Scheduled" });
  });

  it("reads Email and Phone to match a person, and lists of records", () => {
    const signals = salesforceAdapter.normalize([{ Id: "a", StageName: "Closed Won", Email: "Pat@Example.com" }, { Id: "b", StageName: "Prospecting", Phone: "(617) 555-0100" }], NOW);
    expect(signals.map((s) => s.person)).toEqual([
      { crmIds: ["a"], email: "Pat@Example.com", phone: undefined },
      { crmIds: ["b"], email: undefined, phone: "(617) 555-0100" },
    ]);
  });

  it("names the missing or wrong field", () => {
    expect(refusal(() => salesforceAdapter.normalize({ Id: "x" }, NOW)).field).toBe("StageName");
    expect(refusal(() => salesforceAdapter.normalize({ StageName: "x" }, NOW)).field).toBe("Id");
    expect(refusal(() => salesforceAdapter.normalize({ Id: "x", StageName: "y", LastModifiedDate: "yesterday" }, NOW)).field).toBe("LastModifiedDate");
    expect(refusal(() => salesforceAdapter.normalize([{ Id: "x", StageName: "y" }, { Id: "z" }], NOW)).field).toBe("[1].StageName");
  });
});

describe("HubSpot adapter", () => {
  // HubSpot's webhook body: an array of events, occurredAt in milliseconds.
  const batch = [
    { eventId: 1784503423, subscriptionId: 2412355, portalId: 62515, appId: 1160452, occurredAt: 1796551200000, subscriptionType: "deal.propertyChange", attemptNumber: 0, objectId: 11223344, changeSource: "CRM_UI", propertyName: "dealstage", propertyValue: "contractsent" },
    { eventId: 1784503424, subscriptionId: 2412356, portalId: 62515, appId: 1160452, occurredAt: 1796551260000, subscriptionType: "contact.propertyChange", attemptNumber: 0, objectId: 5551212, changeSource: "CRM_UI", propertyName: "lifecyclestage", propertyValue: "opportunity" },
    { eventId: 1784503425, subscriptionId: 2412357, portalId: 62515, appId: 1160452, occurredAt: 1796551320000, subscriptionType: "deal.creation", attemptNumber: 0, objectId: 11223345, changeSource: "CRM_UI" },
    { eventId: 1784503426, subscriptionId: 2412358, portalId: 62515, appId: 1160452, occurredAt: 1796551380000, subscriptionType: "contact.deletion", attemptNumber: 0, objectId: 5551213, changeSource: "CRM_UI" },
  ];

  it("makes a dealstage change a stage change, other changes activity, and leaves deletions out", () => {
    const signals = hubspotAdapter.normalize(batch, new Date(1796560000000));
    expect(signals.map((s) => [s.type, s.dedupeKey, s.person.crmIds, s.personField])).toEqual([
      ["crm_stage_change", "hubspot:1784503423", ["11223344"], "[0].objectId"],
      ["crm_activity", "hubspot:1784503424", ["5551212"], "[1].objectId"],
      ["crm_activity", "hubspot:1784503425", ["11223345"], "[2].objectId"],
    ]);
    expect(signals[0].occurredAt).toEqual(new Date(1796551200000));
    expect(signals[0].payload).toMatchObject({ propertyName: "dealstage", propertyValue: "contractsent", portalId: 62515 });
  });

  it("dates an event from HubSpot's future now", () => {
    expect(hubspotAdapter.normalize([{ ...batch[0], occurredAt: NOW.getTime() + 60_000 }], NOW)[0].occurredAt).toEqual(NOW);
  });

  it("names the field of a malformed event", () => {
    expect(refusal(() => hubspotAdapter.normalize({ eventId: 1 }, NOW)).message).toMatch(/array/);
    expect(refusal(() => hubspotAdapter.normalize([{ ...batch[0], objectId: undefined }], NOW)).field).toBe("[0].objectId");
    expect(refusal(() => hubspotAdapter.normalize([batch[0], { ...batch[1], occurredAt: "soon" }], NOW)).field).toBe("[1].occurredAt");
  });

  it("types subscriptions", () => {
    expect(hubspotSignalType("deal.propertyChange", "amount")).toBe("crm_activity");
    expect(hubspotSignalType("deal.propertyChange", "dealstage")).toBe("crm_stage_change");
    expect(hubspotSignalType("deal.deletion", undefined)).toBeNull();
  });
});

describe("generic adapter", () => {
  it("takes Dealflow's own shape, keyed by the sender's key", () => {
    const [signal] = genericAdapter.normalize({ type: "email_reply", occurredAt: "2026-12-06T09:00:00Z", dedupeKey: "crm-77", email: "pat@example.com", payload: { note: "asked for a call" } }, NOW);
    expect(signal).toMatchObject({ type: "email_reply", dedupeKey: "generic:crm-77", person: { email: "pat@example.com" }, personField: "email", payload: { note: "asked for a call" } });
  });

  it("keys an unkeyed signal by its content, so the same body twice is one signal", () => {
    const body = { type: "crm_activity", occurredAt: 1796551200000, dealId: "d1" };
    expect(genericAdapter.normalize(body, NOW)[0].dedupeKey).toBe(genericAdapter.normalize({ ...body }, NOW)[0].dedupeKey);
    expect(genericAdapter.normalize(body, NOW)[0].dedupeKey).not.toBe(genericAdapter.normalize({ ...body, dealId: "d2" }, NOW)[0].dedupeKey);
  });

  it("names what is wrong", () => {
    expect(refusal(() => genericAdapter.normalize({ type: "fax", occurredAt: "2026-12-06T09:00:00Z", dealId: "d" }, NOW)).field).toBe("type");
    expect(refusal(() => genericAdapter.normalize({ type: "sms_reply", dealId: "d" }, NOW)).field).toBe("occurredAt");
    expect(refusal(() => genericAdapter.normalize({ type: "sms_reply", occurredAt: "not a time", dealId: "d" }, NOW)).field).toBe("occurredAt");
    expect(refusal(() => genericAdapter.normalize({ type: "sms_reply", occurredAt: "2026-12-06T09:00:00Z" }, NOW)).field).toBe("dealId");
  });
});

describe("observed signal rules", () => {
  it("counts forward moves into CONTACTED, NEGOTIATING and UNDER_CONTRACT", () => {
    expect(isForwardEngagement("NEW", "CONTACTED")).toBe(true);
    expect(isForwardEngagement("CONTACTED", "NEGOTIATING")).toBe(true);
    expect(isForwardEngagement("NEGOTIATING", "UNDER_CONTRACT")).toBe(true);
    expect(isForwardEngagement("DEAD", "CONTACTED")).toBe(true);
    expect(isForwardEngagement("NEGOTIATING", "CONTACTED")).toBe(false);
    expect(isForwardEngagement("UNDER_CONTRACT", "NEGOTIATING")).toBe(false);
    expect(isForwardEngagement("NEW", "UNDERWRITTEN")).toBe(false);
    expect(isForwardEngagement("UNDER_CONTRACT", "CLOSED")).toBe(false);
    expect(isForwardEngagement("CONTACTED", "DEAD")).toBe(false);
  });

  it("dates an engagement by SendGrid's timestamp, never after it was received", () => {
    expect(engagementTime({ timestamp: 1796551200 }, NOW)).toEqual(new Date(1796551200000));
    expect(engagementTime({ timestamp: 4102444800 }, NOW)).toEqual(NOW);
    expect(engagementTime({}, NOW)).toEqual(NOW);
  });

  it("reads Salesforce's offset without a colon", () => {
    expect(parseCrmTime("2026-12-06T10:04:11.000+0000")).toEqual(new Date("2026-12-06T10:04:11Z"));
    expect(parseCrmTime("2026-12-06T10:04:11.000-0500")).toEqual(new Date("2026-12-06T15:04:11Z"));
    expect(parseCrmTime("tomorrow")).toBeNull();
  });
});
