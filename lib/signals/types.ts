/**
 * The kinds of intent signal Dealflow knows, with their seeded weights and half-lives. A
 * workspace edits both on the Signals settings page; the laboratory tries alternatives.
 * Client-safe: the settings form and the score breakdown read the same table.
 */

export const SIGNAL_TYPES = [
  "sms_reply",
  "email_reply",
  "email_open",
  "email_click",
  "deal_page_view",
  "buyer_offer",
  "form_capture",
  "status_change",
  "crm_stage_change",
  "crm_activity",
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export function isSignalType(value: unknown): value is SignalType {
  return typeof value === "string" && (SIGNAL_TYPES as readonly string[]).includes(value);
}

/** Where signals come from; webhook sources name their adapter. */
export const SIGNAL_SOURCES = ["sms", "email", "sendgrid", "buyer_page", "intake", "pipeline", "webhook:generic", "webhook:salesforce", "webhook:hubspot", "demo"] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** Whose intent a signal speaks of: a lead (a deal's seller) or a buyer. */
export type SignalSubject = { kind: "lead"; dealId: string } | { kind: "buyer"; buyerId: string };

export interface SignalTypeInfo {
  label: string;
  /** What the person did, for reasoning lines ("replied by text"). */
  verb: string;
  weight: number;
  halfLifeHours: number;
}

/**
 * The seeded table. A reply is worth most and fades over three days; an open is a weak hint
 * that fades in a day; an offer or a CRM stage change stays strong for a week. A lead who
 * replies by text and by email (30 + 30) and clicks a link (12) crosses the seeded
 * threshold of 70 while all three are fresh.
 */
export const SIGNAL_TYPE_INFO: Record<SignalType, SignalTypeInfo> = {
  sms_reply: { label: "SMS reply", verb: "replied by text", weight: 30, halfLifeHours: 72 },
  email_reply: { label: "Email reply", verb: "replied by email", weight: 30, halfLifeHours: 72 },
  email_open: { label: "Email open", verb: "opened an email", weight: 5, halfLifeHours: 24 },
  email_click: { label: "Email click", verb: "clicked a link in an email", weight: 12, halfLifeHours: 48 },
  deal_page_view: { label: "Deal page view", verb: "viewed a deal page", weight: 8, halfLifeHours: 48 },
  buyer_offer: { label: "Buyer offer", verb: "made an offer", weight: 40, halfLifeHours: 168 },
  form_capture: { label: "Form capture", verb: "filled in a form", weight: 25, halfLifeHours: 168 },
  status_change: { label: "Status change", verb: "moved forward in the pipeline", weight: 15, halfLifeHours: 120 },
  crm_stage_change: { label: "CRM stage change", verb: "moved to a new stage in the CRM", weight: 25, halfLifeHours: 168 },
  crm_activity: { label: "CRM activity", verb: "had activity logged in the CRM", weight: 10, halfLifeHours: 72 },
};

export const DEFAULT_WEIGHTS = Object.fromEntries(SIGNAL_TYPES.map((t) => [t, SIGNAL_TYPE_INFO[t].weight])) as Record<SignalType, number>;
export const DEFAULT_HALF_LIFE_HOURS = Object.fromEntries(SIGNAL_TYPES.map((t) => [t, SIGNAL_TYPE_INFO[t].halfLifeHours])) as Record<SignalType, number>;
