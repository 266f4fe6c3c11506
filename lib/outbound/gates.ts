/**
 * The outbound gate sequence, pure: given the facts the service gathered, may this message
 * leave? Gates run in a fixed order and the first refusal wins, so the reason a user sees is
 * always the most fundamental one. Every unknown fails closed.
 */
import { isContactAllowed, type ContactReason } from "@/lib/policy/rules";
import type { PolicyRecord } from "@/lib/policy/schema";
import { decideRegistries, type RegistryBlockReason, type RegistryConsent, type RegistryDecision, type RegistryFacts } from "@/lib/dnc/rules";

export type OutboundChannel = "SMS" | "EMAIL";
export type ConsentState = "OPTED_IN" | "OPTED_OUT" | null;

/** In order. `recipient` refuses a buyer who is not active, before anything is read about the address. */
export const GATES = ["recipient", "address", "consent", "do_not_contact", "area", "dnc_registry", "market_policy", "channel", "email_compliance", "daily_cap", "sender"] as const;
export type Gate = (typeof GATES)[number];

export type BlockReason =
  | "buyer_inactive"
  | "no_address"
  | "opted_out"
  | "no_consent"
  | "do_not_contact"
  | "area_blacklisted"
  | RegistryBlockReason
  | Exclude<ContactReason, "within_window" | "channel_not_allowed">
  | "channel_not_allowed"
  | "no_postal_address"
  | "no_unsubscribe_link"
  | "footer_removed"
  | "daily_cap_reached"
  | "sender_paused"
  | "sender_rate_reached";

export interface OutboundFacts {
  channel: OutboundChannel;
  /** The lead's address on the channel in stored form (E.164 / lower-case email), null when missing or malformed. */
  address: string | null;
  /** The contact's latest word on this channel and address. */
  consent: ConsentState;
  /** The address is on the tenant's do-not-contact list. */
  onDoNotContact: boolean;
  /**
   * The blacklist mark of the lead's postal area (lib/market), null when the area is not
   * blacklisted or the message is for a buyer. A mark that could not be read is passed as
   * one, so the send fails closed.
   */
  areaBlacklist: { areaCode: string; reason: string } | null;
  /** The phone number against the tenant's do-not-call registries; null for an email or a number no registry covers. */
  registries: RegistryFacts | null;
  /** The basis of the consent on this channel (when opted in), which may exempt the number from a national registry. */
  consentBasis: RegistryConsent | null;
  /** The market policy governing the lead's region and market, null when none does. */
  policy: PolicyRecord | null;
  /** The lead's time zones: its own, or every zone of its region when only that is known. */
  timeZones: readonly string[];
  at: Date;
  score: number | null;
  /** The tenant's mailing address printed in every email; null when it has none. */
  postalAddress: string | null;
  /** An unsubscribe link can be signed (the app has its secret); emails without one are refused. */
  canLinkUnsubscribe: boolean;
  /**
   * For an email whose body places the footer itself (an approved draft): whether the body
   * still holds every footer token. null when the core appends the footer.
   */
  footerInBody?: boolean | null;
  sentToday: number;
  dailyCap: number;
  /**
   * Deliverability control's refusal when every sending number (or email domain) is paused or
   * has used its share of the cap (lib/deliverability/sender-rules.ts); absent when a sender
   * was chosen or none is configured.
   */
  senderRefusal?: { reason: "sender_paused" | "sender_rate_reached"; detail: string } | null;
}

export type OutboundDecision =
  | { allowed: true }
  | { allowed: false; gate: Gate; reason: BlockReason; detail: string; registry?: Extract<RegistryDecision, { allowed: false }>["registry"] };

function refuse(gate: Gate, reason: BlockReason, detail: string): OutboundDecision {
  return { allowed: false, gate, reason, detail };
}

const ALLOWED: OutboundDecision = { allowed: true };

export function decideOutbound(facts: OutboundFacts): OutboundDecision {
  if (!facts.address) {
    return refuse("address", "no_address", facts.channel === "SMS" ? "The lead has no valid phone number" : "The lead has no valid email address");
  }
  // Opt-out first: the contact's own word outranks everything, including a stale opt-in.
  if (facts.consent === "OPTED_OUT") return refuse("consent", "opted_out", `${facts.address} opted out of ${facts.channel}`);
  if (facts.consent !== "OPTED_IN") return refuse("consent", "no_consent", `No recorded consent for ${facts.channel} to ${facts.address}`);
  if (facts.onDoNotContact) return refuse("do_not_contact", "do_not_contact", `${facts.address} is on the do-not-contact list`);
  if (facts.areaBlacklist) return refuse("area", "area_blacklisted", `Area ${facts.areaBlacklist.areaCode} is blacklisted: ${facts.areaBlacklist.reason}`);
  if (facts.registries) {
    const registry = decideRegistries(facts.registries, facts.consentBasis, facts.at);
    if (!registry.allowed) return { ...refuse("dnc_registry", registry.reason, registry.detail), registry: registry.registry } as OutboundDecision;
  }

  const policy = isContactAllowed({
    policy: facts.policy,
    timeZones: facts.timeZones,
    at: facts.at,
    channel: facts.channel,
    score: facts.score,
  });
  if (!policy.ok) {
    // The policy rules check the channel before the score and the window; a channel the
    // policy does not allow is its own gate so the user sees what to change.
    if (policy.reason === "channel_not_allowed") return refuse("channel", "channel_not_allowed", policy.detail ?? "Channel not allowed");
    return refuse("market_policy", policy.reason as BlockReason, policy.detail ?? policy.reason);
  }

  if (facts.channel === "EMAIL" && !facts.postalAddress?.trim()) {
    return refuse("email_compliance", "no_postal_address", "Emails must carry the sender's postal address; set it under Compliance");
  }
  if (facts.channel === "EMAIL" && !facts.canLinkUnsubscribe) {
    return refuse("email_compliance", "no_unsubscribe_link", "Emails must carry an unsubscribe link; the app has no signing secret (AUTH_SECRET)");
  }
  if (facts.channel === "EMAIL" && facts.footerInBody === false) {
    return refuse("email_compliance", "footer_removed", "The email's compliance footer was removed: its body must keep {{postal_address}} and {{unsubscribe_link}}");
  }
  if (!(Number.isFinite(facts.dailyCap) && Number.isFinite(facts.sentToday)) || facts.sentToday >= facts.dailyCap) {
    return refuse("daily_cap", "daily_cap_reached", `The daily ${facts.channel} cap of ${facts.dailyCap} is reached`);
  }
  if (facts.senderRefusal) return refuse("sender", facts.senderRefusal.reason, facts.senderRefusal.detail);
  return ALLOWED;
}
