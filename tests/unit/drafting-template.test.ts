import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillTemplate, keepsFooterTokens, MERGE_FIELDS } from "@/lib/approvals/templates";
import type { DraftContext } from "@/lib/approvals/types";
import { draftConfidence, draftWithTemplate } from "@/lib/providers/drafting/template";
import { DEFAULT_DRAFTING } from "@/lib/signals/settings-schema";

const NOW = "2026-03-10T19:00:00.000Z";
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();

function leadContext(overrides: Partial<DraftContext> = {}): DraftContext {
  return {
    subject: { kind: "lead", dealId: "deal-1" },
    person: { name: "Maria Lopez", firstName: "Maria", email: "maria@example.com", phone: null },
    deal: { id: "deal-1", address: "12 Oak St", city: "Dallas", region: "TX", postalCode: "75201", status: "CONTACTED", askingPrice: 185_000, arv: 260_000, mao: 170_000, spread: 32_000, strategy: "FLIP", tags: ["vacant"] },
    buyer: null,
    intent: {
      score: 82,
      threshold: 70,
      signals: [
        { type: "sms_reply", label: "SMS reply", occurredAt: hoursAgo(3), points: 29.2 },
        { type: "email_open", label: "Email open", occurredAt: hoursAgo(30), points: 2.1 },
      ],
    },
    sender: { name: "Sam Carter", firstName: "Sam", phone: "+12145550100", company: "Maple & Main Investments" },
    templates: DEFAULT_DRAFTING,
    now: NOW,
    ...overrides,
  };
}

function buyerContext(overrides: Partial<DraftContext> = {}): DraftContext {
  return leadContext({
    subject: { kind: "buyer", buyerId: "buyer-1" },
    person: { name: "Jane Cash", firstName: "Jane", email: "jane@cash.test", phone: "+17135550100" },
    buyer: { id: "buyer-1", name: "Jane Cash", company: "Cash Homes", markets: ["TX:Dallas"], tier: "A", propertyTypes: ["SFR"], priceMin: 100_000, priceMax: 250_000 },
    intent: { score: 75, threshold: 70, signals: [{ type: "buyer_offer", label: "Buyer offer", occurredAt: hoursAgo(5), points: 39.2 }] },
    ...overrides,
  });
}

describe("fillTemplate", () => {
  it("fills every merge field and keeps the footer tokens", () => {
    const template = `${MERGE_FIELDS.map((f) => `{{${f.name}}}`).join("|")}|{{postal_address}}|{{unsubscribe_link}}`;
    const values = Object.fromEntries(MERGE_FIELDS.map((f) => [f.name, `<${f.name}>`])) as Record<(typeof MERGE_FIELDS)[number]["name"], string>;
    const filled = fillTemplate(template, values);
    expect(filled.text).toBe(`${MERGE_FIELDS.map((f) => `<${f.name}>`).join("|")}|{{postal_address}}|{{unsubscribe_link}}`);
    expect(filled.unknown).toEqual([]);
  });

  it("drops 'or call me at' when there is no phone, and reports unknown fields", () => {
    const values = Object.fromEntries(MERGE_FIELDS.map((f) => [f.name, "x"])) as Record<(typeof MERGE_FIELDS)[number]["name"], string | null>;
    values.sender_phone = null;
    const filled = fillTemplate("Reply with a time, or call me at {{sender_phone}}. {{nickname}}done", values);
    expect(filled.text).toBe("Reply with a time. done");
    expect(filled.unknown).toEqual(["nickname"]);
  });
});

describe("draftWithTemplate", () => {
  it("writes a lead email from the deal and the latest signal, keeping the footer tokens", () => {
    const draft = draftWithTemplate(leadContext());
    expect(draft.subject).toBe("About 12 Oak St");
    expect(draft.body).toContain("Hi Maria,");
    expect(draft.body).toContain("Thanks for your text.");
    expect(draft.body).toContain("I buy houses in Dallas");
    expect(draft.body).toContain("call me at +12145550100");
    expect(draft.body).toContain("Maple & Main Investments, {{postal_address}}");
    expect(keepsFooterTokens(draft.body)).toBe(true);
    expect(draft.body).not.toMatch(/\{\{(?!postal_address|unsubscribe_link)/);
    expect(draft.reasoning.summary).toContain("intent score of 82 (threshold 70)");
    expect(draft.reasoning.summary).toContain("replied by text 3 hours ago");
    expect(draft.reasoning.facts).toEqual(expect.arrayContaining(["asking $185,000", "ARV $260,000", "spread $32,000"]));
    expect(draft.reasoning.signals).toHaveLength(2);
  });

  it("writes a buyer email with the deal's numbers", () => {
    const draft = draftWithTemplate(buyerContext());
    expect(draft.subject).toBe("12 Oak St: a deal in your buy box");
    expect(draft.body).toContain("Thanks for your offer. 12 Oak St fits what you buy (asking $185,000, ARV $260,000).");
    expect(draft.reasoning.facts).toEqual(expect.arrayContaining(["buys in TX:Dallas", "buys from $100,000 to $250,000", "tier A buyer"]));
  });

  it("reads well when facts are missing: no name, no deal numbers, no city, no phone, no signals", () => {
    const context = leadContext({
      person: { name: null, firstName: null, email: "x@example.com", phone: null },
      deal: { id: "d", address: "the property", city: null, region: null, postalCode: null, status: "NEW", askingPrice: null, arv: null, mao: null, spread: null, strategy: null, tags: [] },
      sender: { name: "Acme Homes", firstName: "Acme", phone: null, company: "Acme Homes" },
      intent: { score: 70, threshold: 70, signals: [] },
    });
    const draft = draftWithTemplate(context);
    expect(draft.body).toContain("Hi there,");
    expect(draft.body).toContain("Thanks for your interest.");
    expect(draft.body).toContain("I buy houses in your area");
    expect(draft.body).toContain("Just reply with a good time.");
    expect(draft.body).not.toContain("call me at");
    expect(draft.body).not.toContain("undefined");
    expect(draft.body).not.toContain("null");
    expect(keepsFooterTokens(draft.body)).toBe(true);
    expect(draft.reasoning.summary).toContain("x@example.com reached an intent score of 70");
    const buyerDraft = draftWithTemplate(buyerContext({ deal: null }));
    expect(buyerDraft.body).toContain("a new property fits what you buy.");
  });
});

describe("draftConfidence", () => {
  it("stays within 0.05-0.95", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 6 }), (score, threshold, ages) => {
        const c = draftConfidence(leadContext({ intent: { score, threshold, signals: ages.map((h) => ({ type: "sms_reply", label: "SMS reply", occurredAt: hoursAgo(h), points: 1 })) } }));
        return c >= 0.05 && c <= 0.95;
      }),
    );
  });

  it("rises with the margin, the freshness, the number of signals and the context", () => {
    const base = leadContext();
    const at = (patch: Partial<DraftContext["intent"]>) => draftConfidence({ ...base, intent: { ...base.intent, ...patch } });
    expect(at({ score: 95 })).toBeGreaterThan(at({ score: 72 }));
    expect(at({ signals: [{ type: "sms_reply", label: "SMS reply", occurredAt: hoursAgo(1), points: 30 }] })).toBeGreaterThan(at({ signals: [{ type: "sms_reply", label: "SMS reply", occurredAt: hoursAgo(200), points: 30 }] }));
    const one = [{ type: "sms_reply", label: "SMS reply", occurredAt: hoursAgo(2), points: 30 }];
    expect(at({ signals: [...one, ...one, ...one] })).toBeGreaterThan(at({ signals: one }));
    expect(draftConfidence(base)).toBeGreaterThan(draftConfidence({ ...base, person: { ...base.person, firstName: null }, sender: { ...base.sender, phone: null } }));
  });
});
