/**
 * Whether a person may get a drafted email now. Pure: the facts are read by the service.
 * The order is the order a person would ask in: is the intent high enough, can we reach
 * them, may we, and have they had (or are they about to get) enough email today.
 */
import type { ConsentStatus } from "@/generated/prisma/enums";

export type SkipReason = "below_threshold" | "no_email" | "no_consent" | "opted_out" | "do_not_contact" | "daily_limit" | "pending_draft" | "not_found";

export interface EligibilityFacts {
  score: number;
  threshold: number;
  /** The person's email address in stored form, null when missing or malformed. */
  email: string | null;
  /** The email consent on record for that address. */
  consent: ConsentStatus | null;
  onDoNotContact: boolean;
  /** Asked to be erased (lib/privacy/suppression). */
  suppressed: boolean;
  /** A draft for this person awaits a decision (or is being sent). */
  pendingDrafts: number;
  /** Emails sent from approved drafts to this person today. */
  sentToday: number;
  dailyLimit: number;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: SkipReason; detail: string };

export function draftEligibility(facts: EligibilityFacts): Eligibility {
  if (facts.score < facts.threshold) {
    return { eligible: false, reason: "below_threshold", detail: `Intent score ${facts.score} is under the threshold of ${facts.threshold}` };
  }
  if (!facts.email) return { eligible: false, reason: "no_email", detail: "No valid email address is on record for this person" };
  if (facts.consent === "OPTED_OUT") return { eligible: false, reason: "opted_out", detail: `${facts.email} opted out of email` };
  if (facts.consent !== "OPTED_IN") return { eligible: false, reason: "no_consent", detail: `${facts.email} has not agreed to receive email` };
  if (facts.onDoNotContact || facts.suppressed) {
    return { eligible: false, reason: "do_not_contact", detail: facts.suppressed ? `${facts.email} asked to be erased` : `${facts.email} is on the do-not-contact list` };
  }
  if (facts.pendingDrafts > 0) return { eligible: false, reason: "pending_draft", detail: "A draft for this person is already waiting for a decision" };
  return sendingAllowance(facts);
}

/** The per-person daily limit alone, as approval checks it again just before sending. */
export function sendingAllowance(facts: Pick<EligibilityFacts, "sentToday" | "dailyLimit">): Eligibility {
  if (facts.sentToday >= facts.dailyLimit) {
    return {
      eligible: false,
      reason: "daily_limit",
      detail: `This person already got ${facts.sentToday} email${facts.sentToday === 1 ? "" : "s"} from approved drafts today (limit ${facts.dailyLimit} a day)`,
    };
  }
  return { eligible: true };
}
