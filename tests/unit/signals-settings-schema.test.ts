import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntentSettingsFormInput } from "@/lib/signals/settings-form";
import { DEFAULT_INTENT_CONFIG, IntentConfigInput } from "@/lib/signals/settings-schema";

const crlf = (text: string) => text.replace(/\n/g, "\r\n");
const withDrafting = (drafting: Partial<typeof DEFAULT_INTENT_CONFIG.drafting>) => ({ ...DEFAULT_INTENT_CONFIG, drafting: { ...DEFAULT_INTENT_CONFIG.drafting, ...drafting } });

describe("IntentConfigInput: line breaks as a browser posts them", () => {
  it("a CRLF body parses to the same LF body", () => {
    const lead = { subject: "About {{property}}", body: crlf(DEFAULT_INTENT_CONFIG.drafting.lead.body) };
    const parsed = IntentConfigInput.parse(withDrafting({ lead }));
    expect(parsed.drafting.lead.body).toBe(DEFAULT_INTENT_CONFIG.drafting.lead.body);
    expect(parsed.drafting.lead.body).not.toContain("\r");
  });

  it("the prompt and the buyer template too, and a lone CR", () => {
    const parsed = IntentConfigInput.parse(
      withDrafting({
        prompt: crlf(DEFAULT_INTENT_CONFIG.drafting.prompt),
        buyer: { subject: DEFAULT_INTENT_CONFIG.drafting.buyer.subject, body: DEFAULT_INTENT_CONFIG.drafting.buyer.body.replace(/\n/g, "\r") },
      }),
    );
    expect(parsed.drafting).toEqual(DEFAULT_INTENT_CONFIG.drafting);
  });

  it("through the settings form's flat fields", () => {
    const parsed = IntentSettingsFormInput.parse({ "drafting.lead.body": crlf(DEFAULT_INTENT_CONFIG.drafting.lead.body), ...flatRest() });
    expect(parsed.drafting.lead.body).toBe(DEFAULT_INTENT_CONFIG.drafting.lead.body);
  });

  it("a body's length counts a line break once", () => {
    const lines = Array.from({ length: 700 }, () => "x").join("\n");
    const body = `${lines}\n{{postal_address}} {{unsubscribe_link}}`;
    expect(body.length).toBeLessThanOrEqual(1600);
    expect(crlf(body).length).toBeGreaterThan(1600);
    expect(IntentConfigInput.safeParse(withDrafting({ lead: { subject: "Hi", body: crlf(body) } })).success).toBe(true);
  });

  it("property: CRLF and LF versions of any body parse alike", () => {
    const line = fc.string({ unit: fc.constantFrom("a", "b", " ", "{", "}", "é"), maxLength: 20 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const body = [...lines, "{{postal_address}} {{unsubscribe_link}}"].join("\n");
        const lf = IntentConfigInput.safeParse(withDrafting({ lead: { subject: "Hi", body } }));
        const fromCrlf = IntentConfigInput.safeParse(withDrafting({ lead: { subject: "Hi", body: crlf(body) } }));
        expect(fromCrlf.success).toBe(lf.success);
        if (lf.success && fromCrlf.success) expect(fromCrlf.data.drafting.lead.body).toBe(lf.data.drafting.lead.body);
      }),
    );
  });
});

/** The rest of the settings form's fields, as strings the way a form posts them. */
function flatRest(): Record<string, string> {
  const c = DEFAULT_INTENT_CONFIG;
  return {
    ...Object.fromEntries(Object.entries(c.weights).map(([t, v]) => [`weights.${t}`, String(v)])),
    ...Object.fromEntries(Object.entries(c.halfLifeHours).map(([t, v]) => [`halfLifeHours.${t}`, String(v)])),
    highIntentThreshold: String(c.highIntentThreshold),
    emailDailyLimitPerPerson: String(c.emailDailyLimitPerPerson),
    enrichmentMonthlyCapDollars: (c.enrichmentMonthlyCapCents / 100).toFixed(2),
    "drafting.lead.subject": c.drafting.lead.subject,
    "drafting.buyer.subject": c.drafting.buyer.subject,
    "drafting.buyer.body": c.drafting.buyer.body,
    "drafting.prompt": c.drafting.prompt,
  };
}
