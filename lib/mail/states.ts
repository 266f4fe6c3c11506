/**
 * A piece's life, pure: the order its states come in, which provider events move it, and
 * the local provider's simulated timeline. States only advance: a late or replayed event
 * for an earlier state changes nothing, and a piece returned to its sender stays returned.
 */
import type { Country } from "@/lib/geo";

export type MailStatus = "CREATED" | "RENDERED" | "MAILED" | "IN_TRANSIT" | "DELIVERED" | "RETURNED" | "CANCELLED" | "FAILED" | "BLOCKED";

/** Progress along the mail stream; the end states share the last rank. */
const RANK: Readonly<Record<MailStatus, number>> = {
  BLOCKED: 0, FAILED: 0, CREATED: 1, RENDERED: 2, MAILED: 3, IN_TRANSIT: 4, DELIVERED: 5, RETURNED: 5, CANCELLED: 5,
};

const FINAL: ReadonlySet<MailStatus> = new Set(["DELIVERED", "RETURNED", "CANCELLED", "FAILED", "BLOCKED"]);

/** The state after `next` is reported for a piece in `current`; null when nothing changes. */
export function advanceMailStatus(current: MailStatus, next: MailStatus): MailStatus | null {
  if (FINAL.has(current) || next === current) return null;
  // A piece comes back to its sender only after it left; a cancel only before it is mailed.
  if (next === "RETURNED") return RANK[current] >= RANK.MAILED ? "RETURNED" : null;
  if (next === "CANCELLED") return RANK[current] < RANK.MAILED ? "CANCELLED" : null;
  return RANK[next] > RANK[current] ? next : null;
}

/** Lob's postcard.* and letter.* event types, by their suffix, as piece states. */
const LOB_EVENT_STATES: Readonly<Record<string, MailStatus>> = {
  created: "CREATED",
  rendered_pdf: "RENDERED",
  rendered_thumbnails: "RENDERED",
  mailed: "MAILED",
  in_transit: "IN_TRANSIT",
  in_local_area: "IN_TRANSIT",
  processed_for_delivery: "IN_TRANSIT",
  "re-routed": "IN_TRANSIT",
  delivered: "DELIVERED",
  returned_to_sender: "RETURNED",
  deleted: "CANCELLED",
};

/** The state a Lob event type ("postcard.in_local_area") reports; null for other resources or events. */
export function lobEventState(eventType: string): MailStatus | null {
  const match = /^(postcard|letter)\.(.+)$/.exec(eventType);
  return match ? (LOB_EVENT_STATES[match[2]] ?? null) : null;
}

const DAY_MS = 86_400_000;

/** `days` business days (Monday to Friday, UTC) after `at`, at the same time of day. */
export function addBusinessDays(at: Date, days: number): Date {
  let ms = at.getTime();
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(ms);
}

/**
 * The local provider's timeline, in business days after the step before: printed and handed
 * to the post the next business day, in transit a day later, then delivered after First
 * Class's usual 3 days in the US and 5 days to Canada.
 */
export const LOCAL_TIMELINE: Readonly<Record<"RENDERED" | "MAILED" | "IN_TRANSIT", { next: MailStatus; businessDays: (country: Country) => number }>> = {
  RENDERED: { next: "MAILED", businessDays: () => 1 },
  MAILED: { next: "IN_TRANSIT", businessDays: () => 1 },
  IN_TRANSIT: { next: "DELIVERED", businessDays: (country) => (country === "CA" ? 5 : 3) },
};

/** The local provider's next step for a piece in `status` that reached it at `at`; null at the end. */
export function nextLocalTransition(status: MailStatus, at: Date, country: Country): { status: MailStatus; at: Date } | null {
  if (status !== "RENDERED" && status !== "MAILED" && status !== "IN_TRANSIT") return null;
  const step = LOCAL_TIMELINE[status];
  return { status: step.next, at: addBusinessDays(at, step.businessDays(country)) };
}

/** When a piece rendered at `at` is expected at the door on the local timeline. */
export function expectedLocalDelivery(at: Date, country: Country): Date {
  let status: MailStatus = "RENDERED";
  let when = at;
  for (let next = nextLocalTransition(status, when, country); next; next = nextLocalTransition(status, when, country)) {
    status = next.status;
    when = next.at;
  }
  return when;
}
