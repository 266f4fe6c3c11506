/** Words for the outbound core's codes, for pages and forms (no server imports: client components use it). */

/** Words for a refusal reason, for the pages and the send form. */
export const BLOCK_REASON_LABELS: Record<string, string> = {
  buyer_inactive: "Buyer not active",
  no_address: "No valid address",
  opted_out: "Opted out",
  no_consent: "No consent on record",
  do_not_contact: "On the do-not-contact list",
  area_blacklisted: "Area blacklisted",
  dnc_national: "On a national do-not-call registry",
  dnc_litigator: "On a litigator list",
  dnc_internal: "On the internal do-not-call list",
  dncl_stale: "Canadian DNCL copy older than 31 days",
  dncl_missing: "No Canadian DNCL copy loaded",
  no_policy: "No market policy",
  policy_disabled: "Market policy disabled",
  unknown_time_zone: "Lead time zone unknown",
  score_missing: "Lead has no score",
  score_below_minimum: "Lead score below the market minimum",
  outside_window: "Outside the contact window",
  closed_today: "No contact window today",
  channel_not_allowed: "Channel not allowed in this market",
  no_postal_address: "No postal address for emails",
  no_unsubscribe_link: "No unsubscribe link possible",
  footer_removed: "Compliance footer removed",
  daily_cap_reached: "Daily cap reached",
};
