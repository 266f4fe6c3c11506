import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketIndex, compareRun, SCORE_BUCKETS, type ConsideredPerson, type PastDecision } from "@/lib/laboratory/compare";
import { replaySignals } from "@/lib/laboratory/replay";
import { ExperimentFormInput, ExperimentInput } from "@/lib/laboratory/schema";
import { DEFAULT_INTENT_CONFIG } from "@/lib/signals/settings-schema";

const person = (name: string, lab: boolean, prod: boolean, labScore = lab ? 80 : 20, productionScore = prod ? 80 : 20): ConsideredPerson => ({
  key: `lead:${name}`,
  kind: "lead",
  id: name,
  name,
  labScore,
  productionScore,
  labWouldDraft: lab,
  prodWouldDraft: prod,
});
const decided = (name: string, decision: PastDecision["decision"]): PastDecision => ({ key: `lead:${name}`, kind: "lead", id: name, name, decision });

describe("compareRun", () => {
  it("counts drafts proposed and their overlap for every combination of lab and production", () => {
    const people = [person("Ann", true, true), person("Bob", true, false), person("Cy", false, true), person("Di", false, false)];
    const result = compareRun(people, []);
    expect(result.considered).toBe(4);
    expect(result.lab.proposed).toBe(2);
    expect(result.production.proposed).toBe(2);
    expect(result.overlap.both.map((p) => p.name)).toEqual(["Ann"]);
    expect(result.overlap.labOnly.map((p) => p.name)).toEqual(["Bob"]);
    expect(result.overlap.productionOnly.map((p) => p.name)).toEqual(["Cy"]);
  });

  // Every pairing of (lab drafts?, production drafts?) with (approved, rejected, no decision).
  const cases: [boolean, boolean, PastDecision["decision"] | null, { labMissed: number; labRejected: number; prodMissed: number; prodRejected: number }][] = [
    [true, true, "approved", { labMissed: 0, labRejected: 0, prodMissed: 0, prodRejected: 0 }],
    [true, false, "approved", { labMissed: 0, labRejected: 0, prodMissed: 1, prodRejected: 0 }],
    [false, true, "approved", { labMissed: 1, labRejected: 0, prodMissed: 0, prodRejected: 0 }],
    [false, false, "approved", { labMissed: 1, labRejected: 0, prodMissed: 1, prodRejected: 0 }],
    [true, true, "rejected", { labMissed: 0, labRejected: 1, prodMissed: 0, prodRejected: 1 }],
    [true, false, "rejected", { labMissed: 0, labRejected: 1, prodMissed: 0, prodRejected: 0 }],
    [false, true, "rejected", { labMissed: 0, labRejected: 0, prodMissed: 0, prodRejected: 1 }],
    [false, false, "rejected", { labMissed: 0, labRejected: 0, prodMissed: 0, prodRejected: 0 }],
    [true, true, null, { labMissed: 0, labRejected: 0, prodMissed: 0, prodRejected: 0 }],
    [false, false, null, { labMissed: 0, labRejected: 0, prodMissed: 0, prodRejected: 0 }],
  ];
  it.each(cases)("lab %s, production %s, decision %s", (lab, prod, decision, expected) => {
    const result = compareRun([person("Eve", lab, prod)], decision ? [decided("Eve", decision)] : []);
    expect({
      labMissed: result.lab.approvedMissedCount,
      labRejected: result.lab.rejectedProposedCount,
      prodMissed: result.production.approvedMissedCount,
      prodRejected: result.production.rejectedProposedCount,
    }).toEqual(expected);
    if (expected.labMissed) expect(result.lab.approvedMissed).toEqual([{ key: "lead:Eve", kind: "lead", id: "Eve", name: "Eve", drafts: 1 }]);
    if (expected.labRejected) expect(result.lab.rejectedProposed.map((p) => p.name)).toEqual(["Eve"]);
  });

  it("counts an approved draft of a person the run never considered as missed by both sides", () => {
    const result = compareRun([], [decided("Gus", "approved")]);
    expect(result.lab.approvedMissedCount).toBe(1);
    expect(result.production.approvedMissedCount).toBe(1);
    expect(result.lab.approvedMissed[0]?.name).toBe("Gus");
  });

  it("counts several drafts of one person, naming them once, and sorts people by name", () => {
    const result = compareRun([person("Zed", true, false), person("Amy", true, false)], [
      decided("Zed", "rejected"),
      decided("Zed", "rejected"),
      decided("Amy", "rejected"),
      decided("Amy", "approved"),
    ]);
    expect(result.lab.rejectedProposedCount).toBe(3);
    expect(result.lab.rejectedProposed.map((p) => [p.name, p.drafts])).toEqual([["Amy", 1], ["Zed", 2]]);
    expect(result.lab.approvedMissedCount).toBe(0);
    expect(result.decisions).toEqual({ approved: 1, rejected: 3 });
  });

  it("puts each score in its bucket of ten, 100 in the last", () => {
    expect(SCORE_BUCKETS.map((b) => b.label)).toEqual(["0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89", "90-100"]);
    expect([0, 9, 10, 69, 70, 89, 90, 99, 100].map(bucketIndex)).toEqual([0, 0, 1, 6, 7, 8, 9, 9, 9]);
    const result = compareRun([person("A", false, false, 0, 100), person("B", false, false, 55, 55)], []);
    expect(result.distribution[0]).toMatchObject({ label: "0-9", lab: 1, production: 0 });
    expect(result.distribution[5]).toMatchObject({ lab: 1, production: 1 });
    expect(result.distribution[9]).toMatchObject({ label: "90-100", lab: 0, production: 1 });
  });

  it("keeps its totals consistent for any run (property)", () => {
    const arbPerson = fc.record({ name: fc.constantFrom("a", "b", "c", "d", "e", "f"), lab: fc.boolean(), prod: fc.boolean(), labScore: fc.integer({ min: 0, max: 100 }), prodScore: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.uniqueArray(arbPerson, { selector: (p) => p.name }), fc.array(fc.record({ name: fc.constantFrom("a", "b", "c", "g"), approved: fc.boolean() })), (rows, decisions) => {
        const people = rows.map((r) => person(r.name, r.lab, r.prod, r.labScore, r.prodScore));
        const past = decisions.map((d) => decided(d.name, d.approved ? "approved" : "rejected"));
        const result = compareRun(people, past);
        const { both, labOnly, productionOnly } = result.overlap;
        expect(both.length + labOnly.length).toBe(result.lab.proposed);
        expect(both.length + productionOnly.length).toBe(result.production.proposed);
        expect(result.distribution.reduce((s, b) => s + b.lab, 0)).toBe(people.length);
        expect(result.distribution.reduce((s, b) => s + b.production, 0)).toBe(people.length);
        expect(result.lab.approvedMissedCount).toBeLessThanOrEqual(result.decisions.approved);
        expect(result.lab.rejectedProposedCount).toBeLessThanOrEqual(result.decisions.rejected);
      }),
    );
  });
});

describe("replaySignals", () => {
  const model = { ...DEFAULT_INTENT_CONFIG, highIntentThreshold: 50 };
  const at = (hours: number) => new Date(Date.UTC(2026, 11, 1) + hours * 3_600_000);

  it("finds the first moment the score reached the threshold and the peak", () => {
    const result = replaySignals([{ type: "sms_reply", occurredAt: at(0) }, { type: "email_reply", occurredAt: at(1) }, { type: "email_open", occurredAt: at(200) }], model);
    expect(result.reachedAt).toEqual(at(1));
    expect(result.peak).toBe(Math.round(30 * 0.5 ** (1 / 72) + 30));
  });

  it("reads signals in time order whatever order they come in, and counts same-instant signals together", () => {
    const result = replaySignals([{ type: "email_reply", occurredAt: at(5) }, { type: "sms_reply", occurredAt: at(5) }], model);
    expect(result).toEqual({ peak: 60, reachedAt: at(5) });
  });

  it("never reaches a threshold above the peak", () => {
    const result = replaySignals([{ type: "email_open", occurredAt: at(0) }], { ...model, highIntentThreshold: 6 });
    expect(result).toEqual({ peak: 5, reachedAt: null });
  });
});

describe("ExperimentInput", () => {
  it("accepts the production configuration and names a bad field", () => {
    expect(ExperimentInput.safeParse({ name: "Lower bar", config: DEFAULT_INTENT_CONFIG, windowDays: "30" }).success).toBe(true);
    const bad = ExperimentInput.safeParse({ name: "x", config: { ...DEFAULT_INTENT_CONFIG, highIntentThreshold: 0 }, windowDays: 91 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["config.highIntentThreshold", "windowDays"]);
  });
});

describe("ExperimentFormInput", () => {
  /** The form's flat fields for a configuration, as the Signals settings fields post them. */
  function flat(overrides: Record<string, string> = {}): Record<string, string> {
    const c = DEFAULT_INTENT_CONFIG;
    const fields: Record<string, string> = {
      name: "Lower bar",
      windowDays: "14",
      highIntentThreshold: "60",
      emailDailyLimitPerPerson: String(c.emailDailyLimitPerPerson),
      enrichmentMonthlyCapDollars: "0.75",
      "drafting.lead.subject": c.drafting.lead.subject,
      "drafting.lead.body": c.drafting.lead.body,
      "drafting.buyer.subject": c.drafting.buyer.subject,
      "drafting.buyer.body": c.drafting.buyer.body,
      "drafting.prompt": c.drafting.prompt,
    };
    for (const [type, w] of Object.entries(c.weights)) fields[`weights.${type}`] = String(w);
    for (const [type, h] of Object.entries(c.halfLifeHours)) fields[`halfLifeHours.${type}`] = String(h);
    return { ...fields, ...overrides };
  }

  it("nests the flat form into the experiment, the budget from dollars to cents", () => {
    const parsed = ExperimentFormInput.safeParse(flat());
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ name: "Lower bar", windowDays: 14, config: { highIntentThreshold: 60, enrichmentMonthlyCapCents: 75, weights: { sms_reply: 30 } } });
  });

  it("stores a textarea's CRLF line breaks as LF, so an untouched template reads as unchanged", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    const c = DEFAULT_INTENT_CONFIG;
    const parsed = ExperimentFormInput.safeParse(flat({ "drafting.prompt": crlf(c.drafting.prompt), "drafting.lead.body": crlf(c.drafting.lead.body) }));
    expect(parsed.data?.config.drafting).toEqual(c.drafting);
  });

  it("names a bad field by its path under config", () => {
    const parsed = ExperimentFormInput.safeParse(flat({ "weights.sms_reply": "-1", "__proto__.polluted": "yes" }));
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["config.weights.sms_reply"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
