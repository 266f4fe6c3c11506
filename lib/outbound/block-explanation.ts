/**
 * Why a message was refused, in words a wholesaler can act on: what is missing and where it
 * is fixed. Pure (no server imports): the send form and the outbox table both use it.
 */
import type { BlockReason, OutboundChannel } from "./gates";
import { INLINE_FOOTER_TOKENS } from "./unsubscribe";

export interface BlockFacts {
  reason: BlockReason;
  channel: OutboundChannel;
  /** The address the message was for, as stored (E.164 / email); null when the lead has none. */
  address: string | null;
  dealId?: string | null;
  /** Set when the message was for a buyer rather than a lead. */
  buyerId?: string | null;
  /** The lead's region and market, naming the policy that refused. */
  region?: string | null;
  market?: string | null;
  score?: number | null;
  minimumScore?: number | null;
  /** When the contact window opens next, in the lead's time ("9:00 AM", "Mon 9:00 AM"); null when unknown. */
  opensAt?: string | null;
  dailyCap?: number | null;
  /** The lead's postal area (ZIP or FSA) and why it is blacklisted, for an area refusal. */
  areaCode?: string | null;
  areaReason?: string | null;
  /** The do-not-call registry that refused, with its copy's age in days. */
  registry?: { kind: string; name: string; ageDays: number | null } | null;
}

export interface BlockExplanation {
  message: string;
  /** Where the missing piece is set; null when nothing in the app can fix it. */
  fixHref: string | null;
  fixLabel: string | null;
}

const CHANNEL_WORD: Record<OutboundChannel, string> = { SMS: "SMS", EMAIL: "email" };

/** The Compliance page's consent form, filled with the channel and address. */
export function consentFormHref(channel: OutboundChannel, address: string | null): string {
  const params = new URLSearchParams({ channel });
  if (address) params.set("address", address);
  return `/settings/compliance?${params.toString()}#record-consent`;
}

/** The Market map, opened on the area's card (where its blacklist is lifted). */
export function marketAreaHref(areaCode: string | null | undefined): string {
  return areaCode ? `/market?${new URLSearchParams({ area: areaCode }).toString()}` : "/market";
}

/** The contact rules tab of Policies, scrolled to the policy of the lead's region (and market). */
export function policyHref(region: string | null | undefined, market: string | null | undefined): string {
  const anchor = region ? `#market-policy-${region}-${market && market !== "ALL" ? market : "ALL"}` : "";
  return `/policies?tab=contact${anchor}`;
}

const scope = (facts: BlockFacts) => (facts.region ? (facts.market && facts.market !== "ALL" ? `${facts.market}, ${facts.region}` : facts.region) : "the lead's market");

export function explainBlock(facts: BlockFacts): BlockExplanation {
  const who = facts.address ?? "this lead";
  const channel = CHANNEL_WORD[facts.channel];
  const dealHref = facts.dealId ? `/deals/${facts.dealId}` : null;
  const policy = { fixHref: policyHref(facts.region, facts.market), fixLabel: "Edit the policy" };
  const buyerHref = facts.buyerId ? `/buyers/${facts.buyerId}` : null;
  switch (facts.reason) {
    case "buyer_inactive":
      return {
        message: "The buyer is not active (inactive or do not use): only active buyers are contacted. Make them active on their page to send.",
        fixHref: buyerHref ?? "/buyers",
        fixLabel: buyerHref ? "Open the buyer" : "See the buyers",
      };
    case "no_address":
      if (buyerHref) {
        return { message: facts.channel === "SMS" ? "The buyer has no valid phone number." : "The buyer has no valid email address.", fixHref: buyerHref, fixLabel: "Edit the buyer's contact" };
      }
      return {
        message: facts.channel === "SMS" ? "The lead has no valid phone number." : "The lead has no valid email address.",
        fixHref: dealHref,
        fixLabel: dealHref ? "Edit the lead's contact" : null,
      };
    case "no_consent":
      return {
        message: `No consent on record for ${who} (${channel}). Record consent on Compliance → Consent.`,
        fixHref: consentFormHref(facts.channel, facts.address),
        fixLabel: "Record consent",
      };
    case "opted_out":
      return {
        message: `${who} opted out of ${channel}. Only the contact can opt back in (a START reply, or their new consent recorded on Compliance).`,
        fixHref: consentFormHref(facts.channel, facts.address),
        fixLabel: "See the consent record",
      };
    case "do_not_contact":
      return {
        message: `${who} is on the do-not-contact list.`,
        fixHref: "/settings/compliance#do-not-contact",
        fixLabel: "Review the do-not-contact list",
      };
    case "area_blacklisted": {
      const area = facts.areaCode ? `area ${facts.areaCode}` : "its area";
      return {
        message: `The lead is in ${area}, which is blacklisted${facts.areaReason ? ` (${facts.areaReason})` : ""}: its leads are not contacted. Lift the blacklist on the Market map to send.`,
        fixHref: marketAreaHref(facts.areaCode),
        fixLabel: "Lift the blacklist on the Market map",
      };
    }
    case "dnc_national":
    case "dnc_litigator":
    case "dnc_internal":
    case "dncl_stale":
    case "dncl_missing":
      return explainRegistryBlock(facts, who);
    case "no_policy":
      return { message: `No market policy covers ${scope(facts)}: add one under Policies → Contact rules.`, fixHref: policyHref(null, null), fixLabel: "Add a market policy" };
    case "policy_disabled":
      return { message: `The market policy of ${scope(facts)} is disabled: enable it to contact its leads.`, ...policy, fixLabel: "Enable the policy" };
    case "unknown_time_zone":
      if (buyerHref) {
        return { message: "The buyer's time zone is unknown, so their contact window cannot be read: give the buyer a market or a postal code.", fixHref: buyerHref, fixLabel: "Edit the buyer" };
      }
      return {
        message: "The lead's time zone is unknown, so its contact window cannot be read: give the lead a ZIP or postal code.",
        fixHref: dealHref,
        fixLabel: dealHref ? "Edit the lead's address" : null,
      };
    case "score_missing":
      return {
        message: `The lead has no score, and ${scope(facts)} requires ${facts.minimumScore != null ? `a minimum of ${facts.minimumScore}` : "one"}: score the lead or edit the policy.`,
        ...policy,
      };
    case "score_below_minimum":
      return {
        message:
          facts.score != null && facts.minimumScore != null
            ? `Lead score ${facts.score} is under the market's minimum ${facts.minimumScore}: edit the policy.`
            : "The lead's score is under the market's minimum: edit the policy.",
        ...policy,
      };
    case "outside_window":
      return {
        message: facts.opensAt ? `Outside the contact window until ${facts.opensAt} lead's time.` : "Outside the contact window in the lead's time.",
        fixHref: policy.fixHref,
        fixLabel: "See the contact windows",
      };
    case "closed_today":
      return {
        message: facts.opensAt ? `No contact window today in the lead's market; it opens ${facts.opensAt} lead's time.` : "No contact window today in the lead's market.",
        fixHref: policy.fixHref,
        fixLabel: "See the contact windows",
      };
    case "channel_not_allowed":
      return { message: `${facts.channel === "SMS" ? "SMS is" : "Email is"} not allowed by the market policy of ${scope(facts)}.`, ...policy };
    case "no_postal_address":
      return {
        message: "No postal address for the email footer: set it in Compliance settings.",
        fixHref: "/settings/compliance#outbound-settings",
        fixLabel: "Set the postal address",
      };
    case "no_unsubscribe_link":
      return {
        message: "Emails need a signed unsubscribe link, and the server has no AUTH_SECRET to sign it: an administrator must set it in the server's environment.",
        fixHref: "/system",
        fixLabel: "See the system status",
      };
    case "footer_removed":
      return {
        message: `The email lost its compliance footer: keep ${INLINE_FOOTER_TOKENS.join(" and ")} in the body, where the postal address and the unsubscribe link go.`,
        fixHref: "/settings/signals",
        fixLabel: "See the drafting templates",
      };
    case "daily_cap_reached":
      return {
        message: `The daily ${channel} cap${facts.dailyCap != null ? ` of ${facts.dailyCap}` : ""} is reached: raise it in Compliance settings, or send tomorrow.`,
        fixHref: "/settings/compliance#outbound-settings",
        fixLabel: "Change the daily cap",
      };
    case "sender_paused":
      return {
        message: `Every ${facts.channel === "SMS" ? "sending number" : "sending domain"} is paused by deliverability control after poor delivery, opt-outs or replies; nothing leaves until one is restored or another is added.`,
        fixHref: "/deliverability",
        fixLabel: "Open Deliverability",
      };
    case "sender_rate_reached":
      return {
        message: `Every ${facts.channel === "SMS" ? "sending number" : "sending domain"} has used its share of today's ${channel} cap (slowed senders carry less): send tomorrow, or add a sender.`,
        fixHref: "/deliverability",
        fixLabel: "Open Deliverability",
      };
  }
}

export const REGISTRIES_HREF = "/settings/compliance/registries";

/** A refusal by a do-not-call registry (lib/dnc/rules.ts states the rules). */
function explainRegistryBlock(facts: BlockFacts, who: string): BlockExplanation {
  const list = facts.registry ? `"${facts.registry.name}"` : null;
  switch (facts.reason) {
    case "dnc_litigator":
      return { message: `${who} is on the litigator list${list ? ` ${list}` : ""}: it is never texted or called, whatever its consent.`, fixHref: REGISTRIES_HREF, fixLabel: "See the registries" };
    case "dnc_internal":
      return { message: `${who} is on the internal do-not-call list${list ? ` ${list}` : ""}: it is never texted or called, whatever its consent.`, fixHref: REGISTRIES_HREF, fixLabel: "See the registries" };
    case "dncl_missing":
      return {
        message: "No copy of Canada's National DNCL is loaded, and Canadian numbers may only be contacted after a check against one no older than 31 days (unless the person gave prior express written consent). Download the DNCL and upload it.",
        fixHref: REGISTRIES_HREF,
        fixLabel: "Upload the DNCL",
      };
    case "dncl_stale":
      return {
        message: `The Canadian DNCL copy${list ? ` ${list}` : ""} is ${facts.registry?.ageDays != null ? `${facts.registry.ageDays} days` : "too"} old: Canada requires a copy no older than 31 days before texting or calling Canadian numbers. Download a new copy and upload it.`,
        fixHref: REGISTRIES_HREF,
        fixLabel: "Upload a new DNCL copy",
      };
    default:
      return {
        message: `${who} is on ${list ?? "a national do-not-call registry"}, and its consent does not exempt it: record the person's prior express written consent (or an established relationship within its window) to contact them.`,
        fixHref: consentFormHref(facts.channel, facts.address),
        fixLabel: "Record consent",
      };
  }
}

/** "9:00 AM" when the instant falls on the same local day as `now`, else "Mon 9:00 AM". */
export function formatOpening(at: Date, now: Date, timeZone: string): string {
  const day = (d: Date) => d.toLocaleDateString("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const time = at.toLocaleTimeString("en-US", { timeZone, hour: "numeric", minute: "2-digit" });
  return day(at) === day(now) ? time : `${at.toLocaleDateString("en-US", { timeZone, weekday: "short" })} ${time}`;
}
