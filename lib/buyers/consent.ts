/**
 * The inputs that create a buyer together with the consent it gave, and the contacts that
 * consent covers. Kept apart from ./schema: the buyer form loads that schema in the browser,
 * and the consent module brings the server's audit and bulk-insert code with it.
 */
import { z } from "zod";
import { IntakeConsent, IntakeConsentFields, type IntakeContact } from "@/lib/outbound/intake-consent";
import { BuyerInput } from "./schema";

/** The new-buyer form (and its server action): the buyer and the `<ConsentFields/>` questions. */
export const NewBuyerForm = BuyerInput.safeExtend(IntakeConsentFields.shape).superRefine((input, ctx) => {
  // The consent fields' own cross-field rules (a source when consent is given), kept when merged here.
  const consent = IntakeConsentFields.safeParse(input);
  if (!consent.success) for (const issue of consent.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type NewBuyerForm = z.output<typeof NewBuyerForm>;

/** `POST /api/v1/buyers`: the buyer, and optionally the consent it gave to be texted and emailed. */
export const NewBuyerBody = BuyerInput.safeExtend({ consent: IntakeConsent.optional() });
export type NewBuyerBody = z.output<typeof NewBuyerBody>;

/** One contact per phone and per email: a buyer's consent covers each of its addresses. */
export function buyerContacts(buyer: { phones?: readonly string[] | null; emails?: readonly string[] | null }): IntakeContact[] {
  return [...(buyer.phones ?? []).map((phone) => ({ phone })), ...(buyer.emails ?? []).map((email) => ({ email }))];
}
