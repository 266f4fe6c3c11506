import { describe, expect, it } from "vitest";
import { findMotivationWords, MOTIVATION_WORDS, sourceTextOf } from "@/lib/scoring/motivation";
import { LeadFeaturesInput } from "@/lib/scoring/schema";
import { describeModel } from "@/lib/scoring/read";

describe("motivation words", () => {
  it("finds each word once, in the table's order, whatever the phrasing", () => {
    expect(findMotivationWords("VACANT house. Probate: the heirs want out; owner is Behind on Payments, house vacant")).toEqual(["probate", "vacant", "behind on payments"]);
    expect(findMotivationWords("Tired landlord with a code violation and a tax lien, pre-foreclosure")).toEqual(["tired landlord", "code violation", "pre-foreclosure", "tax lien"]);
    expect(findMotivationWords("Nice 3/2 in a quiet street")).toEqual([]);
    // Whole words only: "provacant" is nobody's motivation.
    expect(findMotivationWords("provacant divorcee")).toEqual([]);
  });

  it("names every canonical word with at least one phrasing that finds it", () => {
    for (const entry of MOTIVATION_WORDS) expect(findMotivationWords(entry.word)).toContain(entry.word);
  });

  it("reads the string values of a raw payload and the tags", () => {
    const text = sourceTextOf({ text: "Seller is relocating", nested: { notes: ["fire damage in kitchen"] }, price: 10 }, ["probate"]);
    expect(findMotivationWords(text)).toEqual(["probate", "relocating", "fire damage"]);
  });
});

describe("LeadFeaturesInput", () => {
  it("fills neutral defaults and adds the words the text mentions", () => {
    expect(LeadFeaturesInput.parse({ spreadRatio: 0.2, text: "probate, vacant", motivationWords: ["Divorce"] })).toEqual({
      spreadRatio: 0.2, motivationWords: ["divorce", "probate", "vacant"], repairsRatio: null, daysSinceIntake: 0, listCount: 1,
      hasPhone: false, hasEmail: false, hasConsent: false, marketRank: null, source: "CSV", qualityFlagCount: 0,
    });
  });

  it("refuses a wrong type or an unknown key with the field", () => {
    const bad = LeadFeaturesInput.safeParse({ hasPhone: "yes" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["hasPhone"], message: "must be true or false" });
    expect(LeadFeaturesInput.safeParse({ shoeSize: 9 }).success).toBe(false);
    expect(LeadFeaturesInput.safeParse({ marketRank: "WARM" }).error?.issues[0].path).toEqual(["marketRank"]);
  });
});

describe("the model in words", () => {
  it("says points table or what the learned model learned from", () => {
    expect(describeModel("points-v1", null)).toBe("points table");
    expect(describeModel("learned-2", { outcomes: 312, auc: 0.7412 })).toBe("learned from your 312 outcomes, AUC 0.74");
    expect(describeModel(null, null)).toBeNull();
  });
});
