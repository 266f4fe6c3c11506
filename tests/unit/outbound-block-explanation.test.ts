import { describe, expect, it } from "vitest";
import { consentFormHref, explainBlock, formatOpening, policyHref, type BlockFacts } from "@/lib/outbound/block-explanation";
import type { BlockReason } from "@/lib/outbound/gates";
import { BLOCK_REASON_LABELS } from "@/lib/outbound/labels";

const base = { channel: "SMS" as const, address: "+15555550123", dealId: "deal-1", region: "FL", market: "Tampa" };
const explain = (reason: BlockReason, extra: Partial<BlockFacts> = {}) => explainBlock({ ...base, reason, ...extra });

describe("explainBlock", () => {
  it("has words and a fix for every reason the gates give", () => {
    for (const reason of Object.keys(BLOCK_REASON_LABELS) as BlockReason[]) {
      const fix = explain(reason);
      expect(fix.message.length, reason).toBeGreaterThan(10);
      expect(fix.fixHref, reason).toMatch(/^\//);
      expect(fix.fixLabel, reason).toBeTruthy();
    }
  });

  it("names the missing consent and links to the consent form filled with the address", () => {
    expect(explain("no_consent")).toEqual({
      message: "No consent on record for +15555550123 (SMS). Record consent on Compliance → Consent.",
      fixHref: "/settings/compliance?channel=SMS&address=%2B15555550123#record-consent",
      fixLabel: "Record consent",
    });
    expect(explain("opted_out", { channel: "EMAIL", address: "a@example.com" }).message).toBe(
      "a@example.com opted out of email. Only the contact can opt back in (a START reply, or their new consent recorded on Compliance).",
    );
  });

  it("names a blacklisted area and its reason, and opens its card on the Market map to lift the mark", () => {
    expect(explain("area_blacklisted", { areaCode: "M5V", areaReason: "Too many investors" })).toEqual({
      message: "The lead is in area M5V, which is blacklisted (Too many investors): its leads are not contacted. Lift the blacklist on the Market map to send.",
      fixHref: "/market?area=M5V",
      fixLabel: "Lift the blacklist on the Market map",
    });
    expect(explain("area_blacklisted")).toMatchObject({ fixHref: "/market", message: expect.stringContaining("its area, which is blacklisted:") });
  });

  it("sends address and time-zone problems to the lead's page", () => {
    expect(explain("no_address")).toEqual({ message: "The lead has no valid phone number.", fixHref: "/deals/deal-1", fixLabel: "Edit the lead's contact" });
    expect(explain("unknown_time_zone").fixHref).toBe("/deals/deal-1");
    expect(explain("no_address", { dealId: null })).toMatchObject({ fixHref: null, fixLabel: null });
  });

  it("names the score and the market's minimum, with the policy's link", () => {
    expect(explain("score_below_minimum", { score: 40, minimumScore: 50 })).toEqual({
      message: "Lead score 40 is under the market's minimum 50: edit the policy.",
      fixHref: "/policies?tab=contact#market-policy-FL-Tampa",
      fixLabel: "Edit the policy",
    });
    expect(explain("score_missing", { minimumScore: 50 }).message).toBe("The lead has no score, and Tampa, FL requires a minimum of 50: score the lead or edit the policy.");
  });

  it("says until when the window is closed, in the lead's time", () => {
    expect(explain("outside_window", { opensAt: "9:00 AM" }).message).toBe("Outside the contact window until 9:00 AM lead's time.");
    expect(explain("outside_window").message).toBe("Outside the contact window in the lead's time.");
    expect(explain("closed_today", { opensAt: "Mon 9:00 AM" }).message).toBe("No contact window today in the lead's market; it opens Mon 9:00 AM lead's time.");
  });

  it("points email footer and cap problems at the Compliance settings", () => {
    expect(explain("no_postal_address", { channel: "EMAIL" })).toEqual({
      message: "No postal address for the email footer: set it in Compliance settings.",
      fixHref: "/settings/compliance#outbound-settings",
      fixLabel: "Set the postal address",
    });
    expect(explain("daily_cap_reached", { dailyCap: 500 }).message).toBe("The daily SMS cap of 500 is reached: raise it in Compliance settings, or send tomorrow.");
    expect(explain("do_not_contact").fixHref).toBe("/settings/compliance#do-not-contact");
    expect(explain("channel_not_allowed").message).toBe("SMS is not allowed by the market policy of Tampa, FL.");
    expect(explain("no_policy", { region: "ZZ", market: null }).fixHref).toBe("/policies?tab=contact");
    expect(explain("policy_disabled", { market: "ALL" })).toMatchObject({ fixHref: "/policies?tab=contact#market-policy-FL-ALL", fixLabel: "Enable the policy" });
  });
});

describe("links and times", () => {
  it("builds the consent form and policy links", () => {
    expect(consentFormHref("EMAIL", null)).toBe("/settings/compliance?channel=EMAIL#record-consent");
    expect(policyHref("ON", "ALL")).toBe("/policies?tab=contact#market-policy-ON-ALL");
  });
  it("formats the next opening as the lead reads it", () => {
    const now = new Date("2026-03-09T06:30:00Z"); // 2:30 AM in New York
    expect(formatOpening(new Date("2026-03-09T13:00:00Z"), now, "America/New_York")).toBe("9:00 AM");
    expect(formatOpening(new Date("2026-03-10T13:00:00Z"), now, "America/New_York")).toBe("Tue 9:00 AM");
  });
});
