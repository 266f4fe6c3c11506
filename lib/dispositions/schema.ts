/**
 * The inputs of a buyer deal page and of the team's offer entry, one schema each, shared by
 * the page's forms (their limits), the handler that receives them and the deal's Buyers tab.
 * Client-safe: zod only.
 */
import { z } from "zod";
import { parseMoney } from "@/lib/intake/schema";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v ?? undefined);

export const OFFER_MAX = 100_000_000;
export const PROOF_OF_FUNDS_MAX = 500;
export const NOTE_MAX = 1_000;

/** Why a buyer passes, as the page's select offers them. */
export const PASS_REASONS = ["PRICE", "LOCATION", "CONDITION", "PROPERTY_TYPE", "TIMING", "OTHER"] as const;
export type PassReason = (typeof PASS_REASONS)[number];
export const PASS_REASON_LABELS: Record<PassReason, string> = {
  PRICE: "Price is too high",
  LOCATION: "Not my area",
  CONDITION: "Too much work",
  PROPERTY_TYPE: "Not a property type I buy",
  TIMING: "Not buying right now",
  OTHER: "Something else",
};

const optionalText = (max: number, label: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${label} is at most ${max} characters`).optional());

const DAY_MS = 86_400_000;

/** Why a closing date is refused, or null: a real YYYY-MM-DD from yesterday (the buyer's today in any zone) to two years ahead. */
export function closingDateProblem(value: string, nowMs = Date.now()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "Enter the closing date as YYYY-MM-DD";
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return "Enter a real date";
  if (date.getTime() < nowMs - 2 * DAY_MS || date.getTime() > nowMs + 731 * DAY_MS) return "Choose a closing date from today to two years ahead";
  return null;
}

export const ClosingDate = z.preprocess(
  blankToUndefined,
  z
    .string()
    .superRefine((value, ctx) => {
      const problem = closingDateProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
);

/** A buyer's offer from the buyer deal page. */
export const BuyerOfferInput = z.object({
  amount: z.preprocess(
    (v) => parseMoney(blankToUndefined(v)),
    z
      .number({ error: "Enter your offer, like 185000 or $185k" })
      .int("Offer whole dollars")
      .min(1, "Enter your offer, like 185000 or $185k")
      .max(OFFER_MAX, "That offer is too large"),
  ),
  proofOfFunds: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "Say how you will pay: cash on hand, bank letter, lender" })
      .trim()
      .min(3, "Say how you will pay: cash on hand, bank letter, lender")
      .max(PROOF_OF_FUNDS_MAX, `Proof of funds is at most ${PROOF_OF_FUNDS_MAX} characters`),
  ),
  closingDate: ClosingDate,
  note: optionalText(NOTE_MAX, "The note"),
});
export type BuyerOfferInput = z.infer<typeof BuyerOfferInput>;

/** A buyer passing on the deal, with why. */
export const BuyerPassInput = z.object({
  reason: z.enum(PASS_REASONS, { error: "Choose why you pass" }),
  note: optionalText(NOTE_MAX, "The note"),
});
export type BuyerPassInput = z.infer<typeof BuyerPassInput>;

/** What a buyer deal page posts: one of its three buttons and that button's fields. */
export const BuyerPageAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("interested") }),
  BuyerPassInput.extend({ intent: z.literal("pass") }),
  BuyerOfferInput.extend({ intent: z.literal("offer") }),
]);
export type BuyerPageAction = z.infer<typeof BuyerPageAction>;

/** An offer the team received by phone or email and enters on the deal's Buyers tab. */
export const TeamOfferInput = BuyerOfferInput.extend({
  dealId: z.string().min(1),
  buyerId: z.string({ error: "Choose the buyer" }).min(1, "Choose the buyer"),
  proofOfFunds: optionalText(PROOF_OF_FUNDS_MAX, "Proof of funds"),
});
export type TeamOfferInput = z.infer<typeof TeamOfferInput>;

/** Accept or decline one offer. */
export const OfferDecisionInput = z.object({ offerId: z.string().min(1), decision: z.enum(["accept", "decline"]) });
export type OfferDecisionInput = z.infer<typeof OfferDecisionInput>;

/** Move the deal's disposition to a stage (the Buyers tab's next-step button). */
export const DispositionAdvanceInput = z.object({
  dealId: z.string().min(1),
  stage: z.enum(["MARKETED", "OFFER_ACCEPTED", "ASSIGNED", "CLOSED"], { error: "Choose a stage" }),
});
export type DispositionAdvanceInput = z.infer<typeof DispositionAdvanceInput>;

export const BUYER_TERMS_MAX = 1_000;

/**
 * What buyers read on their deal page beside the numbers: the terms (earnest money,
 * inspection period, how the assignment closes) and the date the deal must close by. Both
 * optional; a blank field clears it.
 */
export const DealBuyerTermsInput = z.object({
  dealId: z.string().min(1),
  buyerTerms: optionalText(BUYER_TERMS_MAX, "The terms"),
  targetClosingDate: ClosingDate,
});
export type DealBuyerTermsInput = z.infer<typeof DealBuyerTermsInput>;
