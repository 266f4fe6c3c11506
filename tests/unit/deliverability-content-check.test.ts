import { describe, expect, it } from "vitest";
import { blockingFindings, checkTemplateContent } from "@/lib/deliverability/content-check";

const codes = (text: string, channel: "SMS" | "EMAIL" = "SMS") => checkTemplateContent(text, channel).map((f) => `${f.code}${f.phrase ? `:${f.phrase}` : ""}:${f.severity}`);

describe("checkTemplateContent", () => {
  it.each([
    ["Hi {{firstName}}, would you consider selling {{street}}?", []],
    ["Would you take a CASH OFFER for it?", ["filtered_phrase:cash offer:warning", "all_caps:CASH OFFER:warning"]],
    ["We buy houses in any condition", ["filtered_phrase:we buy houses:warning", "filtered_phrase:any condition:warning"]],
    ["A no-obligation offer this week", ["filtered_phrase:no obligation:warning"]],
    ["Reply STOP to opt out, HELP for help", []],
    ["Call me, it is URGENT", ["all_caps:URGENT:warning"]],
    ["See https://bit.ly/abc123", ["url_shortener:bit.ly:block"]],
    ["Photos: https://acme.example.com/a and https://acme.example.com/b", ["several_links:warning"]],
    ["One link is fine: https://acme.example.com/offer", []],
    ["Free valuation", ["filtered_phrase:free:warning"]],
    ["Freedom to choose", []],
  ])("%s", (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it("gives a reason in a sentence for every finding", () => {
    for (const finding of checkTemplateContent("CASH OFFER!!! we buy houses bit.ly/x tinyurl.com/y", "SMS")) {
      expect(finding.reason).toMatch(/^[A-Z"0-9a-z$].+\.$/);
    }
  });

  it("blocks public shorteners in texts but only warns in email, where a few links are normal", () => {
    expect(blockingFindings(checkTemplateContent("Go to https://tinyurl.com/x", "SMS"))).toHaveLength(1);
    expect(blockingFindings(checkTemplateContent("Go to https://tinyurl.com/x", "EMAIL"))).toHaveLength(0);
    expect(codes("https://a.example.com/1 https://a.example.com/2 https://a.example.com/3", "EMAIL")).toEqual([]);
  });

  it("ignores merge fields written in capitals", () => {
    expect(codes("Hi {{FIRST_NAME}}, about {{STREET}}")).toEqual([]);
  });
});
