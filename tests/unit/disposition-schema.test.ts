import { describe, expect, it } from "vitest";
import { BuyerOfferInput, BuyerPageAction, PASS_REASONS, TeamOfferInput } from "@/lib/dispositions/schema";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("the buyer offer schema", () => {
  it("reads amounts as people write them and keeps the optional fields optional", () => {
    expect(BuyerOfferInput.parse({ amount: "$185k", proofOfFunds: " Chase letter ", closingDate: "", note: "" })).toEqual({ amount: 185_000, proofOfFunds: "Chase letter", closingDate: undefined, note: undefined });
    expect(BuyerOfferInput.parse({ amount: "1,250,000", proofOfFunds: "cash", closingDate: day(30) }).amount).toBe(1_250_000);
  });

  it.each([
    [{ amount: "", proofOfFunds: "cash" }, "amount", "Enter your offer"],
    [{ amount: "0", proofOfFunds: "cash" }, "amount", "Enter your offer"],
    [{ amount: "lots", proofOfFunds: "cash" }, "amount", "Enter your offer"],
    [{ amount: "-5000", proofOfFunds: "cash" }, "amount", "Enter your offer"],
    [{ amount: "999m", proofOfFunds: "cash" }, "amount", "too large"],
    [{ amount: "185000" }, "proofOfFunds", "Say how you will pay"],
    [{ amount: "185000", proofOfFunds: "x".repeat(501) }, "proofOfFunds", "at most 500"],
    [{ amount: "185000", proofOfFunds: "cash", closingDate: "15/01/2027" }, "closingDate", "YYYY-MM-DD"],
    [{ amount: "185000", proofOfFunds: "cash", closingDate: "2027-02-30" }, "closingDate", "real date"],
    [{ amount: "185000", proofOfFunds: "cash", closingDate: day(-10) }, "closingDate", "from today"],
    [{ amount: "185000", proofOfFunds: "cash", closingDate: day(800) }, "closingDate", "two years"],
  ])("refuses %j on %s", (input, field, message) => {
    const result = BuyerOfferInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(issues(result)[field]).toMatch(new RegExp(message, "i"));
  });
});

describe("the buyer page's actions", () => {
  it("takes the three buttons, a pass needing one of the listed reasons", () => {
    expect(BuyerPageAction.parse({ intent: "interested" })).toEqual({ intent: "interested" });
    for (const reason of PASS_REASONS) expect(BuyerPageAction.parse({ intent: "pass", reason }).intent).toBe("pass");
    expect(issues(BuyerPageAction.safeParse({ intent: "pass", reason: "BORED" }))).toHaveProperty("reason", "Choose why you pass");
    expect(issues(BuyerPageAction.safeParse({ intent: "offer", amount: "" }))).toHaveProperty("amount");
    expect(BuyerPageAction.safeParse({ intent: "delete" }).success).toBe(false);
  });

  it("lets the team record an offer without proof of funds, but not without the buyer", () => {
    const offer = TeamOfferInput.parse({ dealId: "d1", buyerId: "b1", amount: "100k" });
    expect(offer.amount).toBe(100_000);
    expect(offer.proofOfFunds).toBeUndefined();
    expect(issues(TeamOfferInput.safeParse({ dealId: "d1", buyerId: "", amount: "100k" }))).toHaveProperty("buyerId", "Choose the buyer");
  });
});
