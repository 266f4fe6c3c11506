import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideOutbound, GATES, type OutboundFacts } from "@/lib/outbound/gates";
import { isContactAllowed, type MarketPolicyRules, type PolicyRecord } from "@/lib/policy";
import { decideRegistries } from "@/lib/dnc/rules";

const ALWAYS: MarketPolicyRules = { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS", "EMAIL"], minLeadScore: 50 };
const OPEN_POLICY: PolicyRecord = { region: "NY", market: "ALL", enabled: true, rules: ALWAYS };

/** Facts on which every gate says yes. */
const YES: OutboundFacts = {
  channel: "SMS",
  address: "+12125550100",
  consent: "OPTED_IN",
  onDoNotContact: false,
  areaBlacklist: null,
  registries: { canadian: false, registries: [] },
  consentBasis: null,
  policy: OPEN_POLICY,
  timeZones: ["America/New_York"],
  at: new Date("2026-03-10T15:00:00Z"),
  score: 80,
  postalAddress: "1 Main St, Albany, NY 12207",
  canLinkUnsubscribe: true,
  sentToday: 0,
  dailyCap: 100,
};

describe("decideOutbound: each gate", () => {
  it("allows when every gate says yes, on both channels", () => {
    expect(decideOutbound(YES)).toEqual({ allowed: true });
    expect(decideOutbound({ ...YES, channel: "EMAIL", address: "a@b.co" })).toEqual({ allowed: true });
  });

  it.each([
    ["address", "no_address", { address: null }],
    ["consent", "opted_out", { consent: "OPTED_OUT" }],
    ["consent", "no_consent", { consent: null }],
    ["do_not_contact", "do_not_contact", { onDoNotContact: true }],
    ["area", "area_blacklisted", { areaBlacklist: { areaCode: "75201", reason: "Flood zone" } }],
    ["market_policy", "no_policy", { policy: null }],
    ["market_policy", "policy_disabled", { policy: { ...OPEN_POLICY, enabled: false } }],
    ["market_policy", "unknown_time_zone", { timeZones: [] }],
    ["market_policy", "unknown_time_zone", { timeZones: ["Mars/Base"] }],
    ["market_policy", "score_missing", { score: null }],
    ["market_policy", "score_below_minimum", { score: 10 }],
    ["market_policy", "outside_window", { policy: { ...OPEN_POLICY, rules: { ...ALWAYS, contactWindows: [{ days: [1], start: "09:00", end: "10:00" }] } } }],
    ["market_policy", "closed_today", { policy: { ...OPEN_POLICY, rules: { ...ALWAYS, contactWindows: [{ days: [6], start: "09:00", end: "10:00" }] } } }],
    ["channel", "channel_not_allowed", { policy: { ...OPEN_POLICY, rules: { ...ALWAYS, channelsAllowed: ["CALL"] } } }],
    ["daily_cap", "daily_cap_reached", { sentToday: 100 }],
    ["daily_cap", "daily_cap_reached", { dailyCap: 0 }],
    ["daily_cap", "daily_cap_reached", { dailyCap: Number.NaN }],
  ] as const)("%s refuses with %s", (gate, reason, change) => {
    expect(decideOutbound({ ...YES, ...(change as Partial<OutboundFacts>) })).toMatchObject({ allowed: false, gate, reason });
  });

  it("an area blacklist refuses with the area and its reason, on both channels, after do-not-contact and before the registries", () => {
    const areaBlacklist = { areaCode: "M5V", reason: "Too many investors" };
    expect(decideOutbound({ ...YES, areaBlacklist })).toEqual({ allowed: false, gate: "area", reason: "area_blacklisted", detail: "Area M5V is blacklisted: Too many investors" });
    expect(decideOutbound({ ...YES, channel: "EMAIL", address: "a@b.co", areaBlacklist })).toMatchObject({ gate: "area", reason: "area_blacklisted" });
    expect(decideOutbound({ ...YES, areaBlacklist, onDoNotContact: true })).toMatchObject({ gate: "do_not_contact" });
    const listed = { canadian: false, registries: [{ kind: "INTERNAL" as const, name: "Internal", downloadedAt: new Date("2026-03-01T00:00:00Z"), listed: true }] };
    expect(decideOutbound({ ...YES, registries: listed })).toMatchObject({ gate: "dnc_registry" });
    expect(decideOutbound({ ...YES, registries: listed, areaBlacklist })).toMatchObject({ gate: "area" });
    expect(GATES.indexOf("area")).toBe(GATES.indexOf("do_not_contact") + 1);
    expect(GATES.indexOf("dnc_registry")).toBe(GATES.indexOf("area") + 1);
  });

  it("email needs the postal address and an unsubscribe link; SMS does not", () => {
    const email = { ...YES, channel: "EMAIL" as const, address: "a@b.co" };
    expect(decideOutbound({ ...email, postalAddress: null })).toMatchObject({ gate: "email_compliance", reason: "no_postal_address" });
    expect(decideOutbound({ ...email, postalAddress: "   " })).toMatchObject({ reason: "no_postal_address" });
    expect(decideOutbound({ ...email, canLinkUnsubscribe: false })).toMatchObject({ reason: "no_unsubscribe_link" });
    expect(decideOutbound({ ...YES, postalAddress: null, canLinkUnsubscribe: false })).toEqual({ allowed: true });
  });
});

// ---------------------------------------------------------------------------------------
// Properties: the decision is the first failing gate of the documented order, and nothing
// unknown is ever allowed.

const policyArb: fc.Arbitrary<PolicyRecord | null> = fc.option(
  fc.record({
    region: fc.constant("NY"),
    market: fc.constant("ALL"),
    enabled: fc.boolean(),
    rules: fc.record({
      contactWindows: fc.constantFrom(ALWAYS.contactWindows, [{ days: [0, 1, 2, 3, 4], start: "09:00", end: "20:00" }], []),
      channelsAllowed: fc.subarray(["SMS", "CALL", "EMAIL"] as const),
      minLeadScore: fc.integer({ min: 0, max: 100 }),
    }),
  }),
  { freq: 6 },
);

const factsArb: fc.Arbitrary<OutboundFacts> = fc.record({
  channel: fc.constantFrom("SMS" as const, "EMAIL" as const),
  address: fc.option(fc.constantFrom("+12125550100", "a@b.co"), { freq: 6 }),
  consent: fc.constantFrom("OPTED_IN" as const, "OPTED_OUT" as const, null),
  onDoNotContact: fc.boolean(),
  areaBlacklist: fc.option(fc.record({ areaCode: fc.constantFrom("75201", "M5V"), reason: fc.constant("Blacklisted") }), { freq: 4 }),
  registries: fc.option(
    fc.record({
      canadian: fc.boolean(),
      registries: fc.array(
        fc.record({
          kind: fc.constantFrom("US_NATIONAL" as const, "CA_NATIONAL" as const, "LITIGATOR" as const, "INTERNAL" as const),
          name: fc.constant("List"),
          downloadedAt: fc.option(fc.integer({ min: Date.UTC(2025, 10, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms))),
          listed: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
    }),
  ),
  consentBasis: fc.option(
    fc.record({
      basis: fc.constantFrom("PRIOR_EXPRESS_WRITTEN" as const, "ESTABLISHED_RELATIONSHIP" as const, "NONE" as const),
      givenAt: fc.option(fc.integer({ min: Date.UTC(2025, 6, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms))),
    }),
  ),
  policy: policyArb,
  timeZones: fc.constantFrom(["America/New_York"], ["America/St_Johns", "America/Halifax"], [], ["Nowhere/Zone"]),
  at: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }).map((ms) => new Date(ms)),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { freq: 6 }),
  postalAddress: fc.option(fc.constantFrom("1 Main St, Albany, NY", " "), { freq: 3 }),
  canLinkUnsubscribe: fc.boolean(),
  sentToday: fc.integer({ min: 0, max: 20 }),
  dailyCap: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Number.NaN)),
});

/** An independent statement of the order: each gate's own question, asked in turn. */
function expectedGate(f: OutboundFacts): string | null {
  if (!f.address) return "address";
  if (f.consent !== "OPTED_IN") return "consent";
  if (f.onDoNotContact) return "do_not_contact";
  if (f.areaBlacklist) return "area";
  if (f.registries && !decideRegistries(f.registries, f.consentBasis, f.at).allowed) return "dnc_registry";
  const policy = isContactAllowed({ policy: f.policy, timeZones: f.timeZones, at: f.at, channel: f.channel, score: f.score });
  if (!policy.ok) return policy.reason === "channel_not_allowed" ? "channel" : "market_policy";
  if (f.channel === "EMAIL" && (!f.postalAddress?.trim() || !f.canLinkUnsubscribe)) return "email_compliance";
  if (!(f.sentToday < f.dailyCap)) return "daily_cap";
  return null;
}

describe("decideOutbound: properties", () => {
  it("reports the first failing gate of the documented order", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const decision = decideOutbound(facts);
        const gate = expectedGate(facts);
        if (gate === null) expect(decision).toEqual({ allowed: true });
        else expect(decision).toMatchObject({ allowed: false, gate });
      }),
      { numRuns: 3000 },
    );
  });

  it("fails closed: an allowed message had consent, no DNC, a policy saying yes, a footer for email, and room under the cap", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        if (!decideOutbound(facts).allowed) return;
        expect(facts.address).toBeTruthy();
        expect(facts.consent).toBe("OPTED_IN");
        expect(facts.onDoNotContact).toBe(false);
        expect(facts.areaBlacklist).toBeNull();
        expect(isContactAllowed({ policy: facts.policy, timeZones: facts.timeZones, at: facts.at, channel: facts.channel, score: facts.score }).ok).toBe(true);
        if (facts.channel === "EMAIL") expect(facts.postalAddress?.trim() && facts.canLinkUnsubscribe).toBeTruthy();
        expect(facts.sentToday).toBeLessThan(facts.dailyCap);
      }),
      { numRuns: 3000 },
    );
  });

  it("breaking any one gate of an allowed message blocks it at that gate (or an earlier one)", () => {
    const breakers: Record<string, (f: OutboundFacts) => OutboundFacts> = {
      address: (f) => ({ ...f, address: null }),
      consent: (f) => ({ ...f, consent: fc.sample(fc.constantFrom("OPTED_OUT" as const, null), 1)[0] }),
      do_not_contact: (f) => ({ ...f, onDoNotContact: true }),
      area: (f) => ({ ...f, areaBlacklist: { areaCode: "75201", reason: "Flood zone" } }),
      market_policy: (f) => ({ ...f, policy: null }),
      channel: (f) => ({ ...f, policy: { ...OPEN_POLICY, rules: { ...ALWAYS, channelsAllowed: [] } } }),
      daily_cap: (f) => ({ ...f, sentToday: f.dailyCap }),
    };
    for (const [gate, breakIt] of Object.entries(breakers)) {
      const decision = decideOutbound(breakIt(YES));
      expect(decision, gate).toMatchObject({ allowed: false, gate });
      expect(GATES.indexOf(gate as (typeof GATES)[number])).toBeGreaterThanOrEqual(0);
    }
    // Everything broken at once: the first gate wins.
    const all = Object.values(breakers).reduce((f, breakIt) => breakIt(f), YES);
    expect(decideOutbound(all)).toMatchObject({ gate: "address" });
  });
});
