import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarketPolicyFields } from "@/components/policies/market-policy-fields";
import { MarketPolicyForm, policyToGrid, type MarketPolicyView } from "@/components/policies/market-policy-form";
import { defaultMarketPolicies } from "@/lib/policy/defaults";

/** What a browser would post from the rendered fields: enabled, named, and ticked if a checkbox. */
function posted(html: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const name = attr("name");
    if (!name || /\sdisabled(="")?[\s/>]/.test(tag)) continue;
    if (attr("type") === "checkbox" && !/\schecked(="")?[\s/>]/.test(tag)) continue;
    const value = (attr("value") ?? "").replaceAll("&amp;", "&").replaceAll("&#x27;", "'").replaceAll("&quot;", '"');
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [existing, value].flat();
  }
  return fields;
}

function render(policy: MarketPolicyView) {
  const { grid } = policyToGrid(policy);
  return renderToStaticMarkup(createElement("form", null, createElement(MarketPolicyFields, { grid, errors: {} })));
}

describe("contact-rules fields", () => {
  const seeded = defaultMarketPolicies();

  it.each(["RI", "KY", "ON"])("post what the form schema reads back into the same policy (%s)", (region) => {
    const policy = seeded.find((p) => p.region === region)!;
    const fields = { ...posted(render(policy)), region, market: "ALL", reason: "Checked" };
    expect(MarketPolicyForm.parse(fields)).toEqual({ ...policy, reason: "Checked", intent: "update" });
  });

  it("post nothing for closed days and unticked boxes", () => {
    const policy = seeded[0];
    const closed: MarketPolicyView = {
      ...policy,
      enabled: false,
      rules: { ...policy.rules, channelsAllowed: ["EMAIL"], contactWindows: [{ days: [2], start: "08:00", end: "24:00" }] },
    };
    const fields = posted(render(closed));
    expect(fields).toMatchObject({ day2Open: "on", day2Start: "08:00", day2End: "00:00", channels: "EMAIL" });
    expect(Object.keys(fields).filter((k) => /^day[013456]|^enabled$/.test(k))).toEqual([]);
  });

  it("label every weekday row and show the rule about local time", () => {
    const html = render(seeded[0]);
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      expect(html).toContain(`aria-label="${day} start"`);
      expect(html).toContain(`aria-label="${day} end"`);
    }
    expect(html).toContain("Times are the lead&#x27;s local time. Start inclusive, end exclusive. Sunday closed unless opened.");
  });
});
