import { describe, expect, it } from "vitest";
import { draftEligibility, sendingAllowance, type EligibilityFacts } from "@/lib/approvals/eligibility";

const ok: EligibilityFacts = { score: 80, threshold: 70, email: "a@example.com", consent: "OPTED_IN", onDoNotContact: false, suppressed: false, pendingDrafts: 0, sentToday: 0, dailyLimit: 1 };

describe("draftEligibility", () => {
  it("allows a person over the threshold with consent, nothing waiting and nothing sent today", () => {
    expect(draftEligibility(ok)).toEqual({ eligible: true });
    expect(draftEligibility({ ...ok, score: 70 })).toEqual({ eligible: true });
  });

  it.each<[Partial<EligibilityFacts>, string]>([
    [{ score: 69 }, "below_threshold"],
    [{ email: null }, "no_email"],
    [{ consent: null }, "no_consent"],
    [{ consent: "OPTED_OUT" }, "opted_out"],
    [{ onDoNotContact: true }, "do_not_contact"],
    [{ suppressed: true }, "do_not_contact"],
    [{ pendingDrafts: 1 }, "pending_draft"],
    [{ sentToday: 1 }, "daily_limit"],
    [{ sentToday: 2, dailyLimit: 2 }, "daily_limit"],
    [{ dailyLimit: 0 }, "daily_limit"],
  ])("refuses %o as %s", (patch, reason) => {
    const result = draftEligibility({ ...ok, ...patch });
    expect(result).toMatchObject({ eligible: false, reason });
    if (!result.eligible) expect(result.detail.length).toBeGreaterThan(10);
  });

  it("names the first failing rule when several fail, in the documented order", () => {
    const all: EligibilityFacts = { score: 10, threshold: 70, email: null, consent: "OPTED_OUT", onDoNotContact: true, suppressed: true, pendingDrafts: 3, sentToday: 5, dailyLimit: 1 };
    const order = ["below_threshold", "no_email", "opted_out", "do_not_contact", "pending_draft", "daily_limit"];
    const fixes: Partial<EligibilityFacts>[] = [{ score: 90 }, { email: "a@example.com" }, { consent: "OPTED_IN" }, { onDoNotContact: false, suppressed: false }, { pendingDrafts: 0 }, { sentToday: 0 }];
    let facts = all;
    for (const [index, reason] of order.entries()) {
      expect(draftEligibility(facts)).toMatchObject({ eligible: false, reason });
      facts = { ...facts, ...fixes[index] };
    }
    expect(draftEligibility(facts)).toEqual({ eligible: true });
  });

  it("sendingAllowance checks only the daily limit", () => {
    expect(sendingAllowance({ sentToday: 0, dailyLimit: 1 })).toEqual({ eligible: true });
    expect(sendingAllowance({ sentToday: 1, dailyLimit: 1 })).toMatchObject({ eligible: false, reason: "daily_limit" });
  });
});
