/**
 * The direct-mail gates, pure, in order; the first refusal wins. Mail needs no consent (it
 * is not a call or a text), but a lead who asked not to be contacted, a lead whose deal is
 * over, a blacklisted area, an address the post cannot deliver to and a spent monthly budget
 * all stop a piece. Unknowns fail closed.
 */
import { checkBudget } from "@/lib/enrichment/budget";
import { formatCents } from "./pricing";
import type { AddressVerification } from "./verify-address";

export const MAIL_GATES = ["recipient", "do_not_contact", "area", "address", "budget"] as const;
export type MailGate = (typeof MAIL_GATES)[number];

export interface MailFacts {
  dealStatus: string;
  /** The erasure suppression list or the do-not-contact list holds the lead's phone or email. */
  onDoNotContact: boolean;
  areaBlacklist: { areaCode: string; reason: string } | null;
  verification: AddressVerification;
  costCents: number;
  /** Spent this calendar month (UTC) on pieces handed to a provider. */
  usedCents: number;
  /** null when the workspace's settings cannot be read: nothing is mailed until they can. */
  budgetCents: number | null;
}

export type MailDecision = { allowed: true } | { allowed: false; gate: MailGate; reason: string; detail: string };

const refuse = (gate: MailGate, reason: string, detail: string): MailDecision => ({ allowed: false, gate, reason, detail });

export function decideMailPiece(facts: MailFacts): MailDecision {
  if (facts.dealStatus === "DEAD" || facts.dealStatus === "CLOSED") {
    return refuse("recipient", "deal_closed", `The lead is ${facts.dealStatus === "DEAD" ? "dead" : "closed"}; it gets no more mail`);
  }
  if (facts.onDoNotContact) return refuse("do_not_contact", "do_not_contact", "The lead is on the do-not-contact list");
  if (facts.areaBlacklist) return refuse("area", "area_blacklisted", `Area ${facts.areaBlacklist.areaCode} is blacklisted: ${facts.areaBlacklist.reason}`);
  if (!facts.verification.ok) return refuse("address", "unverifiable_address", facts.verification.reason);
  if (facts.budgetCents === null) return refuse("budget", "budget_unreadable", "The workspace's settings cannot be read, so the mail budget is unknown");
  const budget = checkBudget(facts.usedCents, facts.costCents, facts.budgetCents);
  if (!budget.allowed) {
    return refuse(
      "budget",
      "over_budget",
      `This ${formatCents(facts.costCents)} piece would take the month's mail past its ${formatCents(facts.budgetCents)} budget (${formatCents(budget.remainingCents)} left)`,
    );
  }
  return { allowed: true };
}
