import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlastInput } from "@/lib/blasts/schema";
import {
  buyerFirstName,
  dealArea,
  dealMergeValues,
  DEFAULT_EMAIL_SUBJECT,
  DEFAULT_EMAIL_TEMPLATE,
  DEFAULT_SMS_TEMPLATE,
  MERGE_FIELDS,
  mergeTemplate,
  templateError,
  unknownMergeFields,
  type MergeValues,
} from "@/lib/blasts/templates";

const deal = { street: "12 Elm Street", city: "Houston", region: "TX", postalCode: "77002", askingPrice: 150_000, arv: 260_000, repairs: 40_500 };
const values: MergeValues = { ...dealMergeValues(deal, { showStreet: false }), link: "https://x.test/b/T", buyer_first_name: "Dana" };

describe("merge values", () => {
  it("shows the area instead of the street unless the workspace shows streets", () => {
    expect(dealMergeValues(deal, { showStreet: false })).toEqual({ address: "Houston, TX 77002", area: "Houston, TX 77002", price: "$150,000", arv: "$260,000", repairs: "$40,500" });
    expect(dealMergeValues(deal, { showStreet: true }).address).toBe("12 Elm Street, Houston");
    expect(dealMergeValues({ ...deal, street: null }, { showStreet: true }).address).toBe("Houston, TX 77002");
  });

  it("says 'ask' for a missing amount and names a place even with little known", () => {
    expect(dealMergeValues({ ...deal, arv: null, repairs: null }, { showStreet: false })).toMatchObject({ arv: "ask", repairs: "ask" });
    expect(dealArea({ city: null, region: "ON", postalCode: "M6H 1A1" })).toBe("ON M6H 1A1");
    expect(dealArea({ city: null, region: null, postalCode: null })).toBe("your market");
  });

  it("takes the buyer's first name, or greets 'there'", () => {
    expect(buyerFirstName("  Dana   Cash ")).toBe("Dana");
    expect(buyerFirstName("")).toBe("there");
    expect(buyerFirstName(null)).toBe("there");
  });
});

describe("mergeTemplate", () => {
  it("replaces every field, with or without spaces inside the braces", () => {
    expect(mergeTemplate("{{ buyer_first_name }}: {{address}} at {{price}} ({{arv}} ARV, {{repairs}} repairs) {{link}}", values)).toBe(
      "Dana: Houston, TX 77002 at $150,000 ($260,000 ARV, $40,500 repairs) https://x.test/b/T",
    );
  });

  it("leaves no known field behind in the default templates", () => {
    for (const template of [DEFAULT_SMS_TEMPLATE, DEFAULT_EMAIL_SUBJECT, DEFAULT_EMAIL_TEMPLATE]) {
      expect(unknownMergeFields(template)).toEqual([]);
      expect(mergeTemplate(template, values)).not.toMatch(/\{\{/);
    }
    expect(DEFAULT_SMS_TEMPLATE).toContain("{{link}}");
    expect(DEFAULT_EMAIL_TEMPLATE).toContain("{{link}}");
  });

  it("property: text without braces is unchanged, and every known field is replaced by its value", () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes("{") && !s.includes("}")), fc.constantFrom(...MERGE_FIELDS), (text, field) => {
        expect(mergeTemplate(text, values)).toBe(text);
        expect(mergeTemplate(`${text}{{${field}}}${text}`, values)).toBe(`${text}${values[field]}${text}`);
      }),
    );
  });
});

describe("unknown fields", () => {
  it("names each unknown field once and lists the known ones", () => {
    expect(unknownMergeFields("{{nmae}} {{ price }} {{nmae}} {{zip}}")).toEqual(["nmae", "zip"]);
    expect(templateError("{{price}}")).toBeNull();
    expect(templateError("Hi {{name}}")).toBe("Unknown merge field {{name}}: use {{address}}, {{area}}, {{price}}, {{arv}}, {{repairs}}, {{link}}, {{buyer_first_name}}");
    expect(templateError("{{a}} {{b}}")).toMatch(/^Unknown merge fields \{\{a\}\}, \{\{b\}\}:/);
  });
});

describe("BlastInput", () => {
  const base = { dealId: "d1", buyerIds: ["b1"], channels: ["SMS"] };
  const issues = (input: Record<string, unknown>) => {
    const parsed = BlastInput.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("fills the default templates of the chosen channels only", () => {
    const parsed = BlastInput.parse(base);
    expect(parsed).toMatchObject({ channels: ["SMS"], smsTemplate: DEFAULT_SMS_TEMPLATE, emailSubject: null, emailTemplate: null });
    expect(BlastInput.parse({ ...base, channels: "email,sms" })).toMatchObject({ channels: ["SMS", "EMAIL"], emailTemplate: DEFAULT_EMAIL_TEMPLATE });
  });

  it("reads a form: one checkbox or many, blank fields as absent", () => {
    expect(BlastInput.parse({ dealId: "d1", buyerIds: "b1", channels: "SMS", smsTemplate: " ", segmentId: "" })).toMatchObject({ buyerIds: ["b1"], smsTemplate: DEFAULT_SMS_TEMPLATE });
    expect(BlastInput.parse({ ...base, buyerIds: ["b1", "b2", "b1"] }).buyerIds).toEqual(["b1", "b2"]);
  });

  it("puts each error at its field", () => {
    expect(issues({ ...base, smsTemplate: "{{nope}}" })).toEqual([expect.stringMatching(/^smsTemplate: Unknown merge field \{\{nope\}\}/)]);
    expect(issues({ ...base, channels: [] })).toEqual(["channels: Choose SMS, email or both"]);
    expect(issues({ ...base, channels: ["FAX"] })[0]).toMatch(/^channels\.0: /);
    expect(issues({ ...base, buyerIds: [] })).toEqual(["buyerIds: Check at least one buyer, or choose a segment"]);
    expect(issues({ ...base, segmentId: "s1" })).toEqual(["segmentId: Choose the checked buyers or a segment, not both"]);
    expect(issues({ ...base, buyerIds: Array.from({ length: 5001 }, (_, i) => `b${i}`) })).toEqual(["buyerIds: A blast reaches at most 5,000 buyers"]);
    expect(issues({ ...base, coldReason: "no" })).toEqual(["coldReason: Say why (at least 3 characters)"]);
    expect(issues({ ...base, channels: ["EMAIL"], emailSubject: "{{x}}" })[0]).toMatch(/^emailSubject: /);
  });

  it("reads its own output again unchanged (the action parses, then createBlast checks again)", () => {
    for (const input of [base, { ...base, channels: ["SMS", "EMAIL"], coldReason: "new buyers" }, { dealId: "d1", segmentId: "s1", channels: ["EMAIL"] }]) {
      const once = BlastInput.parse(input);
      expect(BlastInput.parse(once)).toEqual(once);
    }
  });

  it("takes a segment instead of buyers", () => {
    expect(BlastInput.parse({ dealId: "d1", segmentId: "s1", channels: ["SMS"] })).toMatchObject({ segmentId: "s1", buyerIds: [] });
  });
});
